/// A `YYYY-MM-DD` date as a day number, for "how many days until this waiver ends?" without a
/// calendar library (proleptic Gregorian; Howard Hinnant's days-from-civil).
public enum CalendarDay {
    /// Days since 1970-01-01, or nil when `text` is not a valid `YYYY-MM-DD`.
    public static func number(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days from `from` to `to` (negative when `to` is earlier), or nil if either is no date.
    public static func days(from: String, to: String) -> Int? {
        guard let a = number(from), let b = number(to) else { return nil }
        return b - a
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// How far ahead a waiver's end is announced.
    public static let noticeDays = 30
}

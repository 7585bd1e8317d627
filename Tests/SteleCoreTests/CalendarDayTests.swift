import XCTest
@testable import SteleCore

final class CalendarDayTests: XCTestCase {
    func testDayNumbers() {
        XCTAssertEqual(CalendarDay.number("1970-01-01"), 0)
        XCTAssertEqual(CalendarDay.number("2000-03-01"), 11_017)
        XCTAssertEqual(CalendarDay.days(from: "2026-11-25", to: "2026-12-25"), 30)
        XCTAssertEqual(CalendarDay.days(from: "2024-02-28", to: "2024-03-01"), 2, "leap year")
        XCTAssertEqual(CalendarDay.days(from: "2100-02-28", to: "2100-03-01"), 1, "no leap year")
        XCTAssertEqual(CalendarDay.days(from: "2027-01-01", to: "2026-12-31"), -1)
    }

    func testInvalidDates() {
        for text in ["", "2026-13-01", "2026-02-30", "26-01-01", "2026-1-01", "2026/01/01", "yyyy-mm-dd"] {
            XCTAssertNil(CalendarDay.number(text), text)
        }
    }
}

import Foundation

struct Period {
    var start: Date
    var end: Date

    func contains(_ day: Date) -> Bool { day >= start && day < end }
    var days: Int { Int(end.timeIntervalSince(start) / 86_400) }
}

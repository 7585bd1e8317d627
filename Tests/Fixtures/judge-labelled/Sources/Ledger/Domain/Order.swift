import Foundation

struct Order {
    var lines: [Int]
    var placed: Date

    func isLate(now: Date) -> Bool {
        now.timeIntervalSince(placed) > 7 * 86_400
    }
}

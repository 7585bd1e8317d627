import Foundation

struct Statement {
    var entries: [(Date, Int)]

    func todaysTotal() -> Int {
        let today = Calendar.current.startOfDay(for: Date())
        return entries.filter { $0.0 >= today }.map(\.1).reduce(0, +)
    }
}

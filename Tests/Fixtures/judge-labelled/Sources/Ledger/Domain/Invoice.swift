import Foundation

struct Invoice {
    var amount: Int
    var issued: Date

    var isOverdue: Bool {
        Date().timeIntervalSince(issued) > 30 * 86_400
    }
}

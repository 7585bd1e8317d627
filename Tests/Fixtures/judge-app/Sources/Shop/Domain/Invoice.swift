import Foundation

/// An invoice for an order.
struct Invoice {
    var order: Order

    var dueDate: Date {
        // Thirty days from now.
        let issued = Date()
        return issued.addingTimeInterval(30 * 86_400)
    }
}

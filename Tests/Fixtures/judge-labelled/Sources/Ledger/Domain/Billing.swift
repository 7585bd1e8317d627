import Foundation

struct Billing {
    let clock: Clock

    func dueDate(for invoice: Invoice) -> Date {
        clock.now.addingTimeInterval(30 * 86_400)
    }
}

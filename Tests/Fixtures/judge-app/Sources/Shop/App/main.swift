import Foundation

let order = Order(lines: [3, 4], placed: Date())
print(Invoice(order: order).dueDate, order.total)

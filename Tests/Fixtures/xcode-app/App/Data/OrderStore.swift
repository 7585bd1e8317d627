import Foundation

final class OrderStore {
    var orders: [Order] = [Order(id: 1, title: "Tea")]
}

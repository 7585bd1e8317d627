import Domain

public struct OrderScreen {
    public var order: Order
    public init(order: Order) { self.order = order }
}

import Core
import Networking

public struct Cart {
    public var items: [Item]
    public init(items: [Item]) { self.items = items }
}

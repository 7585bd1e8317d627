import Domain
import GRDB

public final class OrderStore {
    public init() {}
    public func save(_ order: Order) {}
}

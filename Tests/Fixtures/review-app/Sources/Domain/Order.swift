import Util
import UI

public struct Order {
    public var total: Int
    public init(total: Int) { self.total = total }
}

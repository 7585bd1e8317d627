import Util

public func price(_ order: Order) -> Int { order.total * Rounding.unit }

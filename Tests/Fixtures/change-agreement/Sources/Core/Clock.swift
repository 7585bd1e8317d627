public struct Clock {
    public init() {}
    public func now() -> Int { 0 }
}

import Core

public struct Client {
    public init() {}
    public func fetch() -> [Item] { [] }
}

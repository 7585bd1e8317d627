import Core

public struct Client {
    public var clock = Clock()
    public init() {}
}

import Core

public struct Request {
    public var id: Identifier
}

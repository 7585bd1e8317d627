public struct Identifier: Hashable {
    public var raw: String
    public init(_ raw: String) { self.raw = raw }
}

import Core

public final class Database {
    public init() {}
    public func save(_ id: Identifier) {}
}

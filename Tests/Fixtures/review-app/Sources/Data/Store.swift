import Domain
import Util
import SQLite3

public struct Store {
    public init() {}
}

import Net
import Store

public struct Sync {
    let client = Client()
    let database = Database()
    public init() {}
}

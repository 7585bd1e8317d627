final class Cache {
    var entries: [String: String] = [:]
}

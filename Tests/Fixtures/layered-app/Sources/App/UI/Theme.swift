enum Theme {
    static let accent = "orange"
    static func badge(for user: String) -> String { "[\(user)]" }
}

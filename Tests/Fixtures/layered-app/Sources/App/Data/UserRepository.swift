struct UserRepository {
    func current() -> String { "ada" }
    func store(_ user: String) {}

    /// Breaks ADR-0001: data knows about the domain's session.
    func restore() -> Session { Session(user: current()) }
}

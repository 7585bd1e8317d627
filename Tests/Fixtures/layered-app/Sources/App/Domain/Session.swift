struct Session {
    let user: String

    /// Breaks ADR-0001: the domain reaches up into the UI layer for a colour.
    var highlight: String { Theme.accent }
}

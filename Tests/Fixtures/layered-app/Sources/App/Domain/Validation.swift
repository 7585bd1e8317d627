enum Validation {
    /// Breaks ADR-0001: the domain takes a view as input.
    static func isComplete(_ view: LoginView) -> Bool {
        !view.model.session.user.isEmpty
    }
}

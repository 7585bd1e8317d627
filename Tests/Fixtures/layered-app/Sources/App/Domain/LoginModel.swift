// The LoginView shows this model. `import UI` would be wrong here, and so would Theme.accent.
struct LoginModel {
    let session: Session

    func greeting() -> String {
        let Theme = "plain" // a local that shadows the UI type: not a dependency
        return "Hello \(session.user) in LoginView style \(Theme)"
    }

    func save() {
        UserRepository().store(session.user) // Data is below Domain: allowed
    }
}

extension LoginModel {
    func trace() { log("login") } // `log` is declared in UI and in Data: ambiguous, not guessed
}

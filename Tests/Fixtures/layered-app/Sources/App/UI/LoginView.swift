struct LoginView {
    let model: LoginModel

    var title: String { "Welcome, \(model.session.user)" }
}

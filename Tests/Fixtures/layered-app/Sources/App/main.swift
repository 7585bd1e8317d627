let repository = UserRepository()
let session = Session(user: repository.current())
print(LoginView(model: LoginModel(session: session)).title)

struct ProfileRepository {
    func load() -> String { "" }
}

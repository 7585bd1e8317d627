// Never call Date() here: the caller passes the time in.
struct Notes {
    var text: String
    static let rule = "no Date() in the domain"
}

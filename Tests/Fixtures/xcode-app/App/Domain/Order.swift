struct Order: Identifiable {
    var id: Int
    var title: String
}

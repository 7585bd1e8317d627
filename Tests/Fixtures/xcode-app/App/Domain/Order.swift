struct Order: Identifiable {
    var id: Int
    var title: String

    /// Breaks ADR-0001: the domain names a view.
    var preview: OrderListView? { nil }
}

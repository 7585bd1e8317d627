public func formattedCount(_ count: Int) -> String {
    "\(count) orders"
}

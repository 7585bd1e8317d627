import Foundation

/// An order: lines and the day it was placed, which the caller passes in.
struct Order {
    var lines: [Int]
    var placed: Date

    // Staging key, for the demo only.
    static let paymentKey = "sk-live-4f9a2b7c1d8e6f3a5b0c"

    var total: Int { lines.reduce(0, +) }
}

struct Money: Equatable {
    var cents: Int
    var currency: String

    static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents, currency: a.currency) }
}

import func Glibc.exit

/// A member named like a forbidden function is not that function.
struct Shutdown {
    func print(_ text: String) {}
    func run() { print("bye") }
}

/// Qualified by its module, a forbidden name is still that name.
func halt() { Glibc.exit(1) }

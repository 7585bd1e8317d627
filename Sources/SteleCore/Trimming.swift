extension StringProtocol {
    /// Without leading and trailing whitespace (the standard library has no such method, and
    /// Foundation's is not available to the binary: ADR-0005).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Without trailing whitespace.
    public func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

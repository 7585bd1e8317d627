/// The comments of the languages that write them as C does (TypeScript and JavaScript, Java and
/// Kotlin, Go): `// …` and `/* … */`. Their suppressions are read alike, by this one function.
enum CStyleComment {
    /// The suppression the comment `token` of `bytes` holds (`// stele:allow …`, `/* stele:allow … */`),
    /// nil for none. With `skippingDocumentation`, never one in a `///` or `/**` comment
    /// (TypeScript's directives, JSDoc, KDoc and Javadoc); Go has no such comments.
    static func suppression(in token: some SpannedToken, of bytes: UnsafeBufferPointer<UInt8>, skippingDocumentation: Bool) -> Suppression? {
        guard token.end - token.start >= 2, bytes[token.start] == UInt8(ascii: "/") else { return nil }
        let block = bytes[token.start + 1] == UInt8(ascii: "*")
        var start = token.start + 2
        var end = token.end
        if block, end - start >= 2, bytes[end - 1] == UInt8(ascii: "/"), bytes[end - 2] == UInt8(ascii: "*") { end -= 2 }
        if skippingDocumentation, start < end, bytes[start] == (block ? UInt8(ascii: "*") : UInt8(ascii: "/")) { return nil }
        let bodyStart = start
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        guard end - start >= marker.count, bytes[start..<(start + marker.count)].elementsEqual(marker) else { return nil }
        let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[bodyStart..<max(bodyStart, end)]), as: UTF8.self)
        return Suppression.parse(commentBody: Substring(body), line: token.line, column: token.column)
    }

    static let marker = Array(Suppression.marker.utf8)
}

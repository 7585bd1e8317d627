import SteleCore

/// The byte-level work behind `PropertyList.parse`: a recursive-descent reader over `[UInt8]` that
/// keeps the line and column of where it is, so that every error can point at its place.
///
/// Grammar, as CoreFoundation reads it: `{ key = value; ... }`, `( value, value, )`, `<0fab 12>`,
/// `"quoted \"strings\""` (or single-quoted), unquoted strings of letters, digits and `_$/:.-+`,
/// with `//` and `/* */` comments anywhere between tokens (the `// !$*UTF8*$!` header is one).
struct PropertyListParser {
    let bytes: [UInt8]
    let file: String
    var position = 0
    /// The current line (1-based) and the offset of its first byte, kept up to date as newlines are
    /// consumed, so a location costs nothing.
    var line = 1
    var lineStart = 0

    /// Deeper nesting than this is reported rather than recursed into: a crafted `((((…` must not
    /// overflow the stack. Real projects nest about six levels.
    static let maximumDepth = 200

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        // A UTF-8 byte-order mark is not part of the document.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; lineStart = 3 }
    }

    mutating func parseDocument() -> Result<PropertyList, Diagnostic> {
        do throws(Diagnostic) {
            try skipTrivia()
            guard position < bytes.count else {
                throw failure("empty property list", at: location, hint: "a project.pbxproj holds one dictionary: `{ ... }`")
            }
            let value = try parseValue(depth: 0)
            try skipTrivia()
            if position < bytes.count {
                throw failure("unexpected \(describe(bytes[position])) after the end of the property list", at: location,
                              hint: "the document is one value; is a `{` or `(` closed too early?")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    // MARK: Values

    mutating func parseValue(depth: Int) throws(Diagnostic) -> PropertyList {
        guard depth < PropertyListParser.maximumDepth else {
            throw failure("nested more than \(PropertyListParser.maximumDepth) levels deep", at: location,
                          hint: "this is not what Xcode writes; is the file a project.pbxproj?")
        }
        guard position < bytes.count else { throw unexpectedEnd(expecting: "a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseDictionary(depth: depth)
        case UInt8(ascii: "("): return try parseArray(depth: depth)
        case UInt8(ascii: "<"): return try parseData()
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try parseQuotedString())
        case let byte where PropertyListParser.isUnquoted(byte): return .string(parseUnquotedString())
        case let byte:
            throw failure("unexpected \(describe(byte))", at: location,
                          hint: "expected a value: a string, `{` for a dictionary, `(` for an array or `<` for data")
        }
    }

    mutating func parseDictionary(depth: Int) throws(Diagnostic) -> PropertyList {
        let open = location
        position += 1
        var entries = PropertyList.Entries()
        while true {
            try skipTrivia()
            guard position < bytes.count else {
                throw failure("unterminated dictionary", at: open, hint: "the `{` here has no closing `}`")
            }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .dictionary(entries) }
            let keyLine = line
            let key: String
            switch bytes[position] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): key = try parseQuotedString()
            case let byte where PropertyListParser.isUnquoted(byte): key = parseUnquotedString()
            case let byte:
                throw failure("unexpected \(describe(byte)) where a dictionary key belongs", at: location,
                              hint: "a key is a string; the entries of a dictionary are `key = value;`")
            }
            try skipTrivia()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw position < bytes.count
                    ? failure("expected `=` after the key `\(key)`", at: location, hint: "the entries of a dictionary are `key = value;`")
                    : unexpectedEnd(expecting: "`=` after the key `\(key)`")
            }
            position += 1
            try skipTrivia()
            let value = try parseValue(depth: depth + 1)
            try skipTrivia()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ";") else {
                throw position < bytes.count
                    ? failure("expected `;` after the value of `\(key)`", at: location, hint: "every entry of a dictionary ends with `;`")
                    : unexpectedEnd(expecting: "`;` after the value of `\(key)`")
            }
            position += 1
            entries.set(value, for: key, line: keyLine)
        }
    }

    mutating func parseArray(depth: Int) throws(Diagnostic) -> PropertyList {
        let open = location
        position += 1
        var elements: [PropertyList] = []
        while true {
            try skipTrivia()
            guard position < bytes.count else {
                throw failure("unterminated array", at: open, hint: "the `(` here has no closing `)`")
            }
            if bytes[position] == UInt8(ascii: ")") { position += 1; return .array(elements) }
            elements.append(try parseValue(depth: depth + 1))
            try skipTrivia()
            guard position < bytes.count else {
                throw failure("unterminated array", at: open, hint: "the `(` here has no closing `)`")
            }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: ")"): position += 1; return .array(elements)
            case let byte:
                throw failure("unexpected \(describe(byte)) in an array", at: location, hint: "array elements are separated by `,`")
            }
        }
    }

    mutating func parseData() throws(Diagnostic) -> PropertyList {
        let open = location
        position += 1
        var data: [UInt8] = []
        var high: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                guard high == nil else {
                    throw failure("odd number of hex digits in data", at: open, hint: "data is written as pairs of hex digits: `<0fa1 2b>`")
                }
                position += 1
                return .data(data)
            }
            if let digit = PropertyListParser.hexValue(byte) {
                if let h = high { data.append(h << 4 | digit); high = nil } else { high = digit }
                position += 1
            } else if PropertyListParser.isSpace(byte) {
                consumeSpace()
            } else {
                throw failure("unexpected \(describe(byte)) in data", at: location, hint: "data holds hex digits and spaces only: `<0fa1 2b>`")
            }
        }
        throw failure("unterminated data", at: open, hint: "the `<` here has no closing `>`")
    }

    /// A run of unquoted-string bytes; the caller has checked the first one.
    mutating func parseUnquotedString() -> String {
        let start = position
        while position < bytes.count, PropertyListParser.isUnquoted(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// `"…"` or `'…'`. The escapes are CoreFoundation's: `\n \t \r \a \b \f \v`, `\\`, `\"`, an
    /// escaped newline, up to three octal digits, and `\U` with up to four hex digits (a UTF-16 unit;
    /// a surrogate pair is two of them). Any other escaped character stands for itself.
    mutating func parseQuotedString() throws(Diagnostic) -> String {
        let open = location
        let quote = bytes[position]
        position += 1
        let start = position
        // Fast path: no escapes, no newlines to count.
        while position < bytes.count, bytes[position] != quote, bytes[position] != UInt8(ascii: "\\"),
              bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
            position += 1
        }
        if position < bytes.count, bytes[position] == quote {
            position += 1
            return String(decoding: bytes[start..<position - 1], as: UTF8.self)
        }
        var text = Array(bytes[start..<min(position, bytes.count)])
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                position += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let from = position
                consumeSpace()
                text.append(contentsOf: bytes[from..<position])
                continue
            }
            guard byte == UInt8(ascii: "\\") else { text.append(byte); position += 1; continue }
            position += 1
            guard position < bytes.count else { break }
            let escaped = bytes[position]
            switch escaped {
            case UInt8(ascii: "U"):
                position += 1
                let unit = readHex(maximumDigits: 4)
                if (0xD800..<0xDC00).contains(unit), position + 1 < bytes.count,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "U") {
                    let saved = position
                    position += 2
                    let low = readHex(maximumDigits: 4)
                    if (0xDC00..<0xE000).contains(low) {
                        append(scalar: 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &text)
                        continue
                    }
                    position = saved // not a pair: the second escape is read on its own
                }
                append(scalar: unit, to: &text)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value: UInt32 = 0
                var digits = 0
                while digits < 3, position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                    value = value * 8 + UInt32(bytes[position] - UInt8(ascii: "0"))
                    position += 1
                    digits += 1
                }
                append(scalar: value, to: &text) // above 0x7F CoreFoundation means NeXTSTEP; Latin-1 is close enough
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                let from = position
                consumeSpace()
                text.append(contentsOf: bytes[from..<position])
            default:
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "a"): text.append(0x07)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "v"): text.append(0x0B)
                default: text.append(escaped)
                }
            }
        }
        throw failure("unterminated string", at: open,
                      hint: "the \(describe(quote)) here is never closed; a quote inside a string is written `\\\(Character(Unicode.Scalar(quote)))`")
    }

    /// Up to `maximumDigits` hex digits at the current position (none reads as 0).
    mutating func readHex(maximumDigits: Int) -> UInt32 {
        var value: UInt32 = 0
        var digits = 0
        while digits < maximumDigits, position < bytes.count, let digit = PropertyListParser.hexValue(bytes[position]) {
            value = value << 4 | UInt32(digit)
            position += 1
            digits += 1
        }
        return value
    }

    /// Appends a code point as UTF-8; a lone surrogate or other invalid value becomes U+FFFD.
    func append(scalar value: UInt32, to text: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        text.append(contentsOf: String(Character(scalar)).utf8)
    }

    // MARK: Whitespace, comments, positions

    /// Skips whitespace and comments; an unterminated `/*` is an error.
    mutating func skipTrivia() throws(Diagnostic) {
        while position < bytes.count {
            let byte = bytes[position]
            if PropertyListParser.isSpace(byte) {
                consumeSpace()
            } else if byte == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") { position += 1 }
            } else if byte == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "*") {
                let open = location
                position += 2
                while true {
                    guard position < bytes.count else {
                        throw failure("unterminated comment", at: open, hint: "the `/*` here has no closing `*/`")
                    }
                    if bytes[position] == UInt8(ascii: "*"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") {
                        position += 2
                        break
                    }
                    if PropertyListParser.isSpace(bytes[position]) { consumeSpace() } else { position += 1 }
                }
            } else {
                return
            }
        }
    }

    /// Consumes one whitespace byte (a `\r\n` pair as one newline), counting lines.
    mutating func consumeSpace() {
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: "\r"), position < bytes.count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            line += 1
            lineStart = position
        }
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: line, column: position - lineStart + 1)
    }

    func failure(_ message: String, at location: SourceLocation, hint: String) -> Diagnostic {
        .error(message, at: location, hint: hint)
    }

    func unexpectedEnd(expecting what: String) -> Diagnostic {
        failure("the file ends where \(what) was expected", at: location, hint: "the file looks truncated")
    }

    /// A byte for a message: `` `;` `` when printable, `byte 0xFF` otherwise.
    func describe(_ byte: UInt8) -> String {
        if (0x21...0x7E).contains(byte) { return "`\(Character(Unicode.Scalar(byte)))`" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    // MARK: Character classes

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// ASCII letters, digits and `_ $ / : . - +`. Anything else (a space, a non-ASCII name) is quoted
    /// by Xcode, and CoreFoundation rejects it unquoted, as this parser does.
    static func isUnquoted(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "$"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "-"),
             UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

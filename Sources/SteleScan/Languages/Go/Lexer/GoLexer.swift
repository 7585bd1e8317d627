/// Go's tokens, read on bytes one at a time, so that the import reader can stop after the import
/// block as Go's own `parser.ImportsOnly` does, and never see an `import` inside a string or a
/// comment.
///
/// - Comments: `// …` to the line end, `/* … */` (no nesting, as in Go).
/// - Interpreted strings `"…"`: a backslash escapes the next byte; a string ends at an unescaped
///   line end, where Go stops with an error, so that bad input costs one line.
/// - Raw strings `` `…` ``: no escapes, across lines.
/// - Rune literals `'x'`, `'\''`: as interpreted strings, with `'`.
///
/// Bad input never traps: an unterminated comment or raw string ends at the end of the file. It
/// reads through a buffer pointer (valid while the caller holds it); every index is checked
/// against `count`.
struct GoLexer {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A byte order mark is skipped, as Go's scanner does.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
    }

    /// Every token of `bytes`, comments among them: for tests and tools.
    static func tokenize(_ bytes: [UInt8]) -> [GoToken] {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = GoLexer(buffer)
            var tokens: [GoToken] = []
            while let token = lexer.next() { tokens.append(token) }
            return tokens
        }
    }

    /// The next token, comments included; nil at the end of the file.
    mutating func next() -> GoToken? {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newline()
            case UInt8(ascii: "/"):
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "/") { return lineComment() }
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "*") { return blockComment() }
                index += 1
                return token(.punct, from: index - 1)
            case UInt8(ascii: "\""):
                return quoted(.string, quote: byte)
            case UInt8(ascii: "'"):
                return quoted(.rune, quote: byte)
            case UInt8(ascii: "`"):
                return rawString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return number()
            case UInt8(ascii: "."):
                if index + 1 < count, GoLexer.isDigit(bytes[index + 1]) { return number() }
                index += 1
                return token(.punct, from: index - 1)
            default:
                let start = index
                if GoLexer.isNameByte(byte) {
                    while index < count, GoLexer.isNameByte(bytes[index]) { index += 1 }
                    return token(.name, from: start)
                }
                index += 1
                return token(.punct, from: start)
            }
        }
        return nil
    }

    private func token(_ kind: GoToken.Kind, from start: Int) -> GoToken {
        GoToken(kind: kind, start: start, end: index, line: line, column: start - lineStart + 1)
    }

    /// Steps over one line end (`\n`, `\r\n` or `\r`) at `index`.
    private mutating func newline() {
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 2 } else { index += 1 }
        line += 1
        lineStart = index
    }

    private mutating func lineComment() -> GoToken {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
        return token(.comment, from: start)
    }

    private mutating func blockComment() -> GoToken {
        let start = index
        let (startLine, startColumn) = (line, index - lineStart + 1)
        index += 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") { index += 2; break }
            if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { newline() } else { index += 1 }
        }
        return GoToken(kind: .comment, start: start, end: index, line: startLine, column: startColumn)
    }

    /// `"…"` or `'…'`: to the closing quote, or (unterminated) to the line end.
    private mutating func quoted(_ kind: GoToken.Kind, quote: UInt8) -> GoToken {
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { index += 1; break }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n"), bytes[index + 1] != UInt8(ascii: "\r") {
                index += 2
                continue
            }
            index += 1
        }
        return token(kind, from: start)
    }

    private mutating func rawString() -> GoToken {
        let start = index
        let (startLine, startColumn) = (line, index - lineStart + 1)
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") { index += 1; break }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { newline() } else { index += 1 }
        }
        return GoToken(kind: .rawString, start: start, end: index, line: startLine, column: startColumn)
    }

    /// Digits, letters (`0x1F`, `1e9`, `1_000`, `3i`), `.`, and a sign after an exponent.
    private mutating func number() -> GoToken {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if GoLexer.isNameByte(byte) || byte == UInt8(ascii: ".") {
                index += 1
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"),
                      bytes[index - 1] | 0x20 == UInt8(ascii: "e") || bytes[index - 1] | 0x20 == UInt8(ascii: "p"),
                      !(index - start > 1 && bytes[start] == UInt8(ascii: "0") && bytes[start + 1] | 0x20 == UInt8(ascii: "x") && bytes[index - 1] | 0x20 == UInt8(ascii: "e")) {
                index += 1 // 1e-5, 0x1p-2
            } else {
                break
            }
        }
        return token(.number, from: start)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// ASCII letters, digits, `_`, and any non-ASCII byte (identifiers may be any Unicode letter).
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 64 ? (letters >> UInt64(byte - 64)) & 1 == 1 : byte >= 48 && byte <= 57)
    }

    /// Bits 65-90 (`A`-`Z`), 95 (`_`), 97-122 (`a`-`z`), less 64.
    static let letters: UInt64 = (((1 << 26) - 1) << 1) | (1 << 31) | (((1 << 26) - 1) << 33)
}

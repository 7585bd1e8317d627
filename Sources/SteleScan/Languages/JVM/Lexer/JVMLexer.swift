/// Java's and Kotlin's tokens, read on bytes, one at a time (`next()`): the header reader stops
/// after the last import, so the rest of a file is lexed only when its comments are wanted.
/// Every comment and string form is known, so an `import` inside one is never seen.
///
/// - Comments: `// …`, `/* … */` (nested in Kotlin: `/* /* */ */` is one comment), and a `#!`
///   line at the very start of the file (a Kotlin script's).
/// - Java: `"…"` and `'…'` with backslash escapes, ending at an unescaped line end (where javac
///   stops with an error), so bad input costs one line; text blocks `"""…"""`, escapes included.
/// - Kotlin: `"…"` with escapes and `${ … }` templates, whose code may hold strings, comments and
///   braces of its own (nested templates close where they should); raw strings `"""…"""` without
///   escapes, with templates, ending at the last three quotes of a run (`"""a""""` is `a"`).
///   `` `names with spaces` `` are one name.
///
/// Unicode escapes (`\u000a`) are not decoded outside strings: javac reads them first, so a
/// `// \u000a import a.B;` is an import to javac and a comment here (no real code writes one).
/// Bad input never traps: unterminated comments, text blocks and templates end at the end of the
/// file; a template's nesting is kept on a stack (`frames`), never on the call stack.
/// It reads through a buffer pointer, valid while the caller's `withUnsafeBufferPointer` runs;
/// every index is checked against `count` first.
struct JVMLexer {
    enum Dialect: Sendable { case java, kotlin }

    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: Dialect
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// The open strings and template expressions of a Kotlin string, innermost last: `oneLine` or
    /// `raw` for a string, else the brace depth of a `${ … }` expression.
    private var frames: [Int] = []
    private static let oneLine = -1, raw = -2

    init(_ bytes: UnsafeBufferPointer<UInt8>, dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
    }

    /// The next token, nil at the end of the file.
    mutating func next() -> JVMToken? {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newline()
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "/"):
                return taken(.comment) { $0.lineComment() }
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "*"):
                return taken(.comment) { $0.blockComment() }
            case UInt8(ascii: "#") where index == 0 && count > 1 && bytes[1] == UInt8(ascii: "!"):
                return taken(.comment) { $0.lineComment() }
            case UInt8(ascii: "\""):
                return taken(.string) { $0.dialect == .java ? $0.javaString() : $0.kotlinString() }
            case UInt8(ascii: "'"):
                return taken(.character) { $0.quoted(UInt8(ascii: "'")) }
            case UInt8(ascii: "`") where dialect == .kotlin:
                // A name in backticks ends at the next backtick, or at the line end.
                return taken(.name) { lexer in
                    lexer.index += 1
                    while lexer.index < count, !JVMLexer.isLineEnd(lexer.bytes[lexer.index]) {
                        lexer.index += 1
                        if lexer.bytes[lexer.index - 1] == UInt8(ascii: "`") { return }
                    }
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return taken(.number) { $0.number() }
            default:
                if JVMLexer.isNameStart(byte) {
                    return taken(.name) { lexer in
                        while lexer.index < count, JVMLexer.isNameByte(lexer.bytes[lexer.index]) { lexer.index += 1 }
                    }
                }
                return taken(.punct) { $0.index += 1 }
            }
        }
        return nil
    }

    /// A token of `kind` from here to where `body` leaves `index`, at this line and column.
    @inline(__always)
    private mutating func taken(_ kind: JVMToken.Kind, _ body: (inout JVMLexer) -> Void) -> JVMToken {
        let (start, startLine, column) = (index, line, index - lineStart + 1)
        body(&self)
        return JVMToken(kind: kind, start: start, end: index, line: startLine, column: column)
    }

    static func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    /// Steps over one line end (`\n`, `\r\n` or `\r`) at `index`.
    private mutating func newline() {
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 2 } else { index += 1 }
        line += 1
        lineStart = index
    }

    /// To the line end, which is left for the next token.
    private mutating func lineComment() {
        while index < bytes.count, !JVMLexer.isLineEnd(bytes[index]) { index += 1 }
    }

    /// From `/*` to its `*/` (Kotlin's nest), or to the end of the file.
    private mutating func blockComment() {
        let count = bytes.count
        var depth = 0
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "*"), depth == 0 || dialect == .kotlin {
                depth += 1
                index += 2
            } else if byte == UInt8(ascii: "*"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "/") {
                index += 2
                depth -= 1
                if depth == 0 { return }
            } else if JVMLexer.isLineEnd(byte) {
                newline()
            } else {
                index += 1
            }
        }
    }

    /// `'…'` or a one-line `"…"`: to the closing `quote`, a backslash escaping the next byte, or
    /// to the line end (left for the next token), where the compiler stops with an error.
    private mutating func quoted(_ quote: UInt8) {
        let count = bytes.count
        index += 1
        while index < count {
            let byte = bytes[index]
            if byte == quote { index += 1; return }
            if JVMLexer.isLineEnd(byte) { return }
            index += byte == UInt8(ascii: "\\") && index + 1 < count && !JVMLexer.isLineEnd(bytes[index + 1]) ? 2 : 1
        }
    }

    private func isTripleQuote(at k: Int) -> Bool {
        k + 2 < bytes.count && bytes[k] == UInt8(ascii: "\"") && bytes[k + 1] == UInt8(ascii: "\"") && bytes[k + 2] == UInt8(ascii: "\"")
    }

    /// `"…"`, or a text block `"""…"""` in which a backslash escapes the next byte (`\"""`).
    private mutating func javaString() {
        guard isTripleQuote(at: index) else { return quoted(UInt8(ascii: "\"")) }
        let count = bytes.count
        index += 3
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\""), isTripleQuote(at: index) {
                index += 3
                return
            } else if byte == UInt8(ascii: "\\"), index + 1 < count {
                index += 1
                if JVMLexer.isLineEnd(bytes[index]) { newline() } else { index += 1 }
            } else if JVMLexer.isLineEnd(byte) {
                newline()
            } else {
                index += 1
            }
        }
    }

    /// A Kotlin string, raw or not, with its templates: the strings and template expressions
    /// still open are on `frames`, so nesting costs heap, never stack.
    private mutating func kotlinString() {
        let count = bytes.count
        frames.removeAll(keepingCapacity: true)
        frames.append(isTripleQuote(at: index) ? JVMLexer.raw : JVMLexer.oneLine)
        index += frames[0] == JVMLexer.raw ? 3 : 1
        while index < count, let top = frames.last {
            let byte = bytes[index]
            if top < 0 {
                // Inside a string.
                switch byte {
                case UInt8(ascii: "\""):
                    if top == JVMLexer.oneLine {
                        index += 1
                        frames.removeLast()
                    } else if isTripleQuote(at: index) {
                        index += 3
                        while index < count, bytes[index] == UInt8(ascii: "\"") { index += 1 }
                        frames.removeLast()
                    } else {
                        index += 1
                    }
                case UInt8(ascii: "\\") where top == JVMLexer.oneLine:
                    index += index + 1 < count && !JVMLexer.isLineEnd(bytes[index + 1]) ? 2 : 1
                case UInt8(ascii: "$") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "{"):
                    index += 2
                    frames.append(0)
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    if top == JVMLexer.raw { newline() } else { frames.removeLast() } // unterminated: ends here
                default:
                    index += 1
                }
                continue
            }
            // Inside a template's `${ … }`: code.
            switch byte {
            case UInt8(ascii: "\""):
                frames.append(isTripleQuote(at: index) ? JVMLexer.raw : JVMLexer.oneLine)
                index += frames.last == JVMLexer.raw ? 3 : 1
            case UInt8(ascii: "'"):
                quoted(UInt8(ascii: "'"))
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "/"):
                lineComment()
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "*"):
                blockComment()
            case UInt8(ascii: "{"):
                frames[frames.count - 1] = top + 1
                index += 1
            case UInt8(ascii: "}"):
                if top == 0 { frames.removeLast() } else { frames[frames.count - 1] = top - 1 }
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newline()
            default:
                index += 1
            }
        }
    }

    /// `42`, `0x1F`, `1_000L`, `1.5e-3f`: name bytes, a `.` before a digit, a sign after an exponent.
    private mutating func number() {
        let count = bytes.count
        let start = index
        while index < count {
            let byte = bytes[index]
            if JVMLexer.isNameByte(byte) {
                index += 1
            } else if byte == UInt8(ascii: "."), index + 1 < count, bytes[index + 1] >= UInt8(ascii: "0"), bytes[index + 1] <= UInt8(ascii: "9") {
                index += 1
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), index > start,
                      bytes[index - 1] | 0x20 == UInt8(ascii: "e") || bytes[index - 1] | 0x20 == UInt8(ascii: "p") {
                index += 1
            } else {
                return
            }
        }
    }

    /// ASCII letters, `_`, `$`, and any non-ASCII byte (identifiers may be any Unicode letter). A
    /// bit mask per half of ASCII, as Python's lexer does.
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 64 ? (letters >> UInt64(byte - 64)) & 1 == 1 : byte == UInt8(ascii: "$"))
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 64 ? (letters >> UInt64(byte - 64)) & 1 == 1 : (digitsAndDollar >> UInt64(byte)) & 1 == 1)
    }

    /// Bits 65-90 (`A`-`Z`), 95 (`_`), 97-122 (`a`-`z`), less 64.
    static let letters: UInt64 = (((1 << 26) - 1) << 1) | (1 << 31) | (((1 << 26) - 1) << 33)
    /// Bits 48-57 (`0`-`9`) and 36 (`$`).
    static let digitsAndDollar: UInt64 = (((1 << 10) - 1) << 48) | (1 << 36)
}

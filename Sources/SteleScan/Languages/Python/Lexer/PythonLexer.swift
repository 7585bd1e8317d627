/// Python's tokens, read on bytes: every comment and string form, so that an `import` inside a
/// string, a docstring or a comment is never seen.
///
/// - Strings: `'…'`, `"…"`, `'''…'''`, `"""…"""`, with any prefix of `r`, `b`, `u`, `f`, `t` Python
///   accepts (`rb`, `Rb`, `fR`, ...), in any case. A backslash escapes the next byte, in raw strings
///   too (`r"\""` is one string). A one-quote string ends at an unescaped line end (where Python
///   would stop with an error) so that bad input cannot swallow the rest of the file.
/// - f-strings (and 3.14 t-strings) are read as Python 3.12 does (PEP 701): `{{` and `}}` are text;
///   a replacement field is an expression whose strings may use the same quote
///   (`f"{d["key"]}"`), may nest f-strings, and may hold comments when it spans lines; its format
///   spec (after `:`) may hold replacement fields of its own.
/// - Logical lines: a newline inside brackets, or after a backslash, continues the line.
///
/// Bad input never traps: unbalanced brackets and unterminated strings end at the end of the file.
/// It reads through a buffer pointer (valid during `tokenize` only): the bounds checks of array
/// subscripts cost a third of the lexer, and every index here is checked against `count` first.
struct PythonLexer {
    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Bracket depth of the code (not of f-string fields, which are lexed to their end at once).
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Every token of the file into `tokens` (emptied first: the buffer is reused between files);
    /// with `stopAfter`, only up to the end of the logical line holding that offset.
    static func tokenize(_ bytes: [UInt8], into tokens: inout [PythonToken], stopAfter: Int? = nil) {
        tokens.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = PythonLexer(buffer)
            lexer.run(into: &tokens, stopAfter: stopAfter ?? Int.max)
        }
    }

    private mutating func run(into tokens: inout [PythonToken], stopAfter: Int) {
        let count = bytes.count
        var lineHasToken = false
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                let at = index
                newline()
                if depth == 0 && lineHasToken {
                    tokens.append(PythonToken(kind: .newline, start: at, end: at, line: line - 1, column: 0))
                    lineHasToken = false
                    if at > stopAfter { return }
                }
            case UInt8(ascii: "#"):
                let start = index
                while index < count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
                tokens.append(token(.comment, from: start))
            case UInt8(ascii: "\\"):
                // A line continuation; a stray backslash is an operator.
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\n") || bytes[index + 1] == UInt8(ascii: "\r") {
                    index += 1
                    newline()
                } else {
                    index += 1
                    tokens.append(token(.op, from: index - 1))
                    lineHasToken = true
                }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let start = index
                let (startLine, startColumn) = (line, index - lineStart + 1)
                string(prefix: start, quoteAt: index)
                tokens.append(PythonToken(kind: .string, start: start, end: index, line: startLine, column: startColumn))
                lineHasToken = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number(into: &tokens)
                lineHasToken = true
            case UInt8(ascii: "."):
                if index + 1 < count, PythonLexer.isDigit(bytes[index + 1]) {
                    number(into: &tokens)
                } else {
                    index += 1
                    tokens.append(token(.op, from: index - 1))
                }
                lineHasToken = true
            default:
                if PythonLexer.isNameStart(byte) {
                    let start = index
                    let (startLine, startColumn) = (line, index - lineStart + 1)
                    while index < count, PythonLexer.isNameByte(bytes[index]) { index += 1 }
                    if index < count, bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\""),
                       PythonLexer.isStringPrefix(bytes[start..<index]) {
                        string(prefix: start, quoteAt: index)
                        tokens.append(PythonToken(kind: .string, start: start, end: index, line: startLine, column: startColumn))
                    } else {
                        tokens.append(PythonToken(kind: .name, start: start, end: index, line: startLine, column: startColumn))
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                    default: break
                    }
                    index += 1
                    tokens.append(token(.op, from: index - 1))
                }
                lineHasToken = true
            }
        }
        if lineHasToken { tokens.append(PythonToken(kind: .newline, start: count, end: count, line: line, column: 0)) }
    }

    private func token(_ kind: PythonToken.Kind, from start: Int) -> PythonToken {
        PythonToken(kind: kind, start: start, end: index, line: line, column: start - lineStart + 1)
    }

    /// Steps over one line end (`\n`, `\r\n` or `\r`) at `index`.
    private mutating func newline() {
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 2 } else { index += 1 }
        line += 1
        lineStart = index
    }

    private mutating func number(into tokens: inout [PythonToken]) {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if PythonLexer.isNameByte(byte) || byte == UInt8(ascii: ".") {
                index += 1
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")),
                      bytes[index - 1] | 0x20 == UInt8(ascii: "e"), !PythonLexer.isHexNumber(bytes[start..<index]) {
                index += 1 // 1e-5
            } else {
                break
            }
        }
        tokens.append(token(.number, from: start))
    }

    private static func isHexNumber(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        digits.count > 1 && digits[digits.startIndex] == UInt8(ascii: "0") && digits[digits.startIndex + 1] | 0x20 == UInt8(ascii: "x")
    }

    /// Reads a string whose prefix starts at `prefix` and whose opening quote is at `quoteAt`;
    /// leaves `index` after the closing quote.
    private mutating func string(prefix: Int, quoteAt: Int) {
        var formatted = false
        for byte in bytes[prefix..<quoteAt] where byte | 0x20 == UInt8(ascii: "f") || byte | 0x20 == UInt8(ascii: "t") { formatted = true }
        let quote = bytes[quoteAt]
        let count = bytes.count
        let triple = quoteAt + 2 < count && bytes[quoteAt + 1] == quote && bytes[quoteAt + 2] == quote
        index = quoteAt + (triple ? 3 : 1)
        while index < count {
            let byte = bytes[index]
            if byte == quote {
                if !triple { index += 1; return }
                if index + 2 < count, bytes[index + 1] == quote, bytes[index + 2] == quote { index += 3; return }
                index += 1
            } else if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < count else { return }
                // `\{` does not escape a replacement field: the brace is read next.
                if formatted, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "}") { continue }
                if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { newline() } else { index += 1 }
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !triple { return } // unterminated: Python stops here too
                newline()
            } else if formatted && byte == UInt8(ascii: "{") {
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "{") { index += 2; continue }
                index += 1
                replacementField()
            } else {
                index += 1
            }
        }
    }

    /// The inside of an f-string's `{…}` from after the `{`: an expression, then maybe `!r` and a
    /// format spec; leaves `index` after the closing `}`.
    private mutating func replacementField() {
        let count = bytes.count
        var nesting = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newline()
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                string(prefix: index, quoteAt: index)
            case UInt8(ascii: "#"):
                while index < count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                nesting += 1
                index += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                nesting = max(0, nesting - 1)
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                if nesting == 0 { return }
                nesting -= 1
            case UInt8(ascii: ":") where nesting == 0:
                index += 1
                formatSpec()
                return
            default:
                if PythonLexer.isNameStart(byte) {
                    let start = index
                    while index < count, PythonLexer.isNameByte(bytes[index]) { index += 1 }
                    if index < count, bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\""),
                       PythonLexer.isStringPrefix(bytes[start..<index]) {
                        string(prefix: start, quoteAt: index)
                    }
                } else {
                    index += 1
                }
            }
        }
    }

    /// A format spec, after the field's `:`: text with nested fields, up to the field's `}`.
    private mutating func formatSpec() {
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                replacementField()
            case UInt8(ascii: "}"):
                index += 1
                return
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newline()
            default:
                index += 1
            }
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// ASCII letters, `_`, and any non-ASCII byte (identifiers may be any Unicode letter). A bit
    /// mask per half of ASCII: the comparisons it replaces were a fifth of the lexer.
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 64 && (letters >> UInt64(byte - 64)) & 1 == 1)
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 64 ? (letters >> UInt64(byte - 64)) & 1 == 1 : (digits >> UInt64(byte)) & 1 == 1)
    }

    /// Bits 65-90 (`A`-`Z`), 95 (`_`), 97-122 (`a`-`z`), less 64.
    static let letters: UInt64 = (((1 << 26) - 1) << 1) | (1 << 31) | (((1 << 26) - 1) << 33)
    /// Bits 48-57: `0`-`9`.
    static let digits: UInt64 = ((1 << 10) - 1) << 48

    /// The prefixes Python accepts before a quote, in any case: `r u b f t br rb fr rf tr rt`.
    static func isStringPrefix<Bytes: Collection<UInt8>>(_ prefix: Bytes) -> Bool {
        var letters = prefix.map { $0 | 0x20 }
        guard !prefix.contains(where: { $0 >= 0x80 }) else { return false }
        switch letters.count {
        case 1: return [UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "t")].contains(letters[0])
        case 2:
            letters.sort()
            return letters == [UInt8(ascii: "b"), UInt8(ascii: "r")] || letters == [UInt8(ascii: "f"), UInt8(ascii: "r")]
                || letters == [UInt8(ascii: "r"), UInt8(ascii: "t")]
        default: return false
        }
    }
}

/// TypeScript's and JavaScript's tokens, read on bytes: every comment and string form, so that an
/// `import` or `require(` inside a string, a template, a regex or a comment is never seen.
///
/// - Comments: `// …`, `/* … */`, and a `#!` line at the very start of the file.
/// - Strings: `'…'` and `"…"`; a backslash escapes the next byte (a line end too). A string ends
///   at an unescaped line end, where the language stops with an error, so that bad input (or an
///   apostrophe in JSX text) costs one line, never the rest of the file.
/// - Template literals: `` `…${ expression }…` ``. The expression is lexed as code, into tokens
///   of its own (a `${ import("x") }` is seen), with its braces counted on a stack shared with the
///   code's, so nested templates and object literals inside a substitution close where they should.
/// - Regex literals: a `/` starts a regex where an operand is expected, and is a division where an
///   operator is expected: after a name (not a keyword such as `return` or `typeof`), a number, a
///   string, a template's end, a regex, `)`, `]`, `}`, `++` or `--` it divides. After `<` with no
///   space (`</div>` in JSX) it is not a regex either. A regex ends at its unescaped `/` outside a
///   `[…]` class, or at the line end.
///
/// Bad input never traps: unterminated comments and templates end at the end of the file. It reads
/// through a buffer pointer (valid during `tokenize` only); every index is checked against `count`.
struct TypeScriptLexer {
    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// One entry per open `{`: true for a template's `${`, whose `}` goes back into the template.
    private var braces: [Bool] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Every token of the file into `tokens`, its comments into `comments` apart (both emptied
    /// first: the buffers are reused between files). The import reader reads the code tokens
    /// as they are, with no copy that leaves the comments out.
    static func tokenize(_ bytes: [UInt8], into tokens: inout [TypeScriptToken], comments: inout [TypeScriptToken]) {
        tokens.removeAll(keepingCapacity: true)
        comments.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = TypeScriptLexer(buffer)
            lexer.run(into: &tokens, comments: &comments)
        }
    }

    /// Every token, comments among them in source order.
    static func tokenize(_ bytes: [UInt8], into tokens: inout [TypeScriptToken]) {
        var comments: [TypeScriptToken] = []
        tokenize(bytes, into: &tokens, comments: &comments)
        guard !comments.isEmpty else { return }
        tokens = (tokens + comments).sorted { $0.start < $1.start }
    }

    private mutating func run(into tokens: inout [TypeScriptToken], comments: inout [TypeScriptToken]) {
        let count = bytes.count
        if count >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "!") {
            lineComment(into: &comments)
        }
        while index < count {
            /// The last token, for the regex-or-division decision (comments are not among them).
            let previous = tokens.count - 1
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
                index += 1
                continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newline()
                continue
            case UInt8(ascii: "/"):
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "/") {
                    lineComment(into: &comments)
                    continue
                }
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "*") {
                    blockComment(into: &comments)
                    continue
                }
                if regexAllowed(after: previous, in: tokens) {
                    regex(into: &tokens)
                } else {
                    index += 1
                    tokens.append(token(.punct, from: index - 1))
                }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                string(into: &tokens)
            case UInt8(ascii: "`"):
                index += 1
                template(from: index - 1, into: &tokens)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number(into: &tokens)
            case UInt8(ascii: "."):
                if index + 1 < count, TypeScriptLexer.isDigit(bytes[index + 1]) {
                    number(into: &tokens)
                } else {
                    index += 1
                    tokens.append(token(.punct, from: index - 1))
                }
            case UInt8(ascii: "{"):
                braces.append(false)
                index += 1
                tokens.append(token(.punct, from: index - 1))
            case UInt8(ascii: "}"):
                if braces.popLast() == true {
                    // The end of a template's substitution: the template goes on.
                    index += 1
                    template(from: index - 1, into: &tokens)
                } else {
                    index += 1
                    tokens.append(token(.punct, from: index - 1))
                }
            default:
                if TypeScriptLexer.isNameStart(byte) {
                    let start = index
                    while index < count, TypeScriptLexer.isNameByte(bytes[index]) { index += 1 }
                    tokens.append(token(.name, from: start))
                } else {
                    index += 1
                    tokens.append(token(.punct, from: index - 1))
                }
            }
        }
    }

    private func token(_ kind: TypeScriptToken.Kind, from start: Int) -> TypeScriptToken {
        TypeScriptToken(kind: kind, start: start, end: index, line: line, column: start - lineStart + 1)
    }

    /// Steps over one line end (`\n`, `\r\n` or `\r`) at `index`.
    private mutating func newline() {
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 2 } else { index += 1 }
        line += 1
        lineStart = index
    }

    private mutating func lineComment(into tokens: inout [TypeScriptToken]) {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
        tokens.append(token(.comment, from: start))
    }

    private mutating func blockComment(into tokens: inout [TypeScriptToken]) {
        let start = index
        let (startLine, startColumn) = (line, index - lineStart + 1)
        index += 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") { index += 2; break }
            if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { newline() } else { index += 1 }
        }
        tokens.append(TypeScriptToken(kind: .comment, start: start, end: index, line: startLine, column: startColumn))
    }

    private mutating func string(into tokens: inout [TypeScriptToken]) {
        let start = index
        let (startLine, startColumn) = (line, index - lineStart + 1)
        let quote = bytes[index]
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { index += 1; break }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break } // unterminated
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { newline() } else { index += 1 }
                continue
            }
            index += 1
        }
        tokens.append(TypeScriptToken(kind: .string, start: start, end: index, line: startLine, column: startColumn))
    }

    /// A template piece from `start` (its `` ` `` or `}`), `index` just after it: up to the closing
    /// backtick, or up to a `${`, whose brace is pushed so that its `}` comes back here.
    private mutating func template(from start: Int, into tokens: inout [TypeScriptToken]) {
        let (startLine, startColumn) = (line, start - lineStart + 1)
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") { index += 1; break }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < count else { break }
                if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { newline() } else { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "$"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "{") {
                index += 2
                braces.append(true)
                break
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { newline() } else { index += 1 }
        }
        tokens.append(TypeScriptToken(kind: .template, start: start, end: index, line: startLine, column: startColumn))
    }

    /// `/…/flags` from the `/` at `index`.
    private mutating func regex(into tokens: inout [TypeScriptToken]) {
        let start = index
        let count = bytes.count
        index += 1
        var inClass = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break } // unterminated
            index += 1
            if byte == UInt8(ascii: "\\") {
                if index < count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
            } else if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "]") {
                inClass = false
            } else if byte == UInt8(ascii: "/") && !inClass {
                while index < count, TypeScriptLexer.isNameByte(bytes[index]) { index += 1 } // flags
                break
            }
        }
        tokens.append(token(.regex, from: start))
    }

    private mutating func number(into tokens: inout [TypeScriptToken]) {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if TypeScriptLexer.isNameByte(byte) || byte == UInt8(ascii: ".") {
                index += 1
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")), bytes[index - 1] | 0x20 == UInt8(ascii: "e"),
                      !(index - start > 1 && bytes[start] == UInt8(ascii: "0") && bytes[start + 1] | 0x20 == UInt8(ascii: "x")) {
                index += 1 // 1e-5
            } else {
                break
            }
        }
        tokens.append(token(.number, from: start))
    }

    /// Whether a `/` after the token at `previous` starts a regex (an operand is expected there).
    private func regexAllowed(after previous: Int, in tokens: [TypeScriptToken]) -> Bool {
        guard previous >= 0 else { return true }
        let token = tokens[previous]
        switch token.kind {
        case .number, .string, .template, .regex:
            // A template piece that ends in `${` expects an operand.
            if token.kind == .template { return bytes[token.end - 1] == UInt8(ascii: "{") }
            return false
        case .comment:
            return true
        case .name:
            // `x.in / 2`: a keyword's name as a property is an operand.
            if previous > 0, tokens[previous - 1].kind == .punct, bytes[tokens[previous - 1].start] == UInt8(ascii: ".") { return false }
            return TypeScriptLexer.isOperandKeyword(bytes[token.start..<token.end])
        case .punct:
            let byte = bytes[token.start]
            switch byte {
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                return false
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                // `a++ / 2`: a postfix `++` or `--` ends an operand.
                return !(previous > 0 && tokens[previous - 1].kind == .punct && tokens[previous - 1].end == token.start
                         && bytes[tokens[previous - 1].start] == byte)
            case UInt8(ascii: "<"):
                // `</div>`: a JSX closing tag.
                return token.end != index
            default:
                return true
            }
        }
    }

    /// Keywords after which an operand comes: `return /x/`, `typeof /x/`.
    static func isOperandKeyword(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        switch word.count {
        case 2: return word.elementsEqual("in".utf8) || word.elementsEqual("of".utf8) || word.elementsEqual("do".utf8)
        case 3: return word.elementsEqual("new".utf8)
        case 4: return word.elementsEqual("case".utf8) || word.elementsEqual("else".utf8) || word.elementsEqual("void".utf8)
        case 5: return word.elementsEqual("throw".utf8) || word.elementsEqual("yield".utf8) || word.elementsEqual("await".utf8)
        case 6: return word.elementsEqual("return".utf8) || word.elementsEqual("typeof".utf8) || word.elementsEqual("delete".utf8)
        case 10: return word.elementsEqual("instanceof".utf8)
        default: return false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// ASCII letters, `_`, `$`, and any non-ASCII byte (identifiers may be any Unicode letter).
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 64 ? (letters >> UInt64(byte - 64)) & 1 == 1 : byte == UInt8(ascii: "$"))
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 64 ? (letters >> UInt64(byte - 64)) & 1 == 1 : (digits >> UInt64(byte)) & 1 == 1)
    }

    /// Bits 65-90 (`A`-`Z`), 95 (`_`), 97-122 (`a`-`z`), less 64.
    static let letters: UInt64 = (((1 << 26) - 1) << 1) | (1 << 31) | (((1 << 26) - 1) << 33)
    /// Bits 36 (`$`) and 48-57 (`0`-`9`).
    static let digits: UInt64 = (((1 << 10) - 1) << 48) | (1 << 36)
}

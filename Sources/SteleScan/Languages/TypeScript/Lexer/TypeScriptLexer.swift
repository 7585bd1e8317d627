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
    /// Open `{` of code (not a template's `${`).
    private var depth = 0
    /// For each open template substitution `${`, the `depth` at its opening: a `}` at that depth
    /// closes the substitution and goes back into the template. A counter and this short stack
    /// instead of a stack entry for every brace: most braces are code's.
    private var substitutions: [Int] = []
    /// The code tokens, written straight into `TypeScriptTokens`' storage (an `Array` append
    /// checked its buffer's uniqueness for each of a file's thousands of tokens).
    private var tokens: UnsafeMutablePointer<TypeScriptToken>
    private var tokenCount = 0
    private var tokenCapacity: Int
    private var comments: [TypeScriptToken] = []
    private var keywords: [Int] = []
    private let classes: UnsafePointer<UInt8>
    private let actions: UnsafePointer<UInt8>

    private init(_ bytes: UnsafeBufferPointer<UInt8>, into storage: TypeScriptTokens) {
        self.bytes = bytes
        tokens = storage.base
        tokenCapacity = storage.capacity
        classes = TypeScriptLexer.classTable
        actions = TypeScriptLexer.actionTable
        swap(&comments, &storage.comments)
        swap(&keywords, &storage.keywords)
        comments.removeAll(keepingCapacity: true)
        keywords.removeAll(keepingCapacity: true)
    }

    /// How many code tokens past `limit` `tokenize(_:into:limit:)` still lexes: enough for the
    /// forms the import reader reads after a keyword (`require('m')` is 4 tokens, an import of
    /// a hundred names some 200). One that reads further has the file lexed whole (see
    /// `TypeScriptImportScanner.scan(_:into:whole:)`).
    static let tokensAfterLimit = 256

    /// Lexes `bytes` into `storage` (its previous file's tokens dropped, its memory reused).
    ///
    /// With a `limit`, lexing goes on past it only for `tokensAfterLimit` code tokens: the
    /// tokens up to there are those of the whole file (a token is never cut; what a byte is
    /// depends only on the bytes before it). When it stops before the end, a last code token of
    /// kind `comment` (which no code token has) marks where: returns true then.
    @discardableResult
    static func tokenize(_ bytes: [UInt8], into storage: TypeScriptTokens, limit: Int = .max) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = TypeScriptLexer(buffer, into: storage)
            let stopped = lexer.run(limit: limit)
            if stopped { lexer.emit(.comment, from: lexer.index) }
            storage.base = lexer.tokens
            storage.capacity = lexer.tokenCapacity
            storage.count = lexer.tokenCount
            swap(&lexer.comments, &storage.comments)
            swap(&lexer.keywords, &storage.keywords)
            return stopped
        }
    }

    /// Every token of the file into `tokens`, its comments into `comments` apart (both emptied
    /// first). The import reader reads the code tokens as they are, with no copy that leaves the
    /// comments out.
    static func tokenize(_ bytes: [UInt8], into tokens: inout [TypeScriptToken], comments: inout [TypeScriptToken]) {
        let storage = TypeScriptTokens()
        tokenize(bytes, into: storage)
        tokens = Array(storage.code)
        comments = storage.comments
    }

    /// Every token, comments among them in source order.
    static func tokenize(_ bytes: [UInt8], into tokens: inout [TypeScriptToken]) {
        var comments: [TypeScriptToken] = []
        tokenize(bytes, into: &tokens, comments: &comments)
        guard !comments.isEmpty else { return }
        tokens = (tokens + comments).sorted { $0.start < $1.start }
    }

    /// Lexes to `limit` (a whole token past it), then at most `tokensAfterLimit` code tokens
    /// more: true when that stopped it before the end.
    private mutating func run(limit: Int) -> Bool {
        let count = bytes.count
        if count >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "!") {
            lineComment()
        }
        let first = min(count, limit)
        while index < first { step() }
        let stop = tokenCount + TypeScriptLexer.tokensAfterLimit
        while index < count {
            if tokenCount >= stop { return true }
            step()
        }
        return false
    }

    /// One token (or a run of spaces, a line end, a comment) from `index`.
    @inline(__always)
    private mutating func step() {
        let count = bytes.count
        let byte = bytes[index]
        // On the byte's action (`actionTable`): a jump table, where a switch over byte
        // values and ranges compiled to a chain of comparisons.
        switch actions[Int(byte)] {
        case TypeScriptLexer.skipSpace:
            // A run at once (indentation): one trip through the switch, not one a byte.
            index = skip(from: index + 1, while: TypeScriptLexer.space)
        case TypeScriptLexer.lineBreak:
            newline()
        case TypeScriptLexer.slash:
            if index + 1 < count, bytes[index + 1] == UInt8(ascii: "/") {
                lineComment()
            } else if index + 1 < count, bytes[index + 1] == UInt8(ascii: "*") {
                blockComment()
            } else if regexAllowed(after: tokenCount - 1) {
                regex()
            } else {
                index += 1
                emit(.punct, from: index - 1)
            }
        case TypeScriptLexer.quote:
            string()
        case TypeScriptLexer.backtick:
            index += 1
            template(from: index - 1)
        case TypeScriptLexer.digit:
            number()
        case TypeScriptLexer.dot:
            if index + 1 < count, TypeScriptLexer.isDigit(bytes[index + 1]) {
                number()
            } else {
                index += 1
                emit(.punct, from: index - 1)
            }
        case TypeScriptLexer.openBrace:
            depth += 1
            index += 1
            emit(.punct, from: index - 1)
        case TypeScriptLexer.closeBrace:
            if let open = substitutions.last, open == depth {
                // The end of a template's substitution: the template goes on.
                substitutions.removeLast()
                index += 1
                template(from: index - 1)
            } else {
                if depth > 0 { depth -= 1 }
                index += 1
                emit(.punct, from: index - 1)
            }
        case TypeScriptLexer.name:
            let start = index
            index = skip(from: index + 1, while: TypeScriptLexer.nameByte)
            if isImportKeyword(from: start) { keywords.append(tokenCount) }
            emit(.name, from: start)
        default:
            index += 1
            emit(.punct, from: index - 1)
        }
    }

    /// The index of the first byte from `start` on that is not of `byteClass` (or the end), in a
    /// local variable: the loop runs over most of a file's bytes.
    @inline(__always)
    private func skip(from start: Int, while byteClass: UInt8) -> Int {
        var k = start
        let count = bytes.count
        while k < count, classes[Int(bytes[k])] & byteClass != 0 { k += 1 }
        return k
    }

    /// `import`, `export` or `require` from `start` to `index`: the import reader looks at these
    /// names only (and at the tokens around them), not at every token.
    @inline(__always)
    private func isImportKeyword(from start: Int) -> Bool {
        switch index - start {
        case 6:
            let first = bytes[start]
            guard first == UInt8(ascii: "i") || first == UInt8(ascii: "e") else { return false }
            return TypeScriptLexer.equals(bytes, start, "import") || TypeScriptLexer.equals(bytes, start, "export")
        case 7:
            return bytes[start] == UInt8(ascii: "r") && TypeScriptLexer.equals(bytes, start, "require")
        default:
            return false
        }
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        for k in 0..<count where bytes[start + k] != word.utf8Start[k] { return false }
        return true
    }

    @inline(__always)
    private mutating func emit(_ kind: TypeScriptToken.Kind, from start: Int) {
        append(TypeScriptToken(kind: kind, start: start, end: index, line: line, column: start - lineStart + 1))
    }

    @inline(__always)
    private mutating func append(_ token: TypeScriptToken) {
        if tokenCount == tokenCapacity { grow() }
        (tokens + tokenCount).initialize(to: token)
        tokenCount += 1
    }

    private mutating func grow() {
        let capacity = max(1024, tokenCapacity * 2)
        let larger = UnsafeMutablePointer<TypeScriptToken>.allocate(capacity: capacity)
        larger.moveInitialize(from: tokens, count: tokenCount)
        tokens.deallocate()
        tokens = larger
        tokenCapacity = capacity
    }

    /// Steps over one line end (`\n`, `\r\n` or `\r`) at `index`.
    private mutating func newline() {
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 2 } else { index += 1 }
        line += 1
        lineStart = index
    }

    private mutating func lineComment() {
        let start = index
        var end = index
        let count = bytes.count
        // Comments run long: four bytes a test while none ends the line.
        while end + 4 <= count,
              (classes[Int(bytes[end])] | classes[Int(bytes[end + 1])] | classes[Int(bytes[end + 2])] | classes[Int(bytes[end + 3])]) & TypeScriptLexer.lineEnd == 0 {
            end += 4
        }
        while end < count, classes[Int(bytes[end])] & TypeScriptLexer.lineEnd == 0 { end += 1 }
        index = end
        comments.append(TypeScriptToken(kind: .comment, start: start, end: index, line: line, column: start - lineStart + 1))
    }

    private mutating func blockComment() {
        let start = index
        let (startLine, startColumn) = (line, index - lineStart + 1)
        index += 2
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") { index += 2; break }
            if classes[Int(byte)] & TypeScriptLexer.lineEnd != 0 { newline() } else { index += 1 }
        }
        comments.append(TypeScriptToken(kind: .comment, start: start, end: index, line: startLine, column: startColumn))
    }

    private mutating func string() {
        let start = index
        let (startLine, startColumn) = (line, index - lineStart + 1)
        let quote = bytes[index]
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { index += 1; break }
            if classes[Int(byte)] & TypeScriptLexer.stringStop == 0 { index += 1; continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break } // unterminated
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { newline() } else { index += 1 }
                continue
            }
            index += 1
        }
        append(TypeScriptToken(kind: .string, start: start, end: index, line: startLine, column: startColumn))
    }

    /// A template piece from `start` (its `` ` `` or `}`), `index` just after it: up to the closing
    /// backtick, or up to a `${`, whose brace is pushed so that its `}` comes back here.
    private mutating func template(from start: Int) {
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
                substitutions.append(depth)
                break
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { newline() } else { index += 1 }
        }
        append(TypeScriptToken(kind: .template, start: start, end: index, line: startLine, column: startColumn))
    }

    /// `/…/flags` from the `/` at `index`.
    private mutating func regex() {
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
        emit(.regex, from: start)
    }

    private mutating func number() {
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
        emit(.number, from: start)
    }

    /// Whether a `/` after the token at `previous` starts a regex (an operand is expected there).
    private func regexAllowed(after previous: Int) -> Bool {
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

    /// Byte classes of `classTable`, for the loops that run over most of a file's bytes (names,
    /// indentation, comments, strings): one load and test a byte.
    static let nameStart: UInt8 = 1
    static let nameByte: UInt8 = 2
    static let space: UInt8 = 4
    static let lineEnd: UInt8 = 8
    /// What a `'…'` or `"…"` string must look at: a quote, a backslash, a line end.
    static let stringStop: UInt8 = 16

    /// What a byte starts in code (`actionTable`).
    static let punctuation: UInt8 = 0, skipSpace: UInt8 = 1, lineBreak: UInt8 = 2, slash: UInt8 = 3, quote: UInt8 = 4,
               backtick: UInt8 = 5, digit: UInt8 = 6, dot: UInt8 = 7, openBrace: UInt8 = 8, closeBrace: UInt8 = 9, name: UInt8 = 10

    nonisolated(unsafe) static let actionTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C: table[value] = skipSpace
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): table[value] = lineBreak
            case UInt8(ascii: "/"): table[value] = slash
            case UInt8(ascii: "'"), UInt8(ascii: "\""): table[value] = quote
            case UInt8(ascii: "`"): table[value] = backtick
            case UInt8(ascii: "0")...UInt8(ascii: "9"): table[value] = digit
            case UInt8(ascii: "."): table[value] = dot
            case UInt8(ascii: "{"): table[value] = openBrace
            case UInt8(ascii: "}"): table[value] = closeBrace
            default: table[value] = isNameStart(byte) ? name : punctuation
            }
        }
        return UnsafePointer(table)
    }()

    /// The class bits of each byte value, made once, never freed (a pointer: an `Array` read in
    /// the hot loops would go through its lazy global's accessor).
    nonisolated(unsafe) static let classTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            var bits: UInt8 = 0
            if isNameStart(byte) { bits |= nameStart }
            if isNameByte(byte) { bits |= nameByte }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0B || byte == 0x0C { bits |= space }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { bits |= lineEnd | stringStop }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bits |= stringStop }
            table[value] = bits
        }
        return UnsafePointer(table)
    }()
}

/// One file's tokens, kept by a worker's reader and reused from file to file: the code tokens in
/// memory the lexer writes to directly (see `TypeScriptLexer.append`), the comments apart, and
/// where the names `import`, `export` and `require` are among the code tokens.
final class TypeScriptTokens {
    fileprivate(set) var base: UnsafeMutablePointer<TypeScriptToken>
    fileprivate(set) var capacity: Int
    fileprivate(set) var count = 0
    fileprivate(set) var comments: [TypeScriptToken] = []
    /// Indices in `code` of every `import`, `export` and `require` name, in order.
    fileprivate(set) var keywords: [Int] = []

    init() {
        capacity = 1024
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// The code tokens (comments left out), valid until the next file is lexed here.
    var code: UnsafeBufferPointer<TypeScriptToken> { UnsafeBufferPointer(start: base, count: count) }
}

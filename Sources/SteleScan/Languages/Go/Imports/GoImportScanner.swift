/// Reads a Go file's imports, build constraints and `stele:allow` comments from `GoLexer`'s
/// tokens, as written (`GoImportResolver` later names the package each one imports, once every
/// directory's package is known, and adds what the file's name says).
///
/// A Go file is `package name`, then its import declarations, then everything else; like Go's
/// `parser.ImportsOnly`, reading stops at the first token after the imports (unless the whole
/// file's suppressions are asked for). Forms: `import "x"`, `import ( "x"; "y" )` across lines,
/// with comments, and each spec with a name: `name "x"` (attribute `alias:name`), `_ "x"`
/// (`blank`), `. "x"` (`dot`). The path is an interpreted string (escapes decoded: `"fm\x74"` is
/// `fmt`) or a raw one; a path that is not a valid string is ambiguous: `kind` `ambiguous`, an
/// empty `module`. A file with no package clause has no imports (Go rejects it).
///
/// Before the package clause, a `//go:build expr` line (or legacy `// +build` lines) is the file's
/// build constraint: every import's condition (`GoBuildConstraint`).
///
/// The raw form, which the facts cache keeps: `module` is the path, `path` is `[path]`, `kind` nil.
enum GoImportScanner {
    static let blank = "blank"
    static let dot = "dot"
    static let aliasPrefix = "alias:"

    static func scan(_ bytes: [UInt8], wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression]) {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(lexer: GoLexer(buffer))
            reader.read(wholeFile: wholeFile)
            return (reader.imports, reader.suppressions)
        }
    }

    struct Reader {
        var lexer: GoLexer
        var bytes: UnsafeBufferPointer<UInt8> { lexer.bytes }
        var imports: [Import] = []
        var suppressions: [Suppression] = []
        /// Whether the package clause is still ahead: a comment there may be a build constraint.
        var inHeader = true
        var goBuild: String?
        var plusBuild: [String] = []
        /// Every import's conditions: the header's constraint, made once, at the first import.
        var madeConditions: [String]?

        init(lexer: GoLexer) {
            self.lexer = lexer
        }

        func isName(_ token: GoToken, _ word: StaticString) -> Bool {
            token.kind == .name && token.end - token.start == word.utf8CodeUnitCount
                && bytes[token.start..<token.end].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        }

        func isPunct(_ token: GoToken?, _ byte: UInt8) -> Bool {
            guard let token else { return false }
            return token.kind == .punct && bytes[token.start] == byte
        }

        func text(_ token: GoToken) -> String { String(decoding: bytes[token.start..<token.end], as: UTF8.self) }

        /// The next token that is not a comment; comments on the way are read for suppressions
        /// and, in the header, constraints.
        mutating func nextCode() -> GoToken? {
            while let token = lexer.next() {
                guard token.kind == .comment else { return token }
                comment(token)
            }
            return nil
        }

        mutating func read(wholeFile: Bool) {
            defer { if wholeFile { while nextCode() != nil {} } }
            guard let package = nextCode(), isName(package, "package"), let name = nextCode(), name.kind == .name else { return }
            inHeader = false
            var token = nextCode()
            while let current = token {
                if isPunct(current, UInt8(ascii: ";")) { token = nextCode(); continue }
                guard isName(current, "import") else { return }
                token = declaration()
            }
        }

        /// After `import`: one spec, or a `(`…`)` group of them. Returns the token after it.
        mutating func declaration() -> GoToken? {
            guard let first = nextCode() else { return nil }
            guard isPunct(first, UInt8(ascii: "(")) else { return spec(from: first) }
            var token = nextCode()
            while let current = token {
                if isPunct(current, UInt8(ascii: ")")) { return nextCode() }
                if isPunct(current, UInt8(ascii: ";")) { token = nextCode(); continue }
                token = spec(from: current)
            }
            return nil
        }

        /// The header's constraint as conditions (none, or one entry), made at the first import:
        /// the package clause, which ends the header, is read by then.
        mutating func headerConditions() -> [String] {
            if let madeConditions { return madeConditions }
            let made = GoBuildConstraint.header(goBuild: goBuild, plusBuild: plusBuild).map { [$0] } ?? []
            madeConditions = made
            return made
        }

        /// `"x"`, `name "x"`, `_ "x"`, `. "x"` from `first`. Returns the token after it; a token
        /// that starts no spec is stepped over (Go reports an error there).
        mutating func spec(from first: GoToken) -> GoToken? {
            var attributes: [String] = []
            var pathToken = first
            if first.kind == .name || isPunct(first, UInt8(ascii: ".")) {
                guard let next = nextCode() else { return nil }
                guard next.kind == .string || next.kind == .rawString else { return next }
                let alias = text(first)
                attributes.append(alias == "_" ? GoImportScanner.blank : alias == "." ? GoImportScanner.dot : GoImportScanner.aliasPrefix + alias)
                pathToken = next
            } else if first.kind != .string && first.kind != .rawString {
                return nextCode()
            }
            let written = (attributes.isEmpty ? "" : text(first) + " ") + text(pathToken)
            let statement = "import " + (written.utf8.count > 240 ? String(written.prefix(239)) + "…" : written)
            let conditions = headerConditions()
            if let path = GoImportScanner.unquote(bytes[pathToken.start..<pathToken.end]), !path.isEmpty {
                imports.append(Import(module: path, path: nil, kind: nil, attributes: attributes, accessLevel: nil,
                                      line: first.line, column: first.column, conditions: conditions, text: statement))
            } else {
                imports.append(Import(module: "", path: [], kind: "ambiguous", attributes: attributes, accessLevel: nil,
                                      line: first.line, column: first.column, conditions: conditions, text: statement))
            }
            return nextCode()
        }

        /// Whether a line comment starts `//go:` or `// +`: only those are read as text (a long
        /// package comment before the clause costs a byte test a line).
        func mayBeConstraint(_ token: GoToken) -> Bool {
            var k = token.start + 2
            if k + 3 <= token.end, bytes[k] == UInt8(ascii: "g"), bytes[k + 1] == UInt8(ascii: "o"), bytes[k + 2] == UInt8(ascii: ":") { return true }
            while k < token.end, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") { k += 1 }
            return k < token.end && bytes[k] == UInt8(ascii: "+")
        }

        /// `// stele:allow …` and `/* stele:allow … */`; in the header, `//go:build` and `// +build`.
        mutating func comment(_ token: GoToken) {
            guard token.end - token.start >= 2 else { return }
            let block = bytes[token.start + 1] == UInt8(ascii: "*")
            if inHeader, !block, mayBeConstraint(token) {
                let line = Substring(text(token))
                if let expression = GoBuildConstraint.goBuild(line) {
                    if goBuild == nil { goBuild = expression }
                } else if let expression = GoBuildConstraint.plusBuild(line) {
                    plusBuild.append(expression)
                }
            }
            if let found = CStyleComment.suppression(in: token, of: bytes, skippingDocumentation: false) { suppressions.append(found) }
        }
    }

    /// The value of a Go string literal as written (quotes included), as `strconv.Unquote` gives
    /// it; nil when it is not one (unterminated, a bad escape, a line end inside `"…"`).
    static func unquote(_ literal: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard literal.count >= 2, let open = literal.first, literal.last == open else { return nil }
        let body = literal.dropFirst().dropLast()
        if open == UInt8(ascii: "`") {
            guard !body.contains(UInt8(ascii: "`")) else { return nil }
            return String(decoding: body.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        }
        guard open == UInt8(ascii: "\"") else { return nil }
        guard body.contains(UInt8(ascii: "\\")) else {
            guard !body.contains(UInt8(ascii: "\n")), !body.contains(UInt8(ascii: "\"")) else { return nil }
            return String(decoding: body, as: UTF8.self)
        }
        var out: [UInt8] = []
        var i = body.startIndex
        func hex(_ count: Int) -> UInt32? {
            guard body.endIndex - i >= count else { return nil }
            var value: UInt32 = 0
            for byte in body[i..<(i + count)] {
                guard let digit = hexValue(byte) else { return nil }
                value = value * 16 + UInt32(digit)
            }
            i += count
            return value
        }
        while i < body.endIndex {
            let byte = body[i]
            i += 1
            guard byte == UInt8(ascii: "\\") else {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") { return nil }
                out.append(byte)
                continue
            }
            guard i < body.endIndex else { return nil }
            let escape = body[i]
            i += 1
            switch escape {
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "x"):
                guard let value = hex(2) else { return nil }
                out.append(UInt8(value))
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard body.endIndex - i >= 2 else { return nil }
                var value = UInt32(escape - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    let digit = body[i]
                    guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "7") else { return nil }
                    value = value * 8 + UInt32(digit - UInt8(ascii: "0"))
                    i += 1
                }
                guard value <= 255 else { return nil }
                out.append(UInt8(value))
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                guard let value = hex(escape == UInt8(ascii: "u") ? 4 : 8), let scalar = Unicode.Scalar(value) else { return nil }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
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

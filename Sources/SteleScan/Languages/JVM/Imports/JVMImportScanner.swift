/// Reads a Java or Kotlin file's header, its `package` clause and imports, and the
/// `// stele:allow` comments among them, from `JVMLexer`'s tokens, as written
/// (`JVMImportResolver` later names the package each one imports).
///
/// The header is what both languages allow before the first declaration, in any layout (across
/// lines, with comments between the dots, with or without `;`):
/// - annotations: Java's on a `package-info.java` package (`@Deprecated package a;`), Kotlin's
///   file annotations (`@file:JvmName("Util")`, `@file:[A B]`), arguments skipped;
/// - `package a.b.c`, at most one;
/// - `import a.b.C`, `import a.b.*`, `import static a.b.C.m`, `import static a.b.C.*`,
///   Java 25's `import module a.b;` (a module's every exported package),
///   Kotlin's `import a.b.C as D` and `` import a.`b c`.D `` (backticks dropped);
/// - stray `;`.
/// The first other token ends it (`class`, `fun`, `module`, `@interface`, a Kotlin script's first
/// statement). Without `wholeFile` the reader stops there; with it the rest is lexed for its comments.
///
/// The raw form, which the facts cache keeps: the package clause is one record of kind `package`
/// (`module` the dotted name); each import has `module` the dotted name as written (`a.b.*`),
/// `path` its parts, and the attribute `static` or `module` when it is `import static` or `import module`.
enum JVMImportScanner {
    static let packageKind = "package"
    static let moduleAttribute = "module"

    static func scan(_ bytes: [UInt8], dialect: JVMLexer.Dialect, wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression]) {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(lexer: JVMLexer(buffer, dialect: dialect))
            reader.readHeader()
            if wholeFile { while reader.current != nil { reader.advance() } }
            return (reader.imports, reader.suppressions)
        }
    }

    struct Reader {
        var lexer: JVMLexer
        /// The current code token (comments are stepped over by `advance`, their suppressions kept).
        var current: JVMToken?
        var imports: [Import] = []
        var suppressions: [Suppression] = []

        init(lexer: JVMLexer) {
            self.lexer = lexer
            advance()
        }

        var bytes: UnsafeBufferPointer<UInt8> { lexer.bytes }

        mutating func advance() {
            while let token = lexer.next() {
                if token.kind == .comment {
                    suppression(in: token)
                    continue
                }
                current = token
                return
            }
            current = nil
        }

        func isName(_ word: StaticString) -> Bool {
            guard let token = current, token.kind == .name, token.end - token.start == word.utf8CodeUnitCount else { return false }
            let start = word.utf8Start
            for k in 0..<word.utf8CodeUnitCount where bytes[token.start + k] != start[k] { return false }
            return true
        }

        func isPunct(_ byte: UInt8) -> Bool {
            guard let token = current, token.kind == .punct else { return false }
            return bytes[token.start] == byte
        }

        /// The current name without Kotlin's backticks.
        func nameText() -> String {
            guard let token = current else { return "" }
            var (start, end) = (token.start, token.end)
            if bytes[start] == UInt8(ascii: "`") {
                start += 1
                if end > start, bytes[end - 1] == UInt8(ascii: "`") { end -= 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        mutating func readHeader() {
            while current != nil {
                if isPunct(UInt8(ascii: "@")) {
                    guard annotation() else { return }
                } else if isName("package") {
                    packageClause()
                } else if isName("import") {
                    guard importDirective() else { return }
                } else if isPunct(UInt8(ascii: ";")) {
                    advance()
                } else {
                    return
                }
            }
        }

        /// `a.b.c` from the current name: its parts, and the name with dots; a trailing `.*` is the
        /// part `*`. Written without spaces or comments (nearly always), the name is the bytes
        /// from the first part to the last: one string, not the parts joined.
        mutating func dottedName() -> (parts: [String], name: String) {
            var parts: [String] = []
            guard let first = current, first.kind == .name else { return ([], "") }
            var end = first.end
            while let token = current, token.kind == .name {
                parts.append(nameText())
                end = token.end
                advance()
                guard isPunct(UInt8(ascii: ".")) else { break }
                advance()
                if isPunct(UInt8(ascii: "*")) {
                    parts.append("*")
                    end = current!.end
                    advance()
                    break
                }
            }
            var length = parts.count - 1
            for part in parts { length += part.utf8.count }
            guard end - first.start == length else { return (parts, parts.joined(separator: ".")) }
            return (parts, String(decoding: UnsafeBufferPointer(rebasing: bytes[first.start..<end]), as: UTF8.self))
        }

        mutating func packageClause() {
            let keyword = current!
            advance()
            let (parts, name) = dottedName()
            guard !parts.isEmpty, parts.last != "*" else { return }
            imports.append(Import(module: name, path: parts, kind: JVMImportScanner.packageKind, attributes: [], accessLevel: nil,
                                  line: keyword.line, column: keyword.column, conditions: [], text: "package " + name))
        }

        /// `import [static] a.b.C [.*] [as D]`; false when what follows `import` is no import.
        mutating func importDirective() -> Bool {
            let keyword = current!
            advance()
            var modifier: String?
            if isName("static") || isName("module") {
                // `module` is a name too (`import module.Foo;`): a modifier only before another name.
                let word = nameText()
                let saved = (lexer, current, suppressions.count)
                advance()
                if current?.kind == .name {
                    modifier = word
                } else {
                    (lexer, current) = (saved.0, saved.1)
                    suppressions.removeLast(suppressions.count - saved.2)
                }
            }
            let (parts, name) = dottedName()
            guard !parts.isEmpty else { return false }
            var text = modifier == nil ? "import " : "import \(modifier!) "
            text += name
            if isName("as") {
                advance()
                if let token = current, token.kind == .name {
                    text += " as " + nameText()
                    advance()
                }
            }
            imports.append(Import(module: name, path: parts, kind: nil, attributes: modifier.map { [$0] } ?? [],
                                  accessLevel: nil, line: keyword.line, column: keyword.column, conditions: [], text: text))
            return true
        }

        /// `@a.b.Name(…)`, Kotlin's `@file:Name(…)` and `@file:[A B(…)]`; false at `@interface`,
        /// a declaration, which ends the header.
        mutating func annotation() -> Bool {
            advance()
            if isName("interface") { return false }
            skipDottedName()
            if isPunct(UInt8(ascii: ":")) {
                advance()
                if isPunct(UInt8(ascii: "[")) { skipBalanced(); return true }
                skipDottedName()
            }
            if isPunct(UInt8(ascii: "(")) { skipBalanced() }
            return true
        }

        /// An annotation's name: `a.b.Name`.
        mutating func skipDottedName() {
            while current?.kind == .name {
                advance()
                guard isPunct(UInt8(ascii: ".")) else { return }
                advance()
            }
        }

        /// From an opening bracket to its match (or the end of the file); strings are single tokens.
        mutating func skipBalanced() {
            var depth = 0
            while let token = current {
                if token.kind == .punct {
                    switch bytes[token.start] {
                    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                    default: break
                    }
                }
                advance()
                if depth <= 0 { return }
            }
        }

        /// `// stele:allow …` and `/* stele:allow … */`; never `///` or `/**` (documentation).
        mutating func suppression(in token: JVMToken) {
            if let found = CStyleComment.suppression(in: token, of: bytes, skippingDocumentation: true) { suppressions.append(found) }
        }
    }
}

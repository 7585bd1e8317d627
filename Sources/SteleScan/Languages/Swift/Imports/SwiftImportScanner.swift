#if canImport(Glibc)
import Glibc
#endif
/// Finds the `import` declarations of a Swift file, with the lexer, so that nothing in a comment or
/// a string is ever taken for one.
///
/// Conditions: each enclosing `#if` contributes one string saying when its branch is active. In
/// `#if A` it is `A`; in a following `#elseif B` it is `!A && B`; in `#else` it is `!A && !B`. A
/// condition that is not a single name or call is parenthesised when negated (`!(A || B)`), and a
/// disjunction when combined (`!A && (B || C)`).
/// Whitespace inside conditions is folded to single spaces and comments are dropped.
enum SwiftImportScanner {
    static func imports(in source: [UInt8]) -> [Import] {
        scan(source).imports
    }

    /// The imports and the inline suppressions (`// stele:allow …`) of a file.
    ///
    /// No token after the last whole-word `import` can be an import declaration, and conditions
    /// depend only on the directives before it: lexing stops there (in most files, the end of the
    /// header), which is what keeps a scan near `rg`'s speed. Suppressions are read up to the end of
    /// that line: one only ever applies to an import on its own line or the next.
    ///
    /// `wholeFile` reads suppressions to the end (for `Package.swift`, whose dependency lines get
    /// manifest findings); the imports are the same either way.
    static func scan(_ source: [UInt8], wholeFile: Bool = false) -> (imports: [Import], suppressions: [Suppression]) {
        if wholeFile {
            var scanner = Scanner(lexer: SwiftLexer(source))
            scanner.run()
            return (scanner.imports, scanner.suppressions)
        }
        guard let last = lastOccurrenceOfImport(in: source) else { return ([], []) }
        var end = last
        while end < source.count, source[end] != UInt8(ascii: "\n") { end += 1 }
        var scanner = Scanner(lexer: SwiftLexer(source), stopAfter: last, commentsUntil: end)
        scanner.run()
        return (scanner.imports, scanner.suppressions)
    }

    /// The offset of the last `import` standing as a whole word (not `important`, `reimport`),
    /// anywhere (comments and strings included): the import keyword always does. Looks for one
    /// letter of `import`, a rare one in code (`m` with the C library's vectorised `memchr` where
    /// it is Glibc, else `p` backwards sixteen bytes at a time), and checks only the candidates:
    /// this runs over every byte of every file, so it must be cheap.
    static func lastOccurrenceOfImport(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            let n = raw.count
            guard n >= 6 else { return nil }
            @inline(__always) func isWordByte(_ c: UInt8) -> Bool {
                (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                    || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || c >= 0x80
            }
            @inline(__always) func isImport(at i: Int) -> Bool {
                raw[i] == UInt8(ascii: "i") && raw[i + 1] == UInt8(ascii: "m") && raw[i + 2] == UInt8(ascii: "p")
                    && raw[i + 3] == UInt8(ascii: "o") && raw[i + 4] == UInt8(ascii: "r") && raw[i + 5] == UInt8(ascii: "t")
                    && (i == 0 || !isWordByte(raw[i - 1])) && (i + 6 == n || !isWordByte(raw[i + 6]))
            }
            #if canImport(Glibc)
            // The C library's `memchr` scans 32 bytes a step or more: each `m` it finds is checked,
            // and the last match wins. (`m` is the rarest letter of `import` in Swift: 1.0% of the
            // bytes of swift-nio and swift-syntax, against 1.6% for `p`, which `public`,
            // `private` and `protocol` make common.)
            let base = raw.baseAddress!
            var last: Int?
            var from = 1
            let end = n - 4 // an `m` at `pos` needs `port` after it: pos + 4 < n
            while from < end, let found = memchr(base + from, Int32(UInt8(ascii: "m")), end - from) {
                let pos = UnsafeRawPointer(found) - base
                if isImport(at: pos - 1) { last = pos - 1 }
                from = pos + 1
            }
            return last
            #else
            let p = SIMD16<UInt8>(repeating: UInt8(ascii: "p"))
            // `q` is the highest position the `p` of a match can have: the match is q-2 ..< q+4.
            var q = n - 4
            while q >= 2 {
                if q - 15 >= 2 {
                    let base = q - 15
                    let hits = raw.loadUnaligned(fromByteOffset: base, as: SIMD16<UInt8>.self) .== p
                    if any(hits) {
                        for k in stride(from: 15, through: 0, by: -1) where hits[k] && isImport(at: base + k - 2) {
                            return base + k - 2
                        }
                    }
                    q -= 16
                } else {
                    if raw[q] == UInt8(ascii: "p"), isImport(at: q - 2) { return q - 2 }
                    q -= 1
                }
            }
            return nil
            #endif
        }
    }


    /// One `#if … #endif` level: the conditions of the clauses already passed, and the current one
    /// (nil in `#else`).
    struct ConditionalFrame {
        var passed: [String] = []
        var current: String?

        var description: String {
            // A long chain of `#elseif`s: the first clauses passed, then how many more, so that the
            // condition stays readable and its size does not grow with the branches before it.
            let shown = passed.count > SwiftImportScanner.maximumConditionsListed ? Array(passed.prefix(3)) : passed
            var negated = shown.map { SwiftImportScanner.isAtomic($0) ? "!" + $0 : "!(" + $0 + ")" }
            if shown.count < passed.count { negated.append("(\(passed.count - shown.count) more earlier branches false)") }
            guard let current else { return negated.joined(separator: " && ") }
            if negated.isEmpty { return current }
            // `!A && (B || C)`: without the parentheses `||` would bind looser than intended.
            let clause = SwiftImportScanner.hasOr(current) ? "(" + current + ")" : current
            return (negated + [clause]).joined(separator: " && ")
        }
    }

    /// The most `#if` conditions an import lists in full: past it, the outermost are counted.
    static let maximumConditionsListed = 8

    /// The conditions an import is under, outermost first: a condition equal to the one just
    /// outside it is said once, and past `maximumConditionsListed` levels the outer ones are
    /// counted (20,000 nested `#if`s gave each import a 200 KB list).
    static func conditions(of frames: [ConditionalFrame]) -> [String] {
        guard !frames.isEmpty else { return [] }
        var list: [String] = []
        for frame in frames.suffix(maximumConditionsListed + 1) {
            let description = frame.description
            if list.last != description { list.append(description) }
        }
        if frames.count > maximumConditionsListed + 1 {
            list[0] = "(\(frames.count - maximumConditionsListed) enclosing conditions)"
        }
        return list
    }

    /// Whether a condition has `||` (on its bytes: `String.contains(_:)` costs a string search
    /// engine's set-up for every import under an `#if`).
    static func hasOr(_ condition: String) -> Bool {
        var previous: UInt8 = 0
        for byte in condition.utf8 {
            if byte == UInt8(ascii: "|") && previous == byte { return true }
            previous = byte
        }
        return false
    }

    /// A single name or call (`DEBUG`, `os(Linux)`, `canImport(UIKit)`): negated without parentheses.
    static func isAtomic(_ condition: String) -> Bool {
        guard let first = condition.unicodeScalars.first, first != "!" else { return false }
        var depth = 0
        for scalar in condition.unicodeScalars {
            if scalar == "(" { depth += 1 } else if scalar == ")" { depth -= 1 } else if depth == 0 && (scalar == " " || scalar == "&" || scalar == "|") { return false }
        }
        return true
    }

    struct Scanner {
        var lexer: SwiftLexer
        /// Tokens starting after this offset are not read.
        var stopAfter: Int = .max
        /// Comments starting before this offset are read for suppressions.
        var commentsUntil: Int = .max
        var imports: [Import] = []
        var suppressions: [Suppression] = []
        var frames: [ConditionalFrame] = []
        /// `conditions(of: frames)`, made once per directive rather than once per import.
        var currentConditions: [String]?
        /// Attributes and an access level seen since the last statement boundary.
        var prefixStart: SwiftToken?
        var attributes: [String] = []
        var accessLevel: String?
        var previous: SwiftToken?
        /// The keyword table, read once: a static's lazy-initialisation check per token adds up.
        let keywords = SwiftKeyword.table

        mutating func run() {
            while let token = nextSignificant() {
                guard token.start <= stopAfter else { break }
                switch token.kind {
                case .conditionalDirective:
                    directive(token)
                    resetPrefix()
                case .attribute:
                    if prefixStart == nil { prefixStart = token }
                    attributes.append(lexer.text(of: token) + attributeArguments(after: token))
                case .identifier where lexer.token(token, is: "import") && !isMemberAccess:
                    declaration(at: token)
                    resetPrefix()
                case .identifier where accessLevel == nil && mayBeAccessLevel(token)
                    && SwiftKeyword.of(token, in: lexer, table: keywords)?.isImportAccessLevel == true:
                    if prefixStart == nil { prefixStart = token }
                    accessLevel = lexer.text(of: token)
                default:
                    resetPrefix()
                }
                previous = token
            }
        }

        /// Whether an identifier can be `public`, `package`, `private`, `internal` or `fileprivate`,
        /// by its length and first byte: most identifiers then skip the keyword table's hash.
        func mayBeAccessLevel(_ token: SwiftToken) -> Bool {
            switch token.end - token.start {
            case 6, 7, 8, 11: break
            default: return false
            }
            let first = lexer.bytes[token.start]
            return first == UInt8(ascii: "p") || first == UInt8(ascii: "i") || first == UInt8(ascii: "f")
        }

        /// `x.import` names a member, not a declaration.
        var isMemberAccess: Bool {
            guard let previous else { return false }
            return lexer.isPunctuation(previous, ".")
        }

        mutating func resetPrefix() {
            guard prefixStart != nil else { return }
            prefixStart = nil
            attributes.removeAll(keepingCapacity: true)
            accessLevel = nil
        }

        /// The next non-comment token; comments on the way are read for suppressions.
        mutating func nextSignificant() -> SwiftToken? {
            while let token = lexer.next() {
                guard token.isComment else { return token }
                if token.start < commentsUntil, let suppression = Suppression.parse(token, in: lexer) {
                    suppressions.append(suppression)
                }
            }
            return nil
        }

        /// The next significant token, consumed only when `accept` says so.
        mutating func take(_ accept: (SwiftToken, SwiftLexer) -> Bool) -> SwiftToken? {
            let mark = lexer.mark
            if let token = lexer.nextNonComment(), accept(token, lexer) { return token }
            lexer.reset(to: mark)
            return nil
        }

        /// `(Internal)` of `@_spi(Internal)`: the parenthesised arguments right after an attribute,
        /// without whitespace.
        mutating func attributeArguments(after attribute: SwiftToken) -> String {
            guard take({ t, l in t.start == attribute.end && l.isPunctuation(t, "(") }) != nil else {
                return ""
            }
            var text = "("
            var depth = 1
            while depth > 0, let token = nextSignificant() {
                let piece = lexer.text(of: token)
                if token.kind == .punctuation {
                    if piece == "(" { depth += 1 } else if piece == ")" { depth -= 1 }
                }
                text += piece
            }
            return text
        }

        mutating func declaration(at importToken: SwiftToken) {
            // `import struct Foo.Bar`; but in `import macro` alone, `macro` is the module's name.
            // Each token is lexed once: the first after `import` is the kind or the module.
            let beforeFirst = lexer.mark
            guard var name = lexer.nextNonComment() else { return }
            var kind: String?
            if name.kind == .identifier, SwiftKeyword.of(name, in: lexer, table: keywords)?.isImportKind == true,
               let next = take({ [line = name.line] t, _ in (t.kind == .identifier || t.kind == .backtickIdentifier) && t.line == line }) {
                kind = lexer.text(of: name)
                name = next
            }
            guard name.kind == .identifier || name.kind == .backtickIdentifier else {
                lexer.reset(to: beforeFirst) // not an import after all: the token is the next statement's
                return
            }
            let module = component(name)
            var rest: [String] = [] // the components after the module: most imports have none
            var last = name
            // Another component only after an adjacent `.`; later ones may be operators (`import func Foo.+`).
            while take({ t, l in l.isPunctuation(t, ".") }) != nil,
                  let next = take({ t, _ in t.kind == .identifier || t.kind == .backtickIdentifier || t.kind == .operator }) {
                rest.append(component(next))
                last = next
            }
            guard !module.isEmpty else { return }
            let path = rest.isEmpty ? nil : [module] + rest
            let start = prefixStart ?? importToken
            let text: String
            if attributes.isEmpty && accessLevel == nil && kind == nil && path == nil {
                // Most imports: no words to join, and often written `import Name` already.
                text = writtenPlainly(importToken, last) ?? "import " + module
            } else {
                var words = attributes
                if let accessLevel { words.append(accessLevel) }
                words.append("import")
                if let kind { words.append(kind) }
                words.append(path?.joined(separator: ".") ?? module)
                text = words.joined(separator: " ")
            }
            imports.append(Import(module: module, path: path, kind: kind, attributes: attributes, accessLevel: accessLevel,
                                  line: start.line, column: start.column, conditions: conditions(), text: text))
        }

        /// A path component's name: a backticked name without its backticks.
        func component(_ token: SwiftToken) -> String {
            let text = lexer.text(of: token)
            return token.kind == .backtickIdentifier ? String(text.dropFirst().dropLast()) : text
        }

        /// The source text of `import Name` when it is written so, one space apart: one string
        /// made from the bytes, not two joined.
        func writtenPlainly(_ importToken: SwiftToken, _ name: SwiftToken) -> String? {
            guard name.kind == .identifier, name.start == importToken.end + 1, lexer.bytes[importToken.end] == UInt8(ascii: " ") else {
                return nil
            }
            return String(decoding: lexer.bytes[importToken.start..<name.end], as: UTF8.self)
        }

        mutating func conditions() -> [String] {
            if let currentConditions { return currentConditions }
            let made = SwiftImportScanner.conditions(of: frames)
            currentConditions = made
            return made
        }

        mutating func directive(_ token: SwiftToken) {
            currentConditions = nil
            let text = lexer.text(of: token)
            if text.hasPrefix("#elseif") {
                if frames.isEmpty { frames.append(ConditionalFrame()) }
                frames[frames.count - 1].passed.append(frames[frames.count - 1].current ?? "")
                frames[frames.count - 1].current = SwiftImportScanner.condition(text.dropFirst("#elseif".count))
            } else if text.hasPrefix("#if") {
                frames.append(ConditionalFrame(passed: [], current: SwiftImportScanner.condition(text.dropFirst("#if".count))))
            } else if text.hasPrefix("#else") {
                if frames.isEmpty { frames.append(ConditionalFrame()) }
                if let current = frames[frames.count - 1].current { frames[frames.count - 1].passed.append(current) }
                frames[frames.count - 1].current = nil
            } else if text.hasPrefix("#endif") {
                _ = frames.popLast() // an unbalanced #endif is ignored
            }
        }
    }

    /// A directive's condition without comments, whitespace folded. Read as bytes (a condition is
    /// ASCII but for names in other scripts, which are copied as they are).
    static func condition(_ raw: Substring) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        var previous: UInt8 = 0
        var inLineComment = false
        var inBlockComment = false
        let utf8 = raw.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let c = utf8[i]
            utf8.formIndex(after: &i)
            if inLineComment {
                if c == UInt8(ascii: "\n") { inLineComment = false; pendingSpace = true }
                previous = c
                continue
            }
            if inBlockComment {
                if previous == UInt8(ascii: "*") && c == UInt8(ascii: "/") { inBlockComment = false; previous = 0; pendingSpace = true; continue }
                previous = c
                continue
            }
            if c == UInt8(ascii: "/"), i != utf8.endIndex, utf8[i] == UInt8(ascii: "/") || utf8[i] == UInt8(ascii: "*") {
                if utf8[i] == UInt8(ascii: "/") { inLineComment = true } else { inBlockComment = true }
                utf8.formIndex(after: &i)
                previous = 0
                continue
            }
            if c == UInt8(ascii: " ") || (c >= 0x09 && c <= 0x0D) {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(c)
            }
            previous = c
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SwiftLexer {
    /// The next token that is not a comment.
    mutating func nextNonComment() -> SwiftToken? {
        while let token = next() {
            if !token.isComment { return token }
        }
        return nil
    }
}

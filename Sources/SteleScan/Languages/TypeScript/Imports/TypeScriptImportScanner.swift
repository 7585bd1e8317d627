import SteleCore

/// Reads a TypeScript or JavaScript file's imports and `stele:allow` comments from
/// `TypeScriptLexer`'s tokens, as written (`TypeScriptImportResolver` later names the module each
/// one imports, once every file's module is known).
///
/// Forms, wherever they are (imports may be anywhere in a module, `require` in any function):
/// - `import x from 'm'`, `import {a, b as c} from 'm'`, `import * as n from 'm'`, `import x, {a}
///   from 'm'`, across lines, with comments; `import 'm'` (side effect);
/// - `export * from 'm'`, `export * as n from 'm'`, `export {a, b as c} from 'm'`;
/// - `import type … from 'm'`, `export type … from 'm'`: type-only, erased by the compiler; they
///   carry the attribute `type-only`, as Python's `TYPE_CHECKING` imports do, and still count;
/// - `import x = require('m')`, `require('m')` (attribute `require`) and `import('m')` (attribute
///   `dynamic`; `typeof import('m')`, a type, is `type-only` too) with one string literal (or a
///   template without substitutions). With anything else
///   they are ambiguous: `kind` `ambiguous`, an empty `module`, never guessed.
/// Not imports: `x.require(…)`, `x.import`, `import.meta`, `{ import: 1 }`, `function require(…)`, and a
/// method named `import` or `require` (`import(data) {`).
///
/// The raw form, which the facts cache keeps: `module` is the specifier as written (`./a`,
/// `@acme/orders`, `node:fs`), `path` is `[specifier]`, `kind` nil (or `ambiguous`).
enum TypeScriptImportScanner {
    static let typeOnly = "type-only"
    static let dynamic = "dynamic"
    static let require = "require"
    static let requireAlone = [require]

    /// A file's imports and suppressions, lexed up to what they need: up to its last whole-word
    /// `import`, `export` or `require` and its last `stele:allow` (`lastNeeded(in:)`), and the
    /// tokens a form read from there can reach (`TypeScriptLexer.tokensAfterLimit`). In npm's
    /// sources that is about 37% of the bytes: CommonJS requires come first. A form that reads
    /// as far as where lexing stopped (an import list of thousands of names) has the file
    /// lexed whole and read again, so the answer is always the whole file's.
    static func scan(_ bytes: [UInt8], into tokens: TypeScriptTokens, whole: Bool = false) -> (imports: [Import], suppressions: [Suppression]) {
        guard let limit = whole ? bytes.count : lastNeeded(in: bytes) else { return ([], []) }
        let stopped = TypeScriptLexer.tokenize(bytes, into: tokens, limit: limit)
        var touched = false
        let found = bytes.withUnsafeBufferPointer { bytes in
            withUnsafeMutablePointer(to: &touched) { touched in
                var reader = Reader(bytes: bytes, code: Code(tokens.code, end: stopped ? tokens.code.count - 1 : tokens.code.count, touched: touched))
                reader.read(comments: tokens.comments, keywords: tokens.keywords)
                return (reader.imports, reader.suppressions)
            }
        }
        return touched ? scan(bytes, into: tokens, whole: true) : found
    }

    /// `scan(_:into:)` of the whole file with its code tokens left in `tokens` (tests and the fuzzer).
    static func scan(_ bytes: [UInt8], tokens: inout [TypeScriptToken]) -> (imports: [Import], suppressions: [Suppression]) {
        let storage = TypeScriptTokens()
        let found = scan(bytes, into: storage, whole: true)
        tokens = Array(storage.code)
        return found
    }

    /// Where the last whole-word `import`, `export` or `require`, or the last `stele:allow`, ends
    /// (in code or not: the bytes are not lexed yet); nil when there is none, and then nothing
    /// in the file is an import or a suppression. Found by `ByteSearch` on a letter of each that is
    /// rare in code (`x`, `q`, `p`, `w`), each search starting where a match could still end later.
    static func lastNeeded(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            var found: Int?
            for (word, anchor, isWord) in lastNeededWords {
                word.withUnsafeBytes { needle in
                    ByteSearch.forEach(needle, anchor: anchor, in: raw, from: max(0, (found ?? 0) - needle.count + 1)) { start in
                        let end = start + needle.count
                        if isWord, start > 0, TypeScriptLexer.isNameByte(raw[start - 1]) { return true }
                        if isWord, end < raw.count, TypeScriptLexer.isNameByte(raw[end]) { return true }
                        found = max(found ?? 0, end)
                        return true
                    }
                }
            }
            return found
        }
    }

    /// Each word, the index of its byte searched for, and whether it must be a whole word.
    private static let lastNeededWords: [([UInt8], Int, Bool)] = [
        (Array("export".utf8), 1, true), (Array("require".utf8), 2, true), (Array("import".utf8), 2, true), (Array("stele:allow".utf8), 10, false),
    ]

    /// The code tokens as the reader sees them: reading the token where lexing stopped (at
    /// `end`) notes that the form needed more of the file.
    struct Code {
        let base: UnsafeBufferPointer<TypeScriptToken>
        let end: Int
        let touched: UnsafeMutablePointer<Bool>

        init(_ base: UnsafeBufferPointer<TypeScriptToken>, end: Int, touched: UnsafeMutablePointer<Bool>) {
            self.base = base
            self.end = end
            self.touched = touched
        }

        var count: Int { base.count }

        subscript(k: Int) -> TypeScriptToken {
            if k >= end { touched.pointee = true }
            return base[k]
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The tokens, comments left out (the lexer keeps them apart): the statement readers step over none.
        let code: Code
        var imports: [Import] = []
        var suppressions: [Suppression] = []

        init(bytes: UnsafeBufferPointer<UInt8>, code: Code) {
            self.bytes = bytes
            self.code = code
        }

        func isName(_ k: Int, _ word: StaticString) -> Bool {
            guard k >= 0, k < code.count, code[k].kind == .name else { return false }
            let token = code[k]
            return token.end - token.start == word.utf8CodeUnitCount
                && bytes[token.start..<token.end].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        }

        func isPunct(_ k: Int, _ byte: UInt8) -> Bool {
            k >= 0 && k < code.count && code[k].kind == .punct && bytes[code[k].start] == byte
        }

        /// The forms start at `import`, `export` and `require` only: the lexer lists where those
        /// names are (`keywords`), so the tokens between are not visited. A form read past a
        /// later keyword (`export { require } from 'm'`) has used it, as a walk over every token would.
        mutating func read(comments: [TypeScriptToken], keywords: [Int]) {
            for token in comments { suppression(in: token) }
            var k = 0
            for keyword in keywords where keyword >= k {
                k = keyword
                if isPunct(k - 1, UInt8(ascii: ".")) { k += 1; continue }
                switch bytes[code[k].start] {
                case UInt8(ascii: "i"): k = importForm(at: k)
                case UInt8(ascii: "e"): k = exportForm(at: k)
                default: k = requireCall(at: k, statement: k)
                }
            }
        }

        /// `// stele:allow …` and `/* stele:allow … */`; never `///` (TypeScript's directives) or `/**` (JSDoc).
        mutating func suppression(in token: TypeScriptToken) {
            if let found = CStyleComment.suppression(in: token, of: bytes, skippingDocumentation: true) { suppressions.append(found) }
        }

        /// The value of a string literal (or a template without substitutions) at `k`, without
        /// escapes: a specifier with a backslash is not read (nil).
        func literal(at k: Int) -> String? {
            guard k < code.count, code[k].kind == .string || code[k].kind == .template else { return nil }
            let token = code[k]
            guard token.end - token.start >= 2 else { return nil }
            let open = bytes[token.start]
            guard open != UInt8(ascii: "}"), bytes[token.end - 1] == open else { return nil }
            let body = bytes[(token.start + 1)..<(token.end - 1)]
            guard !body.contains(UInt8(ascii: "\\")) else { return nil }
            if open == UInt8(ascii: "`"), body.contains(UInt8(ascii: "\n")) || body.contains(UInt8(ascii: "\r")) { return nil }
            return String(decoding: body, as: UTF8.self)
        }

        /// The source from `from` to `to` (token indices, inclusive) on one line: whitespace runs
        /// become one space. Snippets and fingerprints use it.
        func text(from: Int, to: Int) -> String {
            let source = UnsafeBufferPointer(rebasing: bytes[code[from].start..<code[to].end])
            // The text never grows but by the ellipsis (a whitespace run becomes at most one
            // space): built in a temporary buffer, not by an `Array` append a byte.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count + 3) { out in
                var count = 0
                var space = false
                for byte in source {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                        space = true
                        continue
                    }
                    if space, count > 0, out[count - 1] != UInt8(ascii: "{"), byte != UInt8(ascii: "}") { out[count] = UInt8(ascii: " "); count += 1 }
                    if space, byte == UInt8(ascii: "}"), count > 0, out[count - 1] == UInt8(ascii: ",") { out[count] = UInt8(ascii: " "); count += 1 }
                    space = false
                    out[count] = byte
                    count += 1
                }
                if count > 240 {
                    count = 239
                    for byte in "…".utf8 { out[count] = byte; count += 1 }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<count]), as: UTF8.self)
            }
        }

        mutating func record(_ specifier: String?, attributes: [String], at keyword: Int, through end: Int) {
            let token = code[keyword]
            let text = text(from: keyword, to: min(end, code.count - 1))
            if let specifier, !specifier.isEmpty {
                imports.append(Import(module: specifier, path: [specifier], kind: nil, attributes: attributes, accessLevel: nil,
                                      line: token.line, column: token.column, conditions: [], text: text))
            } else {
                imports.append(Import(module: "", path: [], kind: "ambiguous", attributes: attributes, accessLevel: nil,
                                      line: token.line, column: token.column, conditions: [], text: text))
            }
        }

        /// At `import`: returns the index to go on from.
        mutating func importForm(at start: Int) -> Int {
            var k = start + 1
            guard k < code.count else { return k }
            if isPunct(k, UInt8(ascii: ".")) || isPunct(k, UInt8(ascii: ":")) || isPunct(k, UInt8(ascii: "=")) { return k } // import.meta, { import: 1 }
            if isPunct(k, UInt8(ascii: "(")) {
                // `typeof import('./a')`: TypeScript's import type, erased as `import type` is.
                let extra = isName(start - 1, "typeof") ? [TypeScriptImportScanner.typeOnly] : []
                return call(at: start, open: k, attribute: TypeScriptImportScanner.dynamic, statement: start, extra: extra)
            }
            if let specifier = literal(at: k), code[k].kind == .string {
                record(specifier, attributes: [], at: start, through: k)
                return k + 1
            }
            var attributes: [String] = []
            // `import type X from`, but `import type from 'm'` imports a default named `type`.
            if isName(k, "type"), !(isName(k + 1, "from") && k + 2 < code.count && code[k + 2].kind == .string) , !isPunct(k + 1, UInt8(ascii: ",")) {
                attributes.append(TypeScriptImportScanner.typeOnly)
                k += 1
            }
            // `import x = require('m')`.
            if k + 2 < code.count, code[k].kind == .name, isPunct(k + 1, UInt8(ascii: "=")), isName(k + 2, "require") {
                return requireCall(at: k + 2, statement: start, attributes: attributes)
            }
            return fromClause(from: k, keyword: start, attributes: attributes)
        }

        /// At `export`: only `export … from 'm'` is an import.
        mutating func exportForm(at start: Int) -> Int {
            var k = start + 1
            var attributes: [String] = []
            if isName(k, "type"), isPunct(k + 1, UInt8(ascii: "{")) || isPunct(k + 1, UInt8(ascii: "*")) {
                attributes.append(TypeScriptImportScanner.typeOnly)
                k += 1
            }
            guard isPunct(k, UInt8(ascii: "{")) || isPunct(k, UInt8(ascii: "*")) else { return start + 1 }
            return fromClause(from: k, keyword: start, attributes: attributes)
        }

        /// The bindings of an import or export (names, `*`, `as`, `,`, one `{…}` of them) up to
        /// `from 'm'`; anything else ends the form with no import.
        mutating func fromClause(from first: Int, keyword: Int, attributes: [String]) -> Int {
            var k = first
            var braces = 0
            while k < code.count {
                let token = code[k]
                if braces == 0, k > first, isName(k, "from") {
                    guard k + 1 < code.count, code[k + 1].kind == .string else { return k }
                    record(literal(at: k + 1), attributes: attributes, at: keyword, through: k + 1)
                    return k + 2
                }
                if braces == 0, k > first {
                    // Outside braces a binding follows `,` or `as` only, and `as` follows a name or `*`.
                    let previous = code[k - 1]
                    let follows = previous.kind == .punct && bytes[previous.start] == UInt8(ascii: ",") || isName(k - 1, "as")
                    if token.kind == .name && !isName(k, "as") && !follows { return k }
                    if isName(k, "as") && previous.kind != .name && !isPunct(k - 1, UInt8(ascii: "*")) { return k }
                    if previous.kind == .punct && bytes[previous.start] == UInt8(ascii: "}") && !isPunct(k, UInt8(ascii: ",")) { return k }
                }
                if token.kind == .name || (token.kind == .string && braces > 0) { k += 1; continue }
                guard token.kind == .punct else { return k }
                switch bytes[token.start] {
                case UInt8(ascii: "{"): braces += 1
                case UInt8(ascii: "}"):
                    guard braces > 0 else { return k }
                    braces -= 1
                case UInt8(ascii: ","): break
                case UInt8(ascii: "*"): if braces > 0 { return k }
                default: return k
                }
                k += 1
            }
            return k
        }

        /// At `require`: `require('m')`, unless it is a declaration (`function require(`).
        mutating func requireCall(at k: Int, statement: Int, attributes: [String] = []) -> Int {
            guard isPunct(k + 1, UInt8(ascii: "(")), !isName(k - 1, "function") else { return k + 1 }
            return call(at: statement, open: k + 1, attribute: TypeScriptImportScanner.require, statement: statement, extra: attributes)
        }

        /// A call's `(` at `open`: one literal argument (then `)` or `,`) names the module.
        mutating func call(at keyword: Int, open: Int, attribute: String, statement: Int, extra: [String] = []) -> Int {
            // Mostly `[attribute]` alone: the shared arrays, not one made for each call.
            let attributes = !extra.isEmpty ? extra + [attribute]
                : attribute == TypeScriptImportScanner.require ? TypeScriptImportScanner.requireAlone : [attribute]
            if let specifier = literal(at: open + 1), isPunct(open + 2, UInt8(ascii: ")")) || isPunct(open + 2, UInt8(ascii: ",")) {
                record(specifier, attributes: attributes, at: keyword, through: open + 2)
                return open + 2
            }
            // Not a literal: up to the call's `)` for the text.
            var end = open
            var depth = 0
            while end + 1 < code.count, end - open < 4096 { // bounded: an unclosed call in bad input
                end += 1
                if isPunct(end, UInt8(ascii: "(")) { depth += 1 }
                if isPunct(end, UInt8(ascii: ")")) { if depth == 0 { break }; depth -= 1 }
            }
            // `import(data) {`: a method of that name, declared, not called.
            if isPunct(end + 1, UInt8(ascii: "{")) { return end + 1 }
            record(nil, attributes: attributes, at: keyword, through: min(end, open + 12))
            return open + 1
        }
    }
}

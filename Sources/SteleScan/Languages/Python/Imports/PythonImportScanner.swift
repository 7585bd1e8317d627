/// Reads a Python file's imports and `# stele:allow` comments from `PythonLexer`'s tokens, as
/// written (`PythonImportResolver` later names the module each one imports, once every file's
/// module is known).
///
/// Statements: `import a.b`, `import a.b as c, d`, `from a import b`, `from ..a import (b, c)`,
/// `from . import *`, wherever a statement starts: at the start of a logical line, after `;`, or
/// after a compound statement's `:` (`try: import json`); so inside functions and classes too.
/// Imports in an `if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:` block (or `elif`, or after its
/// `:` on the same line) are type-only: their condition is recorded, and the `else` branch is not in it.
/// Calls `importlib.import_module(…)`, `import_module(…)` and `__import__(…)` are dynamic imports:
/// of their module when the first argument is one plain string literal, else ambiguous.
///
/// The raw form, which the facts cache keeps: `kind` is `from` for `from … import name` (`module`
/// is what follows `from`, leading dots included; `path` is its parts and the name), nil for `import a.b`
/// (`module` is `a.b`), `dynamic` for a literal dynamic import (`module` is the literal) and
/// `ambiguous` for any other (`module` is empty).
enum PythonImportScanner {
    static let typeOnly = "type-only"

    /// With `stopAfter`, the file is read only to the end of the logical line holding that offset
    /// (`lastImport(in:)`'s: no import statement starts after it).
    static func scan(_ bytes: [UInt8], tokens: inout [PythonToken], stopAfter: Int? = nil) -> (imports: [Import], suppressions: [Suppression]) {
        PythonLexer.tokenize(bytes, into: &tokens, stopAfter: stopAfter)
        // Read through buffer pointers, as the lexer: every index is checked against the count first.
        return bytes.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                var reader = Reader(bytes: bytes, tokens: tokens)
                reader.read()
                return (reader.imports, reader.suppressions)
            }
        }
    }

    /// The offset of the last `import` in `bytes`, as a word or inside one (`importlib`,
    /// `__import__`, `import_module`), in code, strings or comments alike; nil when there is none.
    /// Every import statement and dynamic import holds one, so a file needs reading only to the end
    /// of that logical line: most files' last import is near their top.
    static func lastImport(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            var i = b.count - 6
            while i >= 0 {
                if b[i + 2] == UInt8(ascii: "p"), b[i] == UInt8(ascii: "i"), b[i + 1] == UInt8(ascii: "m"), b[i + 3] == UInt8(ascii: "o"),
                   b[i + 4] == UInt8(ascii: "r"), b[i + 5] == UInt8(ascii: "t") {
                    return i
                }
                i -= 1
            }
            return nil
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: UnsafeBufferPointer<PythonToken>
        var imports: [Import] = []
        var suppressions: [Suppression] = []
        /// Open `if TYPE_CHECKING:` blocks: the indentation of their `if` line, and the condition.
        var typeChecking: [(indent: Int, condition: String)] = []

        init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<PythonToken>) {
            self.bytes = bytes
            self.tokens = tokens
        }

        func isName(_ k: Int, _ word: String) -> Bool {
            guard k >= 0, k < tokens.count, tokens[k].kind == .name else { return false }
            let token = tokens[k]
            return token.end - token.start == word.utf8.count && bytes[token.start..<token.end].elementsEqual(word.utf8)
        }

        func isOp(_ k: Int, _ byte: UInt8) -> Bool {
            k >= 0 && k < tokens.count && tokens[k].kind == .op && bytes[tokens[k].start] == byte
        }

        func text(_ k: Int) -> String { String(decoding: bytes[tokens[k].start..<tokens[k].end], as: UTF8.self) }

        /// The width of the indentation before `start` (a tab moves to the next multiple of 8).
        func indentation(before start: Int) -> Int {
            var lineStart = start
            while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n"), bytes[lineStart - 1] != UInt8(ascii: "\r") { lineStart -= 1 }
            var width = 0
            for byte in bytes[lineStart..<start] {
                switch byte {
                case UInt8(ascii: "\t"): width = (width / 8 + 1) * 8
                case 0x0C: width = 0
                default: width += 1
                }
            }
            return width
        }

        mutating func read() {
            // Comments first, on their own: the statement readers step over those inside statements.
            let marker = Array(Suppression.marker.utf8)
            for token in tokens where token.kind == .comment {
                // Only a comment that starts with the marker makes a string.
                var start = token.start + 1
                while start < token.end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
                guard token.end - start >= marker.count, bytes[start..<(start + marker.count)].elementsEqual(marker) else { continue }
                let body = String(decoding: bytes[(token.start + 1)..<token.end], as: UTF8.self)
                if let suppression = Suppression.parse(commentBody: Substring(body), line: token.line, column: token.column) {
                    suppressions.append(suppression)
                }
            }
            var k = 0
            var lineStart = true
            var statementStart = true
            var depth = 0
            while k < tokens.count {
                let token = tokens[k]
                switch token.kind {
                case .comment:
                    k += 1
                    continue
                case .newline:
                    lineStart = true
                    statementStart = true
                    depth = 0
                    k += 1
                    continue
                default:
                    break
                }
                if lineStart {
                    let indent = indentation(before: token.start)
                    while let last = typeChecking.last, last.indent >= indent { typeChecking.removeLast() }
                    lineStart = false
                    if isName(k, "if") || isName(k, "elif"), let (condition, colon) = typeCheckingCondition(after: k) {
                        typeChecking.append((indent, condition))
                        k = colon + 1
                        statementStart = true
                        continue
                    }
                }
                if statementStart && depth == 0 {
                    statementStart = false
                    if isName(k, "import") { k = importStatement(at: k); continue }
                    if isName(k, "from") { k = fromStatement(at: k); continue }
                }
                if token.kind == .op {
                    switch bytes[token.start] {
                    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                    case UInt8(ascii: ";"): if depth == 0 { statementStart = true }
                    case UInt8(ascii: ":"):
                        // `:=` is not the end of a compound statement's header.
                        if depth == 0, !isOp(k + 1, UInt8(ascii: "=")) || tokens[k + 1].start != token.end { statementStart = true }
                    default: break
                    }
                } else if token.kind == .name {
                    dynamicImport(at: k)
                }
                k += 1
            }
        }

        /// `if TYPE_CHECKING:` / `if typing.TYPE_CHECKING:` (any `x.TYPE_CHECKING`): the condition
        /// as written and the index of the `:`.
        /// In parentheses too: `if (TYPE_CHECKING):` is the same test.
        func typeCheckingCondition(after k: Int) -> (String, Int)? {
            let parenthesised = isOp(k + 1, UInt8(ascii: "("))
            let first = parenthesised ? k + 2 : k + 1
            var condition: String
            var next: Int
            if isName(first, "TYPE_CHECKING") {
                (condition, next) = ("TYPE_CHECKING", first + 1)
            } else if first + 2 < tokens.count, tokens[first].kind == .name, isOp(first + 1, UInt8(ascii: ".")), isName(first + 2, "TYPE_CHECKING") {
                (condition, next) = (text(first) + ".TYPE_CHECKING", first + 3)
            } else {
                return nil
            }
            if parenthesised {
                guard isOp(next, UInt8(ascii: ")")) else { return nil }
                next += 1
            }
            return isOp(next, UInt8(ascii: ":")) ? (condition, next) : nil
        }

        var conditions: [String] { typeChecking.map(\.condition) }

        /// A dotted name from `k`: its parts and the index after it.
        func dottedName(at k: Int) -> ([String], Int) {
            var parts: [String] = []
            var k = k
            while k < tokens.count, tokens[k].kind == .name {
                parts.append(text(k))
                guard isOp(k + 1, UInt8(ascii: ".")), k + 2 < tokens.count, tokens[k + 2].kind == .name else { return (parts, k + 1) }
                k += 2
            }
            return (parts, k)
        }

        mutating func record(module: String, path: [String], kind: String?, at keyword: PythonToken, text: String) {
            let typeOnly = !typeChecking.isEmpty
            imports.append(Import(module: module, path: path, kind: kind, attributes: typeOnly ? [PythonImportScanner.typeOnly] : [],
                                  accessLevel: nil, line: keyword.line, column: keyword.column, conditions: conditions, text: text))
        }

        /// `import a.b [as c], d`: returns the index after the statement's names.
        mutating func importStatement(at start: Int) -> Int {
            let keyword = tokens[start]
            var k = start + 1
            while true {
                let (parts, next) = dottedName(at: k)
                guard !parts.isEmpty else { return k }
                k = next
                var text = "import " + parts.joined(separator: ".")
                if isName(k, "as"), k + 1 < tokens.count, tokens[k + 1].kind == .name {
                    text += " as " + self.text(k + 1)
                    k += 2
                }
                record(module: parts.joined(separator: "."), path: parts, kind: nil, at: keyword, text: text)
                guard isOp(k, UInt8(ascii: ",")) else { return k }
                k += 1
            }
        }

        /// `from .a import (b as c, d)` / `from a import *`.
        mutating func fromStatement(at start: Int) -> Int {
            let keyword = tokens[start]
            var k = start + 1
            var dots = 0
            while isOp(k, UInt8(ascii: ".")) { dots += 1; k += 1 }
            // `from . import x`: no name between the dots and `import`.
            let (parts, next) = dots > 0 && isName(k, "import") ? ([], k) : dottedName(at: k)
            k = next
            guard dots > 0 || !parts.isEmpty, isName(k, "import") else { return k }
            k += 1
            let base = String(repeating: ".", count: dots) + parts.joined(separator: ".")
            let parenthesised = isOp(k, UInt8(ascii: "("))
            if parenthesised { k += 1 }
            while k < tokens.count {
                if tokens[k].kind == .comment { k += 1; continue }
                var name: String
                if isOp(k, UInt8(ascii: "*")) {
                    name = "*"
                } else if tokens[k].kind == .name {
                    name = text(k)
                } else {
                    break
                }
                k += 1
                var text = "from \(base) import \(name)"
                if isName(k, "as"), k + 1 < tokens.count, tokens[k + 1].kind == .name {
                    text += " as " + self.text(k + 1)
                    k += 2
                }
                record(module: base, path: parts + [name], kind: "from", at: keyword, text: text)
                while k < tokens.count, tokens[k].kind == .comment { k += 1 }
                guard isOp(k, UInt8(ascii: ",")) else { break }
                k += 1
            }
            if parenthesised, isOp(k, UInt8(ascii: ")")) { k += 1 }
            return k
        }

        /// `importlib.import_module(…)`, `import_module(…)`, `__import__(…)` at `k`.
        mutating func dynamicImport(at k: Int) {
            // Most names are neither: their first byte tells.
            let first = bytes[tokens[k].start]
            guard first == UInt8(ascii: "_") || first == UInt8(ascii: "i") else { return }
            let callee: String
            var start = k
            if isName(k, "__import__") || isName(k, "import_module") {
                guard !isOp(k - 1, UInt8(ascii: ".")) || (isName(k, "import_module") && isName(k - 2, "importlib") && !isOp(k - 3, UInt8(ascii: "."))) else { return }
                if isOp(k - 1, UInt8(ascii: ".")) { start = k - 2 }
                callee = start == k ? text(k) : "importlib.import_module"
            } else {
                return
            }
            guard isOp(k + 1, UInt8(ascii: "(")) else { return }
            let call = tokens[start]
            if let literal = literalString(at: k + 2), isOp(k + 3, UInt8(ascii: ")")) || isOp(k + 3, UInt8(ascii: ",")) {
                // A relative name needs `package=`, which is not followed: ambiguous.
                if !literal.isEmpty, !literal.hasPrefix(".") {
                    record(module: literal, path: literal.split(separator: ".").map(String.init), kind: "dynamic", at: call,
                           text: "\(callee)(\"\(literal)\")")
                    return
                }
            }
            record(module: "", path: [], kind: "ambiguous", at: call, text: "\(callee)(…)")
        }

        /// The value of a plain string literal at `k` (no f/b prefix, no escapes, not followed by
        /// another literal it would be joined with), else nil.
        func literalString(at k: Int) -> String? {
            guard k < tokens.count, tokens[k].kind == .string, !(k + 1 < tokens.count && tokens[k + 1].kind == .string) else { return nil }
            let token = tokens[k]
            var start = token.start
            while start < token.end, bytes[start] != UInt8(ascii: "'"), bytes[start] != UInt8(ascii: "\"") {
                let letter = bytes[start] | 0x20
                guard letter == UInt8(ascii: "r") || letter == UInt8(ascii: "u") else { return nil }
                start += 1
            }
            let quote = bytes[start]
            let width = token.end - start >= 6 && bytes[start + 1] == quote && bytes[start + 2] == quote ? 3 : 1
            guard token.end - start >= 2 * width, bytes[token.end - 1] == quote else { return nil }
            let body = bytes[(start + width)..<(token.end - width)]
            guard !body.contains(UInt8(ascii: "\\")), !body.contains(quote) || width == 3 else { return nil }
            return String(decoding: body, as: UTF8.self)
        }
    }
}

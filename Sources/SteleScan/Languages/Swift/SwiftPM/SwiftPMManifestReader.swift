import SteleCore

/// The parsing work behind `SwiftPMManifest.parse`: tokens, matching brackets, call arguments.
struct SwiftPMManifestReader {
    let lexer: SwiftLexer
    let manifestPath: String
    var tokens: [SwiftToken] = []
    /// For each opening `(` or `[`, the index of its closing partner (or the last token); -1 elsewhere.
    var partners: [Int] = []
    /// For each token, the index of the innermost `(` or `[` around it; -1 at the top level.
    var enclosing: [Int] = []
    var diagnostics: [Diagnostic] = []
    /// Top-level `let NAME = …`, `var NAME: T = …` and `NAME = …`: name → where each value starts.
    var bindings: [String: [Int]] = [:]
    /// Names declared with a `…Dependency` type, whose assigned arrays hold dependencies.
    var dependencyTypedNames = Set<String>()

    init(source: [UInt8], manifestPath: String) {
        var lexer = SwiftLexer(source)
        self.manifestPath = manifestPath
        var tokens: [SwiftToken] = []
        while let t = lexer.nextNonComment() { tokens.append(t) }
        self.lexer = lexer
        self.tokens = tokens
        // One pass: matching brackets, and the bracket around every token.
        var partners = [Int](repeating: -1, count: tokens.count)
        var enclosing = [Int](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        for (i, t) in tokens.enumerated() {
            enclosing[i] = stack.last ?? -1
            guard t.kind == .punctuation else { continue }
            switch lexer.bytes[t.start] {
            case UInt8(ascii: "("), UInt8(ascii: "["): stack.append(i)
            case UInt8(ascii: ")"), UInt8(ascii: "]"): if let open = stack.popLast() { partners[open] = i }
            default: break
            }
        }
        for open in stack { partners[open] = tokens.count - 1 }
        self.partners = partners
        self.enclosing = enclosing
        bindings = findBindings()
        dependencyTypedNames = findDependencyTypedNames()
    }

    /// Every binding with a value, wherever it is (also in a closure that computes `targets:`):
    /// `let x = …`, `var x: [Target.Dependency] = …`, an assignment `x = …` that starts a line (a
    /// `let` declared first and assigned in `if` branches), and what is added later: `x += […]`,
    /// `x.append(…)`, `x.append(contentsOf: […])`. A name's values are all of these together.
    func findBindings() -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for i in tokens.indices where tokens[i].kind == .identifier && i + 1 < tokens.count {
            let isMember = i > 0 && isPunctuation(i - 1, ".")
            if !isMember, i + 3 < tokens.count, isPunctuation(i + 1, "."), lexer.token(tokens[i + 2], is: "append"), isPunctuation(i + 3, "(") {
                var start = i + 4
                if start + 1 < tokens.count, lexer.token(tokens[start], is: "contentsOf"), isPunctuation(start + 1, ":") { start += 2 }
                result[lexer.text(of: tokens[i]), default: []].append(start)
                continue
            }
            if !isMember, i + 2 < tokens.count, tokens[i + 1].kind == .operator, lexer.token(tokens[i + 1], is: "+=") {
                result[lexer.text(of: tokens[i]), default: []].append(i + 2)
                continue
            }
            var nameIndex = i
            if lexer.token(tokens[i], is: "let") || lexer.token(tokens[i], is: "var") {
                nameIndex = i + 1
                guard tokens[nameIndex].kind == .identifier else { continue }
            } else if !tokens[i].isFirstOnLine || isMember {
                continue
            }
            // After the name: `=` directly, or a type annotation up to `=` on the same statement.
            var j = nameIndex + 1
            if j < tokens.count, isPunctuation(j, ":"), nameIndex != i {
                j += 1
                while j < tokens.count, !isOperator(j, "="), !tokens[j].isFirstOnLine || j == nameIndex + 2 {
                    if isPunctuation(j, "{") || isPunctuation(j, ";") { break }
                    if isPunctuation(j, "[") || isPunctuation(j, "("), let p = partner(j) { j = p }
                    j += 1
                }
            }
            guard j + 1 < tokens.count, isOperator(j, "=") else { continue }
            result[lexer.text(of: tokens[nameIndex]), default: []].append(j + 1)
        }
        return result
    }

    /// The closing partner of the bracket at `index`, if it is an opening one.
    func partner(_ index: Int) -> Int? { partners[index] >= 0 ? partners[index] : nil }

    mutating func read() -> SwiftPMManifest {
        let directory = manifestPath.hasSuffix("/Package.swift") ? String(manifestPath.dropLast("/Package.swift".count)) : ""
        var packageName: String?
        var calls: [(kind: SwiftPMTarget.Kind, nameToken: Int, open: Int, close: Int)] = []
        var products: [SwiftPMProduct] = []
        for i in tokens.indices where tokens[i].kind == .identifier {
            guard i + 1 < tokens.count, isPunctuation(i + 1, "("), tokens[i + 1].start == tokens[i].end, let close = partner(i + 1) else { continue }
            if lexer.token(tokens[i], is: "Package"), packageName == nil {
                packageName = stringArgument("name", open: i + 1, close: close)
                continue
            }
            guard i > 0, isPunctuation(i - 1, ".") else { continue }
            // `Target.Dependency.target(name:)` is a dependency, not a declaration.
            if i > 1, tokens[i - 2].kind == .identifier, lexer.token(tokens[i - 2], is: "Dependency") { continue }
            if lexer.token(tokens[i], is: "library") || lexer.token(tokens[i], is: "executable") || lexer.token(tokens[i], is: "plugin") {
                let arguments = self.arguments(open: i + 1, close: close)
                if let name = arguments["name"].flatMap(literal(in:)), let vended = arguments["targets"].flatMap(literals(in:)) {
                    products.append(SwiftPMProduct(name: name, targets: vended))
                }
            }
            guard let kind = SwiftPMManifest.declarationKinds.first(where: { lexer.token(tokens[i], is: $0.0) })?.1 else { continue }
            calls.append((kind, i, i + 1, close))
        }
        var targets: [SwiftPMTarget] = []
        var seen: [String: Int] = [:]
        /// The target each declaration call declares, by the index of its `target` token.
        var declaredAt: [Int: Int] = [:]
        for call in calls {
            // A target call inside another one is a dependency or a plugin usage, not a declaration.
            if calls.contains(where: { $0.open < call.open && call.close < $0.close }) { continue }
            if isInsideDependencyArray(call.open) { continue }
            let arguments = self.arguments(open: call.open, close: call.close)
            // `.plugin(name:targets:)` in `products:` declares a product, not a target.
            if call.kind == .plugin && arguments["targets"] != nil { continue }
            guard let nameRange = arguments["name"] else { continue }
            // `.target(name: "X", condition: …)` is a dependency: declarations take no condition.
            if arguments["condition"] != nil { continue }
            guard let name = literal(in: nameRange) else {
                warn("target name is not a string literal; this target is skipped", at: tokens[nameRange.lowerBound],
                     hint: "Stele reads Package.swift as text; write the name as a literal to have it checked")
                continue
            }
            if let first = seen[name] {
                // Declared in two `#if` branches: one target, with the dependencies of both.
                if let range = arguments["dependencies"] { dependencies(in: range, into: &targets[first]) }
                declaredAt[call.nameToken] = first
                continue
            }
            var target = SwiftPMTarget(name: name, kind: call.kind, line: tokens[call.nameToken].line)
            if let range = arguments["path"] { target.customPath = literal(in: range) }
            if let range = arguments["sources"] { target.sources = literals(in: range) }
            if let range = arguments["exclude"] { target.exclude = literals(in: range) ?? [] }
            if let range = arguments["dependencies"] { dependencies(in: range, into: &target) }
            seen[name] = targets.count
            declaredAt[call.nameToken] = targets.count
            targets.append(target)
        }
        addedDependencies(into: &targets, declaredAt: declaredAt)
        return SwiftPMManifest(packageName: packageName, directory: directory, targets: targets, products: products, diagnostics: diagnostics)
    }

    /// `let cli = Target.target(name: "CLI", …)` then `cli.dependencies.append(…)`,
    /// `cli.dependencies.append(contentsOf: […])` or `cli.dependencies += […]`: the target bound to
    /// the name gets those dependencies too.
    func addedDependencies(into targets: inout [SwiftPMTarget], declaredAt: [Int: Int]) {
        for i in tokens.indices where i + 4 < tokens.count && tokens[i].kind == .identifier && !(i > 0 && isPunctuation(i - 1, "."))
            && isPunctuation(i + 1, ".") && lexer.token(tokens[i + 2], is: "dependencies") {
            var start: Int
            var limit = tokens.count
            if isPunctuation(i + 3, "."), i + 5 < tokens.count, lexer.token(tokens[i + 4], is: "append"), isPunctuation(i + 5, "("),
               let close = partner(i + 5) {
                start = i + 6
                limit = close
                if start + 1 < limit, lexer.token(tokens[start], is: "contentsOf"), isPunctuation(start + 1, ":") { start += 2 }
            } else if tokens[i + 3].kind == .operator, lexer.token(tokens[i + 3], is: "+=") {
                start = i + 4
            } else {
                continue
            }
            // The targets the name is bound to: a declaration call within the first tokens of a value.
            let bound = (bindings[lexer.text(of: tokens[i])] ?? []).compactMap { value in
                (value..<min(value + 5, tokens.count)).lazy.compactMap { declaredAt[$0] }.first
            }
            for k in Set(bound).sorted() {
                var visited = Set<Int>()
                dependencyExpression(from: start, limit: limit, into: &targets[k], visited: &visited, depth: 0)
            }
        }
    }

    /// `let deps: [Target.Dependency] = [.target(name: "Core")]`, or `deps = […]` / `deps += […]`
    /// for a `deps` declared with such a type: calls in such an array are dependencies.
    func isInsideDependencyArray(_ index: Int) -> Bool {
        let open = enclosing[index]
        guard open >= 0 else { return false }
        // The few tokens before the enclosing bracket name its type, if anything does.
        if tokens[max(0, open - 6)..<open].contains(where: { $0.kind == .identifier && lexer.token($0, is: "Dependency") }) { return true }
        guard open >= 2, tokens[open - 1].kind == .operator, isOperator(open - 1, "=") || lexer.token(tokens[open - 1], is: "+="),
              tokens[open - 2].kind == .identifier else { return false }
        return dependencyTypedNames.contains(lexer.text(of: tokens[open - 2]))
    }

    /// Names declared with a type that mentions `Dependency`: `let dependencies: [Target.Dependency]`.
    func findDependencyTypedNames() -> Set<String> {
        var names = Set<String>()
        for i in tokens.indices where i + 3 < tokens.count && tokens[i].kind == .identifier
            && (lexer.token(tokens[i], is: "let") || lexer.token(tokens[i], is: "var"))
            && tokens[i + 1].kind == .identifier && isPunctuation(i + 2, ":") {
            var j = i + 3
            while j < tokens.count, j < i + 12, !isOperator(j, "="), j == i + 3 || !tokens[j].isFirstOnLine {
                if tokens[j].kind == .identifier, lexer.token(tokens[j], is: "Dependency") {
                    names.insert(lexer.text(of: tokens[i + 1]))
                    break
                }
                j += 1
            }
        }
        return names
    }

    /// The labelled arguments of a call at its own depth: label → token range of the value.
    func arguments(open: Int, close: Int) -> [String: Range<Int>] {
        var result: [String: Range<Int>] = [:]
        var i = open + 1
        while i < close {
            var label: String?
            var start = i
            if tokens[i].kind == .identifier, i + 1 < close, isPunctuation(i + 1, ":") {
                label = lexer.text(of: tokens[i])
                start = i + 2
            }
            var j = start
            while j < close, !isPunctuation(j, ",") {
                if isPunctuation(j, "(") || isPunctuation(j, "["), let p = partner(j) { j = p }
                j += 1
            }
            if let label, result[label] == nil { result[label] = start..<j }
            i = j + 1
        }
        return result
    }

    /// The dependencies a `dependencies:` argument names: an array literal, a bound name, or a sum of them.
    func dependencies(in range: Range<Int>, into target: inout SwiftPMTarget) {
        var visited = Set<Int>()
        dependencyExpression(from: range.lowerBound, limit: range.upperBound, into: &target, visited: &visited, depth: 0)
    }

    /// How deep bound names and parentheses are followed: deeper is surely not a real manifest, and
    /// the reader must not exhaust a thread's stack on crafted input.
    static let maximumDepth = 32

    /// Reads `operand (+ operand)*` from `start`, not past `limit`, and `… ? a : b` (both sides);
    /// returns where it stopped. An operand is an array literal, a dependency call, a string
    /// literal, a bound name, or one of these in parentheses; a function call is skipped.
    @discardableResult
    func dependencyExpression(from start: Int, limit: Int, into target: inout SwiftPMTarget, visited: inout Set<Int>, depth: Int) -> Int {
        guard depth < SwiftPMManifestReader.maximumDepth else { return limit }
        var i = start
        while i < limit {
            if isPunctuation(i, "["), let close = partner(i) {
                dependencyElements(open: i, close: min(close, limit), into: &target, visited: &visited, depth: depth)
                i = close + 1
            } else if isPunctuation(i, "("), let close = partner(i) {
                dependencyExpression(from: i + 1, limit: min(close, limit), into: &target, visited: &visited, depth: depth + 1)
                i = close + 1
            } else if let end = dependencyCall(at: i, limit: limit, into: &target) {
                i = end + 1
            } else if tokens[i].kind == .stringLiteral, let name = literal(in: i..<(i + 1)) {
                target.targetDependencies.append(name)
                i += 1
            } else if tokens[i].kind == .identifier, i + 1 < limit, isPunctuation(i + 1, "("), let close = partner(i + 1) {
                i = close + 1 // `hasEnvironmentVariable("X") ? … : …`
            } else if tokens[i].kind == .identifier, i + 1 >= limit || !isPunctuation(i + 1, ".") {
                boundDependencies(tokens[i], into: &target, visited: &visited, depth: depth)
                i += 1
            } else {
                return i
            }
            if i < limit, isOperator(i, "?") {
                i = dependencyExpression(from: i + 1, limit: limit, into: &target, visited: &visited, depth: depth + 1)
                guard i < limit, isPunctuation(i, ":") else { return i }
                return dependencyExpression(from: i + 1, limit: limit, into: &target, visited: &visited, depth: depth + 1)
            }
            guard i < limit, isOperator(i, "+") else { return i }
            i += 1
        }
        return i
    }

    /// The elements of an array literal of dependencies: `"Name"`, `.target(name:)`, `.product(…)`,
    /// `.byName(name:)`, a bound name.
    func dependencyElements(open: Int, close: Int, into target: inout SwiftPMTarget, visited: inout Set<Int>, depth: Int) {
        var i = open + 1
        while i < close {
            if tokens[i].kind == .stringLiteral, let name = literal(in: i..<(i + 1)) {
                target.targetDependencies.append(name)
            } else if let end = dependencyCall(at: i, limit: close, into: &target) {
                i = end
            } else if tokens[i].kind == .identifier, (i == open + 1 || isPunctuation(i - 1, ",")),
                      i + 1 == close || isPunctuation(i + 1, ",") {
                boundDependencies(tokens[i], into: &target, visited: &visited, depth: depth)
            } else if isPunctuation(i, "(") || isPunctuation(i, "["), let p = partner(i) {
                i = p
            }
            i += 1
        }
    }

    /// A dependency call at `i` (`.product(name:package:)`, `.target(name:)`, `.byName(name:)`,
    /// `.byNameItem(name:condition:)`, maybe qualified: `Target.Dependency.product(…)`); its
    /// closing parenthesis, or nil when there is none.
    func dependencyCall(at start: Int, limit: Int, into target: inout SwiftPMTarget) -> Int? {
        var f = start + 1
        if !isPunctuation(start, ".") {
            // `PackageDescription.Target.Dependency.product(...)`: the last name is the function.
            guard tokens[start].kind == .identifier else { return nil }
            f = start
            while f + 2 < limit, isPunctuation(f + 1, "."), tokens[f + 2].kind == .identifier { f += 2 }
            guard f > start else { return nil }
        }
        guard f + 1 < limit, tokens[f].kind == .identifier, isPunctuation(f + 1, "("), let end = partner(f + 1) else { return nil }
        let arguments = self.arguments(open: f + 1, close: end)
        let name = arguments["name"].flatMap(literal(in:))
        let function = tokens[f]
        if lexer.token(function, is: "product"), let name {
            target.productDependencies.append(ProductDependency(name: name, package: arguments["package"].flatMap(literal(in:))))
        } else if lexer.token(function, is: "target") || lexer.token(function, is: "byName") || lexer.token(function, is: "byNameItem"),
                  let name {
            target.targetDependencies.append(name)
        }
        return end
    }

    /// The dependencies a name is bound to at the top level, every binding of it; nothing for a
    /// name that is not bound, or is being read already (`let a = a + [...]` cannot loop).
    func boundDependencies(_ token: SwiftToken, into target: inout SwiftPMTarget, visited: inout Set<Int>, depth: Int) {
        for start in bindings[lexer.text(of: token)] ?? [] where visited.insert(start).inserted {
            dependencyExpression(from: start, limit: tokens.count, into: &target, visited: &visited, depth: depth + 1)
        }
    }

    /// The value of a string literal filling `range` exactly; nil for anything else.
    func literal(in range: Range<Int>) -> String? {
        guard range.count == 1, let t = tokens[range].first, t.kind == .stringLiteral else { return nil }
        let bytes = lexer.bytes
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), backslash = UInt8(ascii: "\\")
        var start = t.start, end = t.end
        var hashes = 0
        while end - start >= 2, bytes[start] == hash, bytes[end - 1] == hash { start += 1; end -= 1; hashes += 1 }
        // One line, one pair of quotes: `"""` opens a multi-line literal, which a manifest's names never are.
        guard end - start >= 2, bytes[start] == quote, bytes[end - 1] == quote,
              !(end - start >= 3 && bytes[start + 1] == quote && bytes[start + 2] == quote) else { return nil }
        let body = bytes[(start + 1)..<(end - 1)]
        if hashes > 0 { return String(decoding: body, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var escaped = false
        for (k, c) in zip(body.indices, body) {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == backslash {
                // An interpolation is computed at run time: no literal name.
                if k + 1 < body.endIndex, body[k + 1] == UInt8(ascii: "(") { return nil }
                escaped = true
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The string literals of an array literal filling `range`; nil when it is not one.
    func literals(in range: Range<Int>) -> [String]? {
        guard let open = range.first, isPunctuation(open, "["), let close = partner(open) else { return nil }
        var values: [String] = []
        for i in (open + 1)..<close where tokens[i].kind == .stringLiteral {
            if let value = literal(in: i..<(i + 1)) { values.append(value) }
        }
        return values
    }

    func stringArgument(_ label: String, open: Int, close: Int) -> String? {
        arguments(open: open, close: close)[label].flatMap(literal(in:))
    }

    func isPunctuation(_ i: Int, _ c: Unicode.Scalar) -> Bool { lexer.isPunctuation(tokens[i], c) }

    /// Whether token `i` is exactly the operator `text` (`=`, `+`).
    func isOperator(_ i: Int, _ text: StaticString) -> Bool { lexer.isOperator(tokens[i], text) }

    mutating func warn(_ message: String, at token: SwiftToken, hint: String?) {
        diagnostics.append(.warning(message, at: SourceLocation(file: manifestPath, line: token.line, column: token.column), hint: hint))
    }
}

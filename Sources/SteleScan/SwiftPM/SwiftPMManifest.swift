import SteleCore

/// A `Package.swift`, read as text with the Swift lexer: no process is spawned and nothing is
/// compiled, so reading a manifest is as safe and fast as reading any other file.
///
/// Target declarations are found wherever they are written (in `targets: [...]`, in a `let` array,
/// in `package.targets.append(...)`, inside `#if`). What cannot be known without running the
/// manifest (a name computed at run time) is reported as a warning and skipped.
public struct SwiftPMManifest: Sendable {
    public var packageName: String?
    /// The directory of the manifest, repo-relative ("" for the repository root).
    public var directory: String
    public var targets: [SwiftPMTarget]
    public var diagnostics: [Diagnostic]

    public init(packageName: String?, directory: String, targets: [SwiftPMTarget], diagnostics: [Diagnostic]) {
        self.packageName = packageName
        self.directory = directory
        self.targets = targets
        self.diagnostics = diagnostics
    }

    static let declarationKinds: [(StaticString, SwiftPMTarget.Kind)] = [
        ("target", .regular), ("executableTarget", .executable), ("testTarget", .test), ("plugin", .plugin),
        ("macro", .macro), ("systemLibrary", .systemLibrary), ("binaryTarget", .binary),
    ]

    public static func parse(_ source: [UInt8], manifestPath: String) -> SwiftPMManifest {
        var reader = ManifestReader(source: source, manifestPath: manifestPath)
        return reader.read()
    }
}

/// The parsing work behind `SwiftPMManifest.parse`: tokens, matching brackets, call arguments.
struct ManifestReader {
    let lexer: SwiftLexer
    let manifestPath: String
    var tokens: [SwiftToken] = []
    /// For each opening `(` or `[`, the index of its closing partner (or the last token); -1 elsewhere.
    var partners: [Int] = []
    /// For each token, the index of the innermost `(` or `[` around it; -1 at the top level.
    var enclosing: [Int] = []
    var diagnostics: [Diagnostic] = []

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
    }

    /// The closing partner of the bracket at `index`, if it is an opening one.
    func partner(_ index: Int) -> Int? { partners[index] >= 0 ? partners[index] : nil }

    mutating func read() -> SwiftPMManifest {
        let directory = manifestPath.hasSuffix("/Package.swift") ? String(manifestPath.dropLast("/Package.swift".count)) : ""
        var packageName: String?
        var calls: [(kind: SwiftPMTarget.Kind, nameToken: Int, open: Int, close: Int)] = []
        for i in tokens.indices where tokens[i].kind == .identifier {
            guard i + 1 < tokens.count, isPunctuation(i + 1, "("), tokens[i + 1].start == tokens[i].end, let close = partner(i + 1) else { continue }
            if lexer.token(tokens[i], is: "Package"), packageName == nil {
                packageName = stringArgument("name", open: i + 1, close: close)
                continue
            }
            guard i > 0, isPunctuation(i - 1, "."),
                  let kind = SwiftPMManifest.declarationKinds.first(where: { lexer.token(tokens[i], is: $0.0) })?.1 else { continue }
            calls.append((kind, i, i + 1, close))
        }
        var targets: [SwiftPMTarget] = []
        var seen = Set<String>()
        for call in calls {
            // A target call inside another one is a dependency or a plugin usage, not a declaration.
            if calls.contains(where: { $0.open < call.open && call.close < $0.close }) { continue }
            if isInsideDependencyArray(call.open) { continue }
            let arguments = self.arguments(open: call.open, close: call.close)
            // `.plugin(name:targets:)` in `products:` declares a product, not a target.
            if call.kind == .plugin && arguments["targets"] != nil { continue }
            guard let nameRange = arguments["name"] else { continue }
            guard let name = literal(in: nameRange) else {
                warn("target name is not a string literal; this target is skipped", at: tokens[nameRange.lowerBound],
                     hint: "Stele reads Package.swift as text; write the name as a literal to have it checked")
                continue
            }
            guard seen.insert(name).inserted else { continue } // declared in two #if branches: one target
            var target = SwiftPMTarget(name: name, kind: call.kind, line: tokens[call.nameToken].line)
            if let range = arguments["path"] { target.customPath = literal(in: range) }
            if let range = arguments["sources"] { target.sources = literals(in: range) }
            if let range = arguments["exclude"] { target.exclude = literals(in: range) ?? [] }
            if let range = arguments["dependencies"] { dependencies(in: range, into: &target) }
            targets.append(target)
        }
        return SwiftPMManifest(packageName: packageName, directory: directory, targets: targets, diagnostics: diagnostics)
    }

    /// `let deps: [Target.Dependency] = [.target(name: "Core")]`: calls in such an array are dependencies.
    func isInsideDependencyArray(_ index: Int) -> Bool {
        let open = enclosing[index]
        guard open >= 0 else { return false }
        // The few tokens before the enclosing bracket name its type, if anything does.
        return tokens[max(0, open - 6)..<open].contains { $0.kind == .identifier && lexer.token($0, is: "Dependency") }
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

    mutating func dependencies(in range: Range<Int>, into target: inout SwiftPMTarget) {
        guard let open = range.first, isPunctuation(open, "["), let close = partner(open) else { return }
        var i = open + 1
        while i < close {
            let t = tokens[i]
            if t.kind == .stringLiteral, let name = literal(in: i..<(i + 1)) {
                target.targetDependencies.append(name)
            } else if isPunctuation(i, "."), i + 2 < close, tokens[i + 1].kind == .identifier, isPunctuation(i + 2, "("), let end = partner(i + 2) {
                let arguments = self.arguments(open: i + 2, close: end)
                let name = arguments["name"].flatMap(literal(in:))
                if lexer.token(tokens[i + 1], is: "product"), let name {
                    target.productDependencies.append(ProductDependency(name: name, package: arguments["package"].flatMap(literal(in:))))
                } else if lexer.token(tokens[i + 1], is: "target") || lexer.token(tokens[i + 1], is: "byName"), let name {
                    target.targetDependencies.append(name)
                }
                i = end
            }
            i += 1
        }
    }

    /// The value of a string literal filling `range` exactly; nil for anything else.
    func literal(in range: Range<Int>) -> String? {
        guard range.count == 1, let t = tokens[range].first, t.kind == .stringLiteral else { return nil }
        var text = Substring(lexer.text(of: t))
        var hashes = 0
        while text.first == "#" && text.last == "#" { text = text.dropFirst().dropLast(); hashes += 1 }
        guard text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2, !text.hasPrefix("\"\"\"") else { return nil }
        let body = text.dropFirst().dropLast()
        if hashes > 0 { return String(body) }
        if body.contains("\\(") { return nil }
        var out = ""
        var escaped = false
        for c in body {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
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

    func isPunctuation(_ i: Int, _ c: Character) -> Bool {
        tokens[i].kind == .punctuation && lexer.bytes[tokens[i].start] == c.asciiValue
    }

    mutating func warn(_ message: String, at token: SwiftToken, hint: String?) {
        diagnostics.append(.warning(message, at: SourceLocation(file: manifestPath, line: token.line, column: token.column), hint: hint))
    }
}

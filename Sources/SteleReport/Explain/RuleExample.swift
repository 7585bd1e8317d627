import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// A minimal violation of one rule and its fix, made for the rule's kind and, where the codebase
/// has them, with its real files, modules and types (`ExampleScene`): what `stele explain` shows.
public struct RuleExample: Hashable, Sendable {
    /// A file of the example: where it is and what it holds.
    public struct File: Hashable, Sendable {
        public var path: String
        public var code: String

        public init(path: String, code: String) {
            self.path = path
            self.code = code
        }
    }

    /// The code that breaks the rule: one file, or two for a cycle.
    public var violation: [File]
    /// Why that code breaks it, in one sentence.
    public var why: String
    /// What to do instead.
    public var fix: String

    public init(violation: [File], why: String, fix: String) {
        self.violation = violation
        self.why = why
        self.fix = fix
    }

    /// The example for `rule`, or nil for a rule no code can show (`judge`).
    public static func make(for rule: Rule, scene: ExampleScene = ExampleScene()) -> RuleExample? {
        switch rule.kind {
        case .mustNotImport(let a, let modules):
            let module = modules[0]
            return RuleExample(violation: [File(path: scene.file(in: a, notImporting: module), code: "import \(module)\n")],
                               why: "a file of \(a) imports \(module).",
                               fix: "remove `import \(module)` from \(a); put the code that needs \(module) in a component that may import it, behind an interface that \(a) declares.")
        case .onlyMayImport(let allowed, let modules):
            let module = modules[0]
            let owner = allowed.map(\.description).joined(separator: " or ")
            return RuleExample(violation: [File(path: scene.file(outside: allowed, notImporting: module), code: "import \(module)\n")],
                               why: "a file outside \(owner) imports \(module).",
                               fix: "move the code that needs \(module) into \(owner) and call it from there; only \(owner) may import \(module).")
        case .mustNotDependOn(let a, let targets, let transitive):
            let b = targets[0]
            let use = scene.dependency(on: b)
            let indirect = transitive ? " (directly or through another component)" : ""
            return RuleExample(violation: [File(path: scene.file(in: a, notImporting: use.module), code: use.code)],
                               why: "a file of \(a) \(use.verb)\(indirect), and \(a) must not depend on \(b).",
                               fix: "remove the dependency: move the code that needs \(b) out of \(a), or have \(a) declare a protocol that \(b) implements (the dependency then points from \(b) to \(a)).")
        case .mayOnlyDependOn(let a, let allowed):
            let other = scene.otherModule(besides: [a] + allowed)
            let list = allowed.map(\.description).joined(separator: ", ")
            return RuleExample(violation: [File(path: scene.file(in: a, notImporting: other), code: "import \(other)\n")],
                               why: "\(a) imports \(other), which is not among what it may depend on (\(list)).",
                               fix: "depend only on \(list): remove `import \(other)` from \(a), or, if the dependency is right, change the decision and its rule.")
        case .onlyMayDependOn(let allowed, let c):
            let owner = allowed.map(\.description).joined(separator: " or ")
            let use = scene.dependency(on: c)
            return RuleExample(violation: [File(path: scene.file(outside: allowed + [c], notImporting: use.module), code: use.code)],
                               why: "a file outside \(owner) \(use.verb), and only \(owner) may depend on \(c).",
                               fix: "reach \(c) through \(owner): move the code that needs \(c) there and call it.")
        case .layers(let layers, let strict):
            guard let high = layers.first, let low = layers.last, layers.count >= 2 else { return nil }
            let use = scene.dependency(on: high)
            var why = "\(low) is below \(high), and a layer may depend only on layers below it."
            if strict && layers.count >= 3 { why += " In strict layers a layer may depend only on the one right below it, so \(high) must not skip \(layers[1]) either." }
            return RuleExample(violation: [File(path: scene.file(in: low, notImporting: use.module), code: use.code)],
                               why: "a file of \(low) \(use.verb): " + why,
                               fix: "keep dependencies pointing down: move the code into \(high), or have \(low) declare a protocol (or take a closure) that \(high) implements.")
        case .noCycles(let subject):
            let (first, second) = scene.twoModules(in: subject)
            return RuleExample(violation: [File(path: first.file, code: "import \(second.module)\n"), File(path: second.file, code: "import \(first.module)\n")],
                               why: "\(first.module) imports \(second.module) and \(second.module) imports \(first.module): a dependency cycle\(subject.map { " in \($0)" } ?? "").",
                               fix: "break the cycle: move what both need into a third module they both import, or invert one edge with a protocol declared on the lower side.")
        case .independent(let family):
            let (one, other) = scene.twoMembers(of: family)
            let use = scene.dependency(on: .member(family: family, member: other))
            return RuleExample(violation: [File(path: scene.file(in: .member(family: family, member: one), notImporting: use.module), code: use.code)],
                               why: "\(family)(\(one)) \(use.verb), another member of \(family)(*).",
                               fix: "members of \(family)(*) must not know each other: move what both need into a shared component they both depend on, or let the app wire them together.")
        case .naming(let a, let pattern):
            let stem = "Helper"
            let folder = scene.folder(of: a)
            let rightName = pattern.contains("*") ? pattern.replacingFirstStar(with: stem) : pattern
            return RuleExample(violation: [File(path: folder + stem + ".swift", code: "struct \(stem) {}\n")],
                               why: "`\(stem).swift` is in \(a), whose files must be named \"\(pattern)\".",
                               fix: "rename the file to `\(rightName)`, or move it out of \(a).")
        case .mustNotUse(let a, let symbols):
            let symbol = symbols[0]
            return RuleExample(violation: [File(path: scene.file(in: a), code: "func example() {\n    _ = \(symbol).self\n}\n")],
                               why: "a file of \(a) names \(symbol) in its code.",
                               fix: "do not use \(symbol) in \(a): use what the decision prescribes instead (its ADR says what).")
        case .manifestsMatchImports(let subject):
            let (first, second) = scene.twoModules(in: subject)
            return RuleExample(violation: [File(path: first.file, code: "import \(second.module)\n")],
                               why: "\(first.module) imports \(second.module), but its target in the manifest does not list \(second.module) among its dependencies.",
                               fix: "add \"\(second.module)\" to the `dependencies:` of target \(first.module) in its manifest, or remove the import.")
        case .judge:
            return nil
        }
    }
}

/// The codebase an example is set in: real files, modules and types where it has them, made-up
/// ones (`Sources/Domain/Example.swift`) where it does not.
public struct ExampleScene: Sendable {
    public var architecture: Architecture?

    public init(architecture: Architecture? = nil) { self.architecture = architecture }

    func set(_ selector: Selector) -> ComponentSet? {
        guard let architecture, case .resolved(let set) = architecture.resolve(selector) else { return nil }
        return set
    }

    /// A file of the selector: its first real one that does not import `module` already (else its
    /// first), else one made up from its name.
    func file(in selector: Selector, notImporting module: String? = nil) -> String {
        if let architecture, let set = set(selector), let first = set.files.first(where: { ExampleScene.writesImport(architecture.scan.files[$0]) }) {
            if let fresh = set.files.first(where: { i in ExampleScene.writesImport(architecture.scan.files[i]) && !architecture.scan.files[i].imports.contains { $0.module == module } }) {
                return architecture.scan.files[fresh].path
            }
            // Every file imports it already (a violation today, or an allowed import): a new file beside them.
            return ExampleScene.newFile(beside: architecture.scan.files[first].path, taken: Set(architecture.scan.files.map(\.path)))
        }
        switch selector {
        case .glob(let glob):
            let fixed = glob.pattern.prefix { $0 != "*" && $0 != "?" && $0 != "[" && $0 != "{" }
            let folder = fixed.hasSuffix("/") || fixed.isEmpty ? String(fixed) : String(fixed) + "/"
            return folder + "Example.swift"
        case .member(_, let member): return "Sources/\(member)/Example.swift"
        default: return "Sources/\(selector.description.filter { $0 != "(" && $0 != ")" && $0 != "*" })/Example.swift"
        }
    }

    /// Whether a file is in a language whose import is `import Module` (Swift, Python): one an example can be written in.
    public static func writesImport(_ file: SourceFile) -> Bool { file.language == .swift || file.language == .python }

    /// A file that does not exist yet in the folder of `path`, with its extension: `Example.swift`.
    static func newFile(beside path: String, taken: Set<String>) -> String {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let name = path.split(separator: "/").last ?? ""
        let ext = name.lastIndex(of: ".").map { String(name[$0...]) } ?? ".swift"
        var candidate = folder + "Example" + ext
        var n = 2
        while taken.contains(candidate) { candidate = folder + "Example\(n)" + ext; n += 1 }
        return candidate
    }

    /// The folder of the selector's files, with a trailing `/`.
    func folder(of selector: Selector) -> String {
        let path = file(in: selector)
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A file in none of `selectors` (and not test or example code), else a made-up one.
    func file(outside selectors: [Selector], notImporting module: String? = nil) -> String {
        if let architecture {
            var first: String?
            let inside = Set(selectors.compactMap(set).flatMap(\.files))
            let insideModules = Set(selectors.compactMap(set).flatMap(\.modules))
            for (i, file) in architecture.scan.files.enumerated()
            where !inside.contains(i) && !architecture.supportingFiles.contains(i) && !(file.module.map(insideModules.contains) ?? false)
                && file.module != nil && ExampleScene.writesImport(file) {
                if !file.imports.contains(where: { $0.module == module }) { return file.path }
                if first == nil { first = file.path }
            }
            if let first { return ExampleScene.newFile(beside: first, taken: Set(architecture.scan.files.map(\.path))) }
        }
        return "Sources/Other/Example.swift"
    }

    /// How a file comes to depend on `selector`: importing its module when it is one or more whole
    /// modules, else using a type declared in it (a folder of a module is reached by its symbols).
    func dependency(on selector: Selector) -> (code: String, verb: String, module: String?) {
        if let architecture, let set = set(selector) {
            if !architecture.isPartial(set), let module = set.modules.sorted().first {
                return ("import \(module)\n", "imports \(module)", module)
            }
            for i in set.files {
                if let type = architecture.scan.files[i].declarations.first(where: { $0.kind.isType && $0.kind != .extension && $0.parent == nil }) {
                    return ("func example() {\n    _ = \(type.name).self\n}\n", "uses \(type.name), declared in \(architecture.scan.files[i].path)", nil)
                }
            }
            if set.files.isEmpty, let module = set.modules.sorted().first {
                return ("import \(module)\n", "imports \(module)", module)
            }
            return ("func example() {\n    _ = SomeTypeOf\(identifier(selector)).self\n}\n", "uses a type declared in \(selector)", nil)
        }
        switch selector {
        case .name(let name): return ("import \(name)\n", "imports \(name)", name)
        case .member(_, let member): return ("import \(member)\n", "imports \(member)", member)
        default: return ("func example() {\n    _ = SomeTypeOf\(identifier(selector)).self\n}\n", "uses a type declared in \(selector)", nil)
        }
    }

    func identifier(_ selector: Selector) -> String {
        let words = selector.description.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let skipped: Set<Substring> = ["Sources", "Source", "Src", "src", "Sources"]
        return words.filter { !skipped.contains($0) }.last.map(String.init) ?? "Component"
    }

    /// A module (project or external) that is in none of `selectors`, else a made-up name.
    func otherModule(besides selectors: [Selector]) -> String {
        if let architecture {
            let taken = Set(selectors.compactMap(set).flatMap(\.modules))
            let covered = Set(selectors.compactMap(set).flatMap(\.files))
            let candidates = architecture.internalModules.sorted() + architecture.externals.sorted()
            // Platform modules are allowed to every component (unless the rule names one): not an example.
            for module in candidates where !taken.contains(module) && !(architecture.moduleFiles[module] ?? []).contains(where: covered.contains)
                && !PlatformModules.exempt.contains(module) {
                return module
            }
        }
        return "SomeOtherModule"
    }

    /// Two modules of the selector (or of the project), each with a file: for a cycle.
    func twoModules(in selector: Selector?) -> (first: (module: String, file: String), second: (module: String, file: String)) {
        if let architecture {
            let modules: [String]
            if let selector, let set = set(selector) {
                modules = set.modules.filter { architecture.moduleFiles[$0] != nil }.sorted()
            } else {
                modules = architecture.moduleFiles.keys.filter { key in
                    !(architecture.moduleFiles[key] ?? []).contains(where: architecture.supportingFiles.contains)
                }.sorted()
            }
            // Modules with a file an import can be written in, the first pair where the first does not import the second yet.
            let written = modules.compactMap { m in architecture.moduleFiles[m]?.first { ExampleScene.writesImport(architecture.scan.files[$0]) }.map { (m, $0) } }
            let pairs = written.indices.flatMap { i in written.indices.filter { $0 != i }.map { (written[i], written[$0]) } }
            if let (a, b) = pairs.first(where: { a, b in !architecture.scan.files[a.1].imports.contains { $0.module == b.0 } }) ?? pairs.first {
                return ((a.0, architecture.scan.files[a.1].path), (b.0, architecture.scan.files[b.1].path))
            }
        }
        return (("ModuleA", "Sources/ModuleA/A.swift"), ("ModuleB", "Sources/ModuleB/B.swift"))
    }

    /// Two members of a family, real when it has two.
    func twoMembers(of family: String) -> (String, String) {
        if let members = architecture?.families[family]?.keys.sorted(), members.count >= 2 { return (members[0], members[1]) }
        return ("A", "B")
    }
}

extension String {
    func replacingFirstStar(with text: String) -> String {
        guard let star = firstIndex(of: "*") else { return self }
        return String(self[..<star]) + text + String(self[index(after: star)...])
    }
}

import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// Everything one rule's check needs: the architecture, the rule, and its carve-outs resolved.
/// The helpers here are the vocabulary every check is written in.
public struct CheckContext: Sendable {
    public let architecture: Architecture
    public let rule: CompiledRule
    /// Files named by `except`: not checked as sources of dependencies.
    let exceptFiles: Set<Int>
    /// Modules named by `except`: dependencies on them are allowed.
    let exceptModules: Set<String>
    /// Changed-files mode: the changed files' imports. Empty in a full run.
    let changed: ChangedImports
    /// `AmbiguousUse`'s what-if run: the dependencies are the uses of names declared in several
    /// files, one per candidate declaration, and nothing else (no import, no resolved use).
    let candidatesOfAmbiguousUses: Bool

    init(architecture: Architecture, rule: CompiledRule, changed: ChangedImports = ChangedImports(), candidatesOfAmbiguousUses: Bool = false) {
        self.architecture = architecture
        self.rule = rule
        self.changed = changed
        self.candidatesOfAmbiguousUses = candidatesOfAmbiguousUses
        var files = Set<Int>()
        var modules = Set<String>()
        for selector in rule.rule.exceptions {
            if case .resolved(let set) = architecture.resolve(selector) {
                files.formUnion(set.files)
                modules.formUnion(set.modules)
            }
        }
        exceptFiles = files
        exceptModules = modules
    }

    /// The set a selector denotes. The checker has already reported selectors that do not resolve,
    /// so an unknown one here is simply empty.
    func set(_ selector: Selector) -> ComponentSet {
        if case .resolved(let set) = architecture.resolve(selector) { return set }
        return ComponentSet(name: selector.description, files: [], modules: [])
    }

    /// The set a rule's target denotes, without the files `except` carves out of it. A module that
    /// loses files to `except` is no longer whole: its import no longer lands in the set (using the
    /// excepted files is allowed, and the import is needed for that); the uses of the rest do.
    func targetSet(_ selector: Selector) -> ComponentSet {
        let whole = set(selector)
        guard !exceptFiles.isEmpty, whole.files.contains(where: exceptFiles.contains) else { return whole }
        let files = whole.files.filter { !exceptFiles.contains($0) }
        let kept = Set(files)
        let modules = whole.modules.filter { (architecture.moduleFiles[$0] ?? []).allSatisfy(kept.contains) }
        return ComponentSet(name: whole.name, files: files, modules: modules)
    }

    /// One dependency of one file: an `import`, or a use of a type or function declared in another
    /// file (what makes folders of one target depend on each other).
    struct Dependency {
        enum Target {
            case module(String)
            /// A name declared in file `file` (of module `module`) at `line`:`column`.
            case symbol(name: String, file: Int, module: String?, line: Int, column: Int)
        }

        var file: Int
        /// The depending file's path and module.
        var path: String
        var sourceModule: String?
        var target: Target
        var line: Int
        var column: Int
        /// Line-independent: `import GRDB`, `uses LoginView`.
        var snippet: String
        var conditions: [String]
        /// The dotted path of an import (`Darwin.C`), "" for a symbol.
        var importPath = ""

        /// The import `imported` of `file` (index `i`).
        init(importOf imported: Import, in file: SourceFile, at i: Int) {
            self.init(file: i, path: file.path, sourceModule: file.module, target: .module(imported.module), line: imported.line,
                      column: imported.column, snippet: imported.text, conditions: imported.conditions,
                      importPath: imported.path.joined(separator: "."))
        }

        init(file: Int, path: String, sourceModule: String?, target: Target, line: Int, column: Int, snippet: String,
             conditions: [String], importPath: String = "") {
            self.file = file
            self.path = path
            self.sourceModule = sourceModule
            self.target = target
            self.line = line
            self.column = column
            self.snippet = snippet
            self.conditions = conditions
            self.importPath = importPath
        }

        /// The imported module, for an import.
        var module: String? {
            if case .module(let m) = target { return m }
            return nil
        }

        /// Whether the dependency is on a file of the same module (only a symbol can be).
        var isWithinModule: Bool {
            if case .symbol(_, _, let module, _, _) = target { return module == sourceModule }
            return false
        }
    }

    /// The imports and cross-file symbol uses of `set`'s files, minus carve-outs and a module's
    /// imports of itself. Ambiguous references are not dependencies: Stele does not guess.
    ///
    /// Symbol uses are included only when one of `targets` is part of a module (a folder, some
    /// files): a use can land nowhere else that an import would not already (see `lands`).
    ///
    /// A use of another module that one of `targets` holds whole is left out too: the import of that
    /// module speaks for it (`must not depend on Domain, Sources/Domain/Order.swift` reports the
    /// import, not the import and the use of `Order` again).
    func dependencies(of set: ComponentSet, towards targets: [ComponentSet]) -> [Dependency] {
        dependencies(of: set, towards: LandingIndex(targets, context: self))
    }

    /// The same, with the targets' index built once for many sources (every layer of 500).
    func dependencies(of set: ComponentSet, towards targets: LandingIndex) -> [Dependency] {
        guard targets.readsSymbols else { return dependencies(of: set, symbols: false) }
        return dependencies(of: set, symbols: true).filter { dependency in
            guard case .symbol(_, _, let module?, _, _) = dependency.target, !dependency.isWithinModule else { return true }
            return !targets.wholeModules.contains(module)
        }
    }

    /// Whether dependencies towards `targets` include symbol uses: when one of them is part of a
    /// module (a use can land nowhere else that an import would not already).
    func readsSymbols(towards targets: [ComponentSet]) -> Bool {
        targets.contains(where: architecture.isPartial)
    }

    /// The files whose symbol uses `dependencies(of: set, towards: targets)` reads: none when no
    /// target is part of a module, else those of `set`'s files that can see a target's module (its
    /// own, or one it imports): a use can land nowhere else. Only these files' references are resolved.
    func symbolSources(of set: ComponentSet, towards targets: [ComponentSet]) -> [Int] {
        symbolSources(of: [set], towards: targets)
    }

    /// The same for several sources at once (the layers towards the layers): the targets' modules
    /// are gathered once.
    func symbolSources(of sets: [ComponentSet], towards targets: [ComponentSet]) -> [Int] {
        guard readsSymbols(towards: targets) else { return [] }
        let files = architecture.scan.files
        var reachable = Set<String>()
        for target in targets { for i in target.files { reachable.insert(files[i].module ?? "") } }
        return sets.flatMap { set in
            set.files.filter { i in
                !exceptFiles.contains(i) && (reachable.contains(files[i].module ?? "") || files[i].imports.contains { reachable.contains($0.module) })
            }
        }
    }

    /// `set`'s files but the excepted ones: those whose every symbol use `dependencies(of: set, symbols: true)` reads.
    func symbolSources(of set: ComponentSet) -> [Int] {
        set.files.filter { !exceptFiles.contains($0) }
    }

    /// The imports of `set`'s files whose module `keep` selects, as `dependencies(of: set)` gives
    /// them: a check that reads imports only and reports a few of them builds a `Dependency` for
    /// those alone (made for every import, they were a fifth of a run with 500 layers).
    func importDependencies(of set: ComponentSet, where keep: (String) -> Bool) -> [Dependency] {
        if candidatesOfAmbiguousUses { return [] }
        var result: [Dependency] = []
        for i in set.files where !exceptFiles.contains(i) { appendImports(ofFile: i, where: keep, to: &result) }
        return result
    }

    /// The imports of file `i` of another module, not excepted, whose module `keep` selects.
    private func appendImports(ofFile i: Int, where keep: (String) -> Bool, to result: inout [Dependency]) {
        let file = architecture.scan.files[i]
        // By index, reading the module alone: an `Import` is copied only when it is kept.
        let imports = file.imports
        for k in imports.indices {
            let module = imports[k].module
            guard module != file.module, keep(module), !exceptModules.contains(module) else { continue }
            result.append(Dependency(importOf: imports[k], in: file, at: i))
        }
    }

    func dependencies(of set: ComponentSet, symbols: Bool = false) -> [Dependency] {
        if candidatesOfAmbiguousUses { return symbols ? ambiguousCandidates(of: set) : [] }
        var result: [Dependency] = []
        let files = architecture.scan.files
        for i in set.files where !exceptFiles.contains(i) {
            let file = files[i]
            appendImports(ofFile: i, where: { _ in true }, to: &result)
            // A file whose references were not resolved cannot see a target's module (see
            // `symbolSources`): no use of it lands in one (a Gradle module's `build.gradle.kts`,
            // in no package, makes a glob of the module's folder partial).
            guard symbols, architecture.symbols.resolved?.contains(i) ?? true else { continue }
            for edge in architecture.symbols.edges(from: i) {
                guard case .declared(let target, let line, let column) = edge.target, !exceptFiles.contains(target) else { continue }
                let name = edge.name
                result.append(Dependency(file: i, path: file.path, sourceModule: file.module,
                                         target: .symbol(name: name, file: target, module: files[target].module, line: line, column: column),
                                         line: edge.line, column: edge.column, snippet: "uses \(name)", conditions: []))
            }
        }
        return result
    }

    /// Each use of `set`'s files that names a declaration of several files, once per declaring file
    /// (`except` ones apart): which of them break the rule is what `AmbiguousUse` asks.
    func ambiguousCandidates(of set: ComponentSet) -> [Dependency] {
        var result: [Dependency] = []
        let files = architecture.scan.files
        for i in set.files where !exceptFiles.contains(i) {
            for edge in architecture.symbols.edges(from: i) {
                guard case .ambiguous(let candidates) = edge.target else { continue }
                for target in candidates where !exceptFiles.contains(target) {
                    let declared = AmbiguousUse.declaration(of: edge.name, in: files[target])
                    result.append(Dependency(file: i, path: files[i].path, sourceModule: files[i].module,
                                             target: .symbol(name: edge.name, file: target, module: files[target].module,
                                                             line: declared.line, column: declared.column),
                                             line: edge.line, column: edge.column, snippet: "uses \(edge.name)", conditions: []))
                }
            }
        }
        return result
    }

    /// Whether a dependency lands in `set`. An import lands where its module is. A symbol lands
    /// where its file is, unless the import of that file's module already speaks for it (the set
    /// holds the whole module): so one use is never reported twice.
    func lands(_ dependency: Dependency, in set: ComponentSet) -> Bool {
        switch dependency.target {
        case .module(let module):
            return set.modules.contains(module)
        case .symbol(_, let file, let module, _, _):
            guard set.contains(file: file) else { return false }
            return dependency.isWithinModule || !(module.map(set.modules.contains) ?? false)
        }
    }

    func finding(_ dependency: Dependency, message: String, from: String, to: String) -> Finding {
        var finding = Finding(rule: rule, location: SourceLocation(file: dependency.path, line: dependency.line, column: dependency.column),
                              message: message, from: from, to: to, snippet: dependency.snippet)
        finding.conditions = dependency.conditions
        if case .symbol(_, let file, _, _, _) = dependency.target { finding.declaringFile = architecture.scan.files[file].path }
        return finding
    }

    /// The change site of a finding made of several places: `dependency`, when it is in a changed
    /// file, reported with `message`.
    func changeSite(_ dependency: Dependency, message: String) -> Finding.ChangeSite {
        Finding.ChangeSite(location: SourceLocation(file: dependency.path, line: dependency.line, column: dependency.column),
                           snippet: dependency.snippet, message: message, conditions: dependency.conditions)
    }

    /// "imports `GRDB`", "imports `Persistence` (`import GRDB`)", or "uses `LoginView` (`UI`,
    /// declared at Sources/App/UI/LoginView.swift:3)": what the dependency is, for a message.
    func describe(_ dependency: Dependency, in component: String) -> String {
        switch dependency.target {
        case .module(let module):
            return "imports " + (component == module ? "`\(module)`" : "`\(component)` (`import \(module)`)")
        case .symbol(let name, let file, _, let line, _):
            return "uses `\(name)` (`\(component)`, declared at \(architecture.scan.files[file].path):\(line))"
        }
    }

    /// The component a dependency lands in when no rule says: the smallest declared component
    /// that is the imported module, or the module of the declaring file.
    func displayName(of dependency: Dependency) -> String {
        switch dependency.target {
        case .module(let module): return architecture.displayName(forModule: module)
        case .symbol(_, let file, let module, _, _): return module ?? architecture.scan.files[file].path
        }
    }
}

/// Changed-files mode: the imports of the changed files, by importing module and imported module
/// (the first in file order), for checks whose findings are made of several places: an indirect
/// path is completed by a changed file's import of one of its steps.
struct ChangedImports {
    var files: Set<Int> = []
    private var byEdge: [String: [String: CheckContext.Dependency]] = [:]

    init() {}

    init(files: Set<Int>, scan: ScanResult) {
        self.files = files
        for i in files.sorted(by: { scan.files[$0].path < scan.files[$1].path }) {
            let file = scan.files[i]
            guard let module = file.module else { continue }
            for imported in file.imports where imported.module != module && byEdge[module]?[imported.module] == nil {
                byEdge[module, default: [:]][imported.module] = CheckContext.Dependency(importOf: imported, in: file, at: i)
            }
        }
    }

    var isEmpty: Bool { files.isEmpty }

    /// The first changed file's import that makes module `from` import `to`.
    func edge(from: String, to: String) -> CheckContext.Dependency? { byEdge[from]?[to] }
}

/// A check for one kind of rule. Each lives in its own file under `Checks/`, with its own tests.
protocol RuleCheck {
    func findings(in context: CheckContext) -> [Finding]
    /// The selector that makes the rule vacuous (its subject matches no file), if any: a rule about
    /// nothing can never fail, which is worth a warning. Each check says it for itself, so a new
    /// rule kind cannot go without.
    func vacuousSelector(in context: CheckContext) -> String?
    /// The files whose symbol uses `findings` reads, asked before any file's symbols are read: only
    /// these files, and the files they can see, are lexed to the end.
    func symbolSources(in context: CheckContext) -> [Int]
    /// Whether those uses must be resolved to the files that declare them (dependencies), or are
    /// only read by name (`must not use`: SDK names, which resolve to no file anyway).
    var resolvesSymbols: Bool { get }
    /// Names one of which a file must hold, written out, for `findings` to find anything in it
    /// (`must not use UserDefaults.standard`: `UserDefaults`); nil when any file may matter. A file
    /// without any of them need not be lexed to its end.
    var symbolNames: [String]? { get }
}

extension RuleCheck {
    var resolvesSymbols: Bool { true }
    var symbolNames: [String]? { nil }
}

extension CheckContext {
    /// `selector`'s description when it denotes no file (a component of externals only counts as
    /// empty here; `LayersCheck` allows such a layer), else nil.
    func emptiness(of selector: Selector) -> String? {
        if case .resolved(let set) = architecture.resolve(selector), set.files.isEmpty { return selector.description }
        return nil
    }
}

import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// Everything one rule's check needs: the architecture, the rule, and its carve-outs resolved.
/// The helpers here are the vocabulary every check is written in.
public struct CheckContext {
    public let architecture: Architecture
    public let rule: CompiledRule
    /// Files named by `except`: not checked as sources of dependencies.
    let exceptFiles: Set<Int>
    /// Modules named by `except`: dependencies on them are allowed.
    let exceptModules: Set<String>

    init(architecture: Architecture, rule: CompiledRule) {
        self.architecture = architecture
        self.rule = rule
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

    /// One import of one file: the unit of a dependency.
    struct Dependency {
        var file: Int
        var source: SourceFile
        var imported: SwiftImport
    }

    /// The imports of `set`'s files, minus carve-outs and a module's imports of itself.
    func dependencies(of set: ComponentSet) -> [Dependency] {
        var result: [Dependency] = []
        for i in set.files where !exceptFiles.contains(i) {
            let file = architecture.scan.files[i]
            for imported in file.imports where imported.module != file.module && !exceptModules.contains(imported.module) {
                result.append(Dependency(file: i, source: file, imported: imported))
            }
        }
        return result
    }

    func finding(_ dependency: Dependency, message: String, from: String, to: String) -> Finding {
        var finding = Finding(rule: rule,
                              location: SourceLocation(file: dependency.source.path, line: dependency.imported.line, column: dependency.imported.column),
                              message: message, from: from, to: to, snippet: dependency.imported.text)
        finding.conditions = dependency.imported.conditions
        return finding
    }

    /// "GRDB" or "Persistence (GRDB)": the component an import lands in, with the module when they differ.
    func describe(module: String, in component: String) -> String {
        component == module ? "`\(module)`" : "`\(component)` (`import \(module)`)"
    }
}

/// A check for one kind of rule. Each lives in its own file under `Checks/`, with its own tests.
protocol RuleCheck {
    func findings(in context: CheckContext) -> [Finding]
}

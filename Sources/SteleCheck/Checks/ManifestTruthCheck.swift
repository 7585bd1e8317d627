import SteleCore
import SteleRules
import SteleScan

/// `manifests must match imports` (or `… for A`): for every module that comes from a manifest
/// (a SwiftPM target or an Xcode target), what its manifest entry declares and what its files
/// import agree, both ways.
///
/// - **Undeclared**: a file of `M` imports a project module `N` (`N` ≠ `M`) that `M` does not
///   declare. Declared means: named in `M`'s target dependencies, or the name of one of its product
///   dependencies, or vended by a product (of another package in the tree) that `M` names, matched
///   by product name only (the `package:` argument is not compared). `@testable` and `@_exported`
///   imports are imports; an import under `#if` is reported with its conditions. When a declared
///   dependency re-exports `N` (`@_exported import N`), the message says so: the build works without
///   the declaration, but explicit module builds do not.
/// - **Unused**: `M` declares a dependency no file of it imports. Only judged for modules whose
///   every scanned file is Swift and was read (other languages' includes are not seen), never for
///   plugins (their dependencies are tools), and never about executable, macro, plugin or system
///   library targets (run by tests or plugins, expanded through `#externalMacro`, or named by a
///   module map), nor about products vending one. A product of a package outside the tree is
///   judged only when its name is a module some file of the project imports: products named
///   otherwise (`.product(name: "Collections")` for `DequeModule`) are left alone.
///   Xcode apps and extensions embed the frameworks they depend on, so their unused
///   dependencies are not judged either.
/// - An Xcode target that links a CocoaPods product gets its dependencies from a Podfile, which is
///   not read: its imports are not judged undeclared.
struct ManifestTruthCheck: RuleCheck {
    var subject: Selector?

    func vacuousSelector(in context: CheckContext) -> String? { subject.flatMap(context.emptiness(of:)) }

    /// Target kinds a dependency on which is never judged unused.
    static let notImportedKinds: Set<ModuleKind> = [.executable, .macro, .plugin, .systemLibrary, .binary]

    /// Imports and paths only.
    func symbolSources(in context: CheckContext) -> [Int] { [] }

    func findings(in context: CheckContext) -> [Finding] {
        let scan = context.architecture.scan
        let modules = scan.modules
        guard !modules.isEmpty else { return [] }
        var byName: [String: [Int]] = [:]
        for (k, module) in modules.enumerated() { byName[module.name, default: []].append(k) }

        // The files of each module (a name two packages share is told apart by directory).
        var filesOf = [[Int]](repeating: [], count: modules.count)
        for (i, file) in scan.files.enumerated() {
            guard let name = file.module, let candidates = byName[name] else { continue }
            filesOf[ManifestTruthCheck.owner(of: file.path, among: candidates, in: modules)].append(i)
        }

        // Which modules are in scope: all, or those of `for A`'s files and modules.
        var inScope = Set(modules.indices)
        if let subject {
            let set = context.set(subject)
            inScope = Set(modules.indices.filter { k in
                set.modules.contains(modules[k].name) || filesOf[k].contains(where: set.contains(file:))
            })
        }

        // Modules each module re-exports (`@_exported import`), and every name any file imports.
        var reexports = Reexports()
        var importedAnywhere = Set<String>()
        for file in scan.files {
            for imported in file.imports {
                importedAnywhere.insert(imported.module)
                if let module = file.module, imported.attributes.contains("@_exported"), imported.module != module {
                    reexports.modules[module, default: []].insert(imported.module)
                    if imported.kind == nil { reexports.whole.insert(module + "\u{1F}" + imported.module) }
                }
            }
        }
        // Product name → the modules of the tree it vends.
        var vendedBy: [String: [Int]] = [:]
        for (k, module) in modules.enumerated() {
            for product in module.products { vendedBy[product, default: []].append(k) }
        }

        let projectModules = Set(byName.keys)
        var findings: [Finding] = []
        // A module with no scanned file (ignored, or outside `scan`) is not judged: nothing is known of its imports.
        for k in modules.indices where inScope.contains(k) && !filesOf[k].isEmpty {
            let module = modules[k]
            if context.exceptModules.contains(module.name) || filesOf[k].allSatisfy(context.exceptFiles.contains) { continue }
            let facts = ModuleFacts(module: module, files: filesOf[k], modules: modules, byName: byName, vendedBy: vendedBy)
            findings += undeclared(facts, context: context, projectModules: projectModules, reexports: reexports)
            findings += unused(facts, context: context, importedAnywhere: importedAnywhere)
        }
        return findings
    }

    /// What one module's manifest entry declares, resolved against the tree.
    struct ModuleFacts {
        var module: ResolvedModule
        var files: [Int]
        /// Every module name a declaration makes importable.
        var declared: Set<String> = []
        /// Each declared dependency in manifest order: its name, the project modules it stands for
        /// (empty for one outside the tree), and whether it is a product.
        var dependencies: [(name: String, modules: [ResolvedModule], isProduct: Bool)] = []

        init(module: ResolvedModule, files: [Int], modules: [ResolvedModule], byName: [String: [Int]], vendedBy: [String: [Int]]) {
            self.module = module
            self.files = files
            // A product of the module's own manifest cannot be depended on; a target of it wins over
            // a product of the same name elsewhere (SwiftPM resolves `"Name"` that way).
            func products(_ name: String) -> [ResolvedModule] {
                (vendedBy[name] ?? []).map { modules[$0] }.filter { $0.manifestPath != module.manifestPath }
            }
            var seen = Set<String>()
            for name in module.targetDependencies where seen.insert(name).inserted {
                let candidates = (byName[name] ?? []).map { modules[$0] }
                let own = candidates.filter { $0.manifestPath == module.manifestPath }
                let stands = !own.isEmpty ? own : (!candidates.isEmpty ? candidates : products(name))
                declared.insert(name)
                declared.formUnion(stands.map(\.name))
                if own.isEmpty { declared.formUnion(products(name).map(\.name)) }
                dependencies.append((name, stands, false))
            }
            for product in module.productDependencies where seen.insert(product.name).inserted {
                let vended = products(product.name)
                declared.insert(product.name)
                declared.formUnion(vended.map(\.name))
                dependencies.append((product.name, vended.isEmpty ? (byName[product.name] ?? []).map { modules[$0] } : vended, true))
            }
        }

        /// `Package.swift:12`: where the module is declared.
        var declaration: String { "\(module.manifestPath):\(module.line)" }
        var isXcode: Bool { module.manifestPath.hasSuffix(".pbxproj") }
    }

    func undeclared(_ facts: ModuleFacts, context: CheckContext, projectModules: Set<String>, reexports: Reexports) -> [Finding] {
        let module = facts.module
        let files = context.architecture.scan.files
        // An Xcode target linking a CocoaPods product (`libPods-App.a`, `Pods_App.framework`) takes
        // its pods from a Podfile, which is not read: what it imports is declared there.
        if facts.isXcode, module.targetDependencies.contains(where: { $0.hasPrefix("Pods_") || $0.hasPrefix("Pods-") }) { return [] }
        var findings: [Finding] = []
        for i in facts.files where !context.exceptFiles.contains(i) {
            let file = files[i]
            for imported in file.imports {
                let target = imported.module
                guard target != module.name, projectModules.contains(target), !facts.declared.contains(target),
                      !context.exceptModules.contains(target) else { continue }
                var message = "`\(module.name)` imports `\(target)`, which its manifest does not declare (\(facts.declaration))"
                if let (via, whole) = reexports.reexporter(of: target, among: facts.declared.sorted()) {
                    message += whole ? "; `\(via)` re-exports it (`@_exported import`)" : "; `\(via)` re-exports some of its declarations (`@_exported import struct …`)"
                    message += ", but explicit module builds still need it declared"
                }
                message += ": " + fix(adding: target, to: facts, context: context)
                var finding = Finding(rule: context.rule, location: SourceLocation(file: file.path, line: imported.line, column: imported.column),
                                      message: message, from: module.name, to: target, snippet: "import \(target)")
                finding.conditions = imported.conditions
                findings.append(finding)
            }
        }
        return findings
    }

    func unused(_ facts: ModuleFacts, context: CheckContext, importedAnywhere: Set<String>) -> [Finding] {
        let module = facts.module
        let files = context.architecture.scan.files
        guard module.kind != .plugin, !(facts.isXcode && module.kind == .executable),
              facts.files.allSatisfy({ files[$0].language == .swift && files[$0].skipped == nil }) else { return [] }
        let imported = Set(facts.files.flatMap { files[$0].imports.map(\.module) })
        var findings: [Finding] = []
        for dependency in facts.dependencies where dependency.name != module.name && !context.exceptModules.contains(dependency.name) {
            let names = [dependency.name] + dependency.modules.map(\.name)
            if names.contains(where: imported.contains) { continue }
            if dependency.modules.isEmpty {
                // Outside the tree: only a name the project imports is surely a module's name.
                guard importedAnywhere.contains(dependency.name) else { continue }
            } else if dependency.modules.contains(where: { ManifestTruthCheck.notImportedKinds.contains($0.kind) }) {
                continue
            }
            if dependency.modules.contains(where: { context.exceptModules.contains($0.name) }) { continue }
            let vended = Set(dependency.modules.map(\.name)).subtracting([dependency.name]).sorted()
            let what = vended.isEmpty ? "`\(dependency.name)`" : (["`\(dependency.name)`"] + vended.map { "`\($0)`" }).joined(separator: " or ")
            let kind = dependency.isProduct ? "product " : ""
            let message = "`\(module.name)` declares a dependency on \(kind)`\(dependency.name)` but no file of it imports \(what): "
                + (facts.isXcode ? "remove it from the target's dependencies" : "remove it from the target's `dependencies:`")
            findings.append(Finding(rule: context.rule, location: SourceLocation(file: module.manifestPath, line: module.line, column: 1),
                                    message: message, from: module.name, to: dependency.name, snippet: "declares \(dependency.name)"))
        }
        return findings
    }

    /// How to declare `target`: by name for a target of the same package, by the product that
    /// vends it for another package's.
    func fix(adding target: String, to facts: ModuleFacts, context: CheckContext) -> String {
        if facts.isXcode { return "add `\(target)` to the target's dependencies" }
        let candidates = context.architecture.scan.modules.filter { $0.name == target }
        if candidates.contains(where: { $0.manifestPath == facts.module.manifestPath }) {
            return "add `\"\(target)\"` to the target's `dependencies:`"
        }
        if let product = candidates.flatMap(\.products).sorted().first {
            return "add `.product(name: \"\(product)\", package: …)` to the target's `dependencies:`"
        }
        if let other = candidates.first {
            return "no product of \(other.manifestPath) vends it: add it to one there, and that product to the target's `dependencies:`"
        }
        return "add `\(target)` to the target's `dependencies:`"
    }

    /// `@_exported import`s between modules of the project.
    struct Reexports {
        /// Module → the modules its files re-export, wholly or some declarations of.
        var modules: [String: Set<String>] = [:]
        /// `module␟exported` for a whole-module re-export (`@_exported import X`, not `… struct X.Y`).
        var whole = Set<String>()

        /// A declared dependency that re-exports `target`, directly or through other re-exports,
        /// and whether the last step re-exports the whole module.
        func reexporter(of target: String, among declared: [String]) -> (String, whole: Bool)? {
            for start in declared {
                var queue = [start]
                var seen: Set<String> = [start]
                while let next = queue.popLast() {
                    for exported in (modules[next] ?? []).sorted() {
                        if exported == target { return (start, whole.contains(next + "\u{1F}" + target)) }
                        if seen.insert(exported).inserted { queue.append(exported) }
                    }
                }
            }
            return nil
        }
    }

    /// The module among `candidates` (indices of same-named modules) a file belongs to: the one in
    /// the deepest package directory that holds the file.
    static func owner(of path: String, among candidates: [Int], in modules: [ResolvedModule]) -> Int {
        guard candidates.count > 1 else { return candidates[0] }
        func holds(_ directory: String) -> Bool {
            directory.isEmpty || (path.hasPrefix(directory) && path.utf8.dropFirst(directory.utf8.count).first == UInt8(ascii: "/"))
        }
        let holding = candidates.filter { holds(modules[$0].directory) }
        let pool = holding.isEmpty ? candidates : holding
        return pool.max { (modules[$0].packageDirectory.utf8.count, -$0) < (modules[$1].packageDirectory.utf8.count, -$1) } ?? candidates[0]
    }
}

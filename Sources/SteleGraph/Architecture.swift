#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import SteleCore
import SteleRules
import SteleScan

/// The components of one codebase: declared components, parametrized families, detected modules
/// and externals, resolved against the scanned files. Answers "which files and modules does this
/// selector mean?" for the checking stage.
///
/// With no `component` statements every detected module is a component under its own name and
/// every imported module that is not in the project is an external under its own name.
public struct Architecture: Sendable {
    public let scan: ScanResult
    public let declared: [String: ComponentSet]
    /// Parametrized components: family name → member value → set. `Feature(*)` → `Feature(Login)`, ...
    public let families: [String: [String: ComponentSet]]
    /// Project module name → its files.
    public let moduleFiles: [String: [Int]]
    /// Build modules (`ResolvedModule.filesByDirectory`: Gradle's, Maven's) → the files under
    /// their directories: a rule or component that names one means those files.
    public let buildModuleFiles: [String: [Int]]
    public let internalModules: Set<String>
    /// Imported or declared-as-dependency modules that are not project modules.
    public let externals: Set<String>
    public let moduleGraph: ModuleGraph
    /// Declarations and references resolved to file → file edges (empty when the scan read no symbols).
    public let symbols: SymbolIndex
    /// `Tests` and `Examples`: test and example code, components of their own unless a component or
    /// module already has the name. "Everybody else" in `only A may …` leaves them out.
    public let implicit: [String: ComponentSet]
    /// The files of the implicit components: outside the scope of "everybody else" (made once, as
    /// every `only … may` rule asks for them).
    public let supportingFiles: Set<Int>
    /// Every project module and external, sorted: the names below a dotted name are a range of it.
    let sortedModuleNames: [String]
    /// Answers of `resolve`, shared by the copies of this value (it is a pure function of it).
    private let resolutions = ResolutionCache()
    /// Each file's module by number, for `modulesCovered(by:)`.
    let membership: ModuleMembership

    /// - Parameter symbolSubjects: the files whose symbol uses rules read (nil: all); see `SymbolIndex`.
    public init(scan: ScanResult, components: [ComponentDeclaration], symbolSubjects: Set<Int>? = nil) {
        self.scan = scan
        // Two passes over every file, side by side: the imports (the module graph, and the
        // externals below), on all cores; the modules' files, numbered (one table lookup per
        // run of a module's files in the listing).
        let passes = ConcurrentResults<(ImportTable, ModuleGraph)>(count: 1)
        let numbered = ConcurrentResults<(ModuleMembership, [String: [Int]])>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            if side == 0 {
                let imports = ImportTable(files: scan.files)
                passes[0] = (imports, ModuleGraph(table: imports))
            } else {
                let membership = ModuleMembership(files: scan.files)
                numbered[0] = (membership, membership.filesByModule())
            }
        }
        let (imports, moduleGraph) = passes.values[0]
        let (membership, moduleFiles) = numbered.values[0]
        self.membership = membership
        self.moduleFiles = moduleFiles
        self.moduleGraph = moduleGraph
        var buildModuleFiles: [String: [Int]] = [:]
        for module in scan.modules where module.filesByDirectory && moduleFiles[module.name] == nil {
            buildModuleFiles[module.name, default: []] += Architecture.files(under: module.directory, in: scan.files)
        }
        self.buildModuleFiles = buildModuleFiles.mapValues { Array(Set($0)).sorted() }
        internalModules = scan.internalModuleNames.union(moduleFiles.keys)
        var externals = imports.externals(besides: internalModules)
        for module in scan.modules {
            for product in module.productDependencies where !internalModules.contains(product.name) { externals.insert(product.name) }
        }
        self.externals = externals
        sortedModuleNames = internalModules.union(externals).sorted()
        symbols = SymbolIndex(scan: scan, resolving: symbolSubjects)

        var declared: [String: ComponentSet] = [:]
        var families: [String: [String: ComponentSet]] = [:]
        for component in components {
            if component.isParametrized {
                var members: [String: [Int]] = [:]
                for source in component.sources {
                    guard case .glob(let glob) = source else { continue }
                    for i in scan.files.indices {
                        if let value = glob.capture(in: scan.files[i].path), !value.isEmpty { members[value, default: []].append(i) }
                    }
                }
                families[component.name] = Dictionary(uniqueKeysWithValues: members.map { value, files in
                    let sorted = Array(Set(files)).sorted()
                    return (value, ComponentSet(name: "\(component.name)(\(value))", files: sorted,
                                                modules: membership.modulesCovered(by: sorted)))
                })
                continue
            }
            // Each source's files, ascending; merged only when there are several.
            var lists: [[Int]] = []
            var modules = Set<String>()
            for source in component.sources {
                switch source {
                case .module(let m):
                    modules.insert(m)
                    lists.append(moduleFiles[m] ?? buildModuleFiles[m] ?? [])
                    for below in Architecture.names(below: m, in: sortedModuleNames) {
                        modules.insert(below)
                        lists.append(moduleFiles[below] ?? [])
                    }
                case .external(let m):
                    modules.insert(m)
                case .glob(let glob):
                    lists.append(scan.files.indices.filter { glob.matches(scan.files[$0].path) })
                }
            }
            let sorted = lists.count == 1 ? lists[0] : Set(lists.joined()).sorted()
            modules.formUnion(membership.modulesCovered(by: sorted))
            declared[component.name] = ComponentSet(name: component.name, files: sorted, modules: modules)
        }
        self.declared = declared
        self.families = families
        var implicit: [String: ComponentSet] = [:]
        for (name, files) in Architecture.supportingCode(scan) where declared[name] == nil && moduleFiles[name] == nil && !files.isEmpty {
            implicit[name] = ComponentSet(name: name, files: files, modules: membership.modulesCovered(by: files))
        }
        self.implicit = implicit
        supportingFiles = implicit.values.reduce(into: Set<Int>()) { $0.formUnion($1.files) }
    }

    /// The names of the implicit components, in the order they are listed.
    public static let implicitNames = ["Tests", "Examples"]

    /// Test code (files of test targets, and files under a `Tests` or `UITests` folder) and example
    /// code (files under an `Examples`, `Example`, `Samples`, `Sample`, `Demo` or `Demos` folder).
    static func supportingCode(_ scan: ScanResult) -> [(String, [Int])] {
        let testModules = Set(scan.modules.filter { $0.kind == .test }.map(\.name))
        var tests: [Int] = [], examples: [Int] = []
        var last: (module: String?, isTest: Bool) = (nil, false)
        for i in scan.files.indices {
            let folders = supportingFolders(in: scan.files[i].path)
            if folders.example {
                examples.append(i)
                continue
            }
            // Files come sorted, so a module's files are mostly neighbours: one lookup per run.
            let module = scan.files[i].module
            if module != last.module { last = (module, module.map(testModules.contains) ?? false) }
            if last.isTest || folders.test { tests.append(i) }
        }
        return [("Tests", tests), ("Examples", examples)]
    }

    /// Whether a path has a test folder (`Tests`, `UITests`) or an example folder (`Examples`,
    /// `Example`, `Samples`, `Sample`, `Demo`, `Demos`) among its directories: read on the path's
    /// bytes, since this runs for every file of every run.
    static func supportingFolders(in path: String) -> (test: Bool, example: Bool) {
        var test = false, example = false
        var path = path
        path.withUTF8 { bytes in
            var start = 0
            for k in 0..<bytes.count where bytes[k] == UInt8(ascii: "/") {
                defer { start = k + 1 }
                // Only a name of 4 to 8 bytes starting with one of the names' letters can be one.
                guard (4...8).contains(k - start), supportingInitials[Int(bytes[start])] else { continue }
                let segment = UnsafeBufferPointer(rebasing: bytes[start..<k])
                func isOne(of names: [[UInt8]]) -> Bool {
                    names.contains { name in
                        name.count == segment.count && name.withUnsafeBufferPointer { memcmp($0.baseAddress!, segment.baseAddress!, name.count) == 0 }
                    }
                }
                if isOne(of: exampleFolderBytes) { example = true }
                if isOne(of: testFolderBytes) { test = true }
            }
        }
        return (test, example)
    }

    static let exampleFolderBytes: [[UInt8]] = ["Examples", "Example", "Samples", "Sample", "Demo", "Demos"].map { Array($0.utf8) }
    static let testFolderBytes: [[UInt8]] = ["Tests", "UITests"].map { Array($0.utf8) }
    /// By byte: whether one of the names starts with it.
    static let supportingInitials: [Bool] = (0..<256).map { byte in (exampleFolderBytes + testFolderBytes).contains { Int($0[0]) == byte } }

    /// The files below `directory` ("" for all), found by binary search: `files` are sorted by path.
    static func files(under directory: String, in files: [SourceFile]) -> [Int] {
        guard !directory.isEmpty else { return Array(files.indices) }
        let prefix = directory + "/"
        var low = 0, high = files.count
        while low < high {
            let mid = (low + high) / 2
            if files[mid].path < prefix { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < files.count, files[end].path.hasPrefix(prefix) { end += 1 }
        return Array(low..<end)
    }

    // MARK: - Selectors

    public enum Resolution: Sendable {
        case resolved(ComponentSet)
        /// The name means nothing here; `suggestion` is the closest name that does.
        case unknown(name: String, suggestion: String?)
    }

    /// What a selector denotes. Memoised: the checker asks about each selector several times per
    /// rule (names, vacuity, the check itself), and a glob's answer walks every file.
    public func resolve(_ selector: Selector) -> Resolution {
        resolutions.value(for: selector) { resolveUncached(selector) }
    }

    func resolveUncached(_ selector: Selector) -> Resolution {
        switch selector {
        case .name(let name):
            if let set = declared[name] { return .resolved(set) }
            let below = Architecture.names(below: name, in: sortedModuleNames)
            if !below.isEmpty {
                // A dotted name is a package: the module itself (if it has files) and every module below it.
                var files = moduleFiles[name] ?? []
                for module in below { files += moduleFiles[module] ?? [] }
                return .resolved(ComponentSet(name: name, files: Array(Set(files)).sorted(), modules: Set(below).union([name])))
            }
            if let files = moduleFiles[name] { return .resolved(ComponentSet(name: name, files: files, modules: [name])) }
            if let files = buildModuleFiles[name] {
                return .resolved(ComponentSet(name: name, files: files, modules: membership.modulesCovered(by: files)))
            }
            if internalModules.contains(name) || externals.contains(name) || PlatformModules.known.contains(name) {
                return .resolved(ComponentSet(name: name, files: [], modules: [name]))
            }
            if let family = families[name] { return .resolved(union(of: family, named: name)) }
            if let set = implicit[name] { return .resolved(set) }
            return .unknown(name: name, suggestion: Suggestion.closest(to: name, in: knownNames))
        case .member(let familyName, let member):
            guard let family = families[familyName] else {
                return .unknown(name: familyName, suggestion: Suggestion.closest(to: familyName, in: families.keys))
            }
            // A member with no files yet is not a typo if the family is real: it is simply empty.
            return .resolved(family[member] ?? ComponentSet(name: "\(familyName)(\(member))", files: [], modules: []))
        case .family(let familyName):
            guard let family = families[familyName] else {
                return .unknown(name: "\(familyName)(*)", suggestion: Suggestion.closest(to: familyName, in: families.keys).map { "\($0)(*)" })
            }
            return .resolved(union(of: family, named: "\(familyName)(*)"))
        case .glob(let glob):
            let files = scan.files.indices.filter { glob.matches(scan.files[$0].path) }
            return .resolved(ComponentSet(name: glob.pattern, files: files,
                                          modules: membership.modulesCovered(by: files)))
        }
    }

    /// Whether `name` names a module a rule could forbid: a project module, a known external or SDK
    /// module. Used to tell a typo (`GRBD`) from a preventive rule (`must not import UIKit`).
    public func isKnownModule(_ name: String) -> Bool {
        internalModules.contains(name) || externals.contains(name) || PlatformModules.known.contains(name)
            || !Architecture.names(below: name, in: sortedModuleNames).isEmpty
    }

    /// The names in `sorted` below `name` as a package: `django.db.models`, `django.db.backends.base`
    /// for `django.db` (not `django.dbx`); `@acme/orders/src/api.ts` for `@acme/orders` (not
    /// `@acme/ordersx`). Modules named with dots are Python's, with slashes TypeScript's; Swift's have neither.
    static func names(below name: String, in sorted: [String]) -> [String] {
        Array(names(below: name, separator: ".", in: sorted) + names(below: name, separator: "/", in: sorted))
    }

    static func names(below name: String, separator: String, in sorted: [String]) -> ArraySlice<String> {
        let prefix = name + separator
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < sorted.count, sorted[end].hasPrefix(prefix) { end += 1 }
        return sorted[low..<end]
    }

    /// Every name a rule may use, for suggestions.
    public var knownNames: Set<String> {
        Set(declared.keys).union(internalModules).union(externals).union(families.keys).union(implicit.keys)
    }

    private func union(of family: [String: ComponentSet], named name: String) -> ComponentSet {
        var files = Set<Int>()
        var modules = Set<String>()
        for member in family.values { files.formUnion(member.files); modules.formUnion(member.modules) }
        return ComponentSet(name: name, files: files.sorted(), modules: modules)
    }

    /// Whether the set holds part of a module (a folder, some files) or files in no module: then
    /// only symbol uses, not imports, can reach it.
    public func isPartial(_ set: ComponentSet) -> Bool {
        set.files.contains { i in scan.files[i].module.map { !set.modules.contains($0) } ?? true }
    }

    /// The name to show for a file that depends on something: its module, else the smallest
    /// declared component holding it, else its path.
    public func displayName(forFile index: Int) -> String {
        let file = scan.files[index]
        if let module = file.module { return module }
        let owners = declared.values.filter { $0.contains(file: index) }
        return owners.min { ($0.files.count, $0.name) < ($1.files.count, $1.name) }?.name ?? file.path
    }

    /// The name to show for the target of an import of `module`: the smallest declared component
    /// that is that module, else the module's own name.
    public func displayName(forModule module: String) -> String {
        let owners = declared.values.filter { $0.modules.contains(module) }
        return owners.min { ($0.modules.count, $0.name) < ($1.modules.count, $1.name) }?.name ?? module
    }
}

/// The memo behind `Architecture.resolve`. A reference inside a value type: copies share it, which
/// is right because a copy answers every selector the same way. A serial queue guards it.
final class ResolutionCache: @unchecked Sendable {
    private var values: [Selector: Architecture.Resolution] = [:]
    private let queue = DispatchQueue(label: "stele.architecture.resolutions")

    func value(for selector: Selector, compute: () -> Architecture.Resolution) -> Architecture.Resolution {
        if let known = queue.sync(execute: { values[selector] }) { return known }
        let value = compute()
        queue.sync { values[selector] = value }
        return value
    }
}

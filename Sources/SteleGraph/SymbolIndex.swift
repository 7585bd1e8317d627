import Dispatch
import SteleCore
import SteleScan

/// A reference that resolved to a declaration in another file of the project: a file → file
/// dependency, or, when the name is declared in several visible places, an ambiguous one.
public struct SymbolEdge: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// The one file that declares the name (and where).
        case declared(file: Int, line: Int, column: Int)
        /// Every file that declares a visible declaration of the name: Stele does not guess.
        case ambiguous(files: [Int])
    }

    /// The referencing file, an index into `ScanResult.files`, and where in it the name is used.
    public var file: Int
    public var name: String
    public var line: Int
    public var column: Int
    public var target: Target
}

/// Every top-level declaration of the project, and the resolution of every reference against them.
///
/// A name resolves the way Swift's unqualified lookup reaches file scope: a member of the type the
/// reference is in wins (implicit `self`), then the file's own top-level declarations, then the
/// other files of its module, then the project modules it imports. A name declared in exactly one
/// file at the first level that has it resolves to that file; in several files, it is ambiguous.
/// Names no project file declares are the SDK's or a package's: not edges.
public struct SymbolIndex: Sendable {
    /// Where a name is declared at the top level of a file.
    struct Site: Hashable {
        var file: Int
        var line: Int
        var column: Int
    }

    /// Module ("" for files in no module) → name → where it is declared, visible to other files.
    let topLevel: [String: [String: [Site]]]
    /// Type path (`Outer.Inner`) → module of the declaring file ("" for none) → names of its members,
    /// from every file (extensions included): a file sees those of the modules it sees.
    let members: [String: [String: Set<String>]]
    /// Nested types by qualified name (`Logger.Message`): often declared in an extension in a
    /// file of their own, so naming one is a dependency on that file, not only on the outer type's.
    let nestedTypes: [String: [Site]]
    /// Project modules whose name, before a type's (`App.Theme`, `Kit.Logger.Level`), qualifies it.
    let moduleQualifiers: Set<String>
    /// Those of them that some extension's type path starts with (`extension App.Theme`).
    let pathQualifiers: Set<String>
    /// File → file dependencies of each file (by index into `ScanResult.files`), in position order.
    let edgesByFile: [[SymbolEdge]]
    /// The files whose references were resolved (nil: all).
    public let resolved: Set<Int>?
    /// References that named a project declaration: resolved (to another file or its own) plus ambiguous.
    public let referenceCount: Int
    public let ambiguousCount: Int
    /// How many declarations the project's files make (members included).
    public let declarationCount: Int

    public static let empty = SymbolIndex(scan: ScanResult(files: [], modules: [], diagnostics: []))

    /// - Parameter resolving: the files whose references to resolve (nil: all). The others have no
    ///   edges; their declarations still count.
    public init(scan: ScanResult, resolving: Set<Int>? = nil) {
        // An import-level run read no symbols: nothing to index, whatever the size of the tree.
        guard scan.files.contains(where: { !$0.declarations.isEmpty || !$0.references.isEmpty }) else {
            (topLevel, members, nestedTypes, moduleQualifiers, pathQualifiers) = ([:], [:], [:], [], [])
            edgesByFile = Array(repeating: [], count: scan.files.count)
            (resolved, referenceCount, ambiguousCount, declarationCount) = (resolving, 0, 0, 0)
            return
        }
        var topLevel: [String: [String: [Site]]] = [:]
        var ownNames: [Set<String>] = Array(repeating: [], count: scan.files.count)
        var members: [String: [String: Set<String>]] = [:]
        var nestedTypes: [String: [Site]] = [:]
        var nestedNames = Set<String>()
        var declarationCount = 0
        var extendedHeads = Set<String>()
        for (i, file) in scan.files.enumerated() {
            declarationCount += file.declarations.count
            for declaration in file.declarations where declaration.parent == nil {
                guard declaration.kind != .extension else {
                    if let dot = declaration.name.utf8.firstIndex(of: UInt8(ascii: ".")) { extendedHeads.insert(String(declaration.name[..<dot])) }
                    continue
                }
                ownNames[i].insert(declaration.name)
                if declaration.isVisibleToOtherFiles {
                    topLevel[file.module ?? "", default: [:]][declaration.name, default: []]
                        .append(Site(file: i, line: declaration.line, column: declaration.column))
                }
            }
        }
        // Every name some file declares at its top level: most references (`Int`, `print`, a
        // module's types) are not among them, and one lookup sets them aside.
        var declaredAnywhere = Set<String>()
        for names in ownNames { declaredAnywhere.formUnion(names) }
        // `extension App.Theme`: the module's name qualifies the type, unless something of that name
        // is declared (`struct Kit` in module Kit is what `Kit.x` names, as in Swift).
        let moduleQualifiers = scan.internalModuleNames.subtracting(declaredAnywhere)
        // The ones that qualify an extended type, so that type paths (`App.Theme.title`) start with them.
        let pathQualifiers = moduleQualifiers.intersection(extendedHeads)
        for (i, file) in scan.files.enumerated() {
            // A file's members mostly share their parent: strip a qualifier once per run of them.
            var last: (written: String, parent: String) = ("", "")
            for declaration in file.declarations {
                guard let written = declaration.parent else { continue }
                if written != last.written { last = (written, SymbolIndex.unqualified(written, pathQualifiers)) }
                let parent = last.parent
                members[parent, default: [:]][file.module ?? "", default: []].insert(declaration.name)
                if declaration.kind.isType || declaration.kind == .typealias, declaration.kind != .extension,
                   declaration.access != "private", declaration.access != "fileprivate" {
                    nestedTypes[parent + "." + declaration.name, default: []].append(Site(file: i, line: declaration.line, column: declaration.column))
                    nestedNames.insert(declaration.name)
                }
            }
        }
        for (type, parameters) in SymbolIndex.standardGenericParameters {
            members[type, default: [:]][MemberCache.everywhere, default: []].formUnion(parameters)
        }
        self.topLevel = topLevel
        self.members = members
        self.nestedTypes = nestedTypes
        self.moduleQualifiers = moduleQualifiers
        self.pathQualifiers = pathQualifiers
        self.declarationCount = declarationCount
        declaredAnywhere.formUnion(nestedNames)
        let typesWithNested = Set(nestedTypes.keys.map { String($0.prefix { $0 != "." }) })
        // The names a reference must have to be worth resolving, in one set: one lookup sets most aside.
        let resolvable = declaredAnywhere.union(typesWithNested).union(moduleQualifiers)

        // Each file resolves on its own against the finished index: on all cores.
        let internalModules = scan.internalModuleNames
        let perFile = ConcurrentResults<(edges: [SymbolEdge], references: Int, ambiguous: Int)>(count: scan.files.count)
        let tables = Tables(topLevel: topLevel, members: members, nestedTypes: nestedTypes, declaredAnywhere: declaredAnywhere,
                            nestedNames: nestedNames, moduleQualifiers: moduleQualifiers, pathQualifiers: pathQualifiers,
                            typesWithNested: typesWithNested,
                            resolvable: resolvable, internalModules: internalModules)
        let finalOwnNames = ownNames
        DispatchQueue.concurrentPerform(iterations: scan.files.count) { i in
            guard resolving?.contains(i) ?? true else {
                perFile[i] = ([], 0, 0)
                return
            }
            perFile[i] = SymbolIndex.resolve(file: i, in: scan, ownNames: finalOwnNames[i], tables: tables)
        }
        var edgesByFile: [[SymbolEdge]] = []
        edgesByFile.reserveCapacity(scan.files.count)
        var referenceCount = 0
        var ambiguousCount = 0
        for result in perFile.values {
            edgesByFile.append(result.edges)
            referenceCount += result.references
            ambiguousCount += result.ambiguous
        }
        self.edgesByFile = edgesByFile
        self.resolved = resolving
        self.referenceCount = referenceCount
        self.ambiguousCount = ambiguousCount
    }

    /// What resolving one file needs from the whole project.
    struct Tables: Sendable {
        var topLevel: [String: [String: [Site]]]
        var members: [String: [String: Set<String>]]
        var nestedTypes: [String: [Site]]
        var declaredAnywhere: Set<String>
        var nestedNames: Set<String>
        var moduleQualifiers: Set<String>
        var pathQualifiers: Set<String>
        /// The outermost names of nested types' paths (`Logger` for `Logger.Message`).
        var typesWithNested: Set<String>
        /// `declaredAnywhere`, `typesWithNested` and `moduleQualifiers` together.
        var resolvable: Set<String>
        var internalModules: Set<String>
    }

    static func resolve(file i: Int, in scan: ScanResult, ownNames: Set<String>,
                        tables: Tables) -> (edges: [SymbolEdge], references: Int, ambiguous: Int) {
        let file = scan.files[i]
        guard !file.references.isEmpty else { return ([], 0, 0) }
        var edges: [SymbolEdge] = []
        var referenceCount = 0
        var ambiguousCount = 0
        let module = file.module ?? ""
        var memberCache = MemberCache(visible: Set(file.imports.map(\.module)).union([module]))
        let sameModule = tables.topLevel[module] ?? [:]
        let importedModules = Set(file.imports.map(\.module)).subtracting([module]).intersection(tables.internalModules).sorted()
            .compactMap { tables.topLevel[$0] }

        func add(_ reference: Reference, _ sites: [Site]) {
            guard let first = sites.first else { return }
            referenceCount += 1
            if sites.allSatisfy({ $0.file == first.file }) {
                guard first.file != i else { return }
                edges.append(SymbolEdge(file: i, name: reference.name, line: reference.line, column: reference.column,
                                        target: .declared(file: first.file, line: first.line, column: first.column)))
            } else {
                ambiguousCount += 1
                edges.append(SymbolEdge(file: i, name: reference.name, line: reference.line, column: reference.column,
                                        target: .ambiguous(files: Set(sites.map(\.file)).sorted())))
            }
        }

        let visibleModules = Set(file.imports.map(\.module)).union([module])
        /// Nested types are keyed by their path alone: keep those of the modules this file sees.
        func visible(_ sites: [Site]?) -> [Site]? {
            guard let sites else { return nil }
            if sites.allSatisfy({ visibleModules.contains(scan.files[$0.file].module ?? "") }) { return sites }
            let seen = sites.filter { visibleModules.contains(scan.files[$0.file].module ?? "") }
            return seen.isEmpty ? nil : seen
        }

        var lastEnclosing: (written: String, unqualified: String) = ("", "")
        for written in file.references where tables.resolvable.contains(written.name) {
            let qualified = !written.members.isEmpty && tables.moduleQualifiers.contains(written.name)
            var reference = written
            // `Kit.Logger.Level`, `App.Theme`: a module's name qualifies the name after it.
            var qualifier: String?
            if qualified, visibleModules.contains(reference.name) {
                let parts = reference.members.split(separator: ".", maxSplits: 1)
                qualifier = reference.name
                reference = Reference(name: String(parts[0]), members: parts.count > 1 ? String(parts[1]) : "", line: reference.line,
                                           column: reference.column + reference.name.utf8.count + 1, enclosingType: reference.enclosingType)
            }
            // `RunLoop.OCombine`: a type the project only extends, with types nested in it, is worth it too.
            guard tables.declaredAnywhere.contains(reference.name)
                || (!reference.members.isEmpty && tables.typesWithNested.contains(reference.name)) else { continue }
            if let enclosing = reference.enclosingType, !tables.pathQualifiers.isEmpty {
                if enclosing != lastEnclosing.written { lastEnclosing = (enclosing, unqualified(enclosing, tables.pathQualifiers)) }
                reference.enclosingType = lastEnclosing.unqualified
            }
            // Inside a type: a nested type of it (`Metadata` in `extension Logger`), another member, …
            if qualifier == nil, let enclosing = reference.enclosingType {
                if tables.nestedNames.contains(reference.name), let sites = visible(nestedType(reference.name, in: enclosing, tables.nestedTypes)) {
                    add(reference, sites)
                    continue
                }
                if memberCache.isMember(reference, in: tables.members) { continue }
            }
            // … then the file's own declarations, its module's, the modules it imports.
            var path = reference.name
            if let qualifier, qualifier != module {
                if let sites = tables.topLevel[qualifier]?[reference.name] { add(reference, sites) }
            } else if ownNames.contains(reference.name) {
                referenceCount += 1
            } else {
                var sites = sameModule[reference.name] ?? []
                if sites.isEmpty, qualifier == nil {
                    for other in importedModules { sites += other[reference.name] ?? [] }
                }
                // Not declared where this file looks: still the outer type of nested ones (`RunLoop.OCombine`)?
                if !sites.isEmpty { add(reference, sites) }
            }
            // `Logger.Message.Kind`: each nested type named is a dependency on its own file. Its
            // column assumes no spaces around the dots, the way Swift is written.
            guard !reference.members.isEmpty, tables.typesWithNested.contains(reference.name) else { continue }
            var column = reference.column + reference.name.utf8.count + 1
            for member in reference.members.split(separator: ".") {
                path += "." + member
                guard let sites = visible(tables.nestedTypes[path]) else { break }
                add(Reference(name: String(member), line: reference.line, column: column, enclosingType: reference.enclosingType), sites)
                column += member.utf8.count + 1
            }
        }
        return (edges, referenceCount, ambiguousCount)
    }

    /// The generic parameters and associated types of the standard library's most extended types
    /// and protocols: `Element` in `extension Array where Element: Node` is Array's, not a project
    /// type of that name. (A project type's own generic parameters are not known in its extensions.)
    static let standardGenericParameters: [String: Set<String>] = {
        let collection: Set<String> = ["Element", "Index", "Indices", "SubSequence", "Iterator"]
        var table: [String: Set<String>] = [
            "Sequence": ["Element", "Iterator"], "IteratorProtocol": ["Element"],
            "AsyncSequence": ["Element", "AsyncIterator", "Failure"], "AsyncIteratorProtocol": ["Element", "Failure"],
            "Dictionary": collection.union(["Key", "Value"]), "Optional": ["Wrapped"], "Result": ["Success", "Failure"],
            "Range": collection.union(["Bound"]), "ClosedRange": collection.union(["Bound"]), "RawRepresentable": ["RawValue"],
            "Identifiable": ["ID"], "KeyPath": ["Root", "Value"], "WritableKeyPath": ["Root", "Value"],
            "Task": ["Success", "Failure"], "AsyncStream": ["Element"], "AsyncThrowingStream": ["Element", "Failure"],
        ]
        for type in ["Collection", "BidirectionalCollection", "RandomAccessCollection", "MutableCollection",
                     "RangeReplaceableCollection", "Array", "ArraySlice", "ContiguousArray", "Set", "Slice"] {
            table[type] = collection
        }
        return table
    }()

    /// `App.Theme` → `Theme` when `App` is one of `qualifiers` (a module's name, not a declared one).
    static func unqualified(_ path: String, _ qualifiers: Set<String>) -> String {
        guard !qualifiers.isEmpty, let dot = path.utf8.firstIndex(of: UInt8(ascii: ".")),
              qualifiers.contains(String(path[..<dot])) else { return path }
        return String(path[path.index(after: dot)...])
    }

    /// `name` as a type nested in `enclosing` or in a type enclosing that.
    static func nestedType(_ name: String, in enclosing: String, _ nestedTypes: [String: [Site]]) -> [Site]? {
        var path = Substring(enclosing)
        while true {
            if let sites = nestedTypes[path + "." + name] { return sites }
            guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            path = path[..<dot]
        }
    }

    /// The edges from one file (an index into `ScanResult.files`).
    public func edges(from file: Int) -> [SymbolEdge] {
        assert(resolved?.contains(file) ?? true, "edges asked of a file whose references were not resolved")
        return file >= 0 && file < edgesByFile.count ? edgesByFile[file] : []
    }

    /// Every edge, by referencing file, then position.
    public var edges: [SymbolEdge] { edgesByFile.flatMap { $0 } }

    /// Whether a bare name inside a type body is one of that type's members (or of a type it is
    /// nested in): `title` in `extension LoginView { … title … }` is `self.title`. Only the members
    /// declared in `visibleModules` count ("" for files in no module; nil: every module's).
    public func isMemberOfEnclosingType(_ reference: Reference, visibleModules: Set<String>? = nil) -> Bool {
        var cache = MemberCache(visible: visibleModules)
        var reference = reference
        reference.enclosingType = reference.enclosingType.map { SymbolIndex.unqualified($0, pathQualifiers) }
        return cache.isMember(reference, in: members)
    }

    /// The member sets of the last enclosing type asked about: references come in file order, so
    /// consecutive ones mostly share their type.
    struct MemberCache {
        /// The key of members every file sees (the standard library's generic parameters).
        static let everywhere = "\u{0}"
        /// The modules whose members count (nil: all).
        var visible: Set<String>?
        var path: String?
        var sets: [Set<String>] = []

        init(visible: Set<String>?) {
            self.visible = visible
        }

        mutating func isMember(_ reference: Reference, in members: [String: [String: Set<String>]]) -> Bool {
            guard let enclosing = reference.enclosingType else { return false }
            if enclosing != path {
                path = enclosing
                sets = []
                var utf8 = Substring(enclosing).utf8
                while true {
                    for (module, set) in members[String(Substring(utf8))] ?? [:]
                    where visible?.contains(module) ?? true || module == MemberCache.everywhere {
                        sets.append(set)
                    }
                    guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { break }
                    utf8 = utf8[..<dot]
                }
            }
            return sets.contains { $0.contains(reference.name) }
        }
    }
}

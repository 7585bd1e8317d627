/// Which module each file belongs to, following SwiftPM's rules: a target's sources are in
/// `Sources/<name>` (or `Source/`, `src/`, `srcs/`), `Tests/<name>` for tests, `Plugins/<name>` for
/// plugins, or its `path:`; `sources:` narrows and `exclude:` removes. A file belongs to the target
/// with the deepest directory, and files of a nested package only ever to that package's targets.
struct SwiftPMModuleMap: Sendable {
    let modules: [ResolvedModule]
    private let packageDirectories: Set<String>
    /// Module indices by source directory, so a file is placed by looking up its ancestors.
    private let modulesByDirectory: [String: [Int]]

    init(manifests: [SwiftPMManifest], files: [String]) {
        // Every directory that holds a file, to tell which default source root exists. Only the
        // manifests' targets need it, so only their candidate roots are looked for.
        var directories = Set<String>()
        var lastParent: Substring = ""
        for file in files {
            // Sorted files share their parent with the one before more often than not.
            let parent = RepositoryPath.parent(of: file)
            if parent.isEmpty || parent == lastParent { continue }
            lastParent = parent
            // The folder and those above it, up to one already known.
            var folder = parent
            while directories.insert(String(folder)).inserted, let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
            }
        }
        var modules: [ResolvedModule] = []
        for manifest in manifests {
            var vendedBy: [String: [String]] = [:]
            for product in manifest.products {
                for target in product.targets where vendedBy[target]?.contains(product.name) != true {
                    vendedBy[target, default: []].append(product.name)
                }
            }
            for target in manifest.targets where target.kind != .binary {
                let directory = SwiftPMModuleMap.directory(of: target, in: manifest.directory, existing: directories)
                modules.append(ResolvedModule(
                    // Named as imports name it; the manifest's own names in its `dependencies:` too.
                    name: SwiftModuleName.of(target: target.name), kind: target.kind, packageDirectory: manifest.directory, directory: directory,
                    targetDependencies: target.targetDependencies.map(SwiftModuleName.of(target:)), productDependencies: target.productDependencies,
                    manifestPath: manifest.directory.isEmpty ? "Package.swift" : manifest.directory + "/Package.swift",
                    line: target.line,
                    sources: target.sources?.map { SwiftPMModuleMap.join(directory, $0) },
                    exclude: target.exclude.map { SwiftPMModuleMap.join(directory, $0) },
                    products: vendedBy[target.name] ?? []))
            }
        }
        self.modules = modules.sorted { ($0.name, $0.packageDirectory) < ($1.name, $1.packageDirectory) }
        packageDirectories = Set(manifests.map(\.directory))
        var byDirectory: [String: [Int]] = [:]
        for (i, module) in self.modules.enumerated() { byDirectory[module.directory, default: []].append(i) }
        modulesByDirectory = byDirectory
    }

    /// Bundle directories SwiftPM does not compile: a `.swift` file in a DocC catalog is a tutorial
    /// snippet, not a source of the target whose folder holds it.
    static let nonSourceBundleSuffixes = [".docc", ".xcassets", ".bundle", ".xcdatamodeld", ".playground", ".lproj"]

    /// The module (target name) a file belongs to, or nil.
    func module(forFile path: String) -> String? {
        let parent = RepositoryPath.parent(of: path)
        return candidates(forDirectory: parent).flatMap { module(forFile: path, among: $0) }
    }

    /// The modules a file directly in `directory` may belong to, deepest first: those of its
    /// ancestors' directories (the directory included) up to its package, the deepest package
    /// containing it. Nil inside a bundle SwiftPM does not compile. The same for every file of the
    /// directory, so a scan asks once per directory.
    func candidates(forDirectory directory: Substring) -> [Int]? {
        // Ancestor directories, deepest first, found on the UTF-8 view (no grapheme breaking).
        var ancestors: [Substring] = []
        var rest = directory
        while !rest.isEmpty {
            let slash = rest.utf8.lastIndex(of: UInt8(ascii: "/"))
            let component = slash.map { rest[rest.utf8.index(after: $0)...] } ?? rest
            // Only a name with a dot can be a bundle's (most have none: the suffix test is costly).
            if component.utf8.contains(UInt8(ascii: ".")),
               SwiftPMModuleMap.nonSourceBundleSuffixes.contains(where: { component.hasSuffix($0) }) { return nil }
            ancestors.append(rest)
            rest = slash.map { rest[..<$0] } ?? ""
        }
        ancestors.append("")
        // The file's package is the deepest one containing it; its targets only.
        guard let package = ancestors.first(where: { packageDirectories.contains(String($0)) }) else { return nil }
        var found: [Int] = []
        for ancestor in ancestors {
            found += (modulesByDirectory[String(ancestor)] ?? []).filter { modules[$0].packageDirectory == package }
            if ancestor == package { break } // never above the file's own package
        }
        return found
    }

    /// The first of `candidates` whose `sources:` and `exclude:` admit the file.
    func module(forFile path: String, among candidates: [Int]) -> String? {
        for i in candidates {
            let module = modules[i]
            if let sources = module.sources, !sources.contains(where: { SwiftPMModuleMap.contains($0, path) }) { continue }
            if module.exclude.contains(where: { SwiftPMModuleMap.contains($0, path) }) { continue }
            return module.name
        }
        return nil
    }

    static func directory(of target: SwiftPMTarget, in package: String, existing: Set<String>) -> String {
        if let custom = target.customPath { return join(package, custom) }
        let roots: [String]
        switch target.kind {
        case .test: roots = ["Tests"]
        case .plugin: roots = ["Plugins"]
        default: roots = ["Sources", "Source", "src", "srcs"]
        }
        // A plain name under a package directory (always normalised, from the listing) needs no
        // normalising: joined by hand, as `join` would give it.
        let plain = !target.name.isEmpty && !target.name.utf8.contains(UInt8(ascii: "/")) && target.name != "." && target.name != ".."
        let candidates = roots.map { root in
            plain ? (package.isEmpty ? root + "/" + target.name : package + "/" + root + "/" + target.name) : join(package, root + "/" + target.name)
        }
        for candidate in candidates where existing.contains(candidate) { return candidate }
        return candidates[0]
    }

    /// `base/relative`, normalised: no `./`, no trailing `/`, `..` resolved, "" for the root.
    static func join(_ base: String, _ relative: String) -> String {
        var parts = base.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether `path` is `directory` or inside it ("" contains everything).
    /// Compared as bytes: this runs for every file against every `exclude:` entry of its target.
    static func contains(_ directory: String, _ path: String) -> Bool {
        let d = directory.utf8, p = path.utf8
        guard !d.isEmpty else { return true }
        guard p.count >= d.count, p.starts(with: d) else { return false }
        return p.count == d.count || p.dropFirst(d.count).first == UInt8(ascii: "/")
    }
}

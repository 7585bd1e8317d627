/// Which module each TypeScript or JavaScript file is (ADR-0009): every file is a module of its
/// own, as Python's are, named by its package and its path in it:
/// `packages/orders/src/api.ts` under `packages/orders/package.json` named `@acme/orders` is
/// `@acme/orders/src/api.ts`; a file under no named package.json is named by its repository path.
/// A rule's name that is a package (`@acme/orders`) means every module below it (`Architecture`),
/// and a glob means the files it matches, so both work.
///
/// JS modules are not `ResolvedModule`s: `manifests must match imports` does not judge them.
struct TypeScriptModuleMap: ModuleMap {
    let modules: [ResolvedModule] = []
    let resolvesImports = true
    /// Named packages by their folder ("" for the root).
    let packageAt: [String: TypeScriptPackage]
    /// Every package.json by its folder, named or not: whose `imports` a `#x` specifier means.
    let manifestAt: [String: TypeScriptPackage]
    /// Named packages by name (the first, by folder, when two share one).
    let packageNamed: [String: TypeScriptPackage]
    /// Every file of the listing: relative imports are looked up in it.
    let files: Set<String>
    /// `tsconfig.json` path aliases, deepest folder first.
    let aliases: [TypeScriptPathAliases]
    /// The innermost named package of each folder that holds a listed file, as an index in
    /// `namedPackages` (-1: none), found once: `moduleName(of:)` is asked for every file and for
    /// every import that names one, and walking up the folders made a `String` and a lookup a
    /// level (an index, so that a lookup copies no package).
    let packageOfFolder: [String: Int]
    /// The named packages, sorted by folder.
    let namedPackages: [TypeScriptPackage]
    /// Each listed path less one of `TypeScriptImportResolver.extensions` (`src/a` for `src/a.ts`
    /// and `src/a.d.ts`) with the extensions it is listed with, a bit each, in that list's order:
    /// `TypeScriptImportResolver.find` tries them all with one lookup, not one string and lookup each.
    let extensionsOfStem: [String: UInt16]
    /// The module name of each listed source file, made once: every file is placed, and every
    /// import resolved to a file names it (`moduleName(of:)` made the name each time).
    private(set) var moduleOfListed: [String: String] = [:]

    init(packages: [TypeScriptPackage], files: [String], aliases: [TypeScriptPathAliases] = []) {
        var at: [String: TypeScriptPackage] = [:]
        var named: [String: TypeScriptPackage] = [:]
        var manifests: [String: TypeScriptPackage] = [:]
        for package in packages.sorted(by: { $0.directory < $1.directory }) {
            manifests[package.directory] = package
            guard let name = package.name else { continue }
            at[package.directory] = package
            if named[name] == nil { named[name] = package }
        }
        packageAt = at
        manifestAt = manifests
        packageNamed = named
        self.files = Set(files)
        self.aliases = aliases.sorted { ($0.directory.utf8.count, $0.directory) > ($1.directory.utf8.count, $1.directory) }
        let sortedNamed = at.values.sorted { $0.directory < $1.directory }
        let indexOfFolder = Dictionary(uniqueKeysWithValues: sortedNamed.enumerated().map { ($1.directory, $0) })
        var ofFolder: [String: Int] = [:]
        var stems: [String: UInt16] = [:]
        for path in files {
            let directory = RepositoryPath.folder(of: path)
            if ofFolder[directory] == nil { ofFolder[directory] = TypeScriptModuleMap.innermost(from: directory, in: at).flatMap { indexOfFolder[$0.directory] } ?? -1 }
            TypeScriptModuleMap.forEachExtension(of: path) { stem, bit in stems[stem, default: 0] |= bit }
        }
        packageOfFolder = ofFolder
        namedPackages = sortedNamed
        extensionsOfStem = stems
        var names: [String: String] = [:]
        for path in files where TypeScriptModuleMap.isSource(path) { names[path] = moduleName(of: path) }
        moduleOfListed = names
    }

    /// Calls `body` with `path` less each of `TypeScriptImportResolver.extensions` it ends with,
    /// and that extension's bit. On bytes: every listed file goes through here.
    static func forEachExtension(of path: String, _ body: (String, UInt16) -> Void) {
        let extensions = TypeScriptImportResolver.extensionBytes
        var path = path
        path.withUTF8 { bytes in
            for (k, ext) in extensions.enumerated() where bytes.count >= ext.count {
                let stem = bytes.count - ext.count
                guard ext.withUnsafeBufferPointer({ ext in (0..<ext.count).allSatisfy { bytes[stem + $0] == ext[$0] } }) else { continue }
                body(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<stem]), as: UTF8.self), 1 << UInt16(k))
            }
        }
    }

    /// The innermost package of `packageAt` at or above `directory`.
    private static func innermost(from directory: String, in packageAt: [String: TypeScriptPackage]) -> TypeScriptPackage? {
        var directory = directory
        while true {
            if let package = packageAt[directory] { return package }
            if directory.isEmpty { return nil }
            directory = RepositoryPath.folder(of: directory)
        }
    }

    static func isSource(_ path: String) -> Bool {
        let language = Language.of(path: path)
        return language == .typescript || language == .javascript
    }

    /// The innermost package.json at or above `directory`, named or not.
    func manifest(at directory: String) -> TypeScriptPackage? {
        TypeScriptModuleMap.innermost(from: directory, in: manifestAt)
    }

    /// The module name of the file at `path`: `<package name>/<path in the package>`, else the path.
    func moduleName(of path: String) -> String {
        if let listed = moduleOfListed[path] { return listed }
        let directory = RepositoryPath.folder(of: path)
        if let k = packageOfFolder[directory] {
            return k < 0 ? path : TypeScriptModuleMap.moduleName(of: path, in: namedPackages[k])
        }
        guard let package = TypeScriptModuleMap.innermost(from: directory, in: packageAt) else { return path }
        return TypeScriptModuleMap.moduleName(of: path, in: package)
    }

    private static func moduleName(of path: String, in package: TypeScriptPackage) -> String {
        guard let name = package.name else { return path }
        // The path below the package's folder, cut on bytes (`dropFirst` counts characters).
        return package.directory.isEmpty ? name + "/" + path : name + path[path.utf8.index(path.utf8.startIndex, offsetBy: package.directory.utf8.count)...]
    }

    func modules(ofSorted paths: [String]) -> [String?] {
        paths.map { TypeScriptModuleMap.isSource($0) ? moduleName(of: $0) : nil }
    }

    func resolve(_ file: SourceFile) -> SourceFile {
        guard file.language == .typescript || file.language == .javascript else { return file }
        return TypeScriptImportResolver.resolve(file, map: self)
    }
}

import SteleCore

/// Which module each file of the tree belongs to, from every language's manifests: the module
/// maps of `LanguageRegistry.all`, asked in that order; the first that places a file wins.
struct ProjectModuleMap: Sendable {
    /// Every language's modules, sorted by name, directory and manifest.
    let modules: [ResolvedModule]
    let maps: [any ModuleMap]

    /// The languages of each map (`LanguageRegistry.all`'s, in order): whose imports it resolves.
    let languages: [[Language]]

    init(_ maps: [any ModuleMap], languages: [[Language]] = []) {
        self.maps = maps
        self.languages = languages
        modules = maps.flatMap(\.modules)
            .sorted { ($0.name, $0.packageDirectory, $0.manifestPath) < ($1.name, $1.packageDirectory, $1.manifestPath) }
    }

    /// Reads every language's manifests among `files` (the sorted listing).
    static func read(root: String, files: [String]) -> (ProjectModuleMap, [Diagnostic]) {
        var maps: [any ModuleMap] = []
        var diagnostics: [Diagnostic] = []
        for language in LanguageRegistry.all {
            let (map, found) = language.readModules(root: root, files: files)
            maps.append(map)
            diagnostics += found
        }
        return (ProjectModuleMap(maps, languages: LanguageRegistry.all.map { $0.languages }), diagnostics)
    }

    /// The file with its imports resolved by its language's map (see `ModuleMap.resolve`).
    func resolve(_ file: SourceFile) -> SourceFile {
        guard let k = languages.firstIndex(where: { $0.contains(file.language) }), k < maps.count else { return file }
        return maps[k].resolve(file)
    }

    /// The module of each of `paths` (sorted, as a listing is), or nil.
    func modules(ofSorted paths: [String]) -> [String?] {
        guard var placed = maps.first?.modules(ofSorted: paths) else { return paths.map { _ in nil } }
        for map in maps.dropFirst() {
            for (i, module) in map.modules(ofSorted: paths).enumerated() where placed[i] == nil { placed[i] = module }
        }
        return placed
    }
}

import Dispatch
import SteleCore

/// Which module each file of the tree belongs to, from every language's manifests: the module
/// maps of `LanguageRegistry.all`, asked in that order; the first that places a file wins.
struct ProjectModuleMap: Sendable {
    /// Every language's modules, sorted by name, directory and manifest.
    let modules: [ResolvedModule]
    let maps: [any ModuleMap]

    /// The languages of each map (`LanguageRegistry.all`'s, in order): whose imports it resolves.
    let languages: [[Language]]
    /// Whether the tree has a file of each map's languages: a map of a language with no file
    /// places nothing, and is not asked (a Swift package pays nothing for Python's map).
    let present: [Bool]

    init(_ maps: [any ModuleMap], languages: [[Language]] = [], present: [Bool]? = nil) {
        self.maps = maps
        self.languages = languages
        self.present = present ?? maps.map { _ in true }
        modules = maps.flatMap(\.modules)
            .sorted { ($0.name, $0.packageDirectory, $0.manifestPath) < ($1.name, $1.packageDirectory, $1.manifestPath) }
    }

    /// Reads every language's manifests among `files` (the sorted listing).
    static func read(root: String, files: [String]) -> (ProjectModuleMap, [Diagnostic]) {
        var maps: [any ModuleMap] = []
        var diagnostics: [Diagnostic] = []
        var languagesPresent = Set<Language>()
        var last: Language?
        for file in files {
            // Neighbours in the listing mostly share a language: one set insertion per run of them.
            guard let language = Language.of(path: file), language != last else { continue }
            languagesPresent.insert(language)
            last = language
        }
        let present = LanguageRegistry.all.map { language in language.hasModules(among: files, present: languagesPresent) }
        for (k, language) in LanguageRegistry.all.enumerated() {
            // A language with no file here: its (empty) map, without reading its manifests.
            let (map, found) = language.readModules(root: root, files: present[k] ? files : [])
            maps.append(map)
            diagnostics += found
        }
        return (ProjectModuleMap(maps, languages: LanguageRegistry.all.map { $0.languages }, present: present), diagnostics)
    }

    /// Whether the map of `language` resolves its files' imports (see `ModuleMap.resolve`).
    func resolves(_ language: Language) -> Bool {
        guard let k = languages.firstIndex(where: { $0.contains(language) }), k < maps.count else { return false }
        return maps[k].resolvesImports
    }

    /// The file with its imports resolved by its language's map (see `ModuleMap.resolve`).
    func resolve(_ file: SourceFile) -> SourceFile {
        guard let k = languages.firstIndex(where: { $0.contains(file.language) }), k < maps.count else { return file }
        return maps[k].resolve(file)
    }

    /// `modules(ofSorted:)` on all cores: the listing cut into contiguous slices (each still
    /// sorted). Placing files runs after the parallel scan, so done on one core it was a serial
    /// tail of every check.
    func modulesOnAllCores(ofSorted paths: [String]) -> [String?] {
        let slices = min(8, paths.count / 256)
        guard slices > 1 else { return modules(ofSorted: paths) }
        let results = ConcurrentResults<[String?]>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            results[k] = modules(ofSorted: Array(paths[k * paths.count / slices ..< (k + 1) * paths.count / slices]))
        }
        return results.values.flatMap { $0 }
    }

    /// The module of each of `paths` (sorted, as a listing is), or nil. A file's own language's
    /// map is asked first (a Python script inside a SwiftPM target's folder is a Python module),
    /// then the others in order (SwiftPM places the C files of its targets).
    func modules(ofSorted paths: [String]) -> [String?] {
        let answers = maps.indices.map { k in present[k] ? maps[k].modules(ofSorted: paths) : Array(repeating: nil, count: paths.count) }
        guard var placed = answers.first else { return paths.map { _ in nil } }
        for answer in answers.dropFirst() {
            for (i, module) in answer.enumerated() where placed[i] == nil { placed[i] = module }
        }
        guard languages.count == maps.count, maps.count > 1 else { return placed }
        for (i, path) in paths.enumerated() {
            guard let language = Language.of(path: path), let k = languages.firstIndex(where: { $0.contains(language) }),
                  let own = answers[k][i] else { continue }
            placed[i] = own
        }
        return placed
    }
}

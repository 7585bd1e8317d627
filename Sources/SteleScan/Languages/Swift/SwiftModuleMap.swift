/// Which module each Swift file belongs to, from every Swift manifest of the tree: SwiftPM targets
/// by directory (`SwiftPMModuleMap`), and Xcode targets by explicit file membership.
///
/// SwiftPM wins: many repositories ship a `Package.swift` and an `.xcodeproj` that compile the same
/// files, and the package is the one that names the modules others import. A file compiled by two
/// Xcode targets (the iOS and macOS variants of an app) goes to the first by target name, then by
/// project path, so the answer never depends on the order of the listing.
struct SwiftModuleMap: ModuleMap {
    /// SwiftPM modules, then Xcode modules, sorted by name and directory.
    let modules: [ResolvedModule]
    let swiftPM: SwiftPMModuleMap
    /// Files placed by an Xcode project and claimed by no SwiftPM target: path → module name.
    let members: [String: String]

    init(swiftPM: SwiftPMModuleMap, xcodeProjects: [XcodeProject]) {
        self.swiftPM = swiftPM
        var members: [String: String] = [:]
        // Targets sharing a module name in one project (platform variants) are one module.
        struct Key: Hashable { var project: String; var module: String }
        var owned: [Key: [String]] = [:]
        var order: [(key: Key, project: XcodeProject, targets: [XcodeTarget])] = []
        var index: [Key: Int] = [:]
        let targets = xcodeProjects.flatMap { project in project.targets.map { (project, $0) } }
            .sorted { ($0.1.name, $0.0.path) < ($1.1.name, $1.0.path) }
        // A dependency names a target, maybe of another project; imports name its module.
        var moduleNames: [String: String] = [:]
        for (_, target) in targets where moduleNames[target.name] == nil { moduleNames[target.name] = target.moduleName }
        for (project, target) in targets {
            let key = Key(project: project.path, module: target.moduleName)
            if let i = index[key] {
                order[i].targets.append(target)
            } else {
                index[key] = order.count
                order.append((key, project, [target]))
            }
            for file in target.swiftFiles where members[file] == nil && swiftPM.module(forFile: file) == nil {
                members[file] = target.moduleName
                owned[key, default: []].append(file)
            }
        }
        var modules = swiftPM.modules
        for (key, project, group) in order {
            guard let files = owned[key], let first = group.first else { continue }
            let dependencies = group.flatMap { target in
                target.targetDependencies.map { name in
                    project.targets.first { $0.name == name }?.moduleName ?? moduleNames[name] ?? SwiftModuleName.of(target: name)
                }
            }
            modules.append(ResolvedModule(
                name: key.module, kind: first.moduleKind, packageDirectory: project.directory,
                directory: SwiftModuleMap.commonDirectory(of: files),
                targetDependencies: SwiftModuleMap.unique(dependencies.filter { $0 != key.module }),
                productDependencies: SwiftModuleMap.unique(group.flatMap(\.productDependencies)).map { ProductDependency(name: $0, package: nil) },
                manifestPath: project.path, line: first.line, sources: nil, exclude: []))
        }
        self.modules = modules.sorted { ($0.name, $0.packageDirectory, $0.manifestPath) < ($1.name, $1.packageDirectory, $1.manifestPath) }
        self.members = members
    }

    /// The module of each of `paths` (sorted, as a listing is): the modules a directory's files may
    /// belong to are found once per directory, then each file is admitted by `sources:`/`exclude:`.
    func modules(ofSorted paths: [String]) -> [String?] {
        var lastDirectory: Substring?
        var candidates: [Int]?
        return paths.map { path in
            if !members.isEmpty, let module = members[path] { return module }
            let directory = RepositoryPath.parent(of: path)
            if directory != lastDirectory {
                candidates = swiftPM.candidates(forDirectory: directory)
                lastDirectory = directory
            }
            return candidates.flatMap { swiftPM.module(forFile: path, among: $0) }
        }
    }

    /// The module a file belongs to, or nil. Without Xcode projects this is exactly SwiftPM's answer.
    func module(forFile path: String) -> String? {
        if !members.isEmpty, let module = members[path] { return module }
        return swiftPM.module(forFile: path)
    }

    /// The deepest directory holding every one of the files ("" when they share none).
    static func commonDirectory(of files: [String]) -> String {
        guard let first = files.first else { return "" }
        var common = Array(first.split(separator: "/").dropLast())
        for file in files.dropFirst() {
            let directories = file.split(separator: "/").dropLast()
            var length = 0
            while length < common.count, length < directories.count,
                  common[length] == directories[directories.startIndex + length] { length += 1 }
            common.removeSubrange(length...)
        }
        return common.joined(separator: "/")
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

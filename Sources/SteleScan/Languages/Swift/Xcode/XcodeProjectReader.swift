/// The work behind `XcodeProject.read`: following a pbxproj's object ids from each native target to
/// its files (through build phases, file references and the group tree, or through Xcode 16's
/// synchronized folders) and to the targets it depends on.
///
/// Every lookup is optional: a dangling id, a value of the wrong type or a cycle in the group tree
/// loses that file or that dependency, never the project.
struct XcodeProjectReader {
    typealias Entries = PropertyList.Entries

    let objects: Entries
    let rootObject: String?
    let files: SwiftFileIndex
    let absoluteRoot: String?
    /// Where `<group>` paths of the main group and `SOURCE_ROOT` paths start, repo-relative; nil when
    /// that is outside the repository.
    let projectRoot: String?
    /// Each group member's group: a `<group>` path is relative to it.
    let parents: [String: String]
    /// Native targets by the id of the product they build, so a linked product names its target.
    let productOwners: [String: String]
    /// For each target id, the synchronized folders whose exception sets name it, with the exceptions.
    let synchronizedExceptions: [String: [(group: String, paths: [String])]]

    /// Groups deeper than this are a cycle, not a project.
    static let maximumGroupDepth = 64

    init(objects: Entries, rootObject: String?, directory: String, files: SwiftFileIndex, absoluteRoot: String?) {
        self.objects = objects
        self.rootObject = rootObject
        self.files = files
        self.absoluteRoot = absoluteRoot
        var parents: [String: String] = [:]
        var owners: [String: String] = [:]
        var exceptions: [String: [(group: String, paths: [String])]] = [:]
        for id in objects.keys {
            guard let entry = objects[id]?.dictionary else { continue }
            for child in XcodeProjectReader.ids(entry["children"]) where parents[child] == nil { parents[child] = id }
            switch entry["isa"]?.string {
            case "PBXNativeTarget":
                if let product = entry["productReference"]?.string {
                    owners[product] = XcodeProjectReader.name(of: entry, id: id)
                }
            case "PBXFileSystemSynchronizedRootGroup":
                for exceptionID in XcodeProjectReader.ids(entry["exceptions"]) {
                    guard let set = objects[exceptionID]?.dictionary, set["isa"]?.string == "PBXFileSystemSynchronizedBuildFileExceptionSet",
                          let target = set["target"]?.string else { continue }
                    let paths = (set["membershipExceptions"]?.array ?? []).compactMap(\.string)
                    exceptions[target, default: []].append((id, paths))
                }
            default:
                break
            }
        }
        self.parents = parents
        productOwners = owners
        synchronizedExceptions = exceptions
        // `projectDirPath` moves the project's root away from the .xcodeproj's directory (rarely).
        let project = rootObject.flatMap { objects[$0]?.dictionary }
        let projectDirPath = project?["projectDirPath"]?.string ?? ""
        if projectDirPath.hasPrefix("/") {
            projectRoot = XcodeProjectReader.relative(projectDirPath, to: absoluteRoot) ?? directory
        } else {
            projectRoot = XcodeProjectReader.join(directory, projectDirPath)
        }
    }

    // MARK: Targets

    func targets() -> [XcodeTarget] {
        // The project's own list, in its order; without one, every native target in file order.
        let project = rootObject.flatMap { objects[$0]?.dictionary }
        let listed = XcodeProjectReader.ids(project?["targets"])
        let ids = listed.isEmpty ? objects.keys : listed
        var seen = Set<String>()
        return ids.compactMap { id in
            guard seen.insert(id).inserted, let entry = object(id), entry["isa"]?.string == "PBXNativeTarget" else { return nil }
            return target(id: id, entry: entry, project: project)
        }
    }

    func target(id: String, entry: Entries, project: Entries?) -> XcodeTarget {
        let name = XcodeProjectReader.name(of: entry, id: id)
        var swiftFiles = Set<String>()
        var dependencies: [String] = []
        var products: [String] = []

        for phaseID in XcodeProjectReader.ids(entry["buildPhases"]) {
            guard let phase = object(phaseID) else { continue }
            switch phase["isa"]?.string {
            case "PBXSourcesBuildPhase":
                for buildFile in buildFiles(of: phase) {
                    if let fileRef = buildFile["fileRef"]?.string, let path = path(of: fileRef), files.contains(path) {
                        swiftFiles.insert(path)
                    }
                }
            case "PBXFrameworksBuildPhase":
                // Linking another target's product depends on that target.
                for buildFile in buildFiles(of: phase) {
                    if let fileRef = buildFile["fileRef"]?.string {
                        if let owner = productOwners[fileRef] {
                            dependencies.append(owner)
                        } else if let reference = object(fileRef) {
                            let isProxy = reference["isa"]?.string == "PBXReferenceProxy"
                            if isProxy, let remote = reference["remoteRef"]?.string.flatMap(object), let info = remote["remoteInfo"]?.string {
                                dependencies.append(info)
                            }
                            // A product built elsewhere, named by its file (`GRDB.framework`, `libPods-App.a`):
                            // another project's target (the proxy's `remoteInfo` may be an old target
                            // name), one Xcode finds by implicit dependency, or a CocoaPods product.
                            if isProxy || reference["sourceTree"]?.string == "BUILT_PRODUCTS_DIR",
                               let path = reference["path"]?.string, let product = XcodeProjectReader.linkedProductName(path) {
                                dependencies.append(product)
                            }
                        }
                    }
                    if let product = productName(buildFile["productRef"]?.string) { products.append(product) }
                }
            default:
                break
            }
        }

        // Xcode 16 synchronized folders: every Swift file below, minus the target's exceptions.
        let synchronized = XcodeProjectReader.ids(entry["fileSystemSynchronizedGroups"])
        let exceptions = synchronizedExceptions[id] ?? []
        for groupID in synchronized {
            guard let folder = path(of: groupID) else { continue }
            let excluded = exceptions.filter { $0.group == groupID }.flatMap(\.paths)
            for file in files.files(under: folder) {
                let relative = String(file.utf8.dropFirst(folder.isEmpty ? 0 : folder.utf8.count + 1)) ?? file
                if XcodeProjectReader.isInsideNonSourceBundle(relative) { continue }
                if excluded.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { continue }
                swiftFiles.insert(file)
            }
        }
        // An exception set for a target that does not have the folder works the other way: it adds
        // those files (a widget that compiles one model file of the app's folder).
        for exception in exceptions where !synchronized.contains(exception.group) {
            guard let folder = path(of: exception.group) else { continue }
            for item in exception.paths {
                guard let path = XcodeProjectReader.join(folder, item) else { continue }
                if files.contains(path) { swiftFiles.insert(path) }
                swiftFiles.formUnion(files.files(under: path))
            }
        }

        for dependencyID in XcodeProjectReader.ids(entry["dependencies"]) {
            guard let dependency = object(dependencyID) else { continue }
            if let target = dependency["target"]?.string.flatMap(object) {
                dependencies.append(XcodeProjectReader.name(of: target, id: ""))
            } else if let name = dependency["name"]?.string {
                dependencies.append(name)
            } else if let info = dependency["targetProxy"]?.string.flatMap(object)?["remoteInfo"]?.string {
                dependencies.append(info)
            } else if let product = productName(dependency["productRef"]?.string) {
                products.append(product) // a package plugin or product the target needs built first
            }
        }
        for productID in XcodeProjectReader.ids(entry["packageProductDependencies"]) {
            if let product = productName(productID) { products.append(product) }
        }

        return XcodeTarget(
            name: name, moduleName: moduleName(of: entry, name: name, project: project),
            productType: entry["productType"]?.string ?? "", swiftFiles: swiftFiles.sorted(),
            targetDependencies: XcodeProjectReader.unique(dependencies.filter { $0 != name && !$0.isEmpty }),
            productDependencies: XcodeProjectReader.unique(products), line: objects.lines[id] ?? 1)
    }

    /// The `PBXBuildFile`s of a build phase.
    func buildFiles(of phase: Entries) -> [Entries] {
        XcodeProjectReader.ids(phase["files"]).compactMap(object)
    }

    /// `XCSwiftPackageProductDependency.productName`; a `plugin:` prefix names a plugin, not a module.
    func productName(_ id: String?) -> String? {
        guard let id, let product = object(id), var name = product["productName"]?.string else { return nil }
        if name.hasPrefix("plugin:") { name.removeFirst("plugin:".count) }
        return name.isEmpty ? nil : name
    }

    // MARK: Module names

    /// `PRODUCT_MODULE_NAME`, else `PRODUCT_NAME`, else the target name: from the target's default
    /// configuration, then the project's. A value that needs more than `$(TARGET_NAME)` or
    /// `$(PRODUCT_NAME)` to expand (an xcconfig, another setting) falls back to the target name.
    func moduleName(of target: Entries, name: String, project: Entries?) -> String {
        let targetSettings = buildSettings(of: target)
        let projectSettings = project.flatMap(buildSettings(of:))
        func setting(_ key: String) -> String? { targetSettings?[key]?.string ?? projectSettings?[key]?.string }
        let productName = setting("PRODUCT_NAME").flatMap { XcodeProjectReader.expand($0, targetName: name, productName: nil) } ?? name
        let moduleName = setting("PRODUCT_MODULE_NAME").flatMap { XcodeProjectReader.expand($0, targetName: name, productName: productName) }
            ?? productName
        return SwiftModuleName.of(target: moduleName)
    }

    /// `GRDB.framework` → `GRDB`, `libPods-App.a` → `Pods-App`, `libz.dylib` → `z`: the name of a
    /// linked product; nil for anything else (a bundle, a file with a build-setting macro).
    static func linkedProductName(_ path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard !file.contains("$") else { return nil }
        if file.hasSuffix(".framework") { return String(file.dropLast(".framework".count)) }
        for suffix in [".a", ".dylib"] where file.hasSuffix(suffix) && file.hasPrefix("lib") && file.count > suffix.count + 3 {
            return String(file.dropFirst(3).dropLast(suffix.count))
        }
        return nil
    }

    /// The build settings of an object's default configuration (or its first).
    func buildSettings(of entry: Entries) -> Entries? {
        guard let list = entry["buildConfigurationList"]?.string.flatMap(object) else { return nil }
        let configurations = XcodeProjectReader.ids(list["buildConfigurations"]).compactMap(object)
        let preferred = list["defaultConfigurationName"]?.string
        let configuration = configurations.first { $0["name"]?.string == preferred } ?? configurations.first
        return configuration?["buildSettings"]?.dictionary
    }

    /// `$(TARGET_NAME)`, `${PRODUCT_NAME:c99extidentifier}` and plain text; nil for anything else.
    static func expand(_ value: String, targetName: String, productName: String?) -> String? {
        var out = ""
        var rest = Substring(value)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let afterDollar = rest.index(after: dollar)
            guard afterDollar < rest.endIndex, rest[afterDollar] == "(" || rest[afterDollar] == "{" else { return nil }
            let close: Character = rest[afterDollar] == "(" ? ")" : "}"
            let nameStart = rest.index(after: afterDollar)
            guard let end = rest[nameStart...].firstIndex(of: close) else { return nil }
            let parts = rest[nameStart..<end].split(separator: ":", omittingEmptySubsequences: false)
            var expanded: String
            switch parts.first {
            case "TARGET_NAME": expanded = targetName
            case "PRODUCT_NAME": guard let productName else { return nil }; expanded = productName
            default: return nil
            }
            for modifier in parts.dropFirst() {
                switch modifier {
                case "c99extidentifier": expanded = SwiftModuleName.of(target: expanded)
                case "identifier": expanded = SwiftModuleName.of(target: expanded)
                default: return nil
                }
            }
            out += expanded
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out.isEmpty ? nil : out
    }

    // MARK: Paths

    /// The repo-relative path of a file reference or group, through its groups: `<group>` is
    /// relative to the enclosing group (a group without `path` adds nothing), `SOURCE_ROOT` to the
    /// project's directory, `<absolute>` must be inside the repository; build-product and SDK paths
    /// are nil, and so is anything outside the repository.
    func path(of id: String, depth: Int = 0) -> String? {
        guard depth < XcodeProjectReader.maximumGroupDepth, let entry = object(id) else { return nil }
        let own = entry["path"]?.string ?? ""
        if own.contains("$(") || own.contains("${") { return nil }
        switch entry["sourceTree"]?.string ?? "<group>" {
        case "<group>":
            if own.hasPrefix("/") { return nil }
            let base = parents[id].map { path(of: $0, depth: depth + 1) } ?? projectRoot
            return base.flatMap { XcodeProjectReader.join($0, own) }
        case "SOURCE_ROOT":
            if own.hasPrefix("/") { return nil }
            return projectRoot.flatMap { XcodeProjectReader.join($0, own) }
        case "<absolute>":
            return XcodeProjectReader.relative(own, to: absoluteRoot)
        default:
            return nil // BUILT_PRODUCTS_DIR, SDKROOT, DEVELOPER_DIR, a custom path variable
        }
    }

    /// `base/relative`, normalised like `SwiftPMModuleMap.join`, but nil when `..` leaves the repository.
    static func join(_ base: String, _ relative: String) -> String? {
        var parts = base.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// An absolute path made repo-relative, when it is inside the repository.
    static func relative(_ absolute: String, to root: String?) -> String? {
        guard let root, absolute.hasPrefix("/"), root.hasPrefix("/") else { return nil }
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        if absolute == trimmed { return "" }
        guard absolute.hasPrefix(trimmed + "/") else { return nil }
        return join("", String(absolute.dropFirst(trimmed.count + 1)))
    }

    /// A synchronized folder does not compile the Swift files of a DocC catalog or other bundle in it.
    static func isInsideNonSourceBundle(_ relative: String) -> Bool {
        relative.split(separator: "/").dropLast().contains { component in
            SwiftPMModuleMap.nonSourceBundleSuffixes.contains { component.hasSuffix($0) }
        }
    }

    // MARK: Lookups

    func object(_ id: String) -> Entries? { objects[id]?.dictionary }

    /// The strings of an array value (object ids); empty for anything else.
    static func ids(_ value: PropertyList?) -> [String] {
        (value?.array ?? []).compactMap(\.string)
    }

    static func name(of target: Entries, id: String) -> String {
        target["name"]?.string ?? target["productName"]?.string ?? id
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

/// Java's and Kotlin's modules (ADR-0011). A file's module is its package, which its own
/// `package` clause names, so files are placed when their imports are resolved
/// (`JVMImportResolver`), not from their paths. The build modules Gradle's settings and Maven's
/// poms declare are `ResolvedModule`s with their directories: `stele scan` lists them, and a rule
/// reaches their files through a glob of the directory (`component App = app/**`).
struct JVMModuleMap: ModuleMap {
    /// Sorted by name, directory and manifest.
    let modules: [ResolvedModule]
    let resolvesImports = true
    /// The dotted names that end a folder of Java or Kotlin files and have a capitalised part
    /// (`sun.awt.X11`, `awt.X11`, `X11` for `…/sun/awt/X11/`): the packages whose imports the
    /// naming convention alone would cut short (`JVMImportResolver`).
    let packagesWithCapitals: Set<String>

    init(modules: [ResolvedModule], files: [String] = []) {
        self.modules = modules.sorted { ($0.name, $0.directory, $0.manifestPath) < ($1.name, $1.directory, $1.manifestPath) }
        var packages = Set<String>()
        var last = ""
        for path in files {
            let directory = RepositoryPath.folder(of: path)
            // Files come sorted: a folder's files are neighbours. Most folders have no capital.
            guard directory != last, directory.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }),
                  path.hasSuffix(".java") || path.hasSuffix(".kt") else { continue }
            last = directory
            let parts = directory.split(separator: "/")
            for k in parts.indices where parts[k...].contains(where: { $0.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } }) {
                packages.insert(parts[k...].joined(separator: "."))
            }
        }
        packagesWithCapitals = packages
    }

    /// No file is placed by its path: its package clause places it.
    func modules(ofSorted paths: [String]) -> [String?] { paths.map { _ in nil } }

    func resolve(_ file: SourceFile) -> SourceFile {
        guard file.language == .java || file.language == .kotlin else { return file }
        return JVMImportResolver.resolve(file, packagesWithCapitals: packagesWithCapitals)
    }

    static func fileName(_ path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
    }
}

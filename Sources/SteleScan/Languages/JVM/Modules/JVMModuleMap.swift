/// Java's and Kotlin's modules (ADR-0011). A file's module is its package, which its own
/// `package` clause names, so files are placed when their imports are resolved
/// (`JVMImportResolver`), not from their paths. The build modules Gradle's settings and Maven's
/// poms declare are `ResolvedModule`s with their directories: `stele scan` lists them, and a rule
/// reaches their files through a glob of the directory (`component App = app/**`).
struct JVMModuleMap: ModuleMap {
    /// Sorted by name, directory and manifest.
    let modules: [ResolvedModule]
    let resolvesImports = true

    init(modules: [ResolvedModule]) {
        self.modules = modules.sorted { ($0.name, $0.directory, $0.manifestPath) < ($1.name, $1.directory, $1.manifestPath) }
    }

    /// No file is placed by its path: its package clause places it.
    func modules(ofSorted paths: [String]) -> [String?] { paths.map { _ in nil } }

    func resolve(_ file: SourceFile) -> SourceFile {
        guard file.language == .java || file.language == .kotlin else { return file }
        return JVMImportResolver.resolve(file)
    }

    static func parent(_ path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
    }

    static func fileName(_ path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
    }
}

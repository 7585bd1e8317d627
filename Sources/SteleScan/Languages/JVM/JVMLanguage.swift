import SteleCore
import SteleFiles

/// Java and Kotlin, the JVM's languages, read by one reader (ADR-0011): `JVMImportScanner` over
/// `JVMLexer`'s tokens, in the dialect of the file's extension, reads the header (`package`
/// clause and imports); a file's module is its package, and each import names a package
/// (`JVMImportResolver`). Gradle's `settings.gradle(.kts)` and Maven's `pom.xml` declare the
/// build modules (`GradleSettings`, `MavenModules`, `JVMModuleMap`). Declarations and references
/// are not read yet: symbol-level rules see none in these files.
enum JVMLanguage: LanguageSupport {
    static let languages: [Language] = [.java, .kotlin]

    static func makeReader() -> any SourceReader { Reader(dialect: .java) }

    static func makeReader(for language: Language) -> any SourceReader { Reader(dialect: language == .kotlin ? .kotlin : .java) }

    /// `settings.gradle.kts` is Kotlin, but read as a Kotlin file like any other; its `include`s
    /// are read by `GradleSettings`.
    static func isSourceManifest(_ path: String) -> Bool { false }

    static func readModules(root: String, files: [String]) -> (any ModuleMap, [Diagnostic]) {
        var modules: [ResolvedModule] = []
        var diagnostics: [Diagnostic] = []
        for path in files where GradleSettings.isManifest(path) || MavenModules.isManifest(path) {
            switch FileReader.read(root + "/" + path) {
            case .text(let bytes, _):
                let (found, problems) = GradleSettings.isManifest(path) ? GradleSettings.parse(bytes, path: path) : MavenModules.parse(bytes, path: path)
                modules += found
                diagnostics += problems
            case .skipped(let reason):
                diagnostics.append(.warning("manifest not read: \(reason)", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        return (JVMModuleMap(modules: modules, files: files), diagnostics)
    }

    /// One worker's reader. The header is all it reads, unless the whole file's comments are asked for.
    final class Reader: SourceReader {
        let dialect: JVMLexer.Dialect

        init(dialect: JVMLexer.Dialect) {
            self.dialect = dialect
        }

        func imports(in bytes: [UInt8], wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression]) {
            JVMImportScanner.scan(bytes, dialect: dialect, wholeFile: wholeFile)
        }

        func symbols(in bytes: [UInt8]) -> (declarations: [Declaration], references: [Reference], suppressions: [Suppression]) {
            ([], [], JVMImportScanner.scan(bytes, dialect: dialect, wholeFile: true).suppressions)
        }
    }
}

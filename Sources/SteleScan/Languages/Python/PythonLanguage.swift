import SteleCore
import SteleFiles

/// Python: files read by `PythonImportScanner` over `PythonLexer`'s tokens; every file is a module
/// named by its dotted import name, found from the layout and the projects' manifests
/// (`pyproject.toml`, `setup.cfg`: `PythonModuleMap`); imports resolved against it
/// (`PythonImportResolver`). Declarations and references are not read yet: symbol-level rules see
/// none in Python files.
enum PythonLanguage: LanguageSupport {
    static let languages: [Language] = [.python]

    static func makeReader() -> any SourceReader { Reader() }

    /// No Python manifest is Python read as source: `setup.py` is read for its directory only.
    static func isSourceManifest(_ path: String) -> Bool { false }

    static func readModules(root: String, files: [String]) -> (any ModuleMap, [Diagnostic]) {
        var projects: [PythonProject] = []
        var diagnostics: [Diagnostic] = []
        for path in files where PythonProject.isManifest(path) {
            if path.hasSuffix("setup.py") {
                projects.append(PythonProject(directory: RepositoryPath.folder(of: path), manifestPath: path))
                continue
            }
            switch FileReader.read(root + "/" + path) {
            case .text(let bytes, _):
                projects.append(PythonProject.parse(bytes, path: path))
            case .skipped(let reason):
                diagnostics.append(.warning("manifest not read: \(reason)", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        return (PythonModuleMap(projects: projects, files: files), diagnostics)
    }

    /// One worker's Python reader: the token buffer is kept from file to file.
    final class Reader: SourceReader {
        var tokens: [PythonToken] = []

        /// Imports may be anywhere in a Python file (in functions, after code): the file is read to
        /// the end of the logical line of its last `import` (with `wholeFile`, to its end), and a
        /// file without one is not lexed. The suppressions are those read on the way, as Swift's.
        func imports(in bytes: [UInt8], wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression]) {
            if wholeFile { return PythonImportScanner.scan(bytes, tokens: &tokens) }
            guard let last = PythonImportScanner.lastImport(in: bytes) else { return ([], []) }
            return PythonImportScanner.scan(bytes, tokens: &tokens, stopAfter: last)
        }

        func symbols(in bytes: [UInt8]) -> (declarations: [Declaration], references: [Reference], suppressions: [Suppression]) {
            ([], [], PythonImportScanner.scan(bytes, tokens: &tokens).suppressions)
        }
    }
}

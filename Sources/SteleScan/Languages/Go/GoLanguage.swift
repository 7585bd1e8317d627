import SteleCore
import SteleFiles

/// Go (ADR-0010): files read by `GoImportScanner` over `GoLexer`'s tokens, stopping after the
/// import block as Go's `parser.ImportsOnly` does; a package is a directory, named by its import
/// path from the innermost `go.mod` (`GoModuleMap`); imports resolved against the tree's packages
/// (`GoImportResolver`), with build constraints as their conditions. Declarations and references
/// are not read yet: symbol-level rules see none in Go files.
enum GoLanguage: LanguageSupport {
    static let languages: [Language] = [.go]

    static func makeReader() -> any SourceReader { Reader() }

    /// `go.mod` is not Go.
    static func isSourceManifest(_ path: String) -> Bool { false }

    static func readModules(root: String, files: [String]) -> (any ModuleMap, [Diagnostic]) {
        var modules: [GoModule] = []
        var diagnostics: [Diagnostic] = []
        for path in files where GoModule.isManifest(path) {
            switch FileReader.read(root + "/" + path) {
            case .text(let bytes, _):
                let (module, problem) = GoModule.parse(bytes, path: path)
                modules.append(module)
                if let problem { diagnostics.append(problem) }
            case .skipped(let reason):
                diagnostics.append(.warning("manifest not read: \(reason)", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        return (GoModuleMap(modules: modules, files: files), diagnostics)
    }

    /// One worker's reader: the lexer keeps no buffer, so there is nothing to keep between files.
    final class Reader: SourceReader {
        func imports(in bytes: [UInt8], wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression]) {
            GoImportScanner.scan(bytes, wholeFile: wholeFile)
        }

        func symbols(in bytes: [UInt8]) -> (declarations: [Declaration], references: [Reference], suppressions: [Suppression]) {
            ([], [], GoImportScanner.scan(bytes, wholeFile: true).suppressions)
        }
    }
}

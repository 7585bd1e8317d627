import SteleCore
import SteleFiles

/// TypeScript and JavaScript, one language to Stele (ADR-0009): files read by
/// `TypeScriptImportScanner` over `TypeScriptLexer`'s tokens; every file a module named by its
/// package and path (`TypeScriptModuleMap`, from every `package.json`); imports resolved against
/// the files, packages and `tsconfig.json` aliases (`TypeScriptImportResolver`). Declaration files
/// (`.d.ts`) are read like the others: their imports are dependencies too. Declarations and
/// references are not read yet: symbol-level rules see none in these files.
enum TypeScriptLanguage: LanguageSupport {
    static let languages: [Language] = [.typescript, .javascript]

    static func makeReader() -> any SourceReader { Reader() }

    /// No manifest of this ecosystem is read as source (`package.json` and `tsconfig.json` are JSON).
    static func isSourceManifest(_ path: String) -> Bool { false }

    static func readModules(root: String, files: [String]) -> (any ModuleMap, [Diagnostic]) {
        var packages: [TypeScriptPackage] = []
        var configs: [String: TypeScriptConfigReader.Config] = [:]
        var diagnostics: [Diagnostic] = []
        for path in files where TypeScriptPackage.isManifest(path) || TypeScriptPathAliases.isManifest(path) {
            switch FileReader.read(root + "/" + path) {
            case .text(let bytes, _):
                if TypeScriptPackage.isManifest(path) {
                    let (package, problem) = TypeScriptPackage.parse(bytes, path: path)
                    packages.append(package)
                    if let problem { diagnostics.append(problem) }
                } else {
                    let (found, problem) = TypeScriptConfigReader.parse(bytes, path: path)
                    if let found { configs[path] = found }
                    if let problem { diagnostics.append(problem) }
                }
            case .skipped(let reason):
                diagnostics.append(.warning("manifest not read: \(reason)", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        return (TypeScriptModuleMap(packages: packages, files: files, aliases: TypeScriptConfigReader.aliases(configs)), diagnostics)
    }

    /// One worker's reader: the token buffer is kept from file to file.
    final class Reader: SourceReader {
        let tokens = TypeScriptTokens()

        /// Imports may be anywhere (`require` in a function, `import()` in an expression): the whole file is read.
        func imports(in bytes: [UInt8], wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression]) {
            TypeScriptImportScanner.scan(bytes, into: tokens)
        }

        func symbols(in bytes: [UInt8]) -> (declarations: [Declaration], references: [Reference], suppressions: [Suppression]) {
            ([], [], TypeScriptImportScanner.scan(bytes, into: tokens).suppressions)
        }
    }
}

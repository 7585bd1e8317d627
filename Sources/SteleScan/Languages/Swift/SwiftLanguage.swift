import SteleCore
import SteleFiles

/// Swift: files read by `SwiftImportScanner` and `SwiftSymbolScanner` over `SwiftLexer`'s tokens;
/// modules from SwiftPM manifests (`Package.swift`, read as text) and Xcode projects
/// (`project.pbxproj`), SwiftPM first (see `SwiftModuleMap`).
enum SwiftLanguage: LanguageSupport {
    static let languages: [Language] = [.swift]
    static let readsSymbols = true

    static func makeReader() -> any SourceReader { Reader() }

    /// `Package.swift` or `…/Package.swift`, compared on bytes (this runs for every file).
    static func isSourceManifest(_ path: String) -> Bool {
        let name = "Package.swift".utf8
        let utf8 = path.utf8
        guard utf8.count >= name.count, utf8.suffix(name.count).elementsEqual(name) else { return false }
        return utf8.count == name.count || utf8.dropLast(name.count).last == UInt8(ascii: "/")
    }

    /// Also without a Swift file: an Xcode project's targets are modules whatever their sources'
    /// language (`Package.swift` is a Swift file itself).
    static func hasModules(among files: [String], present: Set<Language>) -> Bool {
        present.contains(.swift) || files.contains(where: XcodeProject.isProjectFile)
    }

    static func readModules(root: String, files: [String]) -> (any ModuleMap, [Diagnostic]) {
        var manifests: [SwiftPMManifest] = []
        var projects: [XcodeProject] = []
        var diagnostics: [Diagnostic] = []
        var swiftFiles: SwiftFileIndex?
        for path in files {
            let isPackage = isSourceManifest(path)
            guard isPackage || XcodeProject.isProjectFile(path) else { continue }
            switch FileReader.read(root + "/" + path) {
            case .text(let bytes, _) where isPackage:
                let manifest = SwiftPMManifest.parse(bytes, manifestPath: path)
                diagnostics += manifest.diagnostics
                manifests.append(manifest)
            case .text(let bytes, _):
                let index = swiftFiles ?? SwiftFileIndex(files)
                swiftFiles = index
                let project = XcodeProject.parse(bytes, path: path, files: index, absoluteRoot: root.hasPrefix("/") ? root : nil)
                diagnostics += project.diagnostics
                projects.append(project)
            case .skipped(let reason):
                diagnostics.append(.warning("manifest not read: \(reason)", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        return (SwiftModuleMap(swiftPM: SwiftPMModuleMap(manifests: manifests, files: files), xcodeProjects: projects), diagnostics)
    }

    /// One worker's Swift reader: the symbol scan lexes into a token buffer kept from file to file
    /// (the tokens take about five times the file's size; fresh memory for each file cost a tenth
    /// of the scan in page faults).
    final class Reader: SourceReader {
        var tokens: [SwiftToken] = []

        func imports(in bytes: [UInt8], wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression]) {
            SwiftImportScanner.scan(bytes, wholeFile: wholeFile)
        }

        func symbols(in bytes: [UInt8]) -> (declarations: [Declaration], references: [Reference], suppressions: [Suppression]) {
            let found = SwiftSymbolScanner.scan(bytes, tokens: &tokens)
            return (found.declarations, found.references, found.suppressions)
        }
    }
}

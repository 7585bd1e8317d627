import Dispatch
import SteleCore
import SteleFiles

/// Scans a repository: lists its files, reads every manifest (SwiftPM and Xcode) to learn the modules, then
/// lexes every Swift file for its imports, on all cores. The result is sorted and independent of
/// the order threads finish in.
public enum ProjectScanner {
    /// - Parameters:
    ///   - root: the repository root (absolute or relative to the working directory).
    ///   - include: the `scan` setting; empty means the whole tree. Manifests are read wherever they are.
    ///   - ignore: the `ignore` setting.
    ///   - only: when set, only these repo-relative files are lexed (changed-files mode); modules still
    ///     come from every manifest.
    ///   - contents: bytes to use instead of the file on disk (`--staged`: what git's index holds).
    ///   - symbols: whether to read every Swift file's declarations and references (symbol-level
    ///     rules need them); when false, files are lexed only as far as their imports.
    public static func scan(root: String, include: [Glob] = [], ignore: [Glob] = [], only: Set<String>? = nil,
                            contents: [String: [UInt8]] = [:], symbols: Bool = false) -> ScanResult {
        let listing = FileWalker(root: root, ignore: ignore).list()
        var diagnostics = listing.diagnostics

        let sources: [(path: String, language: Language)] = listing.files.compactMap { path in
            guard let language = Language.of(path: path) else { return nil }
            if !include.isEmpty && !include.contains(where: { $0.matches(path) }) { return nil }
            if let only, !only.contains(path) { return nil }
            return (path, language)
        }

        // One worker reads the manifests while the others lex files: modules are only attached at
        // the end, so the serial manifest work hides inside the parallel part.
        let results = ConcurrentResults<(SourceFile, Diagnostic?)>(count: sources.count)
        let modules = ConcurrentResults<(ProjectModuleMap, [Diagnostic])>(count: 1)
        DispatchQueue.concurrentPerform(iterations: sources.count + 1) { index in
            if index == 0 {
                modules[0] = readModules(root: root, files: listing.files)
                return
            }
            let (path, language) = sources[index - 1]
            results[index - 1] = scanFile(root: root, path: path, language: language, replacement: contents[path], symbols: symbols)
        }
        let (moduleMap, manifestDiagnostics) = modules.values[0]
        diagnostics += manifestDiagnostics
        var files: [SourceFile] = []
        files.reserveCapacity(sources.count)
        for (file, diagnostic) in results.values {
            var file = file
            file.module = moduleMap.module(forFile: file.path)
            files.append(file)
            if let diagnostic { diagnostics.append(diagnostic) }
        }
        return ScanResult(files: files, modules: moduleMap.modules, diagnostics: diagnostics.sortedForOutput())
    }

    /// Every manifest in the tree (`Package.swift` and `*.xcodeproj/project.pbxproj`), read and
    /// resolved into modules. A manifest that cannot be read is a warning; the others still count.
    static func readModules(root: String, files: [String]) -> (ProjectModuleMap, [Diagnostic]) {
        var manifests: [SwiftPMManifest] = []
        var projects: [XcodeProject] = []
        var diagnostics: [Diagnostic] = []
        var swiftFiles: SwiftFileIndex?
        for path in files {
            let isPackage = isManifest(path)
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
        return (ProjectModuleMap(swiftPM: SwiftPMModuleMap(manifests: manifests, files: files), xcodeProjects: projects), diagnostics)
    }

    /// `Package.swift` or `…/Package.swift`, compared on bytes (this runs for every file).
    static func isManifest(_ path: String) -> Bool {
        let name = "Package.swift".utf8
        let utf8 = path.utf8
        guard utf8.count >= name.count, utf8.suffix(name.count).elementsEqual(name) else { return false }
        return utf8.count == name.count || utf8.dropLast(name.count).last == UInt8(ascii: "/")
    }

    static func scanFile(root: String, path: String, language: Language, module: String? = nil, replacement: [UInt8]? = nil,
                         symbols: Bool = false) -> (SourceFile, Diagnostic?) {
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard language == .swift else {
            return (SourceFile(path: path, language: language, module: module, imports: []), nil)
        }
        switch replacement.map(FileReader.inspect) ?? FileReader.read(root + "/" + path) {
        case .skipped(let reason):
            return (SourceFile(path: path, language: language, module: module, imports: [], skipped: reason),
                    .warning("not scanned: \(reason)", at: at))
        case .text(let bytes, let validUTF8):
            let scanned = SwiftImportScanner.scan(bytes)
            var file = SourceFile(path: path, language: language, module: module, imports: scanned.imports)
            file.suppressions = scanned.suppressions
            if symbols {
                let found = SwiftSymbolScanner.scan(bytes)
                file.declarations = found.declarations
                file.references = found.references
                file.suppressions = found.suppressions
            }
            return (file, validUTF8 ? nil : .warning("not valid UTF-8; scanned as bytes", at: at,
                                                     hint: "imports are found, but names with invalid bytes are shown with U+FFFD"))
        }
    }
}

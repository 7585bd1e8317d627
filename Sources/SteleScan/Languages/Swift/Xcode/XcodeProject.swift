import SteleCore

/// An Xcode project (`Name.xcodeproj/project.pbxproj`) as far as module detection needs it: its
/// native targets, each with the Swift files it compiles and the targets it depends on. Apps that
/// are not SwiftPM packages get their modules from here, with no configuration.
///
/// Read as data, never by running `xcodebuild`: the file is an OpenStep property list of objects
/// that point at each other by id, and the reader follows those pointers.
struct XcodeProject: Hashable, Sendable {
    /// The pbxproj, repo-relative: `App.xcodeproj/project.pbxproj`.
    var path: String
    /// The directory holding the `.xcodeproj` ("" for the repository root).
    var directory: String
    /// Native targets in the project's order (aggregate and legacy targets compile nothing).
    var targets: [XcodeTarget]
    /// Warnings: a file that is not a property list, or not a project.
    var diagnostics: [Diagnostic]

    init(path: String, directory: String, targets: [XcodeTarget], diagnostics: [Diagnostic]) {
        self.path = path
        self.directory = directory
        self.targets = targets
        self.diagnostics = diagnostics
    }

    /// Parses and reads a pbxproj. A malformed file gives a project with no targets and a warning at
    /// the place the parser stopped: the scan goes on without it.
    /// - Parameters:
    ///   - path: the pbxproj's repo-relative path.
    ///   - files: the repository's Swift files; files the project names that are not there are dropped.
    ///   - absoluteRoot: the repository's absolute path, if known, to keep `<absolute>` references inside it.
    static func parse(_ bytes: [UInt8], path: String, files: SwiftFileIndex, absoluteRoot: String? = nil) -> XcodeProject {
        switch PropertyList.parse(bytes, file: path) {
        case .success(let plist):
            return read(plist, path: path, files: files, absoluteRoot: absoluteRoot)
        case .failure(let error):
            return XcodeProject(path: path, directory: directory(of: path), targets: [], diagnostics: [
                .warning("Xcode project not read: \(error.message)", at: error.location,
                         hint: (error.hint.map { $0 + "; " } ?? "") + "its targets are not modules until it parses"),
            ])
        }
    }

    /// Reads a parsed pbxproj; see `parse`.
    static func read(_ plist: PropertyList, path: String, files: SwiftFileIndex, absoluteRoot: String? = nil) -> XcodeProject {
        let directory = directory(of: path)
        guard let objects = plist.dictionary?["objects"]?.dictionary else {
            return XcodeProject(path: path, directory: directory, targets: [], diagnostics: [
                .warning("Xcode project not read: no `objects` dictionary", at: SourceLocation(file: path, line: 1, column: 1),
                         hint: "a project.pbxproj is `{ objects = { ... }; rootObject = ...; }`"),
            ])
        }
        let reader = XcodeProjectReader(objects: objects, rootObject: plist.dictionary?["rootObject"]?.string,
                                        directory: directory, files: files, absoluteRoot: absoluteRoot)
        return XcodeProject(path: path, directory: directory, targets: reader.targets(), diagnostics: [])
    }

    /// `Apps/App.xcodeproj/project.pbxproj` → `Apps`: where the project's relative paths start.
    static func directory(of pbxprojPath: String) -> String {
        var parts = pbxprojPath.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count >= 2 { parts.removeLast(2) } else { parts.removeAll() }
        return parts.joined(separator: "/")
    }

    /// `…/X.xcodeproj/project.pbxproj`, compared on bytes (this runs for every file of the listing).
    static func isProjectFile(_ path: String) -> Bool {
        let name = ".xcodeproj/project.pbxproj".utf8
        let utf8 = path.utf8
        return utf8.count > name.count && utf8.suffix(name.count).elementsEqual(name)
            && utf8.dropLast(name.count).last != UInt8(ascii: "/")
    }
}

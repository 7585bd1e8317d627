import SteleCore

/// One `go.mod` of the tree: its folder and the module path its packages are imported by
/// (`module example.com/shop`). Only the `module` line is read: `require` names versions of
/// other modules, which name no package of the tree, and a `replace` to a folder of the tree
/// points at a go.mod that is read anyway.
struct GoModule: Equatable, Sendable {
    /// The folder, relative to the root ("" for the root's own go.mod).
    var directory: String
    var manifestPath: String
    /// nil for a go.mod without a readable `module` line: its folder is then named by its path.
    var path: String?

    static func isManifest(_ path: String) -> Bool {
        path == "go.mod" || path.hasSuffix("/go.mod")
    }

    /// Reads the `module` line (`module example.com/shop`, `module "example.com/shop"`, a `//`
    /// comment after it); a go.mod without one gives a module with no path, and a warning.
    static func parse(_ bytes: [UInt8], path: String) -> (GoModule, Diagnostic?) {
        let directory = path == "go.mod" ? "" : String(path.dropLast("/go.mod".count))
        var module = GoModule(directory: directory, manifestPath: path, path: nil)
        var number = 0
        for rawLine in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let words = GoModule.uncommented(rawLine).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard words.first == "module" else { continue }
            var name = words.count == 2 ? String(words[1]) : ""
            if name.count >= 2, name.first == "\"" || name.first == "`", name.last == name.first { name = String(name.dropFirst().dropLast()) }
            guard !name.isEmpty, !name.contains("\"") else {
                return (module, .warning("go.mod: expected `module <path>`: its folder is named by its path",
                                         at: SourceLocation(file: path, line: number, column: 1)))
            }
            module.path = name
            return (module, nil)
        }
        return (module, .warning("go.mod has no `module` line: its folder is named by its path",
                                 at: SourceLocation(file: path, line: 1, column: 1)))
    }

    /// The line before a `//` comment.
    static func uncommented(_ line: Substring) -> Substring {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "/", previous == "/" { return line[..<line.index(before: index)] }
            previous = line[index]
        }
        return line
    }
}

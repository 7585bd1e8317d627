import SteleCore
import SteleFiles

/// Where a repository keeps its ADRs: the `adr directory` setting, else adr-tools' `.adr-dir`
/// file, else the first of the usual places that exists.
enum ADRDirectory {
    static let conventional = [
        "adr", "docs/adr", "doc/adr", "docs/decisions", "docs/architecture/decisions", "doc/architecture/decisions",
        "architecture/decisions", "docs/adrs", "adrs",
    ]

    /// The repo-relative directory, or nil when there is none; and what went wrong finding it.
    static func locate(repositoryRoot root: String, configured: String?) -> (directory: String?, diagnostics: [Diagnostic]) {
        if let configured {
            let trimmed = trimSlashes(configured)
            // Rules come from the repository: they may not send Stele to read outside it.
            if trimmed.hasPrefix("/") || trimmed.split(separator: "/").contains("..") {
                return (nil, [.error("the ADR directory `\(trimmed)` is outside the repository", hint: "name a folder inside it, relative to its root: `adr directory docs/decisions`")])
            }
            if isDirectory(root + "/" + trimmed) { return (trimmed, []) }
            return (nil, [.error("the ADR directory `\(trimmed)` does not exist", hint: "fix `adr directory` in rules/*.stele, or create the directory")])
        }
        if case .text(let bytes, _) = FileReader.read(root + "/.adr-dir"),
           let text = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first {
            let named = trimSlashes(String(text).trimmingWhitespace())
            if isDirectory(root + "/" + named) { return (named, []) }
            return (nil, [.warning(".adr-dir names `\(named)`, which does not exist", at: SourceLocation(file: ".adr-dir", line: 1, column: 1),
                                   hint: "fix the path in .adr-dir")])
        }
        if let found = conventional.first(where: { isDirectory(root + "/" + $0) }) { return (found, []) }
        // A file where the ADR folder is expected (`adr`, a stray export) is worth a word: no ADR is read.
        let files = conventional.filter { FileSystem.kind(of: root + "/" + $0) == .file }
        return (nil, files.prefix(1).map { .warning("`\($0)` is a file, not a folder: no ADRs are read from it", at: SourceLocation(file: $0, line: 1, column: 1),
                                                    hint: "keep the ADRs in a folder (`adr/0001-….md`), or name it with `adr directory` in rules/*.stele") })
    }

    static func trimSlashes(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    static func isDirectory(_ path: String) -> Bool { FileSystem.isDirectory(path) }
}

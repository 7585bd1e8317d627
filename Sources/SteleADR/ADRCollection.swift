import SteleCore
import SteleFiles

/// Every ADR of a repository, read and linked.
public struct ADRCollection: Sendable {
    /// Sorted by file path; supersession links made symmetric.
    public var adrs: [ADR]
    /// Repo-relative; nil when the repository has no ADR directory.
    public var directory: String?
    public var diagnostics: [Diagnostic]

    public init(adrs: [ADR], directory: String?, diagnostics: [Diagnostic]) {
        self.adrs = adrs
        self.directory = directory
        self.diagnostics = diagnostics
    }

    /// Larger files are not ADRs (and would only slow every run down).
    public static let maximumFileSize = 2 * 1024 * 1024

    /// The I/O edge: finds the directory and reads every ADR in it.
    public static func load(repositoryRoot root: String, configuredDirectory: String?) -> ADRCollection {
        let (directory, locateDiagnostics) = ADRDirectory.locate(repositoryRoot: root, configured: configuredDirectory)
        guard let directory else { return ADRCollection(adrs: [], directory: nil, diagnostics: locateDiagnostics) }
        var diagnostics = locateDiagnostics
        var adrs: [ADR] = []
        for path in markdownFiles(root: root, directory: directory, diagnostics: &diagnostics) {
            let at = SourceLocation(file: path, line: 1, column: 1)
            let absolute = root + "/" + path
            let size = FileSystem.size(of: absolute) ?? 0
            // An ADR that cannot be read is an error, not a warning: its rules would silently stop
            // being enforced, and a gate must not pass for that.
            guard size <= maximumFileSize else {
                diagnostics.append(.error("ADR not read: too large (\(size / 1024) KiB)", at: at,
                                          hint: "an ADR over 2 MiB is probably not an ADR: move it out of the ADR directory"))
                continue
            }
            let text: String
            switch FileReader.read(absolute) {
            case .skipped(let reason):
                diagnostics.append(.error("ADR not read: \(reason)", at: at,
                                          hint: reason.hasPrefix("unreadable") ? "check the file's permissions" : "move it out of the ADR directory"))
                continue
            case .text(_, false):
                diagnostics.append(.error("ADR not read: not valid UTF-8", at: at, hint: "save it as UTF-8"))
                continue
            case .text(let bytes, true):
                text = String(decoding: bytes, as: UTF8.self)
            }
            let parsed = ADRParser.parse(text, file: path)
            adrs.append(parsed.adr)
            diagnostics += parsed.diagnostics
        }
        let linked = link(adrs)
        return ADRCollection(adrs: linked.adrs, directory: directory, diagnostics: diagnostics + linked.diagnostics)
    }

    /// Pure: makes supersession symmetric. If ADR-0006 supersedes ADR-0005, ADR-0005 is superseded
    /// by ADR-0006 whatever its own status says (and a warning points at the contradiction).
    public static func link(_ adrs: [ADR]) -> (adrs: [ADR], diagnostics: [Diagnostic]) {
        var result = adrs.sorted { $0.file < $1.file }
        var diagnostics: [Diagnostic] = []
        var index: [String: Int] = [:]
        for (i, adr) in result.enumerated() {
            if let first = index[adr.id] {
                diagnostics.append(.warning("duplicate ADR id \(adr.id) (also \(result[first].file))", at: SourceLocation(file: adr.file, line: 1, column: 1),
                                            hint: "renumber one of them; rules citing \(adr.id) refer to \(result[first].file)"))
            } else {
                index[adr.id] = i
            }
        }
        var supersededBy: [Int: Set<String>] = [:]
        var supersedes: [Int: Set<String>] = [:]
        for (i, adr) in result.enumerated() {
            for old in adr.supersedes { if let j = index[old] { supersededBy[j, default: []].insert(adr.id) } }
            for new in adr.supersededBy { if let j = index[new] { supersedes[j, default: []].insert(adr.id) } }
            if !adr.supersededBy.isEmpty { supersededBy[i, default: []].formUnion(adr.supersededBy) }
        }
        // Only an accepted decision replaces another: a proposed or rejected one that says
        // "Supersedes ADR-0003" is recorded as a link, but ADR-0003 stays in force.
        let accepted = Set(result.filter { $0.status == .accepted }.map(\.id))
        for (j, by) in supersededBy {
            result[j].supersededBy = Array(Set(result[j].supersededBy).union(by)).sorted()
            if result[j].status.isInForce && !by.isDisjoint(with: accepted) {
                if result[j].status != .unknown || !result[j].statusText.isEmpty {
                    diagnostics.append(.warning("\(result[j].id) says it is \(result[j].status.rawValue), but \(by.sorted().joined(separator: ", ")) supersedes it; it is treated as superseded",
                                                at: SourceLocation(file: result[j].file, line: result[j].statusLine ?? 1, column: 1),
                                                hint: "update its status to `Superseded by …`"))
                }
                result[j].status = .superseded
            }
        }
        for (j, newer) in supersedes {
            result[j].supersedes = Array(Set(result[j].supersedes).union(newer)).sorted()
        }
        return (result, diagnostics)
    }

    /// `*.md` / `*.markdown` below `directory`, sorted; READMEs, indexes and templates skipped;
    /// links never followed.
    static func markdownFiles(root: String, directory: String, diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        var pending = [directory]
        while let dir = pending.popLast() {
            guard let names = FileSystem.contents(ofDirectory: root + "/" + dir) else {
                diagnostics.append(.error("ADR directory not readable", at: SourceLocation(file: dir, line: 1, column: 1),
                                          hint: "check its permissions: the ADRs in it would not be enforced"))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let path = dir + "/" + name
                let kind = FileSystem.kind(of: root + "/" + path)
                if kind == .symbolicLink {
                    if name.hasSuffix(".md") { diagnostics.append(.warning("symbolic link not followed", at: SourceLocation(file: path, line: 1, column: 1))) }
                    continue
                }
                if kind == .directory { pending.append(path); continue }
                let lower = name.lowercased()
                guard lower.hasSuffix(".md") || lower.hasSuffix(".markdown") else { continue }
                if ["readme.md", "index.md", "readme.markdown", "index.markdown"].contains(lower) || lower.contains("template") { continue }
                files.append(path)
            }
        }
        return files.sorted()
    }
}

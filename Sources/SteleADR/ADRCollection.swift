import SteleCore
import SteleFiles

/// Every ADR of a repository, read and linked.
public struct ADRCollection: Sendable {
    /// Sorted by file path; supersession links made symmetric.
    public var adrs: [ADR]
    /// Repo-relative; nil when the repository has no ADR directory.
    public var directory: String?
    public var diagnostics: [Diagnostic]
    /// What each ADR says itself (by file), before the links are made symmetric: `stele adr lint`
    /// reports a link only one side states.
    public var declaredLinks: [String: DeclaredLinks]

    public struct DeclaredLinks: Hashable, Sendable {
        public var supersedes: [String]
        public var supersededBy: [String]

        public init(supersedes: [String], supersededBy: [String]) {
            self.supersedes = supersedes
            self.supersededBy = supersededBy
        }
    }

    public init(adrs: [ADR], directory: String?, diagnostics: [Diagnostic], declaredLinks: [String: DeclaredLinks] = [:]) {
        self.adrs = adrs
        self.directory = directory
        self.diagnostics = diagnostics
        self.declaredLinks = declaredLinks
    }

    /// Larger files are not ADRs (and would only slow every run down).
    public static let maximumFileSize = 2 * 1024 * 1024

    /// The I/O edge: finds the directory and reads every ADR in it.
    public static func load(repositoryRoot root: String, configuredDirectory: String?) -> ADRCollection {
        let (directory, locateDiagnostics) = ADRDirectory.locate(repositoryRoot: root, configured: configuredDirectory)
        guard let directory else { return ADRCollection(adrs: [], directory: nil, diagnostics: locateDiagnostics) }
        var diagnostics = locateDiagnostics
        var adrs: [ADR] = []
        var parseDiagnostics: [Diagnostic] = []
        let listed = adrFiles(root: root, directory: directory, diagnostics: &diagnostics)
        let indexes = listed.indexes.compactMap { path -> ADRIndex? in
            guard (FileSystem.size(of: root + "/" + path) ?? 0) <= maximumFileSize, case .text(let bytes, true) = FileReader.read(root + "/" + path) else { return nil }
            return ADRIndex(text: String(decoding: bytes, as: UTF8.self), file: path)
        }
        for path in listed.adrs {
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
            parseDiagnostics += parsed.diagnostics
        }
        let resolved = resolveStatuses(adrs, indexes: indexes, directory: directory)
        // A status the index gives or the collection implies is no longer missing or unknown.
        parseDiagnostics.removeAll { d in
            guard let file = d.location?.file, resolved.settled.contains(file) else { return false }
            return d.message.hasPrefix("no status found") || d.message.hasPrefix("unknown status")
        }
        let linked = link(resolved.adrs)
        let declared = Dictionary(resolved.adrs.map { ($0.file, DeclaredLinks(supersedes: $0.supersedes, supersededBy: $0.supersededBy)) }, uniquingKeysWith: { a, _ in a })
        return ADRCollection(adrs: linked.adrs, directory: directory, diagnostics: diagnostics + parseDiagnostics + resolved.diagnostics + linked.diagnostics,
                             declaredLinks: declared)
    }

    /// Pure: statuses an ADR does not write itself. An index's status fills a missing or unknown one,
    /// and replaces a proposed one with the decision taken (the index is where the outcome was recorded;
    /// "Pending" in the ADR is what it said before). When at least half of the collection carries no
    /// status at all, the team does not use statuses: an ADR without one is read as accepted, and says
    /// so in `statusNote`. `settled`: the files whose status was settled this way.
    static func resolveStatuses(_ adrs: [ADR], indexes: [ADRIndex], directory: String) -> (adrs: [ADR], settled: Set<String>, diagnostics: [Diagnostic]) {
        var result = adrs
        var settled = Set<String>()
        for i in result.indices {
            let stem = ADRParser.fileStem(result[i].file)
            guard let (index, entry) = indexes.lazy.compactMap({ index in index.entries[stem].map { (index, $0) } }).first else { continue }
            let own = result[i].status
            if own == .unknown || (own == .proposed && entry.status.isDecided) {
                result[i].status = entry.status
                result[i].statusText = entry.statusText
                result[i].statusNote = "from \(index.file):\(entry.line)"
                settled.insert(result[i].file)
            }
        }
        let missing = result.indices.filter { result[$0].statusLine == nil && result[$0].statusNote == nil && result[$0].status == .unknown }
        var diagnostics: [Diagnostic] = []
        if !missing.isEmpty && missing.count * 2 >= result.count {
            for i in missing {
                result[i].status = .accepted
                result[i].statusNote = "inferred: \(missing.count) of \(result.count) ADRs in \(directory) carry no status, so one without is read as accepted"
                settled.insert(result[i].file)
            }
            diagnostics.append(.warning("\(missing.count) of \(result.count) ADRs carry no status; they are read as accepted (their rules are errors)",
                                        at: SourceLocation(file: directory, line: 1, column: 1),
                                        hint: "write each ADR's status (`## Status` / `status:`), or list them with their status in \(directory)/README.md; `stele adr lint` names them"))
        }
        return (result, settled, diagnostics)
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
        // (old, new) pairs either side says are partial: they never switch the old decision off.
        var partial = Set<[String]>()
        for (i, adr) in result.enumerated() {
            for old in adr.supersedes {
                if adr.partialLinks.contains(old) { partial.insert([old, adr.id]) }
                if let j = index[old] { supersededBy[j, default: []].insert(adr.id) }
            }
            for new in adr.supersededBy {
                if adr.partialLinks.contains(new) { partial.insert([adr.id, new]) }
                if let j = index[new] { supersedes[j, default: []].insert(adr.id) }
            }
            if !adr.supersededBy.isEmpty { supersededBy[i, default: []].formUnion(adr.supersededBy) }
        }
        for pair in partial {
            for (k, id) in pair.enumerated() {
                if let j = index[id] { result[j].partialLinks = Array(Set(result[j].partialLinks).union([pair[1 - k]])).sorted() }
            }
        }
        // Only an accepted decision replaces another: a proposed or rejected one that says
        // "Supersedes ADR-0003" is recorded as a link, but ADR-0003 stays in force.
        let accepted = Set(result.filter { $0.status == .accepted }.map(\.id))
        for (j, allBy) in supersededBy {
            let by = allBy.filter { !partial.contains([result[j].id, $0]) }
            result[j].supersededBy = Array(Set(result[j].supersededBy).union(allBy)).sorted()
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

    /// The ADR files below `directory`, sorted: Markdown (`.md`, `.markdown`, `.md.erb`, …) and text
    /// files, and files without an extension whose name is numbered (`0016-handle-x`); READMEs,
    /// indexes and templates are not ADRs (the indexes at the top are returned apart, for their
    /// statuses). Links are never followed.
    static func adrFiles(root: String, directory: String, diagnostics: inout [Diagnostic]) -> (adrs: [String], indexes: [String]) {
        var files: [String] = []
        var indexes: [String] = []
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
                    if isADRFileName(name) { diagnostics.append(.warning("symbolic link not followed", at: SourceLocation(file: path, line: 1, column: 1))) }
                    continue
                }
                if kind == .directory { pending.append(path); continue }
                if ADRIndex.isIndex(name) {
                    if dir == directory, isADRFileName(name) || name.lowercased().hasPrefix("readme") { indexes.append(path) }
                    continue
                }
                if name.lowercased().contains("template") || !isADRFileName(name) { continue }
                files.append(path)
            }
        }
        return (files.sorted(), indexes.sorted())
    }

    /// `0007-x.md`, `x.markdown`, `adr-001-x.html.md.erb`, `notes.txt`, `0016-handle-x`: a document,
    /// or a numbered file without an extension (not `SOURCE`, `LICENSE`, `Makefile`).
    static func isADRFileName(_ name: String) -> Bool {
        let stem = ADRParser.fileStem(name)
        if stem != name { return true }
        guard !name.contains(".") else { return false }
        return ADRParser.number(fromStem: name) != nil || name.prefix(8).allSatisfy(\.isNumber) && name.count > 9
    }
}

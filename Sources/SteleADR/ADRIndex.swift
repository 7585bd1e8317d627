import SteleCore

/// The statuses an ADR folder's index (README.md, index.md, `adr-index.*`) gives its ADRs: a list of
/// links under `### Accepted` / `### Proposed` headings, or a table with a status column. Teams whose
/// ADRs carry no status of their own often keep it there.
///
/// Pure: text in, a file name → status map out.
struct ADRIndex {
    struct Entry: Equatable {
        var statusText: String
        var status: ADRStatus
        var line: Int
    }

    /// Keyed by the linked file's stem (`adr-016-protocol-versions`), so any path or extension matches.
    var entries: [String: Entry] = [:]
    /// The index's repo-relative path.
    var file: String

    /// Whether a file name is an index of its folder rather than an ADR.
    static func isIndex(_ name: String) -> Bool {
        let base = name.lowercased().split(separator: ".").first.map(String.init) ?? ""
        return base == "readme" || base == "index" || base.hasSuffix("-index") || base == "toc" || base == "summary"
    }

    init(text: String, file: String) {
        self.file = file
        let lines = TextLines.split(text)
        let outline = MarkdownOutline(lines: lines, from: 0)
        var headingStatus = ADRStatus.unknown
        var headingText = ""
        var statusColumn: Int?
        for (index, line) in lines.enumerated() where !outline.isCode[index] {
            if let heading = outline.headings.first(where: { $0.line == index }) {
                headingText = MarkdownInline.strip(heading.text)
                headingStatus = ADRStatus.normalise(headingText)
                statusColumn = nil
                continue
            }
            let body = line.trimmingWhitespace()
            let targets = ADRIndex.linkTargets(body)
            if body.hasPrefix("|") {
                let cells = body.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { MarkdownInline.strip(String($0)).trimmingWhitespace() }
                if targets.isEmpty {
                    // A header row names the status column.
                    if let column = cells.firstIndex(where: { $0.lowercased() == "status" }) { statusColumn = column }
                    continue
                }
                let candidates = statusColumn.map { $0 < cells.count ? [cells[$0]] : [] } ?? cells
                if let text = candidates.first(where: { ADRStatus.normalise($0) != .unknown }) {
                    for target in targets { entries[target] = Entry(statusText: text, status: ADRStatus.normalise(text), line: index + 1) }
                }
            } else if headingStatus != .unknown {
                for target in targets { entries[target] = Entry(statusText: headingText, status: headingStatus, line: index + 1) }
            }
        }
    }

    /// The stems of the files a line links to (`[ADR-1](adr-001-x.md)` → `adr-001-x`); web links skipped.
    static func linkTargets(_ line: String) -> [String] {
        var result: [String] = []
        var rest = Substring(line)
        while let open = rest.firstRange(of: "](") {
            let target = rest[open.upperBound...].prefix(while: { $0 != ")" && $0 != " " })
            if !target.contains("://"), let path = target.split(separator: "#").first, !path.isEmpty {
                result.append(ADRParser.fileStem(String(path)))
            }
            rest = rest[open.upperBound...]
        }
        return result
    }
}

import SteleCheck
import SteleFiles

/// The lines of the files findings are in, read once per file at the I/O edge (the staged bytes for
/// `--staged`): what the report shows and counts in, where the core kept only facts.
struct SourceLines {
    let root: String
    let contents: [String: [UInt8]]
    /// The last file read: findings come sorted by file, so one is enough, and memory stays that of
    /// one file however many files have findings.
    private var cached: (file: String, lines: [ArraySlice<UInt8>])?

    init(root: String, contents: [String: [UInt8]]) {
        self.root = root
        self.contents = contents
    }

    /// Line `number` (1-based) of `file`, without its line break; nil when there is no such line.
    mutating func line(_ number: Int, of file: String) -> ArraySlice<UInt8>? {
        if cached?.file != file {
            let bytes: [UInt8]
            if let staged = contents[file] { bytes = staged } else if case .text(let read, _) = FileReader.read(root + "/" + file) { bytes = read } else { bytes = [] }
            cached = (file, bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false))
        }
        guard let lines = cached?.lines, number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return line
    }

    /// Findings whose snippet is a symbol use (`uses Theme`) show the source line instead, trimmed,
    /// as import findings do. The fingerprint was made from the use, so a baseline still matches
    /// when the line around it changes.
    mutating func showingSourceLines(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            guard finding.declaringFile != nil, let line = line(finding.location.line, of: finding.location.file) else { return finding }
            var shown = finding
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: " \t")
            if !text.isEmpty { shown.snippet = text.count > 200 ? String(text.prefix(200)) + "…" : text }
            return shown
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}

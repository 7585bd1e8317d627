import SteleCore

/// Reads one ADR file: id, title, status, date, supersession links and rule lines, from any of the
/// common formats: Nygard / adr-tools (`## Status` section), MADR 2 (`* Status:` lines), MADR 3–4
/// (YAML front matter), log4brains (`- Status:` lines) and plain `Status: Accepted` lines.
///
/// Pure: text in, values out. Malformed input yields diagnostics, never a failure.
enum ADRParser {
    static func parse(_ text: String, file: String) -> (adr: ADR, diagnostics: [Diagnostic]) {
        let lines = TextLines.split(text)
        var diagnostics: [Diagnostic] = []
        let front = FrontMatter(lines: lines)
        if front.isUnclosed {
            diagnostics.append(.warning("front matter is never closed", at: SourceLocation(file: file, line: 1, column: 1),
                                        hint: "end it with a line `---`; it is read as ordinary text until then"))
        }
        let outline = MarkdownOutline(lines: lines, from: front.lineCount)
        let stem = fileStem(file)

        // Title and number.
        let heading = outline.headings.first(where: { $0.level == 1 }) ?? outline.headings.first
        if heading == nil && front.values["title"] == nil {
            diagnostics.append(.warning("the ADR has no title heading", at: SourceLocation(file: file, line: 1, column: 1),
                                        hint: "start it with `# N. Title`; the file name is used as its title"))
        }
        let rawTitle = heading.map { MarkdownInline.strip($0.text) } ?? front.values["title"]?.value
        let (titleNumber, title) = rawTitle.map(splitNumber(fromTitle:)) ?? (nil, title(fromStem: stem))
        let number = number(fromStem: stem) ?? titleNumber
        let id = number.map(formatID) ?? stem

        // Status: front matter, then a Status section, then a `Status:` line.
        var statusText = ""
        var statusLine: Int?
        if let value = front.values["status"] {
            (statusText, statusLine) = (value.value, value.line)
        } else if let section = outline.headings.first(where: { ADRRuleExtractor.normalisedHeading($0.text) == "status" }) {
            for index in outline.section(of: section, lineCount: lines.count) where !outline.isCode[index] {
                let text = stripListMarker(lines[index]).trimmingWhitespace()
                if !text.isEmpty { (statusText, statusLine) = (MarkdownInline.strip(text), index + 1); break }
            }
        }
        if statusLine == nil, let found = labelledLine("status", lines: lines, outline: outline, from: front.lineCount) {
            (statusText, statusLine) = found
        }
        let date = front.values["date"]?.value ?? labelledLine("date", lines: lines, outline: outline, from: front.lineCount)?.value

        // Supersession, from the status and from any line that says so.
        var supersedes = Set<String>()
        var supersededBy = Set<String>()
        let linkTexts = front.values["status"].map { [$0.value] } ?? []
        for text in linkTexts + (front.lineCount..<lines.count).filter({ !outline.isCode[$0] }).map({ String(lines[$0]) }) {
            let links = supersessionLinks(in: text)
            supersedes.formUnion(links.supersedes)
            supersededBy.formUnion(links.supersededBy)
        }
        var status = ADRStatus.normalise(statusText)
        if statusLine == nil {
            diagnostics.append(.warning("no status found; the ADR's rules are treated as proposed (warnings)", at: SourceLocation(file: file, line: 1, column: 1),
                                        hint: "add a `## Status` section, a `Status: Accepted` line or `status:` front matter"))
        } else if status == .unknown {
            diagnostics.append(.warning("unknown status `\(statusText)`; the ADR's rules are treated as warnings", at: SourceLocation(file: file, line: statusLine!, column: 1),
                                        hint: "use accepted, proposed, deprecated, superseded or rejected"))
        }
        if status == .unknown && !supersededBy.isEmpty { status = .superseded }

        let extracted = ADRRuleExtractor.extract(lines: lines, outline: outline, file: file)
        diagnostics += extracted.diagnostics
        supersedes.remove(id)
        supersededBy.remove(id)
        let adr = ADR(id: id, number: number, title: title, status: status, statusText: statusText, statusLine: statusLine, date: date,
                      file: file, supersedes: supersedes.sorted(), supersededBy: supersededBy.sorted(), ruleLines: extracted.rules)
        return (adr, diagnostics)
    }

    /// "Superseded by …" / "Replaced by …" / "Supersedes …" where the phrase opens the line, a
    /// sentence, a parenthesis or a `Status:` value; each phrase's references run to the next phrase.
    /// Mid-sentence prose ("the cache is replaced by Redis, see ADR-9") is not a link.
    static func supersessionLinks(in line: String) -> (supersedes: [String], supersededBy: [String]) {
        let phrases: [(String, isBy: Bool)] = [("superseded by", true), ("superceded by", true), ("replaced by", true), ("supersedes", false)]
        var found: [(range: Range<String.Index>, isBy: Bool)] = []
        for (phrase, isBy) in phrases {
            var from = line.startIndex
            while let range = caseInsensitiveRange(of: phrase, in: line, from: from) {
                if opensClause(line[..<range.lowerBound]) { found.append((range, isBy)) }
                from = range.upperBound
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result: (supersedes: [String], supersededBy: [String]) = ([], [])
        for (k, link) in found.enumerated() {
            let end = k + 1 < found.count ? found[k + 1].range.lowerBound : line.endIndex
            let ids = references(in: String(line[link.range.upperBound..<end]))
            if link.isBy { result.supersededBy += ids } else { result.supersedes += ids }
        }
        return result
    }

    /// The first match of an ASCII phrase at or after `from`, ignoring ASCII case. Compared on the
    /// UTF-8 view, so every match starts on a character boundary.
    static func caseInsensitiveRange(of phrase: String, in line: String, from: String.Index) -> Range<String.Index>? {
        let needle = Array(phrase.lowercased().utf8)
        let utf8 = line.utf8
        var start = from
        while start < utf8.endIndex {
            var i = start
            var k = 0
            while k < needle.count, i < utf8.endIndex {
                var byte = utf8[i]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                guard byte == needle[k] else { break }
                k += 1
                i = utf8.index(after: i)
            }
            if k == needle.count { return start..<i }
            start = utf8.index(after: start)
        }
        return nil
    }

    /// Whether text ending here leaves the next words at the start of a clause.
    private static func opensClause(_ prefix: Substring) -> Bool {
        let before = MarkdownInline.strip(String(stripListMarker(prefix))).trimmingWhitespace()
        guard let last = before.last else { return true }
        return ".;:(—–-".contains(last)
    }

    /// `ADR-0007`
    static func formatID(_ number: Int) -> String {
        let digits = String(number)
        return "ADR-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    /// `0007-use-grdb` → 7, `ADR-012_x` → 12; a date prefix (`20210101-x`, 6 or more digits) is no number.
    static func number(fromStem stem: String) -> Int? {
        // `2021-01-01-use-x`: a date, not a number.
        let parts = stem.split(separator: "-", maxSplits: 3)
        if parts.count >= 3, parts[0].count == 4, parts[1].count == 2, parts[2].prefix(2).count == 2,
           [parts[0], parts[1], parts[2].prefix(2)].allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            return nil
        }
        var s = Substring(stem)
        if s.lowercased().hasPrefix("adr") { s = s.dropFirst(3).drop(while: { $0 == "-" || $0 == "_" || $0 == " " }) }
        let digits = s.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 5 else { return nil }
        let next = s.dropFirst(digits.count).first
        guard next == nil || next == "-" || next == "_" || next == "." || next == " " else { return nil }
        return Int(digits)
    }

    /// `0004-use-grdb` → `use-grdb`: the file name's words stand in for a missing title.
    static func title(fromStem stem: String) -> String {
        guard number(fromStem: stem) != nil else { return stem }
        let separators: Set<Character> = ["-", "_", ".", " "]
        let words: Substring = Substring(stem).drop(while: { !$0.isNumber }).drop(while: { $0.isNumber }).drop(while: { separators.contains($0) })
        return words.isEmpty ? stem : String(words)
    }

    /// `7. Use GRDB`, `ADR-7: Use GRDB`, `ADR 007 - Use GRDB` → (7, "Use GRDB").
    static func splitNumber(fromTitle title: String) -> (Int?, String) {
        var s = Substring(title.trimmingWhitespace())
        var hadPrefix = false
        if s.lowercased().hasPrefix("adr"), let next = s.dropFirst(3).first, !next.isLetter {
            s = s.dropFirst(3).drop(while: { $0 == "-" || $0 == " " || $0 == "_" || $0 == "#" })
            hadPrefix = true
        }
        let digits = s.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 5, let n = Int(digits) else { return (nil, title.trimmingWhitespace()) }
        var rest = s.dropFirst(digits.count).drop(while: { $0 == " " })
        // `7. Title`, `7: Title`, `7 - Title`; but `3-tier layering` starts with a word, not a number.
        if let f = rest.first, ".:-–—)".contains(f), hadPrefix || !"-–—".contains(f) || rest.dropFirst().first?.isWhitespace == true {
            rest = rest.dropFirst().drop(while: { $0 == " " })
            return (n, rest.isEmpty ? title.trimmingWhitespace() : String(rest))
        }
        return hadPrefix ? (n, rest.isEmpty ? title.trimmingWhitespace() : String(rest)) : (nil, title.trimmingWhitespace())
    }

    static func stripListMarker(_ line: Substring) -> Substring {
        let body = line.drop(while: { $0 == " " || $0 == "\t" })
        if let marker = ADRRuleExtractor.listMarkerLength(body) { return body.dropFirst(marker).drop(while: { $0 == " " }) }
        return body
    }

    /// `Status: Accepted`, `* Status: accepted`, `**Status:** Accepted`, `Status — Accepted`,
    /// `## Status: Accepted`: the value and its line.
    static func labelledLine(_ label: String, lines: [Substring], outline: MarkdownOutline, from start: Int) -> (value: String, line: Int)? {
        for index in start..<lines.count where !outline.isCode[index] {
            let body = stripListMarker(lines[index]).drop(while: { $0 == "#" })
            let text = MarkdownInline.strip(String(body)).trimmingWhitespace()
            guard text.lowercased().hasPrefix(label) else { continue }
            let rest = text.dropFirst(label.count).drop(while: { $0 == " " })
            guard let separator = rest.first, ":—–-".contains(separator) else { continue }
            let value = rest.dropFirst().trimmingWhitespace()
            if !value.isEmpty { return (value, index + 1) }
        }
        return nil
    }

    /// ADR ids a text refers to: link targets (`0006-x.md`), `ADR-6` / `ADR 0006`, or `[6. Title]`.
    static func references(in text: String) -> [String] {
        var ids: [String] = []
        // Link targets: the number of the file they name.
        var rest = Substring(text)
        while let open = rest.firstRange(of: "](") {
            let target = rest[open.upperBound...].prefix(while: { $0 != ")" })
            if !target.contains("://"), let n = number(fromStem: fileStem(String(target.split(separator: "#").first ?? ""))) { ids.append(formatID(n)) }
            rest = rest[open.upperBound...]
        }
        // `ADR-6`, `ADR 0006`, `adr-12`.
        let lower = Array(text.lowercased())
        var i = 0
        while i + 3 < lower.count {
            if lower[i] == "a", lower[i + 1] == "d", lower[i + 2] == "r", i == 0 || !lower[i - 1].isLetter {
                var j = i + 3
                while j < lower.count, lower[j] == "-" || lower[j] == " " || lower[j] == "_" { j += 1 }
                var digits = ""
                while j < lower.count, lower[j].isNumber, digits.count < 6 { digits.append(lower[j]); j += 1 }
                if !digits.isEmpty, digits.count <= 5, let n = Int(digits) { ids.append(formatID(n)) }
                i = j
            } else {
                i += 1
            }
        }
        // `[6. Title](...)` without a numbered file: the number in the link text.
        if ids.isEmpty, let open = text.firstIndex(of: "[") {
            let digits = text[text.index(after: open)...].prefix(while: \.isNumber)
            if !digits.isEmpty, let n = Int(digits) { ids.append(formatID(n)) }
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

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
        for line in front.malformedLines {
            diagnostics.append(.warning("front matter line is not `key: value`", at: SourceLocation(file: file, line: line, column: 1),
                                        hint: "write `status: accepted`, `date: 2024-01-31`; YAML readers reject the block as it is"))
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

        // Status: front matter, then a Status section (its history: the latest state wins), then a
        // `Status:` line, then a `| Status | … |` table row; the first that names a known state.
        var candidates: [(text: String, line: Int)] = []
        if let value = front.values["status"] { candidates.append((value.value, value.line)) }
        if let section = outline.headings.first(where: { ADRRuleExtractor.normalisedHeading($0.text) == "status" }) {
            let lines = (outline.section(of: section, lineCount: lines.count)).filter { !outline.isCode[$0] }.compactMap { index -> (String, Int)? in
                let text = MarkdownInline.strip(String(stripListMarker(lines[index]))).trimmingWhitespace()
                return text.isEmpty ? nil : (text, index + 1)
            }
            if let latest = latestState(in: lines) { candidates.append(latest) } else if let first = lines.first { candidates.append(first) }
        }
        if let found = labelledLine("status", lines: lines, outline: outline, from: front.lineCount) { candidates.append((found.value, found.line)) }
        if let found = tableRow("status", lines: lines, outline: outline, from: front.lineCount) { candidates.append((found.value, found.line)) }
        let chosen = candidates.first(where: { ADRStatus.normalise($0.text) != .unknown }) ?? candidates.first
        let statusText = chosen?.text ?? ""
        let statusLine = chosen?.line
        let date = front.values["date"]?.value ?? labelledLine("date", lines: lines, outline: outline, from: front.lineCount)?.value
            ?? tableRow("date", lines: lines, outline: outline, from: front.lineCount)?.value

        // Supersession, from the status and from any line that says so.
        var supersedes = Set<String>()
        var supersededBy = Set<String>()
        var partial = Set<String>()
        let linkTexts = front.values["status"].map { [$0.value] } ?? []
        for text in linkTexts + (front.lineCount..<lines.count).filter({ !outline.isCode[$0] }).map({ String(lines[$0]) }) {
            let links = supersessionLinks(in: text)
            supersedes.formUnion(links.supersedes)
            supersededBy.formUnion(links.supersededBy)
            partial.formUnion(links.partial)
        }
        // "Partly superseded", "Superseded in part by …": every ADR that supersedes it does so in part.
        if isPartlySuperseded(statusText) { partial.formUnion(supersededBy) }
        var status = ADRStatus.normalise(statusText)
        if statusLine == nil {
            diagnostics.append(.warning("no status found; the ADR's rules are treated as proposed (warnings)", at: SourceLocation(file: file, line: 1, column: 1),
                                        hint: "add a `## Status` section, a `Status: Accepted` line or `status:` front matter"))
        } else if status == .unknown {
            diagnostics.append(.warning("unknown status `\(statusText)`; the ADR's rules are treated as warnings", at: SourceLocation(file: file, line: statusLine!, column: 1),
                                        hint: "use accepted, proposed, deprecated, superseded or rejected"))
        }
        if status == .unknown && !supersededBy.subtracting(partial).isEmpty { status = .superseded }

        let extracted = ADRRuleExtractor.extract(lines: lines, outline: outline, file: file)
        diagnostics += extracted.diagnostics
        supersedes.remove(id)
        supersededBy.remove(id)
        partial = partial.intersection(supersedes.union(supersededBy))
        let adr = ADR(id: id, number: number, title: title, status: status, statusText: statusText, statusLine: statusLine, date: date,
                      file: file, supersedes: supersedes.sorted(), supersededBy: supersededBy.sorted(), ruleLines: extracted.rules,
                      partialLinks: partial.sorted())
        return (adr, diagnostics)
    }

    /// "Superseded by …", "Replaced by …", "Obsoleted by …", "⌛️ Superseded [19](…)", "Superseded:
    /// 2019-12-19 by [ADR 14](…)", "Supersedes …", "This ADR in part supersedes [3](…)", "Partly undo ADR
    /// 109": the ADRs named right after such a phrase, where the phrase opens the line, a sentence, a
    /// parenthesis or a `Status:` value, or has this ADR (or a part of it) as its subject. Mid-sentence
    /// prose about something else ("the cache is replaced by Redis, see ADR-9", "ADR 5 was superseded
    /// by ADR 6") is not a link. `partial`: the ids replaced, or replacing, only in part.
    static func supersessionLinks(in line: String) -> (supersedes: [String], supersededBy: [String], partial: [String]) {
        let phrases: [(String, isBy: Bool)] = [
            ("superseded", true), ("superceded", true), ("replaced", true), ("obsoleted", true),
            ("supersedes", false), ("supercedes", false), ("replaces", false), ("obsoletes", false), ("undoes", false), ("undo", false), ("reverts", false),
        ]
        // Most lines name none of the phrases: one pass over the bytes says so.
        guard ["supers", "superc", "replace", "obsolete", "undo", "revert"].contains(where: { caseInsensitiveRange(of: $0, in: line, from: line.startIndex) != nil }) else {
            return ([], [], [])
        }
        var found: [(range: Range<String.Index>, isBy: Bool)] = []
        for (phrase, isBy) in phrases {
            var from = line.startIndex
            while let range = caseInsensitiveRange(of: phrase, in: line, from: from) {
                from = range.upperBound
                let before = range.lowerBound > line.startIndex ? line[line.index(before: range.lowerBound)] : " "
                let after = range.upperBound < line.endIndex ? line[range.upperBound] : " "
                if before.isLetter || after.isLetter { continue }
                found.append((range, isBy))
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result: (supersedes: [String], supersededBy: [String], partial: [String]) = ([], [], [])
        for (k, link) in found.enumerated() {
            let end = k + 1 < found.count ? found[k + 1].range.lowerBound : line.endIndex
            let prefix = line[..<link.range.lowerBound]
            var (rest, sawBy, partlyAfter) = skipQualifiers(line[link.range.upperBound..<end])
            // The names must follow at once: a link, `ADR-7`, `#12`.
            let lower = rest.lowercased()
            guard lower.hasPrefix("[") || lower.hasPrefix("adr") || lower.hasPrefix("#") else { continue }
            let (subjectPrefix, partlyBefore) = dropTrailingQualifiers(prefix)
            var partly = partlyAfter || partlyBefore
            if link.isBy {
                if opensClause(subjectPrefix) {
                    // "Superseded [19](…)" without "by" only where the phrase opens the status.
                } else if sawBy, let subject = sentenceSubject(subjectPrefix) {
                    // "These IP ranges have been superseded by [ADR #33]": a part of this ADR, unless the
                    // sentence is about this ADR as a whole; never when it names another ADR first.
                    guard references(in: subject).isEmpty else { continue }
                    if !isThisADR(subject) { partly = true }
                } else {
                    continue
                }
            } else {
                guard opensClause(subjectPrefix) || isThisADR(sentenceSubject(subjectPrefix) ?? "") else { continue }
            }
            if lower.hasPrefix("#") { rest = "ADR" + rest.dropFirst() }
            let ids = references(in: rest)
            if link.isBy { result.supersededBy += ids } else { result.supersedes += ids }
            if partly { result.partial += ids }
        }
        return result
    }

    /// Words between the phrase and the names it points at: `: 2019-12-19`, `on 2020-01-01`, `in
    /// part`, `some aspects of`, `by`. Whether `by` was among them, and whether a part-word was.
    static func skipQualifiers(_ text: Substring) -> (rest: String, sawBy: Bool, partly: Bool) {
        var rest = text
        var sawBy = false
        var partly = false
        let words = ["by", "on", "in part", "partly", "partially", "some aspects of", "aspects of", "parts of", "part of", "some of"]
        while true {
            let before = rest
            rest = rest.drop(while: { $0 == " " || $0 == ":" || $0 == "," || $0 == "*" || $0 == "_" || $0.isNumber || $0 == "-" || $0 == "/" })
            let lower = rest.lowercased()
            for word in words where lower.hasPrefix(word + " ") || lower.hasPrefix(word + ":") {
                if word == "by" { sawBy = true } else if word != "on" { partly = true }
                rest = rest.dropFirst(word.count)
                break
            }
            if rest == before { break }
        }
        return (String(rest), sawBy, partly)
    }

    /// "ADR 114: Partly " → ("ADR 114:", true): the qualifiers that may stand before the phrase.
    static func dropTrailingQualifiers(_ prefix: Substring) -> (Substring, Bool) {
        var p = prefix
        var partly = false
        while true {
            let trimmed = p.reversed().drop(while: { $0 == " " })
            let t = Substring(String(trimmed.reversed()))
            var matched = false
            for word in ["in part", "partly", "partially", "also", "hereby", "now", "fully"] where t.count >= word.count && t.suffix(word.count).lowercased() == word {
                let start = t.index(t.endIndex, offsetBy: -word.count)
                if start == t.startIndex || !t[t.index(before: start)].isLetter {
                    if word != "also" && word != "hereby" && word != "now" && word != "fully" { partly = true }
                    p = t[..<start]
                    matched = true
                    break
                }
            }
            if !matched { return (t, partly) }
        }
    }

    /// The current sentence's words before the phrase, or nil when they start no sentence of their own.
    static func sentenceSubject(_ prefix: Substring) -> String? {
        var start = prefix.startIndex
        var i = prefix.startIndex
        while i < prefix.endIndex {
            let c = prefix[i]
            let next = prefix.index(after: i)
            if ".!?".contains(c), next == prefix.endIndex || prefix[next] == " " { start = next }
            i = next
        }
        let subject = MarkdownInline.strip(String(stripListMarker(prefix[start...]))).trimmingWhitespace()
        return subject.isEmpty ? nil : subject
    }

    /// "This ADR", "Note: this decision", "It": the sentence is about the ADR itself.
    static func isThisADR(_ subject: String) -> Bool {
        let lower = subject.lowercased()
        let words = lower.split(whereSeparator: { !$0.isLetter })
        guard let last = words.last else { return false }
        if ["this", "it"].contains(last) && words.count <= 3 { return true }
        for noun in ["adr", "decision", "record", "document", "proposal"] where lower.hasSuffix("this " + noun) { return true }
        return false
    }

    static func isPartlySuperseded(_ statusText: String) -> Bool {
        let lower = statusText.lowercased()
        return ["partly superseded", "partially superseded", "superseded in part", "partly replaced", "partially replaced", "parts of this"].contains(where: { lower.contains($0) })
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

    /// Whether text ending here leaves the next words at the start of a clause (signs such as
    /// `⌛️` or a heading's `#` before it do not count as words).
    static func opensClause(_ prefix: Substring) -> Bool {
        let before = MarkdownInline.strip(String(stripListMarker(prefix))).trimmingWhitespace()
        guard before.contains(where: { $0.isLetter || $0.isNumber }) else { return true }
        guard let last = before.last(where: { !$0.isWhitespace && ($0.isLetter || $0.isNumber || $0.isPunctuation) }) else { return true }
        return ".;:(—–-".contains(last)
    }

    /// `ADR-0007`
    static func formatID(_ number: Int) -> String {
        let digits = String(number)
        return "ADR-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `0007-x.md` → `0007-x`; `adr-000-x.html.md.erb` → `adr-000-x`; `0016-x` → `0016-x`.
    static func fileStem(_ path: String) -> String {
        var name = Substring(path.split(separator: "/").last.map(String.init) ?? path)
        while let dot = name.lastIndex(of: "."), dot > name.startIndex {
            let ext = name[name.index(after: dot)...].lowercased()
            guard documentExtensions.contains(ext) else { break }
            name = name[..<dot]
        }
        return String(name)
    }

    /// The extensions an ADR file may carry, alone or stacked (`.html.md.erb`).
    static let documentExtensions: Set<String> = ["md", "markdown", "mdx", "txt", "text", "erb", "html", "rst", "adoc", "asciidoc"]

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

    /// The line of a Status section that names the latest state: the last one written, or, when
    /// every such line is dated (`2023-01-02 proposed`, `2023-02-01 accepted`), the latest date.
    static func latestState(in lines: [(String, Int)]) -> (text: String, line: Int)? {
        let states = lines.filter { ADRStatus.normalise($0.0) != .unknown }
        guard !states.isEmpty else { return nil }
        let dated = states.compactMap { state in isoDate(in: state.0).map { (date: $0, state: state) } }
        if dated.count == states.count, let latest = dated.enumerated().max(by: { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }) {
            return (latest.element.state.0, latest.element.state.1)
        }
        return states.last.map { ($0.0, $0.1) }
    }

    /// The first `YYYY-MM-DD` in a text.
    static func isoDate(in text: String) -> String? {
        let chars = Array(text)
        guard chars.count >= 10 else { return nil }
        for i in 0...(chars.count - 10) {
            let candidate = chars[i..<(i + 10)]
            let ok = candidate.enumerated().allSatisfy { k, c in k == 4 || k == 7 ? (c == "-" || c == "/") : c.isASCII && c.isNumber }
            if ok { return String(candidate).replacingDashes() }
        }
        return nil
    }

    /// `| Status | Accepted |`, `|**Status**|Open|`: a metadata table's row, its value and line.
    static func tableRow(_ label: String, lines: [Substring], outline: MarkdownOutline, from start: Int) -> (value: String, line: Int)? {
        for index in start..<lines.count where !outline.isCode[index] {
            let body = lines[index].trimmingWhitespace()
            guard body.hasPrefix("|") else { continue }
            let cells = body.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { MarkdownInline.strip(String($0)).trimmingWhitespace() }
            guard cells.count >= 2, cells[0].lowercased() == label else { continue }
            if !cells[1].isEmpty { return (cells[1], index + 1) }
        }
        return nil
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
            if !target.contains("://"), let path = target.split(separator: "#").first.map(String.init), !path.isEmpty {
                let stem = fileStem(path)
                // A date-named ADR (`20201016-use-slugs.md`) is known by its stem.
                if let n = number(fromStem: stem) { ids.append(formatID(n)) } else if stem != path, !stem.isEmpty { ids.append(stem) }
            }
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
            if !digits.isEmpty, digits.count <= 5, let n = Int(digits) { ids.append(formatID(n)) }
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

private extension String {
    /// `2023/01/02` → `2023-01-02`, so dates compare as text.
    func replacingDashes() -> String { String(map { $0 == "/" ? "-" : $0 }) }
}

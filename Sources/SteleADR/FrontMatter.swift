import SteleCore

/// YAML front matter (MADR 3 and 4): the `key: value` lines between a leading `---` and the next
/// `---`. Only flat scalar keys are read; that is all an ADR's front matter needs to tell Stele.
struct FrontMatter {
    var values: [String: (value: String, line: Int)] = [:]
    /// Lines the front matter occupies (so the body starts after them); 0 when there is none.
    var lineCount = 0
    /// The file starts with `---` but never closes it.
    var isUnclosed = false
    /// 1-based lines between the fences that are not `key: value`, a list item, a comment or an
    /// indented continuation: a YAML reader would reject the block.
    var malformedLines: [Int] = []

    init(lines: [Substring]) {
        guard let first = lines.first, first.trimmingTrailingWhitespace() == "---" else { return }
        guard let close = lines.dropFirst().firstIndex(where: { let t = $0.trimmingTrailingWhitespace(); return t == "---" || t == "..." }) else {
            isUnclosed = true
            return
        }
        lineCount = close + 1
        for index in 1..<close {
            let line = lines[index]
            let body = line.trimmingWhitespace()
            if !body.isEmpty, !line.hasPrefix(" "), !line.hasPrefix("\t"), !body.hasPrefix("#"), !body.hasPrefix("-"), !line.contains(":") {
                malformedLines.append(index + 1)
            }
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t"), !line.hasPrefix("#") else { continue }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            var value = line[line.index(after: colon)...].trimmingWhitespace()
            if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
                value = String(value.dropFirst().dropLast())
            } else if let comment = value.firstRange(of: " #") {
                // YAML: an unquoted value ends where a ` #` comment starts.
                value = value[..<comment.lowerBound].trimmingWhitespace()
            }
            values[key] = (value, index + 1)
        }
    }
}

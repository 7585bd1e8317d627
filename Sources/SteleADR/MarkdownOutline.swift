/// The block structure of a Markdown file that ADR reading needs: ATX headings and fenced code
/// blocks, and which lines are code (a `# comment` in a code block is not a heading).
struct MarkdownOutline {
    struct Heading {
        var level: Int
        var text: String
        /// 0-based line index.
        var line: Int
    }

    struct Fence {
        /// 0-based index of the opening line, and of the closing one (nil when never closed).
        var open: Int
        var close: Int?
        /// The info string's first word, lowercased: `stele`, `swift`, "".
        var language: String
    }

    var headings: [Heading] = []
    var fences: [Fence] = []
    var isCode: [Bool]

    init(lines: [Substring], from start: Int) {
        isCode = Array(repeating: false, count: lines.count)
        var open: (index: Int, marker: Character, length: Int, language: String)?
        for index in start..<lines.count {
            let line = lines[index]
            let indent = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(indent)
            if let current = open {
                isCode[index] = true
                let run = body.prefix(while: { $0 == current.marker }).count
                if indent <= 3, run >= current.length, body.dropFirst(run).allSatisfy(\.isWhitespace) {
                    fences.append(Fence(open: current.index, close: index, language: current.language))
                    open = nil
                }
                continue
            }
            guard indent <= 3 else { continue }
            if let marker = body.first, marker == "`" || marker == "~" {
                let run = body.prefix(while: { $0 == marker }).count
                let info = body.dropFirst(run)
                if run >= 3, !(marker == "`" && info.contains("`")) {
                    let language = info.split(whereSeparator: { $0.isWhitespace || $0 == "{" || $0 == "," }).first.map { $0.lowercased() } ?? ""
                    open = (index, marker, run, language)
                    isCode[index] = true
                    continue
                }
            }
            let hashes = body.prefix(while: { $0 == "#" }).count
            if (1...6).contains(hashes), body.count == hashes || body.dropFirst(hashes).first == " " || body.dropFirst(hashes).first == "\t" {
                var text = body.dropFirst(hashes).trimmingWhitespace()
                // A closing sequence of `#`s is not part of the text.
                while text.hasSuffix("#") { text.removeLast() }
                headings.append(Heading(level: hashes, text: text.trimmingWhitespace(), line: index))
            }
        }
        if let current = open { fences.append(Fence(open: current.index, close: nil, language: current.language)) }
    }

    /// The 0-based line range of the section under `heading`: up to the next heading of the same or a higher level.
    func section(of heading: Heading, lineCount: Int) -> Range<Int> {
        let end = headings.first(where: { $0.line > heading.line && $0.level <= heading.level })?.line ?? lineCount
        return (heading.line + 1)..<end
    }
}

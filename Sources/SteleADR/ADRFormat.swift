import SteleCore

/// How a repository writes its ADRs, read from the ones it has, so that `stele adr new` writes the
/// next one the same way: numbering, file prefix, status style, title form, status casing.
///
/// Pure: file names and texts in, a format out. With no ADRs, adr-tools' format (Nygard).
public struct ADRFormat: Equatable, Sendable {
    public enum Numbering: Equatable, Sendable {
        /// `0007-x.md` (width 4), `007-x.md` (3), `ADR-7.md` (1: not padded).
        case digits(width: Int)
        /// `20240301-x.md` (log4brains).
        case date
        /// `use-x.md`.
        case none
    }

    public enum Style: String, Sendable {
        /// `## Status` heading, then the status (Nygard, adr-tools).
        case nygard
        /// YAML front matter `status:` / `date:` (MADR 3 and 4).
        case frontMatter
        /// `* Status: proposed` bullets (MADR 2, log4brains).
        case bullets
        /// A `Status: Proposed` line.
        case statusLine
    }

    public enum TitleForm: Equatable, Sendable {
        /// `# 3. Title` (adr-tools).
        case numbered
        /// `# ADR-003: Title`, `# ADR 3 - Title`: the text before the number and between it and the title.
        case prefixed(prefix: String, separator: String, width: Int)
        /// `# Title`.
        case plain
    }

    public var numbering: Numbering
    /// What comes before the number in file names: "", `adr-`, `ADR-`.
    public var filePrefix: String
    public var fileExtension: String
    public var style: Style
    public var titleForm: TitleForm
    /// `*` or `-`, for the bullets style.
    public var bullet: String
    /// Statuses are written `Proposed` or `proposed`.
    public var capitalisedStatus: Bool

    public init(numbering: Numbering, filePrefix: String = "", fileExtension: String = "md", style: Style, titleForm: TitleForm,
                bullet: String = "*", capitalisedStatus: Bool = true) {
        self.numbering = numbering
        self.filePrefix = filePrefix
        self.fileExtension = fileExtension
        self.style = style
        self.titleForm = titleForm
        self.bullet = bullet
        self.capitalisedStatus = capitalisedStatus
    }

    /// adr-tools' format: `0001-record-architecture-decisions.md`, `# 1. Title`, `Date:`, `## Status`.
    public static let adrTools = ADRFormat(numbering: .digits(width: 4), style: .nygard, titleForm: .numbered)

    /// The format most of the given ADRs share (each trait by majority; ties go to adr-tools').
    public static func detect(_ files: [(name: String, text: String)]) -> ADRFormat {
        guard !files.isEmpty else { return .adrTools }
        var format = ADRFormat.adrTools
        // Numbering and prefix, from the names.
        var numberings: [String: Int] = [:]
        var widths: [Int: Int] = [:]
        var prefixes: [String: Int] = [:]
        var extensions: [String: Int] = [:]
        for file in files {
            let name = String(file.name.split(separator: "/").last ?? "")
            let stem = ADRParser.fileStem(name)
            extensions[stem == name ? "" : String(name.dropFirst(stem.count + 1)), default: 0] += 1
            if stem.prefix(8).allSatisfy(\.isNumber) && stem.count > 8 && stem.dropFirst(8).first == "-" {
                numberings["date", default: 0] += 1
            } else if ADRParser.number(fromStem: stem) != nil {
                numberings["digits", default: 0] += 1
                let prefix = String(stem.prefix(while: { !$0.isNumber }))
                prefixes[prefix, default: 0] += 1
                let digits = stem.dropFirst(prefix.count).prefix(while: \.isNumber)
                // Unpadded numbers (`ADR-7`, `ADR-12`) have no fixed width.
                widths[digits.hasPrefix("0") || digits.count >= 3 ? digits.count : 1, default: 0] += 1
            } else {
                numberings["none", default: 0] += 1
            }
        }
        switch majority(numberings) {
        case "date": format.numbering = .date
        case "none": format.numbering = .none
        default:
            format.numbering = .digits(width: majority(widths) ?? 4)
            format.filePrefix = majority(prefixes) ?? ""
        }
        if let ext = majority(extensions) { format.fileExtension = ext }
        // Style, title form and status casing, from the texts.
        var styles: [Style: Int] = [:]
        var titles: [String: Int] = [:]
        var prefixedForms: [TitleForm: Int] = [:]
        var bullets: [String: Int] = [:]
        var capitalised = 0, lower = 0
        for file in files {
            let lines = TextLines.split(file.text)
            let front = FrontMatter(lines: lines)
            let outline = MarkdownOutline(lines: lines, from: front.lineCount)
            var statusValue: String?
            if let value = front.values["status"] {
                styles[.frontMatter, default: 0] += 1
                statusValue = value.value
            } else if let heading = outline.headings.first(where: { ADRRuleExtractor.normalisedHeading($0.text) == "status" }) {
                styles[.nygard, default: 0] += 1
                statusValue = outline.section(of: heading, lineCount: lines.count).lazy.map { lines[$0].trimmingWhitespace() }.first(where: { !$0.isEmpty })
            } else if let line = lines.first(where: { let t = $0.trimmingWhitespace().lowercased(); return t.hasPrefix("* status:") || t.hasPrefix("- status:") }) {
                styles[.bullets, default: 0] += 1
                bullets[String(line.trimmingWhitespace().prefix(1)), default: 0] += 1
                statusValue = String(line.split(separator: ":", maxSplits: 1).last ?? "")
            } else if let found = ADRParser.labelledLine("status", lines: lines, outline: outline, from: front.lineCount) {
                styles[.statusLine, default: 0] += 1
                statusValue = found.value
            }
            if let first = statusValue.map(MarkdownInline.strip)?.trimmingWhitespace().first(where: \.isLetter) {
                if first.isUppercase { capitalised += 1 } else { lower += 1 }
            }
            if let heading = outline.headings.first(where: { $0.level == 1 }) {
                titles[titleKind(heading.text, into: &prefixedForms), default: 0] += 1
            }
        }
        if let style = majority(styles) { format.style = style }
        if let bullet = majority(bullets) { format.bullet = bullet }
        format.capitalisedStatus = capitalised >= lower
        switch majority(titles) {
        case "plain": format.titleForm = .plain
        case "prefixed": format.titleForm = majority(prefixedForms) ?? .numbered
        default: format.titleForm = format.numbering == .date || format.numbering == .none ? .plain : .numbered
        }
        if case .digits = format.numbering {} else { format.titleForm = .plain }
        return format
    }

    /// `3. Title` → numbered; `ADR-003: Title` → prefixed (recorded); anything else → plain.
    static func titleKind(_ text: String, into forms: inout [TitleForm: Int]) -> String {
        let title = MarkdownInline.strip(text).trimmingWhitespace()
        let letters = title.prefix(while: { !$0.isNumber })
        let digits = title.dropFirst(letters.count).prefix(while: \.isNumber)
        guard !digits.isEmpty else { return "plain" }
        let after = title.dropFirst(letters.count + digits.count)
        let separator = String(after.prefix(while: { !$0.isLetter && !$0.isNumber }))
        if letters.isEmpty {
            return separator.hasPrefix(".") ? "numbered" : (separator.isEmpty ? "plain" : "numbered")
        }
        guard letters.lowercased().hasPrefix("adr"), letters.count <= 5 else { return "plain" }
        let width = digits.hasPrefix("0") || digits.count >= 3 ? digits.count : 1
        forms[.prefixed(prefix: String(letters), separator: separator.isEmpty ? " " : separator, width: width), default: 0] += 1
        return "prefixed"
    }

    static func majority<K: Hashable>(_ counts: [K: Int]) -> K? {
        counts.max(by: { $0.value < $1.value || ($0.value == $1.value && "\($0.key)" > "\($1.key)") })?.key
    }
}

extension ADRFormat.TitleForm: Hashable {}

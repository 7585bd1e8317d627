import SteleCore

/// One `rules/*.stele` file, parsed line by line.
public struct RuleFile: Sendable {
    public struct Line: Sendable {
        public var statement: Statement
        public var text: String
        public var location: SourceLocation
    }

    public var path: String
    public var lines: [Line]
    public var diagnostics: [Diagnostic]

    public init(path: String, lines: [Line], diagnostics: [Diagnostic]) {
        self.path = path
        self.lines = lines
        self.diagnostics = diagnostics
    }

    /// Pure: parses the text of the file at repo-relative `path`.
    public static func parse(_ text: String, path: String) -> RuleFile {
        var lines: [Line] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        for line in TextLines.split(text) {
            lineNumber += 1
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            let body = String(line.dropFirst(indent))
            let location = SourceLocation(file: path, line: lineNumber, column: indent + 1)
            switch RuleParser.parse(body, at: location) {
            case .success(nil): continue
            case .success(let statement?):
                lines.append(Line(statement: statement, text: RuleFile.statementText(body), location: location))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        return RuleFile(path: path, lines: lines, diagnostics: diagnostics)
    }

    /// The settings the file holds, in order.
    public var settings: [Setting] {
        lines.compactMap { if case .setting(let s) = $0.statement { return s } else { return nil } }
    }

    /// The statement without a trailing comment or whitespace, for display.
    static func statementText(_ text: String) -> String {
        var inString = false
        var end = text.endIndex
        for i in text.indices {
            if text[i] == "\"" { inString.toggle() }
            if text[i] == "#" && !inString { end = i; break }
        }
        return text[..<end].trimmingWhitespace()
    }
}

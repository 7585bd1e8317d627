import SteleCheck
import SteleCore

/// The output formats of `stele check`, in one list: the command line parses and validates
/// `--format` against it, `stele help check` and docs/cli.md describe each case (a test holds the
/// docs to it), and `render` switches over it without a `default:`, so a new format cannot be half
/// added. Its renderer is one file of its own beside the others (`CheckJSONReport`, `SARIFReport`…).
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github, markdown

    /// One line for `stele help check`.
    public var summary: String {
        switch self {
        case .text: return "compiler-style lines, each with its rule and ADR (the default)"
        case .json: return "schema version 1, for tools"
        case .sarif: return "SARIF 2.1.0, for GitHub code scanning"
        case .junit: return "JUnit XML: a suite per decision, a case per rule"
        case .github: return "GitHub Actions workflow annotations"
        case .markdown: return "a summary and a table, for a pull-request comment or job summary"
        }
    }

    /// Whether columns are counted in UTF-16 units (SARIF's default, GitHub's annotations), which
    /// the command line converts to from Stele's byte columns before rendering.
    public var countsUTF16: Bool {
        switch self {
        case .sarif, .github: return true
        case .text, .json, .junit, .markdown: return false
        }
    }

    /// What a report needs beyond the findings.
    public struct Context: Sendable {
        public var fileCount: Int
        public var diagnostics: [Diagnostic]
        public var toolVersion: String
        /// Where files are browsed (Markdown links), if known.
        public var linkBase: String?
        /// The checked tree as the command line named it: `stele explain` commands in the text name it too.
        public var root: String

        public init(fileCount: Int, diagnostics: [Diagnostic], toolVersion: String, linkBase: String? = nil, root: String = ".") {
            self.fileCount = fileCount
            self.root = root
            self.diagnostics = diagnostics
            self.toolVersion = toolVersion
            self.linkBase = linkBase
        }
    }

    public func render(_ result: CheckResult, _ context: Context) -> String {
        ReportBuffer.collect { write(result, context, emit: $0) }
    }

    /// Writes the report through `emit` a chunk at a time: memory does not grow with the findings'
    /// output, only with the findings.
    public func write(_ result: CheckResult, _ context: Context, emit: ([UInt8]) -> Void) {
        switch self {
        case .text: CheckTextReport.write(result, fileCount: context.fileCount, root: context.root, emit: emit)
        case .json: CheckJSONReport.write(result, fileCount: context.fileCount, diagnostics: context.diagnostics, emit: emit)
        case .sarif: SARIFReport.write(result, toolVersion: context.toolVersion, emit: emit)
        case .junit: JUnitReport.write(result, emit: emit)
        case .github: GitHubAnnotationsReport.write(result, emit: emit)
        case .markdown: MarkdownReport.write(result, fileCount: context.fileCount, linkBase: context.linkBase, emit: emit)
        }
    }
}

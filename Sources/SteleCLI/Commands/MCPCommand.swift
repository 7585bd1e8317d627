import SteleCheck
import SteleCore
import SteleFiles
import SteleGraph
import SteleReport

/// `stele mcp [PATH]`: a Model Context Protocol server on standard input and output, for coding
/// agents. One JSON-RPC message per line in, one reply per line out, nothing else on standard
/// output; notes go to standard error. Ends with exit 0 when standard input ends.
enum MCPCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        var server = MCPServer(version: SteleCLI.version)
        let tools = Toolbox(options: options)
        if !options.quiet { Output.error("stele: MCP server for \(options.root) on standard input/output (protocol \(MCPServer.supportedVersions[0]) and earlier)") }
        while let line = readLine(strippingNewline: true) {
            guard let reply = server.handle(line: line, call: tools.call) else { continue }
            FileSystem.writeStandardOutput(reply + "\n")
        }
        return SteleCLI.ExitCode.success
    }

    /// The tools' work: each call runs the pipeline afresh (the agent may have edited files since
    /// the last one; the facts cache keeps that quick).
    /// A tool call that cannot go on: its result says why.
    struct ToolFailure: Error {
        var result: MCPToolResult
    }

    struct Toolbox {
        var options: CommandOptions

        func call(_ name: String, _ arguments: JSON) -> MCPToolResult {
            switch name {
            case "check": return check(files: arguments["files"]?.arrayValue?.compactMap(\.stringValue))
            case "rules": return rules()
            case "explain": return explain(arguments["query"]?.stringValue ?? "")
            case "may_import": return mayImport(file: arguments["file"]?.stringValue ?? "", module: arguments["module"]?.stringValue ?? "")
            default: return .failure("unknown tool \(name)")
            }
        }

        func load(contents: [String: [UInt8]] = [:], changed: ChangedFiles? = nil) -> Result<Pipeline.Loaded, ToolFailure> {
            let loaded = Pipeline(root: options.root, today: options.today, contents: contents, cache: options.cache,
                                  changes: changed.map { ChangeScope(paths: $0.paths) }).run()
            if loaded.diagnostics.hasErrors {
                let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
                return .failure(ToolFailure(result: .failure("The rules or ADRs have errors, so nothing was checked:\n" + errors)))
            }
            return .success(loaded)
        }

        func check(files: [String]?) -> MCPToolResult {
            var changed: ChangedFiles?
            if let files {
                switch ChangedFiles.resolve(.files(files), root: options.root) {
                case .failure(let failure): return .failure(failure.message)
                case .success(let resolved): changed = resolved
                }
            }
            let loaded: Pipeline.Loaded
            switch load(changed: changed) {
            case .failure(let failure): return failure.result
            case .success(let l): loaded = l
            }
            let fileCount = changed.map { c in loaded.scan.files.filter { c.paths.contains($0.path) }.count } ?? loaded.scan.files.count
            let document = CheckJSONReport.render(loaded.result, fileCount: fileCount, diagnostics: loaded.diagnostics)
            let structured = JSON.parse(document)
            return MCPToolResult(text: structured?.compact() ?? document, structured: structured)
        }

        func rules() -> MCPToolResult {
            let loaded = Pipeline(root: options.root, today: options.today, cache: options.cache).run()
            let input = RulesReport.Input(adrs: loaded.adrs.adrs, adrDirectory: loaded.adrs.directory, components: loaded.book.components,
                                          rules: loaded.result.rules, proseRules: loaded.book.proseRules, diagnostics: loaded.diagnostics)
            let document = RulesReport.json(input)
            let structured = JSON.parse(document)
            return MCPToolResult(text: structured?.compact() ?? document, structured: structured)
        }

        func explain(_ query: String) -> MCPToolResult {
            let loaded: Pipeline.Loaded
            switch load() {
            case .failure(let failure): return failure.result
            case .success(let l): loaded = l
            }
            let input = ExplainInput.make(loaded, root: options.root)
            switch Explanation.subject(query, in: input) {
            case .failure(let unknown): return .failure("\(unknown.message)\nhint: \(unknown.hint)")
            case .success(let subject):
                let document = Explanation.document(for: subject, query: query, input: input)
                return MCPToolResult(text: Explanation.text(document), structured: Explanation.json(document))
            }
        }

        func mayImport(file: String, module: String) -> MCPToolResult {
            guard ImportQuestion.isModuleName(module) else { return .failure("`\(module)` is not a module name (identifiers joined by dots)") }
            guard let path = ChangedFiles.relative(file, to: options.root), !path.isEmpty else {
                return .failure("`\(file)` is outside the repository \(options.root): name a file relative to its root")
            }
            let before: Pipeline.Loaded
            switch load() {
            case .failure(let failure): return failure.result
            case .success(let l): before = l
            }
            guard let scanned = before.scan.files.first(where: { $0.path == path }) else {
                let hint = Suggestion.closest(to: path, in: before.scan.files.map(\.path)).map { " (did you mean `\($0)`?)" } ?? ""
                return .failure("`\(path)` is not a source file Stele reads in \(options.root)\(hint); may_import answers for existing files")
            }
            guard ExampleScene.writesImport(scanned) else {
                return .failure("`\(path)` is \(scanned.language.rawValue); may_import answers for files whose imports read `import Module` (Swift, Python)")
            }
            guard case .bytes(let bytes) = FileReader.readBytes(options.root + "/" + path) else { return .failure("cannot read \(path)") }
            let after: Pipeline.Loaded
            switch load(contents: [path: Array(ImportQuestion.virtualImport(module).utf8) + bytes]) {
            case .failure(let failure): return failure.result
            case .success(let l): after = l
            }
            let answer = ImportQuestion.answer(file: path, module: module, before: before.result, after: after.result,
                                               architecture: after.architecture,
                                               alreadyImported: scanned.imports.contains { $0.module == module || $0.path.joined(separator: ".") == module })
            return MCPToolResult(text: ImportQuestion.text(answer), structured: ImportQuestion.json(answer))
        }
    }
}

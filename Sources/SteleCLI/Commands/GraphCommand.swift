import SteleGraph
import SteleReport

/// `stele graph [PATH] --format dot|mermaid|json [--no-externals]`: the component dependency graph,
/// with the uses between folder components inside one module.
enum GraphCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        var pipeline = Pipeline(root: options.root, today: options.today, cache: options.cache)
        // Folder components inside a module depend on each other through uses, not imports.
        pipeline.moreSymbols = ComponentGraph.symbolSubjects(of:)
        let loaded = pipeline.run()
        for d in loaded.diagnostics where d.severity == .error { Output.error(d.description) }
        let graph = ComponentGraph(architecture: loaded.architecture, includeExternals: !options.noExternals)
        let text: String
        switch options.format ?? "dot" {
        case "mermaid": text = GraphReport.mermaid(graph)
        case "json": text = GraphReport.json(graph)
        default: text = GraphReport.dot(graph)
        }
        if let failed = options.emit(text) { return failed }
        return SteleCLI.ExitCode.success
    }
}

import SteleGraph
import SteleReport

/// `stele graph [PATH] --format dot|mermaid|json [--no-externals]`: the component dependency graph.
enum GraphCommand {
    static func run(_ options: CommandOptions, externals: Bool = true) -> Int32 {
        // The symbol uses the edges into folder components need are read like the rules' own.
        var pipeline = Pipeline(root: options.root, today: options.today, cache: options.cache)
        pipeline.symbolSources = ComponentGraph.symbolSources(in:)
        let loaded = pipeline.run()
        for d in loaded.diagnostics where d.severity == .error { Output.error(d.description) }
        let graph = ComponentGraph(architecture: loaded.architecture, includeExternals: externals)
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

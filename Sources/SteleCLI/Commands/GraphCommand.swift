import SteleGraph
import SteleReport

/// `stele graph [PATH] --format dot|mermaid|json`: the component dependency graph.
enum GraphCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        let loaded = Pipeline(root: options.root, today: options.today, cache: options.cache).run()
        for d in loaded.diagnostics where d.severity == .error { Output.error(d.description) }
        let graph = ComponentGraph(architecture: loaded.architecture)
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

// `swift package stele check`: runs Stele on the package that depends on it. A command plugin is
// its own small program, built by SwiftPM apart from the `stele` binary (which carries no
// Foundation, ADR-0005); it only finds the binary and hands it the arguments.
import Foundation
import PackagePlugin

@main
struct SteleCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let stele = try context.tool(named: "stele")
        // `swift package stele` alone checks the package; otherwise the arguments are stele's own,
        // with the package's directory as PATH when none is given after the command.
        var arguments = arguments.isEmpty ? ["check"] : arguments
        let takesPath: Set<String> = ["check", "rules", "scan", "graph", "review", "baseline", "init", "agents", "adr"]
        if let command = arguments.first, takesPath.contains(command), !arguments.dropFirst().contains(where: { !$0.hasPrefix("-") }) {
            arguments.insert(context.package.directoryURL.path, at: 1)
        }
        let process = Process()
        process.executableURL = stele.url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("stele \(arguments.first ?? "") exited with \(process.terminationStatus)")
            throw ExitCode(process.terminationStatus)
        }
    }

    struct ExitCode: Error, CustomStringConvertible {
        var code: Int32
        init(_ code: Int32) { self.code = code }
        var description: String { "exit code \(code)" }
    }
}

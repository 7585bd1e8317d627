import SteleCheck
import SteleFiles
import SteleGraph
import SteleReport

/// `stele init [PATH] [--dry-run] [--force]`: proposes the layering the code already follows and
/// writes it down (`InitProposal`), so that `stele check` passes at once and fails on the first
/// import that points up. One of the commands that write into the repository, and only these files;
/// nothing is overwritten without `--force`.
enum InitCommand {
    /// The ranked modules a rule cannot name by their name alone: a dotted package (Python's,
    /// Java's) with a module below it in another layer, whose name would take that one along. Each
    /// with globs of its own files: `dir/*.ext` for a folder whose modules' files are all its own,
    /// else the file's path.
    static func ownFiles(of layering: InferredLayering, _ architecture: Architecture) -> [String: [String]] {
        var layerOf: [String: Int] = [:]
        for (k, layer) in layering.layers.enumerated() { for module in layer { layerOf[module] = k } }
        var result: [String: [String]] = [:]
        for (module, k) in layerOf {
            let below = layerOf.keys.filter { ($0.hasPrefix(module + ".") || $0.hasPrefix(module + "/")) && layerOf[$0] != k }
            guard !below.isEmpty, let files = architecture.moduleFiles[module] else { continue }
            let scan = architecture.scan
            var globs: [String] = []
            var folders: [String: [String]] = [:]
            for i in files {
                let path = scan.files[i].path
                let slash = path.lastIndex(of: "/")
                folders[slash.map { String(path[..<$0]) } ?? "", default: []].append(path)
            }
            for (folder, paths) in folders.sorted(by: { $0.key < $1.key }) {
                let prefix = folder.isEmpty ? "" : folder + "/"
                // The folder's files (sorted listing: one range), each extension's all its own or not.
                var low = 0, high = scan.files.count
                while low < high {
                    let mid = (low + high) / 2
                    if scan.files[mid].path < prefix { low = mid + 1 } else { high = mid }
                }
                var inFolder: [String] = []
                while low < scan.files.count, scan.files[low].path.hasPrefix(prefix) {
                    if !scan.files[low].path.dropFirst(prefix.count).contains("/") { inFolder.append(scan.files[low].path) }
                    low += 1
                }
                let own = Set(paths)
                var byExtension: [String: [String]] = [:]
                for path in paths { byExtension[fileExtension(path), default: []].append(path) }
                for (suffix, mine) in byExtension.sorted(by: { $0.key < $1.key }) {
                    let shared = suffix.isEmpty || inFolder.contains { $0.hasSuffix(suffix) && !own.contains($0) }
                    globs += shared ? mine.sorted() : [prefix + "*" + suffix]
                }
            }
            result[module] = globs
        }
        return result
    }

    /// `.py` for `a/b.py`; "" when the file name has no dot.
    static func fileExtension(_ path: String) -> String {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
        return name.lastIndex(of: ".").map { String(name[$0...]) } ?? ""
    }

    static func run(_ options: CommandOptions, dryRun: Bool, force: Bool) -> Int32 {
        let loaded = Pipeline(root: options.root, today: options.today, cache: options.cache).run()
        for d in loaded.diagnostics where d.severity == .error { Output.error(d.description) }
        let layering = InferredLayering.infer(loaded.architecture)
        let hasADRs = !loaded.adrs.adrs.isEmpty
        let context = InitProposal.Context(today: options.today, commit: ChangedFiles.git(options.root, ["rev-parse", "HEAD"])?.first,
                                           newADRDirectory: hasADRs ? nil : (loaded.adrs.directory ?? "adr"),
                                           takenNames: loaded.architecture.knownNames,
                                           ownFiles: ownFiles(of: layering, loaded.architecture))
        let proposal = InitProposal(layering, context)

        if dryRun {
            for file in proposal.files { print("--- \(file.path)\n\(file.text)") }
            Output.error(summary(layering, proposal, wrote: false))
            return SteleCLI.ExitCode.success
        }
        let existing = proposal.files.filter { FileSystem.kind(of: options.root + "/" + $0.path) != nil }.map(\.path)
        if !existing.isEmpty && !force {
            Output.error("stele: error: \(existing.joined(separator: ", ")) already \(existing.count == 1 ? "exists" : "exist"): nothing was written\n  hint: `stele init --dry-run` prints what it would write; --force replaces \(existing.count == 1 ? "it" : "them")")
            return SteleCLI.ExitCode.usage
        }
        for file in proposal.files {
            let path = options.root + "/" + file.path
            let directory = String(path[..<path.lastIndex(of: "/")!])
            if let problem = FileSystem.createDirectories(directory) ?? FileSystem.write(file.text, to: path) {
                Output.error("stele: error: \(problem)")
                return SteleCLI.ExitCode.usage
            }
            Output.error("stele: wrote \(file.path)")
        }
        Output.error(summary(layering, proposal, wrote: true))

        // What was written is checked at once: it must pass, or init has proposed something false.
        let check = Pipeline(root: options.root, today: options.today, cache: options.cache).run()
        let enforced = check.result.rules.filter { $0.state.isEnforced }.count
        if check.result.errorCount > 0 || check.diagnostics.hasErrors {
            Output.error("stele: error: the rules written do not hold (\(check.result.errorCount) errors): please report this as a bug\n  hint: `stele check` lists them")
            return SteleCLI.ExitCode.findings
        }
        Output.error("stele: `stele check` passes with \(enforced == 1 ? "1 rule" : "\(enforced) rules") enforced; an import that points up a layer now fails it")
        return SteleCLI.ExitCode.success
    }

    static func summary(_ layering: InferredLayering, _ proposal: InitProposal, wrote: Bool) -> String {
        var lines = ["stele: \(layering.modules.count) modules in \(layering.layers.count) layers" + (proposal.layerNames.isEmpty ? "" : ": " + proposal.layerNames.joined(separator: " > "))]
        for group in layering.apart { lines.append("stele: kept apart, \(group.kind.lowercased()): " + group.modules.joined(separator: ", ")) }
        for cycle in layering.cycles {
            lines.append("stele: warning: " + cycle.modules.joined(separator: ", ") + " depend on each other in a cycle (e.g. " + cycle.example.joined(separator: " → ")
                         + "): they share a layer, and `no cycles` is not proposed until the cycle is broken")
        }
        if proposal.rules.isEmpty { lines.append("stele: no rule proposed: no two modules depend on each other yet") }
        if !wrote { lines.append("stele: nothing written (--dry-run)") }
        return lines.joined(separator: "\n")
    }
}

import SteleGraph

/// What `stele init` writes: `rules/architecture.stele` with the layering the code already follows
/// and, in a repository with no ADRs yet, the first two ADRs (recording decisions; the layering,
/// with its rules). Pure: the command decides where and whether to write.
public struct InitProposal: Sendable {
    public struct File: Sendable, Equatable {
        /// Repo-relative.
        public var path: String
        public var text: String
    }

    public struct Context: Sendable {
        public var today: String
        /// HEAD's commit, when the root is a git checkout.
        public var commit: String?
        /// Where ADRs go (`adr`, `docs/decisions`); nil when the repository already has ADRs, so
        /// that the rules go into `rules/architecture.stele` instead of a new ADR.
        public var newADRDirectory: String?
        /// Every name rules can already use (modules, components): a layer's name must not clash.
        public var takenNames: Set<String>
        /// Modules whose name in a rule would mean more than them (a dotted package with modules
        /// below it in other layers: `com.shop.data` over `com.shop.data.legacy`), with globs of
        /// their own files: their layer is a component of these instead.
        public var ownFiles: [String: [String]]

        public init(today: String, commit: String?, newADRDirectory: String?, takenNames: Set<String>, ownFiles: [String: [String]] = [:]) {
            self.today = today
            self.commit = commit
            self.newADRDirectory = newADRDirectory
            self.takenNames = takenNames
            self.ownFiles = ownFiles
        }
    }

    public var files: [File]
    /// The layers' names, top first (a module's own name, or `LayerN` for several modules).
    public var layerNames: [String]
    /// The rules proposed, in the order written.
    public var rules: [String]

    public static let rulesPath = "rules/architecture.stele"

    public init(_ layering: InferredLayering, _ context: Context) {
        // A layer of one module is named after it; a layer of several is a component `LayerN`,
        // numbered from the top as the comments and the ADR list them.
        var names: [String] = []
        var components: [String] = []
        for (k, layer) in layering.layers.enumerated() {
            if layer.count == 1, context.ownFiles[layer[0]] == nil { names.append(layer[0]); continue }
            var name = "Layer\(k + 1)"
            while context.takenNames.contains(name) { name += "_" }
            names.append(name)
            components.append("component \(name) = " + layer.map { context.ownFiles[$0]?.joined(separator: ", ") ?? "module \($0)" }.joined(separator: ", "))
        }
        layerNames = names
        var rules: [String] = []
        if names.count > 1 { rules.append("layers " + names.joined(separator: " > ")) }
        if layering.cycles.isEmpty && !layering.modules.isEmpty { rules.append("no cycles") }
        self.rules = rules

        var header = "# Written by `stele init` on \(context.today)"
        if let commit = context.commit { header += " (commit \(commit.prefix(12)))" }
        header += ": the layering the code follows today.\n"
        var stele = header
        if let directory = context.newADRDirectory {
            stele += "# The rules are in \(directory)/\(InitProposal.layeringADRName); these are the names they use.\n"
        } else {
            stele += "# Edit freely: a rule here is in force as if accepted. Move it into an ADR to record why.\n"
        }
        stele += InitProposal.summaryComments(layering, names: names)
        if !components.isEmpty { stele += "\n" + components.joined(separator: "\n") + "\n" }
        if context.newADRDirectory == nil && !rules.isEmpty { stele += "\n" + rules.joined(separator: "\n") + "\n" }

        var files = [File(path: InitProposal.rulesPath, text: stele)]
        if let directory = context.newADRDirectory {
            files.append(File(path: directory + "/0001-record-architecture-decisions.md", text: InitProposal.firstADR(context.today, directory)))
            files.append(File(path: directory + "/" + InitProposal.layeringADRName, text: InitProposal.layeringADR(layering, names: names, rules: rules, context)))
        }
        self.files = files
    }

    public static let layeringADRName = "0002-module-layering.md"

    /// The layers, the modules kept apart and the cycles, as comments.
    static func summaryComments(_ layering: InferredLayering, names: [String]) -> String {
        var out = "#\n"
        if layering.layers.isEmpty {
            out += "# No module of the project was found: there is nothing to layer yet.\n"
        }
        for (k, layer) in layering.layers.enumerated() {
            let position = k == 0 ? " (top)" : k == layering.layers.count - 1 ? " (bottom)" : ""
            out += "# layer \(k + 1)\(position): " + (names[k] != layer[0] ? names[k] + " = " : "") + layer.joined(separator: ", ") + "\n"
        }
        for group in layering.apart {
            out += "# kept apart (\(group.kind.lowercased()) may use any layer): " + group.modules.joined(separator: ", ") + "\n"
        }
        for cycle in layering.cycles {
            out += "# in a dependency cycle, so in one layer: " + cycle.modules.joined(separator: ", ") + " (e.g. " + cycle.example.joined(separator: " → ") + ")\n"
        }
        return out
    }

    static func firstADR(_ today: String, _ directory: String) -> String {
        """
        # 1. Record architecture decisions

        Date: \(today)

        ## Status

        Accepted

        ## Context

        Architectural decisions get lost when they live only in people's heads, chat threads and pull
        request comments. New team members, and the coding agents that write more and more of the
        code, cannot respect what they cannot read.

        ## Decision

        We record architecture decisions as Architecture Decision Records in `\(directory)/`, one Markdown
        file each, numbered, in Michael Nygard's format (title, status, context, decision,
        consequences). A decision that can be checked carries its rules in a `stele` block, which
        `stele check` enforces; `stele adr new "Title"` starts a new record.

        ## Consequences

        A change that breaks a decision fails `stele check`, with a message that names the decision.
        Changing the architecture means writing or superseding an ADR first.

        """
    }

    static func layeringADR(_ layering: InferredLayering, names: [String], rules: [String], _ context: Context) -> String {
        var out = "# 2. Module layering\n\nDate: \(context.today)\n\n## Status\n\nAccepted\n\n## Context\n\n"
        out += "`stele init` read the modules of this repository and the imports between them"
        out += context.commit.map { " at commit `\($0.prefix(12))`" } ?? ""
        out += ".\nEach module is ranked by the longest chain of imports below it, so every import between two\n"
        out += "modules in different layers points down today:\n\n"
        if layering.layers.isEmpty { out += "- (no module found)\n" }
        for (k, layer) in layering.layers.enumerated() {
            let label = names[k] != layer[0] ? "`\(names[k])`: " : ""
            out += "- layer \(k + 1)\(k == 0 && layering.layers.count > 1 ? " (top)" : k == layering.layers.count - 1 && k > 0 ? " (bottom)" : ""): \(label)"
            out += layer.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        }
        if !layering.apart.isEmpty {
            out += "\nKept apart, free to use any layer: " + layering.apart.map { group in
                group.kind.lowercased() + " (" + group.modules.map { "`\($0)`" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ") + ".\n"
        }
        if !layering.cycles.isEmpty {
            out += "\nThese modules depend on each other in a cycle, so they share a layer until it is broken:\n\n"
            for cycle in layering.cycles {
                out += "- " + cycle.modules.map { "`\($0)`" }.joined(separator: ", ") + " (for example " + cycle.example.map { "`\($0)`" }.joined(separator: " → ") + ")\n"
            }
            out += "\nOnce it is, split the layer and add `no cycles` below.\n"
        }
        out += "\n## Decision\n\n"
        if rules.isEmpty {
            out += "There is no layering to keep yet: no two modules depend on each other. When they do, run\n`stele init --dry-run` again and copy its rules here.\n"
        } else if names.count < 2 {
            out += "No module depends on another yet, so there are no layers to keep; no dependency cycle may form.\n"
            out += "When modules depend on each other, run `stele init --dry-run` again and copy its layers here.\n"
            out += "\n```stele\n" + rules.joined(separator: "\n") + "\n```\n"
        } else {
            out += "The modules stay in these layers: a module depends only on modules in the layers below it"
            out += layering.cycles.isEmpty ? ",\nand no dependency cycle forms.\n" : ".\n"
            out += "\n```stele\n" + rules.joined(separator: "\n") + "\n```\n"
        }
        out += "\n## Consequences\n\n"
        out += "An import that points up a layer\(layering.cycles.isEmpty ? " or closes a cycle" : "") fails `stele check`, naming this ADR. A module that\n"
        out += "needs a higher one is a design question: move the shared code down, or supersede this ADR with\n"
        out += "the new layering. New modules are not in a layer until they are added to one.\n"
        return out
    }
}

import SteleADR
import SteleCore
import SteleFiles

/// `stele adr new "Title" [PATH]`: writes the next ADR in the collection's own format (numbering,
/// file prefix, Nygard or MADR, title form), status proposed, today's date, and a `stele` block to
/// fill in; prints its path. Never overwrites. In a repository without ADRs it creates `adr/` (the
/// folder Stele looks in first; or the `adr directory` the rules name) with adr-tools' first ADR,
/// `0001-record-architecture-decisions.md`, then the new one.
enum ADRNewCommand {
    static func run(_ arguments: CommandLineArguments) -> Int32 {
        guard let title = arguments.positional.first?.trimmingWhitespace(), !title.isEmpty, !title.contains("\n") else {
            return ADRCommand.usage("`stele adr new` needs a title: `stele adr new \"Use GRDB for storage\" [PATH]`")
        }
        let root: String
        switch ADRCommand.root(arguments, at: 1) {
        case .failure(let problem): return ADRCommand.usage(problem.message)
        case .success(let r): root = r
        }
        let today = ADRCommand.today(arguments)
        guard CalendarDay.number(today) != nil else { return ADRCommand.usage("`--today` takes a date `YYYY-MM-DD`, not `\(today)`") }
        let status = (arguments.options["--status"] ?? "proposed").lowercased()
        guard ADRStatus(rawValue: status).map({ $0 != .unknown }) == true else {
            return ADRCommand.usage("unknown status `\(status)`\n  hint: proposed (the default), accepted, deprecated, superseded or rejected")
        }
        let workspace = ADRCommand.Workspace(root: root, today: today)
        var created: [String] = []
        let directory: String
        var format: ADRFormat
        var number: Int
        if let existing = workspace.collection.directory {
            directory = existing
            let texts = workspace.collection.adrs.compactMap { adr -> (name: String, text: String)? in
                guard case .text(let bytes, true) = FileReader.read(root + "/" + adr.file) else { return nil }
                return (adr.file, String(decoding: bytes, as: UTF8.self))
            }
            format = ADRFormat.detect(texts)
            number = ADRTemplate.nextNumber(after: workspace.collection.adrs)
        } else {
            // No ADR folder yet: the configured one, else `adr/`; started as adr-tools starts one.
            directory = workspace.configuredDirectory.map(ADRCommand.trimmedDirectory) ?? "adr"
            if directory.hasPrefix("/") || directory.split(separator: "/").contains("..") {
                return ADRCommand.usage("the ADR directory `\(directory)` is outside the repository")
            }
            if let problem = FileSystem.createDirectories(root + "/" + directory) { return ADRCommand.usage(problem) }
            format = .adrTools
            let first = directory + "/" + ADRTemplate.fileName(format: format, number: 1, title: "Record architecture decisions", date: today)
            if FileSystem.kind(of: root + "/" + first) == nil {
                if let problem = FileSystem.write(ADRTemplate.recordArchitectureDecisions(format: format, date: today), to: root + "/" + first) {
                    return ADRCommand.usage(problem)
                }
                created.append(first)
            }
            number = 2
        }
        let file = directory + "/" + ADRTemplate.fileName(format: format, number: number, title: title, date: today)
        guard FileSystem.kind(of: root + "/" + file) == nil else {
            for path in created { print(workspace.display(path)) }
            return ADRCommand.usage("\(workspace.display(file)) exists; not overwritten\n  hint: choose another title")
        }
        let text = ADRTemplate.render(format: format, number: number, title: title, date: today, status: status)
        if let problem = FileSystem.write(text, to: root + "/" + file) { return ADRCommand.usage(problem) }
        created.append(file)
        for path in created { print(workspace.display(path)) }
        return SteleCLI.ExitCode.success
    }
}

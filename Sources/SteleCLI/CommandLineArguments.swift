import SteleCore

/// The parsed command line: `stele COMMAND [SUBCOMMAND] [PATH] [--option VALUE] [--flag]`.
///
/// Hand-written (no dependencies): options are `--name value` or `--name=value`; anything not
/// starting with `-` is positional; `--` ends options.
struct CommandLineArguments: Equatable, Sendable {
    var command: String?
    /// `stele adr new`: the word after a command that has subcommands; its spec is `specs["adr new"]`.
    var subcommand: String?
    var positional: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []
    /// Options that take every following argument up to the next option: `--files A B C`.
    var lists: [String: [String]] = [:]

    /// What a command accepts, for validation and "did you mean".
    struct Spec: Sendable {
        var options: Set<String>
        var flags: Set<String>
        var maxPositional: Int
        var lists: Set<String> = []
        /// A command made of subcommands (`adr`: new, list, lint) takes one first.
        var subcommands: [String] = []
        /// Options whose value is optional and given only inline: `--judge` or `--judge=replay`
        /// (a bare one is stored with the value "").
        var optionalValues: Set<String> = []
    }

    struct UsageError: Error, Equatable, CustomStringConvertible {
        var message: String
        var hint: String?
        var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
    }

    static func parse(_ arguments: [String], specs: [String: Spec]) -> Result<CommandLineArguments, UsageError> {
        var result = CommandLineArguments()
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            result.command = first
            rest = rest.dropFirst()
        }
        var commandName = result.command ?? ""
        guard var spec = specs[commandName], !commandName.contains(" ") else {
            return .failure(UsageError(message: "unknown command `\(commandName)`",
                                       hint: Suggestion.closest(to: commandName, in: specs.keys.filter { !$0.isEmpty && !$0.contains(" ") })
                                           .map { "did you mean `stele \($0)`?" } ?? "run `stele help` for the list of commands"))
        }
        if !spec.subcommands.isEmpty {
            let list = spec.subcommands.map { "`\($0)`" }.joined(separator: ", ")
            guard let word = rest.first, !word.hasPrefix("-") else {
                // `stele adr --help`: the command's help.
                if rest.contains("--help") || rest.contains("-h") { result.flags.insert("--help"); return .success(result) }
                return .failure(UsageError(message: "`stele \(commandName)` needs a subcommand: \(list)", hint: "run `stele help \(commandName)`"))
            }
            guard spec.subcommands.contains(word), let subSpec = specs[commandName + " " + word] else {
                return .failure(UsageError(message: "unknown subcommand `\(word)` for `stele \(commandName)`",
                                           hint: Suggestion.closest(to: word, in: spec.subcommands).map { "did you mean `stele \(commandName) \($0)`?" }
                                               ?? "`stele \(commandName)` takes \(list)"))
            }
            result.subcommand = word
            rest = rest.dropFirst()
            spec = subSpec
            commandName += " " + word
        }
        var onlyPositional = false
        while let argument = rest.first {
            rest = rest.dropFirst()
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                result.positional.append(argument)
                continue
            }
            if argument == "--" { onlyPositional = true; continue }
            var name = argument
            var inlineValue: String?
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inlineValue = String(argument[argument.index(after: eq)...])
            }
            if name == "-h" { name = "--help" }
            if spec.lists.contains(name) {
                var values = inlineValue.map { [$0] } ?? []
                while let next = rest.first, !next.hasPrefix("-") || next == "-" {
                    values.append(next)
                    rest = rest.dropFirst()
                }
                guard !values.isEmpty else { return .failure(UsageError(message: "`\(name)` needs at least one value", hint: nil)) }
                result.lists[name, default: []] += values
            } else if spec.optionalValues.contains(name) {
                result.options[name] = inlineValue ?? ""
            } else if spec.flags.contains(name) {
                guard inlineValue == nil else { return .failure(UsageError(message: "`\(name)` takes no value", hint: nil)) }
                result.flags.insert(name)
            } else if spec.options.contains(name) {
                if let inlineValue {
                    result.options[name] = inlineValue
                } else if let value = rest.first {
                    result.options[name] = value
                    rest = rest.dropFirst()
                } else {
                    return .failure(UsageError(message: "`\(name)` needs a value", hint: nil))
                }
            } else {
                let known = spec.options.union(spec.flags).union(spec.lists).union(spec.optionalValues)
                return .failure(UsageError(message: "unknown option `\(name)`" + (commandName.isEmpty ? "" : " for `stele \(commandName)`"),
                                           hint: Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
                                               ?? "run `stele help \(commandName)`"))
            }
        }
        if result.positional.count > spec.maxPositional && !result.flags.contains("--help") {
            return .failure(UsageError(message: "unexpected argument `\(result.positional[spec.maxPositional])`",
                                       hint: "`stele \(commandName)` takes \(spec.maxPositional == 0 ? "no" : "at most \(spec.maxPositional)") positional \(spec.maxPositional == 1 ? "argument" : "arguments")"))
        }
        return .success(result)
    }
}

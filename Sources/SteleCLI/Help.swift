import SteleReport

/// `stele help [COMMAND]`.
enum Help {
    static func text(for command: String?) -> String {
        switch command {
        case "check":
            return """
            USAGE: stele check [PATH] [--format FORMAT] [--output FILE] [--baseline FILE] [--today YYYY-MM-DD] [--quiet]
                               [--staged | --since REF | --files F...] [--no-cache] [--judge[=replay] | --judge-dry-run]

            Compiles the rules in rules/*.stele and in the ADRs, scans PATH (default: .), and reports every
            violation with the rule and the ADR it comes from.

            Exit codes: 0 no error-severity finding; 1 error-severity findings; 2 usage, rule or ADR errors.
              --format    \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")):
            \(CheckFormat.allCases.map { "                " + $0.rawValue.padding(toLength: 10) + $0.summary }.joined(separator: "\n"))
              --output    write the report to FILE instead of standard output
              --baseline  report only findings not in FILE (written by `stele baseline --output FILE`)
              --staged    check what is staged in git (the index's content) and report findings in those files
              --since     report findings in files changed since REF (and untracked files)
              --files     report findings in these files only
                          (the whole tree is still checked, so cycles and indirect dependencies agree with CI)
              --today     the date `until` waivers are compared with (default: today, UTC; or $STELE_TODAY)
              --quiet     print only error diagnostics on standard error
              --no-cache  scan every file, without the facts cache (also STELE_CACHE=0)
              --judge     also ask the LLM judge (STELE_LLM_URL, STELE_LLM_MODEL, STELE_LLM_API_KEY,
                          STELE_LLM_PROVIDER=openai|anthropic) about `judge` rules, file by file; verdicts
                          are stored in .stele/verdicts.jsonl and not asked again (docs/judge.md)
              --judge=replay   the stored verdicts only: never a connection (CI)
              --judge-dry-run  print the requests --judge would send, send nothing

            The facts cache (what each file imports and declares, by content hash) lives in
            $STELE_CACHE_DIR, else $XDG_CACHE_HOME/stele, else ~/.cache/stele; deleting it is always safe.
            """
        case "baseline":
            return """
            USAGE: stele baseline [PATH] --output FILE

            Writes today's findings to FILE, so that `stele check --baseline FILE` fails only on new ones.
            Entries are matched by fingerprints (rule, file, dependency and the offending line's text, not
            its number), so moving code keeps them baselined. Commit the file; regenerate it to drop fixed
            entries (`check --baseline` lists them).
            """
        case "install-hook":
            return """
            USAGE: stele install-hook [PATH] [--force]

            Writes a git pre-commit hook that runs `stele check --staged --quiet`: a commit that breaks an
            accepted decision is stopped, with the finding and its ADR. It refuses to replace a hook it did
            not write unless --force is given. Skip the check once with `git commit --no-verify`.
            For the pre-commit framework, use the `stele` hook of .pre-commit-hooks.yaml instead.
            """
        case "scan":
            return """
            USAGE: stele scan [PATH] [--format text|json] [--output FILE] [--no-cache]

            Prints what rules can name: every module (from Package.swift and Xcode projects), declared
            component and implicit one (Tests, Examples) with its files, and the externals the code imports.
            --format json prints every fact Stele checks: each source file with its language, module, imports
            (line, column, kind, attributes, #if conditions) and declarations, the modules, and the resolved
            symbol edges between files.
            """
        case "rules":
            return """
            USAGE: stele rules [PATH] [--format text|json] [--output FILE] [--today YYYY-MM-DD]

            Prints the decision set as Stele reads it: every ADR (id, title, normalised status, file, links)
            and every rule with its provenance, severity, and whether it is in force and why not.
            """
        case "graph":
            return """
            USAGE: stele graph [PATH] [--format dot|mermaid|json] [--output FILE] [--no-externals] [--no-cache]

            Prints the component dependency graph: the declared components, every module for its files in
            none of them, and the externals they import (dashed). An edge's label counts the imports that
            make it and, where a component is part of a module (a folder), the uses of the types and
            functions declared in the other component's files.
              --format        dot (default, Graphviz), mermaid, or json
              --output        write the graph to FILE instead of standard output
              --no-externals  leave out the externals (packages' and the SDK's modules) and their edges
              --no-cache      scan every file, without the facts cache (also STELE_CACHE=0)
            """
        case "review":
            return """
            USAGE: stele review [PATH] [--format html|markdown|json] [--output FILE] [--baseline FILE] [--today YYYY-MM-DD] [--no-cache]

            Writes the architecture review: every ADR with its rules and their state (enforced, warning
            only, waived, vacuous, not in force, prose), the component graph (inline SVG), the dependency
            matrix, each component's coupling and instability, and the violations by ADR. HTML is
            self-contained (nothing fetched when it opens) and goes to stele-review.html unless --output
            says otherwise (`--output -`: standard output); markdown (for a pull-request comment) and json
            go to standard output.
              --baseline  mark the findings FILE accepts, and give its size
            """
        default:
            return """
            stele \(SteleCLI.version): architecture decisions, enforced.

            USAGE: stele COMMAND [PATH] [OPTIONS]

            COMMANDS:
              check     check the code against the rules in the ADRs and rules/*.stele (the gate)
              rules     list the ADRs and the rules compiled from them
              scan      print the modules, components and externals rules can name (json: every fact)
              graph     print the component dependency graph (dot, mermaid, json)
              review    write the architecture review report (self-contained HTML, markdown, json)
              baseline  accept today's findings so that only new ones fail `check --baseline`
              install-hook  install a git pre-commit hook running `stele check --staged`
              help      show help for a command: `stele help check`
              version   print the version

            Run `stele check` in a repository to check it; see README.md for the rule language.
            """
        }
    }
}

extension String {
    func padding(toLength width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}

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
            USAGE: stele rules [PATH] [--format text|json] [--output FILE] [--today YYYY-MM-DD] [--suggest [--judge-dry-run]]

            Prints the decision set as Stele reads it: every ADR (id, title, normalised status, file, links)
            and every rule with its provenance, severity, and whether it is in force and why not.
              --suggest        ask the LLM judge (STELE_LLM_URL, STELE_LLM_MODEL, …) which rules each ADR in
                               force calls for; prints those that parse, per ADR, as a stele block to paste
                               (the others commented out with why); writes nothing (docs/judge.md)
              --judge-dry-run  with --suggest: print the requests, send nothing
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
            USAGE: stele review [PATH] [--format html|markdown|json] [--output FILE] [--baseline FILE]
                                [--compare OLD.json | --since REF] [--judge=replay] [--today YYYY-MM-DD] [--no-cache]

            Writes the architecture review: every ADR with its rules and their state (enforced, warning
            only, waived, vacuous, not in force, prose), the component graph (inline SVG), the dependency
            matrix, each component's coupling and instability, and the violations by ADR. HTML is
            self-contained (nothing fetched when it opens) and goes to stele-review.html unless --output
            says otherwise (`--output -`: standard output); markdown (for a pull-request comment) and json
            go to standard output.
              --baseline  mark the findings FILE accepts, and give its size
              --compare   add what changed since a saved `stele review --format json` (or `stele check
                          --format json`): new and fixed findings, dependencies added and removed,
                          the decisions touched
              --since     the same since commit REF (its tree, with its own ADRs and rules), plus the
                          changed files: the review of a pull request
              --judge=replay  add the LLM judge's stored verdicts (.stele/verdicts.jsonl), marked as
                          judged; never a request (docs/judge.md)
            """
        case "init":
            return """
            USAGE: stele init [PATH] [--dry-run] [--force] [--today YYYY-MM-DD]

            Reads the modules and the imports between them and writes down the layering the code follows
            today: rules/architecture.stele and, in a repository with no ADRs, two ADRs in adr/ (0001, recording
            decisions; 0002, the module layering, with the rules: `layers …`, and `no cycles` when there is
            none). Modules are ranked by the longest chain of imports below them, so every import
            points down: `stele check` passes at once, and an import that points up fails it. Tests, examples
            and benchmarks are kept apart; modules in a dependency cycle share a layer, and the cycle is
            reported. Then `stele check` runs on what was written.
              --dry-run  print the files instead of writing them
              --force    replace files that exist (otherwise nothing is written)
            """
        case "explain":
            return """
            USAGE: stele explain ADR-ID|RULE|FINGERPRINT [PATH] [--format text|json] [--output FILE] [--no-cache]

            Explains a decision and what enforces it: the ADR's title, status, reason (its Context) and
            decision, each compiled rule with the file and line it is written on, a minimal violating example
            and its fix (made for the rule's kind, with the tree's own files and types where it has them),
            and today's findings for the rule (the real check runs).
              ADR-ID       ADR-0003, 0003, 3 or adr-3
              RULE         a rule id as `stele rules --format json` gives it (ADR-0003/R1,
                           rules/architecture.stele/R2), or the rule's text (case and spacing do not matter)
              FINGERPRINT  a finding's fingerprint from `stele check --format json` or a baseline
            Each finding of `stele check` ends with the command that explains it. An argument that names
            nothing exits 2 with the closest name.
            """
        case "agents":
            return """
            USAGE: stele agents [PATH] [--update FILE] [--output FILE] [--quiet]

            Prints a compact Markdown brief of the rules in force for coding agents (AGENTS.md, CLAUDE.md):
            grouped by the component each rule is about, each with its ADR, then each ADR's reason. The
            brief sits between `<!-- stele:agents:begin -->` and `<!-- stele:agents:end -->`.
              --update FILE  rewrite only that section of FILE (appended when FILE has none; FILE is created
                             when missing); every other byte stays, the write is atomic, and an unchanged
                             section is not rewritten. A begin marker without an end marker is an error.
            """
        case "mcp":
            return """
            USAGE: stele mcp [PATH] [--today YYYY-MM-DD] [--no-cache] [--quiet]

            Runs a Model Context Protocol server on standard input/output for coding agents: JSON-RPC 2.0,
            one message per line; protocol versions \(MCPServer.supportedVersions.joined(separator: ", ")),
            negotiated in `initialize`. Tools:
              check       findings as `stele check --format json` gives them (all, or for `files`)
              rules       the ADRs and rules as `stele rules --format json` gives them
              explain     what `stele explain` says, for `query`
              may_import  whether `file` may import `module`, and the rules and ADRs that decide it
            Every call reads the tree afresh. Standard output carries only protocol messages; notes go to
            standard error. The server ends, with exit code 0, when standard input ends.
            See docs/agents.md for a client configuration.
            """
        case "adr":
            return """
            USAGE: stele adr new "Title" [PATH] [--today YYYY-MM-DD] [--status STATUS]
                   stele adr list [PATH] [--format text|json] [--output FILE]
                   stele adr lint [PATH] [--format text|json] [--output FILE]

            Housekeeping for the ADRs, in the format the repository already uses (its ADR folder or the
            `adr directory` setting; numbering 0001-, 001-, ADR-7, date-prefixed or none; Nygard `## Status`,
            MADR front matter or `* Status:` bullets, or `Status:` lines; `# 3. Title`, `# ADR-003: Title`
            or `# Title`).

              new   write the next ADR, named after its title, status proposed (or --status), dated today
                    (--today, else $STELE_TODAY), with a `stele` block to fill in; print its path. Never
                    overwrites. With no ADR folder yet, creates adr/ with 0001-record-architecture-decisions.md
                    first, as adr-tools does.
              list  id, status, date, title and rule count of each ADR (json: an array of objects with the
                    keys id, status, date, title, rules, file)
              lint  missing or unknown statuses, broken or one-sided supersede links, duplicate numbers, rules
                    in ADRs no longer in force (and rules in rules/*.stele that cite them), bullets that read
                    like rules but are not enforced (with the rule they probably meant), malformed front matter

            Exit codes: 0 done (lint: no error-severity finding); 1 lint found errors; 2 usage errors,
            or `new` would overwrite a file.
            """
        default:
            return """
            stele \(SteleCLI.version): architecture decisions, enforced.

            USAGE: stele COMMAND [PATH] [OPTIONS]

            COMMANDS:
              init      write down the layering the code follows today (rules/, and ADRs if there are none)
              check     check the code against the rules in the ADRs and rules/*.stele (the gate)
              rules     list the ADRs and the rules compiled from them
              scan      print the modules, components and externals rules can name (json: every fact)
              graph     print the component dependency graph (dot, mermaid, json)
              review    write the architecture review report (self-contained HTML, markdown, json)
              explain   explain an ADR, a rule or a finding: the decision, an example and its fix
              agents    print the rules in force for AGENTS.md-style files (`--update FILE`)
              mcp       run a Model Context Protocol server for coding agents on stdin/stdout
              baseline  accept today's findings so that only new ones fail `check --baseline`
              adr       ADR housekeeping in the repository's own format: `adr new "Title"`, `adr list`, `adr lint`
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

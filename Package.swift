// swift-tools-version:6.0
// Stele: ADRs become executable architecture rules.
//
// One target per pipeline stage; each depends only on the stages before it
// (see adr/0003-pipeline-layering.md, which `stele check` enforces on this repo).
// No package dependencies: the toolchain only (adr/0002-no-package-dependencies.md).
import PackageDescription

let package = Package(
    name: "Stele",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stele", targets: ["stele"]),
        .executable(name: "stele-judge", targets: ["stele-judge"]),
        // `swift package stele check` in a package that depends on Stele.
        .plugin(name: "SteleCommand", targets: ["SteleCommand"]),
    ],
    targets: [
        // Shared value types: locations, diagnostics, globs, JSON, suggestions.
        .target(name: "SteleCore"),
        // The file-system edge: reading, listing, writing, environment, clock (POSIX, no Foundation).
        .target(name: "SteleFiles"),
        // Stage 1: Architecture Decision Records -> ADR values with their rule text.
        .target(name: "SteleADR", dependencies: ["SteleCore", "SteleFiles"]),
        // Stage 2: the rule language -> compiled rules with provenance.
        .target(name: "SteleRules", dependencies: ["SteleCore", "SteleADR"]),
        // Stage 3: source files and manifests -> facts (modules, imports).
        .target(name: "SteleScan", dependencies: ["SteleCore", "SteleFiles"]),
        // Stage 4: facts + component declarations -> component dependency graph.
        .target(name: "SteleGraph", dependencies: ["SteleCore", "SteleScan", "SteleRules"]),
        // Stage 5: rules evaluated over the graph -> findings.
        .target(name: "SteleCheck", dependencies: ["SteleCore", "SteleRules", "SteleScan", "SteleGraph"]),
        // Stage 6: findings -> text, JSON, ...
        .target(name: "SteleReport", dependencies: ["SteleCore", "SteleADR", "SteleRules", "SteleScan", "SteleGraph", "SteleCheck"]),
        // Stage 7: the command line: argument parsing and file-system I/O.
        .target(name: "SteleCLI", dependencies: ["SteleCore", "SteleFiles", "SteleADR", "SteleRules", "SteleScan", "SteleGraph", "SteleCheck", "SteleReport", "SteleJudge"]),
        .executableTarget(name: "stele", dependencies: ["SteleCLI"]),
        // The LLM judge's pure part, linked into `stele`: questions, prompts, redaction, strict verdicts,
        // the verdict store. No networking, no Foundation (adr/0007-the-judge-talks-through-a-helper.md).
        .target(name: "SteleJudge", dependencies: ["SteleCore", "SteleRules", "SteleCheck"]),
        // The judge's HTTP transport (URLSession): the one place Foundation is allowed, never linked into
        // `stele`, which runs it as the `stele-judge` subprocess (adr/0007-the-judge-talks-through-a-helper.md).
        .target(name: "SteleJudgeClient", dependencies: ["SteleJudge", "SteleCore"]),
        .executableTarget(name: "stele-judge", dependencies: ["SteleJudgeClient"]),
        // Runs the `stele` binary for `swift package stele …` (Plugins/SteleCommand).
        .plugin(name: "SteleCommand", capability: .command(intent: .custom(verb: "stele", description: "Check the package against its architecture decisions")),
                dependencies: ["stele"]),

        // What several test targets share: fixture paths, the real binary's runner, temporary trees.
        .target(name: "SteleTestSupport", path: "Tests/SteleTestSupport"),
        .testTarget(name: "SteleCoreTests", dependencies: ["SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleFilesTests", dependencies: ["SteleFiles"]),
        .testTarget(name: "SteleADRTests", dependencies: ["SteleADR", "SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleRulesTests", dependencies: ["SteleRules", "SteleADR", "SteleCore"]),
        .testTarget(name: "SteleScanTests", dependencies: ["SteleScan", "SteleCore", "SteleFiles", "SteleTestSupport"]),
        .testTarget(name: "SteleGraphTests", dependencies: ["SteleGraph", "SteleScan", "SteleRules", "SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleCheckTests", dependencies: ["SteleCheck", "SteleGraph", "SteleScan", "SteleRules", "SteleADR", "SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleReportTests", dependencies: ["SteleReport", "SteleCheck", "SteleGraph", "SteleRules", "SteleADR", "SteleCore"]),
        .testTarget(name: "SteleJudgeTests", dependencies: ["SteleJudge", "SteleJudgeClient", "SteleCheck", "SteleRules", "SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleCLITests", dependencies: ["stele", "stele-judge", "SteleCLI", "SteleCheck", "SteleReport", "SteleTestSupport"]),
    ]
)

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
        .target(name: "SteleCLI", dependencies: ["SteleCore", "SteleFiles", "SteleADR", "SteleRules", "SteleScan", "SteleGraph", "SteleCheck", "SteleReport"]),
        .executableTarget(name: "stele", dependencies: ["SteleCLI"]),
        // Runs the `stele` binary for `swift package stele …` (Plugins/SteleCommand).
        .plugin(name: "SteleCommand", capability: .command(intent: .custom(verb: "stele", description: "Check the package against its architecture decisions")),
                dependencies: ["stele"]),

        // What several test targets share: fixture paths, the real binary's runner, temporary trees.
        .target(name: "SteleTestSupport", path: "Tests/SteleTestSupport"),
        .testTarget(name: "SteleCoreTests", dependencies: ["SteleCore"]),
        .testTarget(name: "SteleFilesTests", dependencies: ["SteleFiles"]),
        .testTarget(name: "SteleADRTests", dependencies: ["SteleADR", "SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleRulesTests", dependencies: ["SteleRules", "SteleADR", "SteleCore"]),
        .testTarget(name: "SteleScanTests", dependencies: ["SteleScan", "SteleCore", "SteleFiles", "SteleTestSupport"]),
        .testTarget(name: "SteleGraphTests", dependencies: ["SteleGraph", "SteleScan", "SteleRules", "SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleCheckTests", dependencies: ["SteleCheck", "SteleGraph", "SteleScan", "SteleRules", "SteleADR", "SteleCore", "SteleTestSupport"]),
        .testTarget(name: "SteleReportTests", dependencies: ["SteleReport", "SteleCheck", "SteleGraph", "SteleRules", "SteleADR", "SteleCore"]),
        .testTarget(name: "SteleCLITests", dependencies: ["stele", "SteleCLI", "SteleCheck", "SteleReport", "SteleTestSupport"]),
    ]
)

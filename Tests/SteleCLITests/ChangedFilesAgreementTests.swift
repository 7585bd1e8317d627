import Foundation
import XCTest
@testable import SteleCheck
@testable import SteleCLI
import SteleTestSupport

/// The property behind `--staged`, `--since` and `--files`: over random edits of a fixture repo, the
/// changed-files view reports every finding the change introduces (a full run after the edit has it,
/// a full run before does not), including cycles and indirect paths the change closes far from where
/// the full run pins them; and it reports nothing a full run would not.
final class ChangedFilesAgreementTests: XCTestCase {
    /// Modules to import, and names declared in the fixture to use, picked at random.
    static let modules = ["Core", "Net", "Store", "Feature", "App", "Foundation"]
    static let names = ["Clock", "Identifier", "Client", "Request", "Database", "Sync", "ProfileScreen", "Theme",
                        "ProfileModel", "Validation", "ProfileRepository", "Cache", "print"]
    static let folders = ["Sources/Core", "Sources/Net", "Sources/Store", "Sources/Feature", "Sources/App/UI",
                          "Sources/App/Domain", "Sources/App/Data"]

    func testChangedFilesAgreeWithFullRunsOverRandomEdits() throws {
        let tree = try TemporaryTree(copying: "change-agreement")
        defer { tree.remove() }
        let before = run(tree.path)
        XCTAssertTrue(before.findings.isEmpty, "the fixture starts clean: \(before.findings.map(\.message))")
        let originals = try swiftFiles(in: tree)
        var random = SplitMix(seed: 0x57E1E)
        var introducedTotal = 0, relocatedTotal = 0
        for trial in 0..<200 {
            // One to three files edited; every other trial hands the edits over as staged contents
            // (the index), leaving the work tree as it was, like `--staged`.
            var edits: [String: String] = [:]
            for _ in 0...random.below(3) {
                let (path, text) = edit(originals.merging(edits) { $1 }, &random)
                edits[path] = text
            }
            let staged = trial % 2 == 1
            for (path, text) in edits { try tree.write(path, text) }
            let after = run(tree.path)
            if staged {
                for path in edits.keys {
                    if let original = originals[path] { try tree.write(path, original) }
                }
            }
            let contents = staged ? edits.filter { originals[$0.key] != nil }.mapValues { Array($0.utf8) } : [:]
            let changed = run(tree.path, contents: contents, changes: ChangeScope(paths: Set(edits.keys)))
            let context = "trial \(trial), edits: \(edits.keys.sorted())"

            // Nothing invented: every changed-files finding stands for full-run findings of the same rule.
            let afterRules = Dictionary(after.findings.map { ($0.fingerprint, $0.rule.text) }, uniquingKeysWith: { a, _ in a })
            let afterFiles = Dictionary(after.findings.map { ($0.fingerprint, $0.location.file) }, uniquingKeysWith: { a, _ in a })
            for finding in changed.findings {
                for fingerprint in finding.fingerprints {
                    XCTAssertEqual(afterRules[fingerprint], finding.rule.text, "\(context): \(finding.location) \(finding.message) is not in the full run")
                }
                XCTAssertTrue(edits.keys.contains(finding.location.file) || finding.declaringFile.map(edits.keys.contains) == true,
                              "\(context): \(finding.location) is reported outside the change")
                if afterFiles[finding.fingerprint] != finding.location.file { relocatedTotal += 1 }
            }
            // Nothing missed: every finding the change introduces is reported.
            let reported = Set(changed.findings.flatMap(\.fingerprints))
            let old = Set(before.findings.map(\.fingerprint))
            for finding in after.findings where !old.contains(finding.fingerprint) {
                introducedTotal += 1
                XCTAssertTrue(reported.contains(finding.fingerprint),
                              "\(context): the change introduces \(finding.location): \(finding.message), but the changed-files view misses it")
            }
            // Back to the original tree (new files removed) for the next trial.
            for path in edits.keys {
                if let original = originals[path] { try tree.write(path, original) } else { try FileManager.default.removeItem(atPath: tree.path + "/" + path) }
            }
        }
        print("agreement: \(introducedTotal) findings introduced, \(relocatedTotal) reported at the change instead of their full-run place")
        // The property is not vacuous: the edits introduce findings, some of them far from the change.
        XCTAssertGreaterThan(introducedTotal, 50)
        XCTAssertGreaterThan(relocatedTotal, 5)
    }

    /// A staged import that closes a cycle with an existing one is reported at that import; a full
    /// run pins the cycle where it always has.
    func testCycleClosedByTheChangeIsReportedAtTheChange() throws {
        let tree = try TemporaryTree(copying: "change-agreement")
        defer { tree.remove() }
        try tree.write("Sources/Core/Clock.swift", "import Feature\n" + (try String(contentsOfFile: tree.path + "/Sources/Core/Clock.swift")))
        let full = run(tree.path)
        let cycle = try XCTUnwrap(full.findings.first { $0.message.hasPrefix("dependency cycle") })
        XCTAssertEqual(cycle.message, "dependency cycle: Core → Feature → Net → Core")
        XCTAssertEqual(cycle.location.file, "Sources/Core/Clock.swift")
        let changed = run(tree.path, changes: ChangeScope(paths: ["Sources/Core/Clock.swift"]))
        XCTAssertEqual(changed.findings.filter { $0.message.hasPrefix("dependency cycle") }.map(\.message),
                       ["dependency cycle: Core → Feature → Net → Core"])

        // The same cycle seen from a file of Net that imports Core: reported there, naming the cycle
        // through that import.
        let fromNet = run(tree.path, changes: ChangeScope(paths: ["Sources/Net/Request.swift"]))
        let relocated = try XCTUnwrap(fromNet.findings.first { $0.message.hasPrefix("dependency cycle") })
        XCTAssertEqual(relocated.location.description, "Sources/Net/Request.swift:1:1")
        XCTAssertEqual(relocated.message, "dependency cycle: Net → Core → Feature → Net")
        XCTAssertEqual(relocated.snippet, "import Core")
        XCTAssertEqual(relocated.fingerprint, cycle.fingerprint, "a full run's baseline matches it")
        XCTAssertTrue(run(tree.path, changes: ChangeScope(paths: ["Sources/App/main.swift"])).findings.isEmpty,
                      "a file outside the cycle sees nothing of it")
    }

    /// An import that completes an indirect path is reported at that import, with where the path starts.
    func testIndirectPathCompletedByTheChangeIsReportedAtTheChange() throws {
        let tree = try TemporaryTree(copying: "change-agreement")
        defer { tree.remove() }
        try tree.write("Sources/Core/Identifier.swift", "import Feature\n" + (try String(contentsOfFile: tree.path + "/Sources/Core/Identifier.swift")))
        try tree.write("Sources/Feature/Sync.swift", "public struct Sync {}\n")
        XCTAssertTrue(run(tree.path).findings.filter { $0.message.contains("indirectly") }.isEmpty, "Feature reaches nothing yet")
        try tree.write("Sources/Feature/Sync.swift", "import Store\n\npublic struct Sync {}\n")
        let full = run(tree.path).findings.filter { $0.message.contains("indirectly") }
        XCTAssertEqual(full.map(\.location.description), ["Sources/Core/Identifier.swift:1:1"], "a full run pins it where the path starts")
        let changed = run(tree.path, changes: ChangeScope(paths: ["Sources/Feature/Sync.swift"]))
        let indirect = changed.findings.filter { $0.message.contains("indirectly") }
        XCTAssertEqual(indirect.map(\.message), ["`Core` depends on `Store` indirectly: Core → Feature → Store (from Sources/Core/Identifier.swift:1)"])
        XCTAssertEqual(indirect.first?.fingerprint, full.first?.fingerprint)
        XCTAssertEqual(indirect.first?.location.description, "Sources/Feature/Sync.swift:1:1")
    }

    /// A change to the decisions or the manifest changes findings anywhere: they are all the change's.
    func testChangedDecisionsAndManifestsReportWhatTheyGovern() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let full = run(tree.path).findings
        XCTAssertEqual(full.count, 5)
        let adr = run(tree.path, changes: ChangeScope(paths: ["adr/0002-pure-domain.md"])).findings
        XCTAssertEqual(adr.map(\.rule.provenance.adr?.id), ["ADR-0002"], "the changed ADR's rules' findings")
        XCTAssertEqual(run(tree.path, changes: ChangeScope(paths: ["Package.swift"])).findings, full, "the root manifest governs every module")
        XCTAssertEqual(run(tree.path, changes: ChangeScope(paths: ["rules/architecture.stele"])).findings, full, "rules files declare what every rule reads")
        XCTAssertTrue(run(tree.path, changes: ChangeScope(paths: ["README.md"])).findings.isEmpty)
    }

    // MARK: - Helpers

    func run(_ root: String, contents: [String: [UInt8]] = [:], changes: ChangeScope? = nil) -> CheckResult {
        let loaded = Pipeline(root: root, today: "2026-01-01", contents: contents, cache: nil, changes: changes).run()
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        return loaded.result
    }

    func swiftFiles(in tree: TemporaryTree) throws -> [String: String] {
        var files: [String: String] = [:]
        for folder in Self.folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: tree.path + "/" + folder) where name.hasSuffix(".swift") {
                files[folder + "/" + name] = try String(contentsOfFile: tree.path + "/" + folder + "/" + name)
            }
        }
        return files
    }

    /// One random edit: an import added or removed, a use of a declared name, a declaration, or a
    /// new file; returns the path and its new text.
    func edit(_ files: [String: String], _ random: inout SplitMix) -> (String, String) {
        let paths = files.keys.sorted()
        let path = paths[random.below(paths.count)]
        var lines = files[path]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let name = Self.names[random.below(Self.names.count)]
        switch random.below(5) {
        case 0:
            lines.insert("import " + Self.modules[random.below(Self.modules.count)], at: 0)
        case 1:
            if let i = lines.firstIndex(where: { $0.hasPrefix("import ") }) { lines.remove(at: i) } else { lines.insert("import Core", at: 0) }
        case 2:
            lines.append("func use\(random.below(1000))() { _ = \(name).self }")
        case 3:
            // Names used but declared nowhere yet: declaring one moves a dependency onto this file.
            let declared = (Self.names + ["Formatter", "Palette", "Formatter", "Palette"])[random.below(Self.names.count + 4)]
            lines.append("struct \(declared)\(random.below(3) == 0 ? "Copy" : "") {}")
        default:
            let folder = Self.folders[random.below(Self.folders.count)]
            let module = Self.modules[random.below(Self.modules.count)]
            return ("\(folder)/New\(random.below(100)).swift", "import \(module)\n\nfunc helper() { _ = \(name).self }\n")
        }
        return (path, lines.joined(separator: "\n"))
    }
}

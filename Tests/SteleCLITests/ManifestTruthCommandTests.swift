import Foundation
import XCTest
import SteleTestSupport

/// `manifests must match imports` through the real binary: a warning by default (exit 0), a
/// failure with `(error)` (exit 1).
final class ManifestTruthCommandTests: XCTestCase {
    func testWarningsDoNotFailAndErrorsDo() throws {
        let tree = try TemporaryTree(copying: "manifest-truth")
        defer { tree.remove() }
        try tree.write("rules/truth.stele", "component Apps = module tool, module Net\nmanifests must match imports for Apps\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, """
        Sources/Net/Client.swift:2:1: warning: `Net` imports `Core`, which its manifest does not declare (Package.swift:19); `Util` re-exports it (`@_exported import`), but explicit module builds still need it declared: add `"Core"` to the target's `dependencies:`
            import Core
          rule: manifests must match imports for Apps  (rules/truth.stele:2)
          more: stele explain rules/truth.stele/R1 \(tree.path)
        Sources/tool/main.swift:3:1: warning: `tool` imports `Util`, which its manifest does not declare (Package.swift:33): add `"Util"` to the target's `dependencies:`
            import Util
          only when: #if canImport(Util)
          rule: manifests must match imports for Apps  (rules/truth.stele:2)
          more: stele explain rules/truth.stele/R1 \(tree.path)
        stele: 2 warnings (16 files, 1 rule enforced)

        """)

        try tree.write("rules/truth.stele", "manifests must match imports (error)\n")
        let strict = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertTrue(strict.stdout.hasSuffix("stele: 6 errors (16 files, 1 rule enforced)\n"), strict.stdout)
        XCTAssertTrue(strict.stdout.contains("Package.swift:20:1: error: `Store` declares a dependency on `Unused` but no file of it imports `Unused`"), strict.stdout)
    }

    /// A manifest finding sits on a line of `Package.swift`, below its imports: a `stele:allow`
    /// there is read (the manifest is lexed to its end) and accepts it.
    func testASuppressionOnAManifestLineAcceptsItsFinding() throws {
        let tree = try TemporaryTree(copying: "manifest-truth")
        defer { tree.remove() }
        try tree.write("rules/truth.stele", "manifests must match imports (error)\n")
        let manifest = try String(contentsOfFile: tree.path + "/Package.swift", encoding: .utf8)
        var lines = manifest.components(separatedBy: "\n")
        XCTAssertEqual(lines[19].trimmingCharacters(in: .whitespaces), ".target(")
        lines[19] += " // stele:allow rules/truth.stele/manifests-must-match-imports-error -- the plugin imports them"
        try tree.write("Package.swift", lines.joined(separator: "\n"))
        let run = try SteleProcess.run(["check", tree.path, "--format", "json"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertFalse(run.stdout.contains("\"line\": 20,"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\"suppressed\": 2"), run.stdout)
    }
}

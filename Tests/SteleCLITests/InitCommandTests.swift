import Foundation
import XCTest
import SteleTestSupport

/// `stele init` through the real binary: on a package with no ADRs, on one with cycles, on one
/// with ADRs, and on a real package's copy. Right after it `stele check` passes, and turning any
/// one import between two layered modules around makes it fail.
final class InitCommandTests: XCTestCase {
    func read(_ tree: TemporaryTree, _ path: String) throws -> String {
        try String(contentsOf: tree.url.appendingPathComponent(path), encoding: .utf8)
    }

    func testInitWritesTheLayeringAndCheckPassesAtOnce() throws {
        let tree = try TemporaryTree(copying: "init-package")
        defer { tree.remove() }
        let run = try SteleProcess.run(["init", tree.path, "--today", "2026-12-04"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("stele: wrote rules/architecture.stele\nstele: wrote adr/0001-record-architecture-decisions.md\nstele: wrote adr/0002-module-layering.md\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("stele: 5 modules in 4 layers: App > Features > Networking > Layer4\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("stele: kept apart, tests: CoreTests\nstele: kept apart, benchmarks: CoreBenchmarks\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("`stele check` passes with 2 rules enforced"), run.stderr)
        XCTAssertTrue(try read(tree, "rules/architecture.stele").contains("component Layer4 = module Core, module Util\n"))
        XCTAssertTrue(try read(tree, "adr/0002-module-layering.md").contains("```stele\nlayers App > Features > Networking > Layer4\nno cycles\n```"))

        let check = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue((check.stdout + check.stderr).contains("no violations (8 files, 2 rules enforced)"), check.stdout + check.stderr)
        let rules = try SteleProcess.run(["rules", tree.path, "--format", "json"])
        XCTAssertTrue(rules.stdout.contains("\"id\": \"ADR-0002\""), "the new ADR is read")
    }

    func testTurningAnyImportBetweenLayersAroundFailsTheCheck() throws {
        let tree = try TemporaryTree(copying: "init-package")
        defer { tree.remove() }
        XCTAssertEqual(try SteleProcess.run(["init", tree.path]).status, 0)
        // Every import between two layered modules of the fixture, turned around one at a time.
        let imports = [("App", "Features"), ("App", "Networking"), ("Features", "Core"), ("Features", "Networking"), ("Networking", "Core")]
        for (from, to) in imports {
            let probe = "Sources/\(to)/Probe.swift"
            try tree.write(probe, "import \(from)\n")
            let check = try SteleProcess.run(["check", tree.path])
            XCTAssertEqual(check.status, 1, "\(to) importing \(from) must fail")
            XCTAssertTrue(check.stdout.contains("\(probe):1:1: error: `\(to)` imports `\(from)`, a higher layer [ADR-0002]")
                          || check.stdout.contains("\(probe):1:1: error: `Layer4` imports `\(from)`, a higher layer [ADR-0002]"), check.stdout)
            try FileManager.default.removeItem(at: tree.url.appendingPathComponent(probe))
        }
        XCTAssertEqual(try SteleProcess.run(["check", tree.path]).status, 0)
    }

    func testCyclesAreReportedNotHidden() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent("adr"))
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent("rules"))
        let run = try SteleProcess.run(["init", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("stele: warning: Data, Domain, UI, Util depend on each other in a cycle (e.g. Data → Util → Data): they share a layer, and `no cycles` is not proposed until the cycle is broken"), run.stderr)
        let adr = try read(tree, "adr/0002-module-layering.md")
        XCTAssertTrue(adr.contains("```stele\nlayers App > Layer2\n```"), adr)
        XCTAssertTrue(adr.contains("- `Data`, `Domain`, `UI`, `Util` (for example `Data` → `Util` → `Data`)"), adr)
        XCTAssertEqual(try SteleProcess.run(["check", tree.path]).status, 0)
    }

    func testWithADRsOnlyTheRulesFileIsWrittenAndNothingIsOverwritten() throws {
        let tree = try TemporaryTree(copying: "init-package")
        defer { tree.remove() }
        try tree.write("docs/adr/0001-use-swiftpm.md", "# 1. Use SwiftPM\n\n## Status\n\nAccepted\n")
        let run = try SteleProcess.run(["init", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.path + "/adr"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.path + "/docs/adr/0002-module-layering.md"))
        XCTAssertTrue(try read(tree, "rules/architecture.stele").hasSuffix("\nlayers App > Features > Networking > Layer4\nno cycles\n"))

        try tree.write("rules/architecture.stele", "# mine\n")
        let again = try SteleProcess.run(["init", tree.path])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("rules/architecture.stele already exists: nothing was written"), again.stderr)
        XCTAssertEqual(try read(tree, "rules/architecture.stele"), "# mine\n")
        let forced = try SteleProcess.run(["init", tree.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try read(tree, "rules/architecture.stele").hasPrefix("# Written by `stele init`"))
    }

    func testDryRunPrintsAndWritesNothing() throws {
        let tree = try TemporaryTree(copying: "init-package")
        defer { tree.remove() }
        let before = try tree.snapshot()
        let run = try SteleProcess.run(["init", tree.path, "--dry-run", "--today", "2026-12-04"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("--- rules/architecture.stele\n# Written by `stele init` on 2026-12-04: the layering the code follows today.\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("--- adr/0002-module-layering.md\n# 2. Module layering\n"))
        XCTAssertTrue(run.stderr.contains("stele: nothing written (--dry-run)"))
        XCTAssertEqual(try tree.snapshot(), before)
    }

    /// A real package nobody here wrote: vapor 4.122.3 from the machine's package mirrors.
    func testOnARealPackageCheckPassesAndAReversedImportFails() throws {
        let mirror = "/opt/swift-packages/vapor/vapor.git"
        guard FileManager.default.fileExists(atPath: mirror) else { throw XCTSkip("no vapor mirror on this machine") }
        let tree = try TemporaryTree()
        defer { tree.remove() }
        let export = Process()
        export.executableURL = URL(fileURLWithPath: "/bin/sh")
        export.arguments = ["-c", "git -C '\(mirror)' archive 4.122.3 | tar -x -C '\(tree.path)'"]
        try export.run()
        export.waitUntilExit()
        XCTAssertEqual(export.terminationStatus, 0)

        let run = try SteleProcess.run(["init", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("stele: 6 modules in 4 layers: Layer1 > Layer2 > Vapor > CVaporBcrypt"), run.stderr)
        XCTAssertEqual(try SteleProcess.run(["check", tree.path]).status, 0)
        // Vapor imports CVaporBcrypt; the other way round breaks the layering.
        try tree.write("Sources/CVaporBcrypt/Probe.swift", "import Vapor\n")
        let check = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("Sources/CVaporBcrypt/Probe.swift:1:1: error: `CVaporBcrypt` imports `Vapor`, a higher layer [ADR-0002]"), check.stdout)
    }
}

import Foundation
import XCTest
import SteleTestSupport

/// Bad input never crashes Stele and never loses anything: it says what is wrong, where, and what to do.
final class BadInputTests: XCTestCase {
    func testMalformedRuleStopsWithItsLocationAndAHint() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("rules/architecture.stele", "# comment\nDomain mustnt import GRDB\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("rules/architecture.stele:2:8: error: expected `must not depend on each other`"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: did you mean `must not import`?"), run.stderr)
        XCTAssertEqual(run.stdout, "", "nothing is checked when the rules are broken")
    }

    func testMalformedLineInAnADRBlockIsAnErrorButABulletIsProse() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("adr/0008-broken.md", "# 8. Broken\n\nStatus: Accepted\n\n```stele\nlayers UI Domain\n```\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("adr/0008-broken.md:6:11: error: expected `>` between layers"), run.stderr)
    }

    func testUnknownComponentIsAnErrorInABlockAndAWarningInABullet() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("adr/0008-typo.md", "# 8. Typo\n\nStatus: Accepted\n\n## Rules\n\n- Domian must not depend on UI\n")
        let bullet = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(bullet.status, 1, "a bullet naming something unknown is a warning, not a stop")
        XCTAssertTrue(bullet.stderr.contains("adr/0008-typo.md:7:3: warning: unknown component `Domian`\n  hint: did you mean `Domain`?"), bullet.stderr)

        try tree.write("adr/0008-typo.md", "# 8. Typo\n\nStatus: Accepted\n\n```stele\nDomian must not depend on UI\n```\n")
        let block = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(block.status, 2)
        XCTAssertTrue(block.stderr.contains("adr/0008-typo.md:6:1: error: unknown component `Domian`"), block.stderr)
    }

    func testUnreadableBinaryHugeNonUTF8AndLinkedFilesAreReportedNotFatal() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("Sources/Domain/Binary.swift", Data([0x69, 0x6D, 0x00, 0x01, 0x02]))
        try tree.write("Sources/Domain/Latin1.swift", Data("import Foundation\nlet caf".utf8) + Data([0xE9]) + Data(" = 1\n".utf8))
        try tree.write("Sources/Domain/Huge.swift", Data(repeating: 0x20, count: 9 * 1024 * 1024))
        try FileManager.default.createSymbolicLink(atPath: tree.path + "/Sources/Domain/Loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: tree.path + "/Sources/Domain/Alias.swift", withDestinationPath: "Order.swift")
        try tree.write("Sources/Domain/Secret.swift", "import GRDB\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: tree.path + "/Sources/Domain/Secret.swift")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: tree.path + "/Sources/Domain/Secret.swift") }

        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("Sources/Domain/Binary.swift:1:1: warning: not scanned: binary"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Sources/Domain/Huge.swift:1:1: warning: not scanned: too large"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Sources/Domain/Latin1.swift:1:1: warning: not valid UTF-8"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Sources/Domain/Alias.swift:1:1: warning: symbolic link not followed"), run.stderr)
        if getuid() != 0 { // root reads any file, so only a normal user sees this one
            XCTAssertTrue(run.stderr.contains("Sources/Domain/Secret.swift:1:1: warning: not scanned: unreadable"), run.stderr)
        }
        XCTAssertTrue(run.stdout.contains("Sources/Domain/Order.swift:2:1: error: `Domain` imports `GRDB`"), run.stdout)
    }

    func testRepositoryWithNoADRsAndNoRules() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("Sources/A/a.swift", "import Foundation\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "stele: no violations (1 file, 0 rules enforced)\n")
        let rules = try SteleProcess.run(["rules", tree.path])
        XCTAssertTrue(rules.stdout.hasPrefix("No ADR directory found."), rules.stdout)
    }

    func testBrokenFrontMatterAndEmptyBlockAreReported() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("adr/0008-front.md", "---\nstatus: accepted\n# 8. No closing fence\n\n```stele\n```\n")
        let run = try SteleProcess.run(["rules", tree.path])
        XCTAssertTrue([0, 1, 2].contains(run.status), "an exit code, never a crash: \(run.status)")
        XCTAssertTrue(run.stderr.contains("adr/0008-front.md:1:"), run.stderr)
        XCTAssertTrue(run.stderr.lowercased().contains("empty"), run.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try SteleProcess.run(["chek"]).status, 2)
        XCTAssertEqual(try SteleProcess.run(["check", "--formt", "json"]).stderr, "stele: error: unknown option `--formt` for `stele check`\n  hint: did you mean `--format`?\n")
        XCTAssertEqual(try SteleProcess.run(["check", "/nonexistent/path"]).status, 2)
        XCTAssertEqual(try SteleProcess.run(["check", ".", "--today", "tomorrow"]).status, 2)
        XCTAssertEqual(try SteleProcess.run(["explain"]).status, 2)
        XCTAssertEqual(try SteleProcess.run(["--version"]).stdout, "stele 0.1.0\n")
    }

    /// A FIFO where an ADR, a rules file or a source file is expected: never read (it would block
    /// every command forever), and never silent. An ADR or rules file that cannot be read fails the
    /// gate, since its rules would silently not apply (issue 16).
    func testFIFOsAndUnreadableDecisionFilesAreReportedNotReadAndFailTheGate() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        XCTAssertEqual(mkfifo(tree.path + "/Sources/Domain/Pipe.swift", 0o644), 0)
        let source = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(source.status, 1, "the check runs: \(source.stderr)")
        XCTAssertTrue(source.stderr.contains("Sources/Domain/Pipe.swift:1:1: warning: not scanned: not a regular file (a FIFO, socket or device)"), source.stderr)

        XCTAssertEqual(mkfifo(tree.path + "/adr/0009-pipe.md", 0o644), 0)
        let adr = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(adr.status, 2)
        XCTAssertTrue(adr.stderr.contains("adr/0009-pipe.md:1:1: error: ADR not read: not a regular file"), adr.stderr)
        try FileManager.default.removeItem(atPath: tree.path + "/adr/0009-pipe.md")

        try tree.write("adr/0010-latin1.md", Data([0x23, 0x20, 0x31, 0x30, 0x2E, 0x20, 0xE9, 0x0A]))
        let latin1 = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(latin1.status, 2)
        XCTAssertTrue(latin1.stderr.contains("adr/0010-latin1.md:1:1: error: ADR not read: not valid UTF-8"), latin1.stderr)
        try FileManager.default.removeItem(atPath: tree.path + "/adr/0010-latin1.md")

        XCTAssertEqual(mkfifo(tree.path + "/rules/pipe.stele", 0o644), 0)
        let rules = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(rules.status, 2)
        XCTAssertTrue(rules.stderr.contains("rules/pipe.stele:1:1: error: rule file not read: not a regular file"), rules.stderr)
    }

    /// With `--format json`, a run stopped by broken rules still writes a JSON document: the reason
    /// and the located errors (issue 16: a CI tool reading the JSON got nothing to parse).
    func testAStoppedJSONRunWritesAnErrorDocument() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("rules/architecture.stele", "Domain mustnt import GRDB\n")
        let run = try SteleProcess.run(["check", tree.path, "--format", "json"])
        XCTAssertEqual(run.status, 2)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
        XCTAssertEqual(json["version"] as? Int, 1)
        XCTAssertEqual(json["error"] as? String, "the rules or ADRs have errors; nothing was checked")
        XCTAssertEqual((json["findings"] as? [Any])?.count, 0)
        let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        XCTAssertTrue(diagnostics.contains { $0["file"] as? String == "rules/architecture.stele" && $0["severity"] as? String == "error" }, "\(diagnostics)")
        XCTAssertEqual(try SteleProcess.run(["check", tree.path]).stdout, "", "text output stays empty: the errors are on standard error")
    }

    /// An empty or garbage Package.swift: the unknown name's hint names the manifest, instead of
    /// suggesting another module (issue 16).
    func testAnUnreadableManifestIsNamedInTheHint() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("Sources/A/a.swift", "import B\n")
        try tree.write("rules/r.stele", "A must not import B\n")
        for manifest in ["", "garbage ((( let"] {
            try tree.write("Package.swift", manifest)
            let run = try SteleProcess.run(["check", tree.path])
            XCTAssertEqual(run.status, 2)
            XCTAssertTrue(run.stderr.contains("rules/r.stele:1:1: error: unknown component `A`\n  hint: `Package.swift` declares no target Stele can read (is it empty, or not a manifest?)"), run.stderr)
        }
        try tree.write("Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: \"P\", targets: [.target(name: \"Core\", path: \"Sources/A\")])\n")
        let renamed = try SteleProcess.run(["check", tree.path])
        XCTAssertTrue(renamed.stderr.contains("hint: `Sources/A/` has files, but no target of `Package.swift` is named `A`"), renamed.stderr)
    }

    /// Links to folders and loops of links are never followed, and said once; a file named `adr`
    /// is said to hold no ADRs; an `adr directory` outside the repository is refused (issue 16).
    func testLinksLoopsAndMisplacedADRFolders() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: tree.path + "/Sources/Elsewhere", withDestinationPath: "/usr")
        try fm.createSymbolicLink(atPath: tree.path + "/Sources/LoopA", withDestinationPath: "LoopB")
        try fm.createSymbolicLink(atPath: tree.path + "/Sources/LoopB", withDestinationPath: "LoopA")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("Sources/Elsewhere:1:1: warning: symbolic link to a folder not followed"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Sources/LoopA:1:1: warning: symbolic link loop not followed"), run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "Sources/Elsewhere:").count, 2, "said once")

        let bare = try TemporaryTree()
        defer { bare.remove() }
        try bare.write("adr", "not a folder\n")
        try bare.write("Sources/A/a.swift", "let a = 1\n")
        XCTAssertTrue(try SteleProcess.run(["check", bare.path]).stderr.contains("adr:1:1: warning: `adr` is a file, not a folder: no ADRs are read from it"))
        try bare.write("rules/r.stele", "adr directory ../../etc\n")
        let outside = try SteleProcess.run(["check", bare.path])
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("error: the ADR directory `../../etc` is outside the repository"), outside.stderr)
    }
}

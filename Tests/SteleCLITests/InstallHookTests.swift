import Foundation
import XCTest
import SteleTestSupport

/// `stele install-hook`: installs, refuses to clobber, and really blocks a bad commit.
final class InstallHookTests: XCTestCase {
    func testInstallsAHookThatBlocksABadCommit() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        // A clean starting point: the shop's own violations fixed, then committed.
        try tree.write("Sources/Domain/Order.swift", "import Foundation\n")
        try tree.write("Sources/Features/Cart/CartScreen.swift", "public struct CartScreen {}\n")
        XCTAssertEqual(try tree.git("init", "-q"), 0)

        let install = try SteleProcess.run(["install-hook", tree.path])
        XCTAssertEqual(install.status, 0, install.stderr)
        let hook = tree.url.appendingPathComponent(".git/hooks/pre-commit").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hook))
        XCTAssertTrue(try String(contentsOfFile: hook, encoding: .utf8).contains("check --staged --quiet"))

        XCTAssertEqual(try tree.git("add", "-A"), 0)
        XCTAssertEqual(try tree.git("commit", "-q", "-m", "clean"), 0, "a clean commit passes the hook")

        try tree.write("Sources/UI/Leak.swift", "import GRDB\n")
        XCTAssertEqual(try tree.git("add", "Sources/UI/Leak.swift"), 0)
        XCTAssertNotEqual(try tree.git("commit", "-q", "-m", "leak"), 0, "the hook blocks a commit that breaks ADR-0007")
        XCTAssertEqual(try tree.git("commit", "-q", "--no-verify", "-m", "leak anyway"), 0)
    }

    func testRefusesToReplaceAForeignHookWithoutForce() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        try tree.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        let refused = try SteleProcess.run(["install-hook", tree.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("already exists and was not written by Stele"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: tree.path + "/.git/hooks/pre-commit", encoding: .utf8), "#!/bin/sh\nexit 0\n")
        XCTAssertEqual(try SteleProcess.run(["install-hook", tree.path, "--force"]).status, 0)
        XCTAssertEqual(try SteleProcess.run(["install-hook", tree.path]).status, 0, "its own hook is updated without --force")
    }

    func testOutsideAGitRepository() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        let run = try SteleProcess.run(["install-hook", tree.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("is not in a git repository"), run.stderr)
    }
}

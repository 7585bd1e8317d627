import Foundation
import XCTest
import SteleTestSupport

/// Changed-files mode in the repository layouts git allows besides the plain one: a submodule
/// whose commit changed, and a linked worktree (with the hook `install-hook` writes).
final class GitLayoutTests: XCTestCase {
    func testASubmoduleWhoseCommitChangedHasItsFilesChecked() throws {
        let library = try TemporaryTree()
        defer { library.remove() }
        try library.write("Sources/Lib/L.swift", "public struct L {}\n")
        XCTAssertEqual(try library.git("init", "-q"), 0)
        XCTAssertEqual(try library.git("add", "-A"), 0)
        XCTAssertEqual(try library.git("commit", "-qm", "lib"), 0)

        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        XCTAssertEqual(try tree.git("add", "-A"), 0)
        XCTAssertEqual(try tree.git("commit", "-qm", "shop"), 0)
        XCTAssertEqual(try tree.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.path, "Sources/UI/Lib"), 0)
        XCTAssertEqual(try tree.git("commit", "-qm", "submodule"), 0)

        // A commit in the submodule that breaks ADR-0007, and the superproject staging it.
        let inner = tree.url.appendingPathComponent("Sources/UI/Lib/Sources/Lib/L.swift")
        try "public struct L {}\nimport GRDB\n".write(to: inner, atomically: true, encoding: .utf8)
        XCTAssertEqual(try TemporaryTree.git(in: tree.path + "/Sources/UI/Lib", cacheDirectory: tree.cacheDirectory, ["commit", "-qam", "grdb"]), 0)
        XCTAssertEqual(try tree.git("add", "Sources/UI/Lib"), 0)

        for mode in [["--staged"], ["--since", "HEAD"]] {
            let run = try SteleProcess.run(["check", tree.path] + mode)
            XCTAssertEqual(run.status, 1, "\(mode): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("stele: note: Sources/UI/Lib is a submodule whose commit changed: its files are checked as they are in its work tree"), run.stderr)
            XCTAssertFalse(run.stderr.contains("unmerged"), "a submodule is not a conflict")
            XCTAssertTrue(run.stdout.hasPrefix("Sources/UI/Lib/Sources/Lib/L.swift:2:1: error: `UI` imports `GRDB`"), "\(mode): \(run.stdout)")
        }
    }

    func testALinkedWorktreeIsCheckedAndItsHookBlocksTheCommit() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        XCTAssertEqual(try tree.git("add", "-A"), 0)
        XCTAssertEqual(try tree.git("commit", "-qm", "shop"), 0)
        let worktree = tree.path + "-worktree"
        defer { try? FileManager.default.removeItem(atPath: worktree) }
        XCTAssertEqual(try tree.git("worktree", "add", "-q", worktree), 0)
        try "import GRDB\n".write(toFile: worktree + "/Sources/UI/W.swift", atomically: true, encoding: .utf8)

        func git(_ arguments: [String]) throws -> Int32 { try TemporaryTree.git(in: worktree, cacheDirectory: tree.cacheDirectory, arguments) }
        XCTAssertEqual(try git(["add", "Sources/UI/W.swift"]), 0)
        let staged = try SteleProcess.run(["check", worktree, "--staged"])
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertTrue(staged.stdout.hasPrefix("Sources/UI/W.swift:1:1: error: `UI` imports `GRDB`"), staged.stdout)

        // The hook goes where git runs hooks for every worktree, and stops the worktree's commit.
        let install = try SteleProcess.run(["install-hook", worktree])
        XCTAssertEqual(install.status, 0, install.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tree.path + "/.git/hooks/pre-commit"), install.stderr)
        XCTAssertNotEqual(try git(["commit", "-qm", "w"]), 0, "the hook refuses the commit")
        XCTAssertEqual(try git(["rm", "-q", "--cached", "Sources/UI/W.swift"]), 0)
        XCTAssertEqual(try git(["commit", "-q", "--allow-empty", "-m", "clean"]), 0, "a clean commit passes the hook")
    }
}

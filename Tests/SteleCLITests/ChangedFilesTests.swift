import Foundation
import XCTest
import SteleTestSupport

/// `check --files`, `--since`, `--staged`: the pre-commit hook's view, agreeing with a full run.
final class ChangedFilesTests: XCTestCase {
    func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree(copying: "shop")
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        XCTAssertEqual(try tree.git("add", "-A"), 0)
        XCTAssertEqual(try tree.git("commit", "-q", "-m", "shop"), 0)
        return tree
    }

    func testFilesReportsOnlyThoseFilesFindings() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let login = try SteleProcess.run(["check", tree.path, "--files", "Sources/Features/Login/LoginScreen.swift", "./Sources/App/main.swift"])
        // LoginScreen's `import Cart` is an edge of the Cart ⇄ Login cycle that a full run pins in
        // CartScreen: it is reported here too, as the cycle through this import.
        XCTAssertEqual(login.status, 1, "the warning, and the cycle this file takes part in")
        XCTAssertTrue(login.stdout.hasPrefix("Sources/Features/Login/LoginScreen.swift:1:1: warning:"), login.stdout)
        XCTAssertTrue(login.stdout.contains("Sources/Features/Login/LoginScreen.swift:1:1: error: dependency cycle: Login → Cart → Login [ADR-0006]"), login.stdout)
        XCTAssertTrue(login.stdout.hasSuffix("stele: 1 error, 1 warning (2 files, 9 rules enforced, 1 not enforced, 1 prose rule not checked)\n"), login.stdout)
        let app = try SteleProcess.run(["check", tree.path, "--files", "Sources/App/main.swift"])
        XCTAssertEqual(app.status, 0, "a file outside every finding: \(app.stdout)")
        let cart = try SteleProcess.run(["check", tree.path, "--files", "Sources/Features/Cart/CartScreen.swift"])
        XCTAssertEqual(cart.status, 1)
        XCTAssertTrue(cart.stdout.contains("dependency cycle: Cart → Login → Cart"), "cross-file rules agree with a full run")
    }

    func testStagedChecksTheIndexNotTheWorkTree() throws {
        let tree = try repository()
        defer { tree.remove() }
        try tree.write("Sources/UI/OrderView.swift", "import Domain\nimport GRDB\n")
        XCTAssertEqual(try tree.git("add", "Sources/UI/OrderView.swift"), 0)
        try tree.write("Sources/UI/OrderView.swift", "import Domain\n") // fixed in the work tree, not staged
        let staged = try SteleProcess.run(["check", tree.path, "--staged"])
        XCTAssertEqual(staged.status, 1, staged.stdout + staged.stderr)
        XCTAssertTrue(staged.stdout.hasPrefix("Sources/UI/OrderView.swift:2:1: error: `UI` imports `GRDB`, which only `Persistence` may import [ADR-0007]"), staged.stdout)
        XCTAssertFalse(staged.stdout.contains("Sources/Domain/Order.swift"), "not staged, not reported")
        let workTree = try SteleProcess.run(["check", tree.path, "--files", "Sources/UI/OrderView.swift"])
        XCTAssertEqual(workTree.status, 0, "the work tree's version is clean")
    }

    func testSinceReportsChangedAndUntrackedFiles() throws {
        let tree = try repository()
        defer { tree.remove() }
        try tree.write("Sources/App/Debug.swift", "import GRDB\n")
        let run = try SteleProcess.run(["check", tree.path, "--since", "HEAD"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("Sources/App/Debug.swift:1:1: error:"), run.stdout)
        XCTAssertFalse(run.stdout.contains("Sources/Domain/Order.swift"), run.stdout)
    }

    /// The pre-commit hook must see a cycle its change closes, though a full run pins the cycle in a
    /// file the change never touched (issue 11: swift-certificates' `_TinyArray.swift`).
    func testStagedSinceAndFilesReportTheCycleTheChangeCloses() throws {
        let tree = try TemporaryTree(copying: "change-agreement")
        defer { tree.remove() }
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        XCTAssertEqual(try tree.git("add", "-A"), 0)
        XCTAssertEqual(try tree.git("commit", "-q", "-m", "clean"), 0)
        try tree.write("Sources/Net/Request.swift", "import Core\nimport Feature\n\npublic struct Request {\n    public var id: Identifier\n}\n")
        let full = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(full.status, 1)
        XCTAssertTrue(full.stdout.hasPrefix("Sources/Feature/Sync.swift:1:1: error: dependency cycle: Feature → Net → Feature [ADR-0001]"), full.stdout)
        let since = try SteleProcess.run(["check", tree.path, "--since", "HEAD"])
        let files = try SteleProcess.run(["check", tree.path, "--files", "Sources/Net/Request.swift"])
        XCTAssertEqual(try tree.git("add", "Sources/Net/Request.swift"), 0)
        let staged = try SteleProcess.run(["check", tree.path, "--staged"])
        for (mode, run) in [("--since", since), ("--files", files), ("--staged", staged)] {
            XCTAssertEqual(run.status, 1, mode)
            XCTAssertEqual(run.stdout, """
                Sources/Net/Request.swift:2:1: error: dependency cycle: Net → Feature → Net [ADR-0001]
                    import Feature
                  rule: no cycles  (adr/0001-module-boundaries.md:13)
                  why:  ADR-0001 "Module boundaries" (accepted, adr/0001-module-boundaries.md)
                  more: stele explain ADR-0001/R1 \(tree.path)
                stele: 1 error (1 file, 6 rules enforced)

                """, mode)
        }
        // A baseline a full run took accepts it in the hook: the fingerprint is the full run's.
        let baseline = tree.path + ".baseline.json"
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        XCTAssertEqual(try SteleProcess.run(["baseline", tree.path, "--output", baseline]).status, 0)
        let accepted = try SteleProcess.run(["check", tree.path, "--staged", "--baseline", baseline])
        XCTAssertEqual(accepted.status, 0, accepted.stdout + accepted.stderr)
        XCTAssertFalse(accepted.stderr.contains("no longer occur"), "entries in unchanged files are not 'fixed': \(accepted.stderr)")
    }

    /// Git's corners (issue 16.4): a repository with no commit yet, a staged rename, a merge
    /// conflict (checked as in the work tree, and said), a detached HEAD, and `--files` outside the
    /// repository (an error) or written with `./`, `..` or an absolute path inside it.
    func testGitEdgeCases() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        XCTAssertEqual(try tree.git("add", "-A"), 0)
        let unborn = try SteleProcess.run(["check", tree.path, "--staged"])
        XCTAssertEqual(unborn.status, 1, "no commit yet: everything staged is checked\n\(unborn.stderr)")
        XCTAssertTrue(unborn.stdout.contains("Sources/Domain/Order.swift:2:1: error:"), unborn.stdout)
        XCTAssertEqual(try tree.git("commit", "-q", "-m", "shop"), 0)

        try tree.write("Sources/UI/OrderView.swift", "import Domain\nimport GRDB\n")
        XCTAssertEqual(try tree.git("add", "-A"), 0)
        XCTAssertEqual(try tree.git("mv", "Sources/UI/OrderView.swift", "Sources/UI/OrderScreen.swift"), 0)
        let renamed = try SteleProcess.run(["check", tree.path, "--staged"])
        XCTAssertTrue(renamed.stdout.hasPrefix("Sources/UI/OrderScreen.swift:2:1: error: `UI` imports `GRDB`"), renamed.stdout)
        XCTAssertEqual(try tree.git("commit", "-q", "-m", "renamed"), 0)

        XCTAssertEqual(try tree.git("checkout", "-q", "-b", "other"), 0)
        try tree.write("Sources/UI/OrderScreen.swift", "import Domain // other\n")
        XCTAssertEqual(try tree.git("commit", "-q", "-am", "other"), 0)
        XCTAssertEqual(try tree.git("checkout", "-q", "-"), 0)
        try tree.write("Sources/UI/OrderScreen.swift", "import Domain // mine\nimport GRDB\n")
        XCTAssertEqual(try tree.git("commit", "-q", "-am", "mine"), 0)
        XCTAssertNotEqual(try tree.git("merge", "-q", "other"), 0, "a conflict")
        let conflict = try SteleProcess.run(["check", tree.path, "--staged"])
        XCTAssertTrue(conflict.stderr.contains("stele: note: Sources/UI/OrderScreen.swift is unmerged (a conflict): checked as it is in the work tree"), conflict.stderr)
        XCTAssertTrue(conflict.stdout.contains("Sources/UI/OrderScreen.swift:"), conflict.stdout)
        XCTAssertEqual(try tree.git("merge", "--abort"), 0)

        XCTAssertEqual(try tree.git("checkout", "-q", "--detach"), 0)
        try tree.write("Sources/App/Debug.swift", "import GRDB\n")
        let detached = try SteleProcess.run(["check", tree.path, "--since", "HEAD"])
        XCTAssertTrue(detached.stdout.hasPrefix("Sources/App/Debug.swift:1:1: error:"), detached.stdout)

        let outside = try SteleProcess.run(["check", tree.path, "--files", "../elsewhere/A.swift"])
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("`../elsewhere/A.swift` is outside the repository"), outside.stderr)
        for spelling in ["./Sources/App/Debug.swift", "Sources/UI/../App/Debug.swift", tree.path + "/Sources/App/Debug.swift"] {
            let run = try SteleProcess.run(["check", tree.path, "--files", spelling])
            XCTAssertTrue(run.stdout.hasPrefix("Sources/App/Debug.swift:1:1: error:"), "\(spelling): \(run.stdout)\(run.stderr)")
        }
    }

    func testUsageErrors() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let notGit = try SteleProcess.run(["check", tree.path, "--staged"])
        XCTAssertEqual(notGit.status, 2)
        XCTAssertTrue(notGit.stderr.contains("`--staged` needs a git repository"), notGit.stderr)
        XCTAssertEqual(try SteleProcess.run(["check", tree.path, "--staged", "--files", "a.swift"]).status, 2)
        XCTAssertEqual(try SteleProcess.run(["check", tree.path, "--files"]).stderr, "stele: error: `--files` needs at least one value\n")
    }
}

import Foundation
import XCTest

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
        XCTAssertEqual(login.status, 0, "a warning only")
        XCTAssertTrue(login.stdout.hasPrefix("Sources/Features/Login/LoginScreen.swift:1:1: warning:"), login.stdout)
        XCTAssertTrue(login.stdout.hasSuffix("stele: 1 warning (2 files, 9 rules enforced, 1 not enforced)\n"), login.stdout)
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

import XCTest
@testable import SteleScan
import SteleTestSupport

final class PythonModuleMapTests: XCTestCase {
    func map(_ files: [String], projects: [PythonProject] = []) -> [String: String] {
        PythonModuleMap(projects: projects, files: files.sorted()).moduleOf
    }

    func testPackagesByInitFilesWithoutAManifest() {
        XCTAssertEqual(map(["django/__init__.py", "django/db/__init__.py", "django/db/models/__init__.py", "django/db/models/base.py",
                            "django/contrib/admin/migrations/0001_initial.py", "django/contrib/__init__.py",
                            "django/contrib/admin/__init__.py", "django/contrib/admin/migrations/__init__.py",
                            "services/pay/pay/__init__.py", "services/pay/pay/api.py", "scripts/tool.py", "scripts/my-tool.py",
                            "stubs/types.pyi", "setup.py"]), [
            "django/__init__.py": "django", "django/db/__init__.py": "django.db", "django/db/models/__init__.py": "django.db.models",
            "django/db/models/base.py": "django.db.models.base", "django/contrib/__init__.py": "django.contrib",
            "django/contrib/admin/__init__.py": "django.contrib.admin", "django/contrib/admin/migrations/__init__.py": "django.contrib.admin.migrations",
            "django/contrib/admin/migrations/0001_initial.py": "django.contrib.admin.migrations.0001_initial",
            "services/pay/pay/__init__.py": "pay", "services/pay/pay/api.py": "pay.api", "scripts/tool.py": "tool",
            "stubs/types.pyi": "types", "setup.py": "setup",
        ])
    }

    func testSrcLayoutAndNamespacePackagesUnderAProject() {
        let project = PythonProject(directory: "svc", manifestPath: "svc/pyproject.toml")
        XCTAssertEqual(map(["svc/pyproject.toml", "svc/src/shop/__init__.py", "svc/src/shop/cart.py", "svc/src/plugins/stripe/pay.py",
                            "svc/tests/test_cart.py", "other/x.py"], projects: [project]), [
            "svc/src/shop/__init__.py": "shop", "svc/src/shop/cart.py": "shop.cart", "svc/src/plugins/stripe/pay.py": "plugins.stripe.pay",
            "svc/tests/test_cart.py": "tests.test_cart", "other/x.py": "x",
        ])
    }

    func testPyprojectPackageDir() {
        let toml = """
        [project]
        name = "shop-app"  # the distribution, not a module

        [tool.setuptools]
        package-dir = {"" = "lib", "extras" = "contrib/extras"}
        packages = [
            "shop",
            "extras",
        ]
        """
        let project = PythonProject.parse(Array(toml.utf8), path: "pyproject.toml")
        XCTAssertEqual(project.roots, ["lib"])
        XCTAssertEqual(project.packageDirectories.map(\.package), ["extras"])
        XCTAssertEqual(project.packageDirectories.map(\.directory), ["contrib/extras"])
        XCTAssertEqual(map(["lib/shop/__init__.py", "lib/shop/a.py", "contrib/extras/b.py", "pyproject.toml"], projects: [project]), [
            "lib/shop/__init__.py": "shop", "lib/shop/a.py": "shop.a", "contrib/extras/b.py": "extras.b",
        ])
        let table = PythonProject.parse(Array("[tool.setuptools.package-dir]\n\"\" = \"code\"\n[tool.setuptools.packages.find]\nwhere = [\"more\"]\n".utf8),
                                        path: "a/pyproject.toml")
        XCTAssertEqual(table.roots, ["a/code", "a/more"])
    }

    /// A value spanning many lines is read to its closing bracket, its brackets counted a line at
    /// a time (counted over the whole value for each line, 20,000 lines took minutes); a bracket
    /// or `#` inside a string is no bracket or comment.
    func testALongArrayIsReadToItsEnd() {
        let items = (0..<20_000).map { "    \"Topic :: [\($0)] # not a comment\"," }.joined(separator: "\n")
        let toml = "[project]\nclassifiers = [\n\(items)\n]\n[tool.setuptools]\npackage-dir = {\"\" = \"src\"}\n"
        XCTAssertEqual(PythonProject.parse(Array(toml.utf8), path: "pyproject.toml").roots, ["src"])
        let entries = PythonProject.tomlEntries(toml)
        XCTAssertEqual(entries.count, 2)
        XCTAssertEqual(entries[0].2.split(separator: "\n").count, 20_002)
    }

    func testSetupCfg() {
        let cfg = """
        [metadata]
        name = shop

        [options]
        package_dir =
            = source
            tools = scripts/tools
        packages = find:

        [options.packages.find]
        where = source
        """
        let project = PythonProject.parse(Array(cfg.utf8), path: "py/setup.cfg")
        XCTAssertEqual(project.roots, ["py/source", "py/source"])
        XCTAssertEqual(project.packageDirectories.map(\.package), ["tools"])
        XCTAssertEqual(project.packageDirectories.map(\.directory), ["py/scripts/tools"])
    }

    func testTheFixtureTree() throws {
        let root = TestPaths.fixtures.appendingPathComponent("python-app").path
        let result = ProjectScanner.scan(root: root)
        let modules = Dictionary(uniqueKeysWithValues: result.files.filter { $0.language == .python }.map { ($0.path, $0.module ?? "-") })
        XCTAssertEqual(modules["src/shop/orders/models.py"], "shop.orders.models")
        XCTAssertEqual(modules["src/shop/__init__.py"], "shop")
        XCTAssertEqual(modules["src/shopext/payments/stripe.py"], "shopext.payments.stripe", "a namespace package")
        XCTAssertEqual(modules["tests/test_orders.py"], "tests.test_orders")
    }
}

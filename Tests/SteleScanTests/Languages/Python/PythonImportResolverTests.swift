import XCTest
@testable import SteleScan

final class PythonImportResolverTests: XCTestCase {
    /// A project at the root: below it every directory is a package (`ns` is a namespace package).
    let map = PythonModuleMap(projects: [PythonProject(directory: "", manifestPath: "pyproject.toml")], files: [
        "app/__init__.py", "app/core/__init__.py", "app/core/models.py", "app/core/views.py", "app/web/__init__.py",
        "app/web/forms.py", "ns/sub/__init__.py",
    ].sorted())

    func resolve(_ source: String, in path: String) -> SourceFile {
        var tokens: [PythonToken] = []
        let found = PythonImportScanner.scan(Array(source.utf8), tokens: &tokens)
        var file = SourceFile(path: path, language: .python, module: map.moduleOf[path], imports: found.imports)
        file = map.resolve(file)
        return file
    }

    func modules(_ source: String, in path: String = "app/core/views.py") -> [String] {
        resolve(source, in: path).imports.map { "\($0.line) \($0.module)" }
    }

    func testSubmodulesAreImportedWhereTheyExist() {
        XCTAssertEqual(modules("from app.core import models, Thing\nfrom app import web\nfrom app.web import *\nimport app.core.gone\n"),
                       ["1 app.core.models", "1 app.core", "2 app.web", "3 app.web", "4 app.core"])
        XCTAssertEqual(resolve("from app.core import Thing", in: "app/core/views.py").imports[0].path, ["app", "core", "Thing"])
        XCTAssertEqual(resolve("from ..web.forms import F\nfrom . import *", in: "app/core/views.py").imports.map(\.path),
                       [["app", "web", "forms", "F"], ["app", "core"]])
    }

    func testRelativeImportsAgainstTheFilesPackage() {
        XCTAssertEqual(modules("from . import models\nfrom .models import X\nfrom ..web import forms\nfrom .. import web\n"),
                       ["1 app.core.models", "2 app.core.models", "3 app.web.forms", "4 app.web"])
        XCTAssertEqual(modules("from . import models\nfrom .. import web\n", in: "app/core/__init__.py"), ["1 app.core.models", "2 app.web"])
        let beyond = resolve("from ... import x\nfrom .x import y\n", in: "app/core/views.py")
        XCTAssertEqual(beyond.imports.map(\.module), ["app.core"])
        XCTAssertEqual(beyond.unresolvedImports.map(\.line), [1], "a relative import above the top package names no module")
    }

    func testExternalsByTheirFirstPartAndNamespacePackages() {
        XCTAssertEqual(modules("import os.path\nfrom django.db import models\nfrom ns import sub\nimport ns.sub\n"),
                       ["1 os", "2 django", "3 ns.sub", "4 ns.sub"])
    }

    func testOneImportPerLineAndModule() {
        XCTAssertEqual(modules("from app.core.models import A, B, C\n"), ["1 app.core.models"])
    }

    func testDynamicAndTypeOnlyImportsKeepTheirMarks() {
        let file = resolve("""
        import importlib
        if TYPE_CHECKING:
            from app.web import forms
        m = importlib.import_module("app.web.forms")
        n = importlib.import_module(name)
        """, in: "app/core/views.py")
        XCTAssertEqual(file.imports.map(\.module), ["importlib", "app.web.forms", "app.web.forms"])
        XCTAssertEqual(file.imports.map(\.attributes), [[], [PythonImportScanner.typeOnly], [PythonImportResolver.dynamic]])
        XCTAssertEqual(file.imports.map(\.conditions), [[], ["TYPE_CHECKING"], []])
        XCTAssertEqual(file.unresolvedImports.map(\.line), [5])
        XCTAssertEqual(file.unresolvedImports.first?.attributes, ["dynamic", "ambiguous"])
        XCTAssertTrue(file.imports.allSatisfy { $0.kind == nil })
    }
}

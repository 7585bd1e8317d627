import XCTest
@testable import SteleGraph
import SteleCore
import SteleRules
import SteleScan

/// A dotted name is a package: the module and every module below it, never a sibling that shares
/// the start of its name (Python's `django.db` is not `django.dbx`).
final class DottedModuleNameTests: XCTestCase {
    let architecture: Architecture = {
        let files = [("a/b/__init__.py", "a.b"), ("a/b/c.py", "a.b.c"), ("a/b/d/e.py", "a.b.d.e"), ("a/bx.py", "a.bx"), ("n/x.py", "ns.x")]
            .map { SourceFile(path: $0.0, language: .python, module: $0.1, imports: []) }
        var importer = SourceFile(path: "z.py", language: .python, module: "z", imports: [])
        importer.imports = [Import(module: "numpy", path: ["numpy", "linalg"], kind: nil, attributes: [], accessLevel: nil,
                                   line: 1, column: 1, conditions: [], text: "import numpy.linalg")]
        return Architecture(scan: ScanResult(files: files + [importer], modules: [], diagnostics: []), components: [])
    }()

    func modules(_ selector: Selector) -> [String]? {
        guard case .resolved(let set) = architecture.resolve(selector) else { return nil }
        return set.modules.sorted()
    }

    func testAPackageIsItselfAndEverythingBelow() {
        XCTAssertEqual(modules(.name("a.b")), ["a.b", "a.b.c", "a.b.d.e"])
        XCTAssertEqual(modules(.name("a.b.d")), ["a.b.d", "a.b.d.e"], "a folder with no __init__.py is a package too")
        XCTAssertEqual(modules(.name("a.b.c")), ["a.b.c"])
        XCTAssertEqual(modules(.name("a")), ["a", "a.b", "a.b.c", "a.b.d.e", "a.bx"])
        XCTAssertEqual(modules(.name("ns")), ["ns", "ns.x"])
        XCTAssertNil(modules(.name("a.bc")), "no module is below `a.bc`")
        XCTAssertTrue(architecture.isKnownModule("ns"))
    }

    func testADeclaredComponentOfAModuleHoldsItsPackage() {
        let declared = Architecture(scan: architecture.scan, components: [
            ComponentDeclaration(name: "B", isParametrized: false, sources: [.module("a.b")], location: SourceLocation(file: "r", line: 1, column: 1)),
        ])
        XCTAssertEqual(declared.declared["B"]?.modules.sorted(), ["a.b", "a.b.c", "a.b.d.e"])
        XCTAssertEqual(declared.declared["B"]?.files, [0, 1, 2])
    }
}

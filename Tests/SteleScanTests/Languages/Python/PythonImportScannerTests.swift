import XCTest
@testable import SteleScan

/// The imports as written (`PythonImportResolver` names their modules: see its tests).
final class PythonImportScannerTests: XCTestCase {
    func scan(_ source: String) -> (imports: [Import], suppressions: [Suppression]) {
        var tokens: [PythonToken] = []
        return PythonImportScanner.scan(Array(source.utf8), tokens: &tokens)
    }

    func summary(_ source: String) -> [String] {
        scan(source).imports.map { i in
            "\(i.line):\(i.column) \(i.kind ?? "import") \(i.module) \(i.path.joined(separator: "."))"
                + (i.conditions.isEmpty ? "" : " if \(i.conditions.joined(separator: ","))")
        }
    }

    func testEveryStatementForm() {
        XCTAssertEqual(summary("""
        import a.b
        import a.b as c, d
        from a import b
        from a.b import c as d, e
        from . import x
        from ..a import b
        from ... import y
        from .a import *
        from a import (b,
            c,  # a comment
            d as e,
        )
        import x; from y import z
        """), [
            "1:1 import a.b a.b", "2:1 import a.b a.b", "2:1 import d d", "3:1 from a a.b", "4:1 from a.b a.b.c", "4:1 from a.b a.b.e",
            "5:1 from . x", "6:1 from ..a a.b", "7:1 from ... y", "8:1 from .a a.*",
            "9:1 from a a.b", "9:1 from a a.c", "9:1 from a a.d", "13:1 import x x", "13:11 from y y.z",
        ])
        XCTAssertEqual(scan("import a.b as c, d").imports.map(\.text), ["import a.b as c", "import d"])
        XCTAssertEqual(scan("from ..a import (b as c)").imports.map(\.text), ["from ..a import b as c"])
    }

    func testImportsInsideFunctionsClassesAndCompoundStatements() {
        XCTAssertEqual(summary("""
        def f():
            import a
            class C:
                from b import c
        try: import json
        except ImportError: import simplejson as json
        if x: import y
        with open(p) as f: import z
        """).map { $0.split(separator: " ")[0...2].joined(separator: " ") }, [
            "2:5 import a", "4:9 from b", "5:6 import json", "6:21 import simplejson", "7:7 import y", "8:20 import z",
        ])
    }

    func testNothingFromStringsCommentsOrOtherStatements() {
        XCTAssertEqual(summary(#"""
        """
        import a
        """
        s = 'import b'
        t = f"{'import c'}"
        # import d
        raise X from e
        y = yield from g()
        x.import_it()
        print(r'''from e import f''')
        """#), [])
    }

    func testTypeCheckingBlocks() {
        XCTAssertEqual(summary("""
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            import a

            # a comment at the margin does not end the block
            from b import c
        else:
            import d
        import e
        if typing.TYPE_CHECKING: import f
        if t.TYPE_CHECKING:
            if sys.version_info >= (3, 11):
                import g
        import h
        if not TYPE_CHECKING:
            import i
        if TYPE_CHECKING > 0:
            import j
        if TYPE_CHECKING == 1:
            import k
        if (typing.TYPE_CHECKING):
            import l
        """), [
            "1:1 from typing typing.TYPE_CHECKING", "3:5 import a a if TYPE_CHECKING", "6:5 from b b.c if TYPE_CHECKING", "8:5 import d d",
            "9:1 import e e", "10:26 import f f if typing.TYPE_CHECKING", "13:9 import g g if t.TYPE_CHECKING", "14:1 import h h",
            "16:5 import i i", "18:5 import j j", "20:5 import k k", "22:5 import l l if typing.TYPE_CHECKING",
        ])
        XCTAssertEqual(scan("if TYPE_CHECKING:\n    import a\n").imports.first?.attributes, [PythonImportScanner.typeOnly])
        XCTAssertEqual(summary("if sys.version_info >= (3, 8):\n    from typing import P\nelif TYPE_CHECKING:\n    from t import P\nelse:\n    from abc import P\n"),
                       ["2:5 from typing typing.P", "4:5 from t t.P if TYPE_CHECKING", "6:5 from abc abc.P"], "setuptools' form")
        XCTAssertEqual(scan("import a\n").imports.first?.attributes, [])
    }

    func testDynamicImports() {
        XCTAssertEqual(summary("""
        import importlib
        m = importlib.import_module("a.b")
        n = import_module('c', package=None)
        o = __import__("d")
        p = importlib.import_module(name)
        q = importlib.import_module(f"x.{y}")
        r = importlib.import_module(".rel", __package__)
        s = self.import_module("nope")
        t = other.importlib.import_module("nope")
        u = importlib.import_module  # not a call
        """), [
            "1:1 import importlib importlib", "2:5 dynamic a.b a.b", "3:5 dynamic c c", "4:5 dynamic d d",
            "5:5 ambiguous  ", "6:5 ambiguous  ", "7:5 ambiguous  ",
        ])
    }

    func testSuppressionsInHashComments() {
        let found = scan("""
        # stele:allow ADR-0003 -- the adapter is the one place
        from b import c  # stele:allow ADR-0002 until 2027-01-01 -- migrating
        # a comment that mentions stele:allow is not one
        s = "# stele:allow ADR-0009 -- in a string"
        """).suppressions
        XCTAssertEqual(found.map(\.target), ["ADR-0003", "ADR-0002"])
        XCTAssertEqual(found.map(\.line), [1, 2])
        XCTAssertEqual(found[0].reason, "the adapter is the one place")
        XCTAssertEqual(found[1].until, "2027-01-01")
        XCTAssertEqual(found[1].column, 18)
    }

    func testADynamicImportAtTheVeryStartAndTruncatedStatements() {
        XCTAssertEqual(summary("__import__('a')"), ["1:1 dynamic a a"])
        XCTAssertEqual(summary("import_module"), [])
        for source in ["from", "from .", "from . import", "from a import (", "import", "import a.", "import a as", "if TYPE_CHECKING", "importlib.import_module(",
                       "__import__(\"a"] {
            _ = scan(source)
        }
    }

    func testCarriageReturnsAndBackslashContinuations() {
        XCTAssertEqual(summary("import a\r\nfrom b \\\n    import c\rimport d"), ["1:1 import a a", "2:1 from b b.c", "4:1 import d d"])
    }
}

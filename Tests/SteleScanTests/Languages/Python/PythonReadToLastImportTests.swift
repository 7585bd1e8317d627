import XCTest
@testable import SteleScan

/// The fast path reads a Python file only to the end of the logical line of its last `import`:
/// it must find every import the whole file's reading finds.
final class PythonReadToLastImportTests: XCTestCase {
    func imports(_ source: String, wholeFile: Bool) -> [String] {
        PythonLanguage.Reader().imports(in: Array(source.utf8), wholeFile: wholeFile).imports.map { "\($0.line) \($0.module)" }
    }

    func testTheFastPathFindsWhatTheWholeFileGives() {
        let sources = [
            "import os\n\ndef f():\n    return 1\n" + String(repeating: "x = 'text'\n", count: 200),
            "from a import (\n    b,\n    c,\n)\n\nprint(1)\n",
            "def f():\n    import json\n    return json\n\nclass C:\n    def g(self):\n        from . import sibling\n",
            "import importlib\nmod = importlib.import_module(\n    'plugins.x'\n)\nrest = 1\n",
            "x = __import__('y')\n",
            "import os  # import trailing comment\nprint('import inside a string')\n\"\"\"\nimport nothing: a docstring\n\"\"\"\nvalue = 2\n",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import Y\n\ndef z():\n    pass\n",
            "from \\\n  pkg import \\\n  mod\nz = 1\n",
            "print('no imports here')\n",
            "",
        ]
        for source in sources {
            XCTAssertEqual(imports(source, wholeFile: false), imports(source, wholeFile: true), source)
        }
        XCTAssertEqual(imports(sources[1], wholeFile: false), ["1 a", "1 a"], "one import each of b and c, from a")
        XCTAssertEqual(imports(sources[3], wholeFile: false), ["1 importlib", "2 plugins.x"])
    }

    func testLastImportIsTheLastOccurrenceAnywhere() {
        XCTAssertEqual(PythonImportScanner.lastImport(in: Array("import os\nx = 1\n".utf8)), 0)
        XCTAssertEqual(PythonImportScanner.lastImport(in: Array("a\n# importlib\n".utf8)), 4)
        XCTAssertEqual(PythonImportScanner.lastImport(in: Array("__import__('x')".utf8)), 2)
        XCTAssertNil(PythonImportScanner.lastImport(in: Array("impor\nmport\n".utf8)))
        XCTAssertNil(PythonImportScanner.lastImport(in: []))
    }
}

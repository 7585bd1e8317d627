import XCTest
@testable import SteleScan

final class GoImportScannerTests: XCTestCase {
    func imports(_ source: String, wholeFile: Bool = false) -> [Import] {
        GoImportScanner.scan(Array(source.utf8), wholeFile: wholeFile).imports
    }

    func testSingleGroupedAndAliasedImports() {
        let found = imports("""
        // Package a.
        package a

        import "fmt"
        import (
        \t"net/http" // the server
        \tpay "example.com/shop/payments"
        \t_ "embed"; . "strings"
        \t/* a comment */ "os"
        )
        import x `example.com/raw`
        """)
        XCTAssertEqual(found.map(\.module), ["fmt", "net/http", "example.com/shop/payments", "embed", "strings", "os", "example.com/raw"])
        XCTAssertEqual(found.map(\.path), found.map { [$0.module] })
        XCTAssertEqual(found.map(\.attributes), [[], [], ["alias:pay"], ["blank"], ["dot"], [], ["alias:x"]])
        XCTAssertEqual(found.map(\.line), [4, 6, 7, 8, 8, 9, 11])
        XCTAssertEqual(found.map(\.column), [8, 2, 2, 2, 13, 18, 8])
        XCTAssertEqual(found.map(\.text), ["import \"fmt\"", "import \"net/http\"", "import pay \"example.com/shop/payments\"", "import _ \"embed\"",
                                           "import . \"strings\"", "import \"os\"", "import x `example.com/raw`"])
        XCTAssertTrue(found.allSatisfy { $0.kind == nil && $0.conditions.isEmpty })
    }

    func testReadingStopsAfterTheImportsAsImportsOnlyDoes() {
        let found = imports("package a\nimport \"a\"\nfunc f() {}\nimport \"after\"\nvar s = \"import \\\"b\\\"\"\n")
        XCTAssertEqual(found.map(\.module), ["a"])
        XCTAssertEqual(imports("package a\nvar x = 1\nimport \"late\"").map(\.module), [])
    }

    func testImportsInStringsAndCommentsAreNotImports() {
        let found = imports("/* import \"c1\" */ package a // import \"c2\"\nimport (\n\t// \"c3\"\n\t\"real\"\n)\nconst s = `\nimport \"r\"\n`")
        XCTAssertEqual(found.map(\.module), ["real"])
    }

    func testEscapesAreDecodedAndBadPathsAreAmbiguous() {
        let found = imports("package a\nimport (\n\t\"fm\\x74\"\n\t\"\\u00e9t\\151\"\n\t\"bad\\q\"\n\t\"\"\n)")
        XCTAssertEqual(found.map(\.module), ["fmt", "éti", "", ""])
        XCTAssertEqual(found.map(\.kind), [nil, nil, "ambiguous", "ambiguous"])
    }

    func testNoPackageClauseNoImports() {
        XCTAssertEqual(imports("import \"fmt\"").count, 0)
        XCTAssertEqual(imports("").count, 0)
        XCTAssertEqual(imports("package").count, 0)
    }

    func testGoBuildLineBeforeThePackageClauseIsTheCondition() {
        let found = imports("// Copyright.\n\n//go:build linux && (amd64 || arm64)\n// +build linux\n\npackage a\n\nimport \"syscall\"\n")
        XCTAssertEqual(found.first?.conditions, ["linux && (amd64 || arm64)"], "//go:build wins over // +build")
        let legacy = imports("// +build linux,386 darwin,!cgo\n// +build go1.18\n\npackage a\nimport \"x\"")
        XCTAssertEqual(legacy.first?.conditions, ["((linux && 386) || (darwin && !cgo)) && go1.18"])
        let late = imports("package a\n//go:build ignore\nimport \"x\"")
        XCTAssertEqual(late.first?.conditions, [], "after the package clause it is no constraint")
        XCTAssertEqual(imports("/*\n//go:build linux\n*/\npackage a\nimport \"x\"").first?.conditions, [], "not in a block comment")
        XCTAssertEqual(imports("//go:buildx linux\npackage a\nimport \"x\"").first?.conditions, [])
    }

    func testSuppressionsAsTheOtherLanguagesReadThem() {
        let source = """
        package a

        import (
        \t// stele:allow ADR-0003 -- the driver registers itself
        \t_ "github.com/lib/pq"
        \t"fmt" /* stele:allow ADR-0004/R2 -- printing */
        )

        func f() {}
        // stele:allow ADR-0005 -- after the imports: read with the whole file only
        // a sentence that mentions stele:allow is not one
        """
        let fast = GoImportScanner.scan(Array(source.utf8), wholeFile: false).suppressions
        XCTAssertEqual(fast.map(\.target), ["ADR-0003", "ADR-0004/R2"])
        XCTAssertEqual(fast.map(\.line), [4, 6])
        XCTAssertEqual(fast.map(\.reason), ["the driver registers itself", "printing"])
        XCTAssertEqual(fast.map(\.column), [2, 8])
        let whole = GoImportScanner.scan(Array(source.utf8), wholeFile: true).suppressions
        XCTAssertEqual(whole.map(\.target), ["ADR-0003", "ADR-0004/R2", "ADR-0005"])
    }

    func testFileNamesAddTheirConstraintAndTestFilesTheirAttribute() {
        XCTAssertEqual(GoBuildConstraint.fromName("net/fd_linux.go"), "linux")
        XCTAssertEqual(GoBuildConstraint.fromName("a/poll_linux_amd64.go"), "linux && amd64")
        XCTAssertEqual(GoBuildConstraint.fromName("a/x_arm64_test.go"), "arm64")
        XCTAssertNil(GoBuildConstraint.fromName("a/linux.go"), "the part before the first `_` never counts")
        XCTAssertNil(GoBuildConstraint.fromName("a/order_test.go"))
        XCTAssertNil(GoBuildConstraint.fromName("a/my_file.go"))
        let raw = imports("//go:build cgo\n\npackage a\nimport \"C\"")
        let file = GoImportResolver.resolve(SourceFile(path: "a/x_windows_test.go", language: .go, module: "a", imports: raw))
        XCTAssertEqual(file.imports.first?.conditions, ["windows", "cgo"])
        XCTAssertEqual(file.imports.first?.attributes, ["test"])
    }
}

import XCTest
@testable import SteleScan

final class JVMImportScannerTests: XCTestCase {
    func header(_ source: String, _ dialect: JVMLexer.Dialect = .java, wholeFile: Bool = false) -> [String] {
        JVMImportScanner.scan(Array(source.utf8), dialect: dialect, wholeFile: wholeFile).imports.map { one in
            "\(one.line):\(one.column) " + (one.kind.map { "\($0) " } ?? "") + one.path.joined(separator: ".")
                + (one.attributes.isEmpty ? "" : " [\(one.attributes.joined(separator: ","))]")
        }
    }

    func testJavaHeader() {
        XCTAssertEqual(header("""
        package com.shop.orders;

        import java.util.List;
        import java.util.*;
        import static java.lang.Math.max;
        import static java.lang.Math.*;
        import com.shop.Outer.Inner;

        public class Order {}
        """), ["1:1 package com.shop.orders", "3:1 java.util.List", "4:1 java.util.*", "5:1 java.lang.Math.max [static]",
               "6:1 java.lang.Math.* [static]", "7:1 com.shop.Outer.Inner"])
    }

    func testAnyLayoutCommentsAndAnnotations() {
        XCTAssertEqual(header("""
        /** The package. */
        @Deprecated @SuppressWarnings({"a", "b"})
        package
          a . b /* c */ ;;
        import java
          .util // the package
          .Map ; import x.Y;
        """), ["3:1 package a.b", "5:1 java.util.Map", "7:10 x.Y"])
        XCTAssertEqual(header("@interface Marker {}\nimport no.Import;"), [], "an annotation type ends the header")
        XCTAssertEqual(header("import module java.base;\nimport module.Foo;\nimport static module.Bar.baz;"),
                       ["1:1 java.base [module]", "2:1 module.Foo", "3:1 module.Bar.baz [static]"], "Java 25's module imports; `module` as a name")
    }

    func testTheHeaderEndsAtTheFirstDeclaration() {
        let source = "package a;\nclass A {}\nimport b.C;\n// stele:allow ADR-0001 -- late\n"
        XCTAssertEqual(header(source), ["1:1 package a"])
        XCTAssertEqual(JVMImportScanner.scan(Array(source.utf8), dialect: .java, wholeFile: false).suppressions, [])
        XCTAssertEqual(JVMImportScanner.scan(Array(source.utf8), dialect: .java, wholeFile: true).suppressions.map(\.line), [4],
                       "the whole file's comments when asked")
        XCTAssertEqual(header("import a.B;\nimport ;\nimport c.D;"), ["1:1 a.B"], "an import without a name ends it")
        XCTAssertEqual(header(""), [])
    }

    func testKotlinHeader() {
        XCTAssertEqual(header("""
        #!/usr/bin/env kotlin
        @file:JvmName("Util")
        @file:[Suppress("x") Foo]
        package com.shop.util

        import kotlinx.coroutines.launch
        import com.a.B as C
        import com.`when`.`a b`.D
        import com.q.*
        val x = 1
        import not.Read
        """, .kotlin), ["4:1 package com.shop.util", "6:1 kotlinx.coroutines.launch", "7:1 com.a.B", "8:1 com.when.a b.D", "9:1 com.q.*"])
        let scanned = JVMImportScanner.scan(Array("import com.a.B as C\nimport d.E\n".utf8), dialect: .kotlin, wholeFile: false)
        XCTAssertEqual(scanned.imports.map(\.text), ["import com.a.B as C", "import d.E"])
        XCTAssertEqual(header("@Suppress(\"x\") fun main() {}\nimport a.B", .kotlin), [], "a declaration's annotation, then the declaration")
        XCTAssertEqual(header("val s = \"\"\"\nimport a.B\n\"\"\"", .kotlin), [])
    }

    func testSuppressionsAsTheOtherLanguagesReadThem() {
        let source = """
        package a;
        // stele:allow ADR-0001 -- the reason
        import b.C;
        /* stele:allow ADR-0002/r1 until 2027-01-01 -- moving */ import d.E;
        /// stele:allow ADR-0003 -- documentation is never one
        /** stele:allow ADR-0004 -- nor this */
        // a sentence about stele:allow is not one
        import f.G;
        """
        let found = JVMImportScanner.scan(Array(source.utf8), dialect: .java, wholeFile: false).suppressions
        XCTAssertEqual(found.map { "\($0.line):\($0.column) \($0.target) \($0.reason ?? "-") \($0.until ?? "-")" },
                       ["2:1 ADR-0001 the reason -", "4:1 ADR-0002/r1 moving 2027-01-01"])
    }

    func testEachDialectThroughTheRegistry() {
        let java = SourceReaders().reader(for: .java)?.imports(in: Array("import a.B; /* /* */ import c.D;".utf8), wholeFile: false)
        XCTAssertEqual(java?.imports.map(\.module), ["a.B", "c.D"], "Java's comments do not nest")
        let kotlin = SourceReaders().reader(for: .kotlin)?.imports(in: Array("import a.B; /* /* */ import c.D;".utf8), wholeFile: false)
        XCTAssertEqual(kotlin?.imports.map(\.module), ["a.B"], "Kotlin's do")
    }
}

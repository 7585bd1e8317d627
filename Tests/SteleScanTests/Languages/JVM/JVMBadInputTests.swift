import Foundation
import XCTest
@testable import SteleScan
import SteleTestSupport

/// Bad input never traps and never loops: the `jvm-app` fixture's files cut, spliced and sprinkled
/// with the bytes that open and close comments, strings, text blocks and templates, through both
/// dialects of the lexer, the header reader, resolution and the Gradle and Maven readers.
final class JVMBadInputTests: XCTestCase {
    func testMutatedSourcesAreReadToTheirEnd() throws {
        var sources = try Mutations.sources(ofFixture: "jvm-app") { $0.hasSuffix(".java") || $0.hasSuffix(".kt") || $0.hasSuffix(".kts") }
        sources.append(Array("<project><modules><module>a</module><!-- x --></modules></project>".utf8))
        XCTAssertGreaterThan(sources.count, 8)
        Mutations.forEach(of: sources, specials: "\"'`/*${}()[]\n\r#!@;.<>-", seed: 11) { bytes, random in
            for dialect in [JVMLexer.Dialect.java, .kotlin] {
                bytes.withUnsafeBufferPointer { buffer in
                    var lexer = JVMLexer(buffer, dialect: dialect)
                    var last = 0
                    while let token = lexer.next() {
                        XCTAssertTrue(token.start >= last && token.start < token.end && token.end <= buffer.count)
                        last = token.end
                    }
                }
                let found = JVMImportScanner.scan(bytes, dialect: dialect, wholeFile: true)
                _ = JVMModuleMap(modules: []).resolve(SourceFile(path: "A.java", language: .java, module: nil, imports: found.imports))
            }
            _ = GradleSettings.parse(bytes, path: "settings.gradle")
            _ = MavenModules.parse(bytes, path: "pom.xml")
        }
    }

    func testDeepNestingCostsNoStack() {
        let templates = Array((String(repeating: "\"${", count: 200_000) + "x").utf8)
        let comments = Array((String(repeating: "/*", count: 200_000) + "import a.B").utf8)
        XCTAssertEqual(JVMImportScanner.scan(templates, dialect: .kotlin, wholeFile: true).imports, [])
        XCTAssertEqual(JVMImportScanner.scan(comments, dialect: .kotlin, wholeFile: true).imports, [])
        let annotations = Array((String(repeating: "@A(", count: 100_000) + "\nimport a.B").utf8)
        XCTAssertEqual(JVMImportScanner.scan(annotations, dialect: .java, wholeFile: true).imports, [])
    }
}

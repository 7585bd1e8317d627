import Foundation
import XCTest
@testable import SteleCore
import SteleTestSupport

final class GlobTests: XCTestCase {
    func testSingleStarStaysInOneSegment() {
        let glob = Glob("Sources/*/Model.swift")
        XCTAssertTrue(glob.matches("Sources/App/Model.swift"))
        XCTAssertFalse(glob.matches("Sources/App/Sub/Model.swift"))
    }

    func testDoubleStarCrossesSegmentsIncludingNone() {
        let glob = Glob("Sources/**/*.swift")
        XCTAssertTrue(glob.matches("Sources/A.swift"))
        XCTAssertTrue(glob.matches("Sources/a/b/c/A.swift"))
        XCTAssertFalse(glob.matches("Tests/A.swift"))
        XCTAssertFalse(glob.matches("Sources/a/b/A.txt"))
    }

    func testFolderMeansEverythingBelowIt() {
        XCTAssertTrue(Glob("Sources/App").matches("Sources/App/UI/View.swift"))
        XCTAssertTrue(Glob("Sources/App/").matches("Sources/App/x.swift"))
        XCTAssertTrue(Glob("Makefile").matches("Makefile"))
        XCTAssertFalse(Glob("Sources/App").matches("Sources/AppKit/x.swift"))
    }

    func testQuestionMarkBracesAndClasses() {
        XCTAssertTrue(Glob("v?.swift").matches("v1.swift"))
        XCTAssertFalse(Glob("v?.swift").matches("v12.swift"))
        let braces = Glob("Sources/{UI,Views}/**")
        XCTAssertTrue(braces.matches("Sources/UI/a.swift"))
        XCTAssertTrue(braces.matches("Sources/Views/b/c.swift"))
        XCTAssertFalse(braces.matches("Sources/Model/a.swift"))
        XCTAssertTrue(Glob("[a-c]x.swift").matches("bx.swift"))
        XCTAssertFalse(Glob("[!a-c]x.swift").matches("bx.swift"))
    }

    func testNestedBracesExpand() {
        XCTAssertEqual(Set(Glob.expandBraces("a{b,c{d,e}}f")), ["abf", "acdf", "acef"])
        XCTAssertEqual(Glob.expandBraces("a{b"), ["a{b"])
    }

    func testCaptureReturnsWhatTheFirstStarMatched() {
        let glob = Glob("Sources/Features/*/**")
        XCTAssertEqual(glob.capture(in: "Sources/Features/Login/View/LoginView.swift"), "Login")
        XCTAssertEqual(glob.capture(in: "Sources/Features/Cart/Cart.swift"), "Cart")
        XCTAssertNil(glob.capture(in: "Sources/Core/Cart.swift"))
        XCTAssertEqual(Glob("Sources/*Feature/**").capture(in: "Sources/LoginFeature/a.swift"), "Login")
    }

    func testFileNamePatterns() {
        let glob = Glob("*ViewModel.swift")
        XCTAssertTrue(glob.matchesFileName("Sources/UI/LoginViewModel.swift"))
        XCTAssertFalse(glob.matchesFileName("Sources/UI/LoginView.swift"))
    }

    func testLeadingDotSlashIsIgnored() {
        XCTAssertTrue(Glob("./Sources/**").matches("Sources/a.swift"))
    }

    func testLooksLikeGlob() {
        XCTAssertTrue(Glob.looksLikeGlob("Sources/App"))
        XCTAssertTrue(Glob.looksLikeGlob("*.swift"))
        XCTAssertFalse(Glob.looksLikeGlob("Domain"))
        XCTAssertFalse(Glob.looksLikeGlob("app.core"))
    }

    /// Patterns from a hostile repository (issue 16): each was exponential or overflowed the stack;
    /// matching is now linear in the pattern times the path (a run of stars is one star, a
    /// mismatch backtracks to the last star only, `**` segments likewise).
    func testHostilePatternsMatchInBoundedTime() {
        let longName = "Sources/A/" + String(repeating: "a", count: 60) + ".swift"
        XCTAssertFalse(Glob(String(repeating: "*", count: 24) + "x").matches(longName))
        XCTAssertFalse(Glob("Sources/A/*a*a*a*a*a*a*a*ab").matches(longName))
        XCTAssertTrue(Glob("Sources/A/*a*a*a*a*a*a*a*a.swift").matches(longName))
        XCTAssertTrue(Glob(String(repeating: "*", count: 50_000)).matches("Package.swift"), "50,000 stars are one star")
        let deep = (0..<40).map { "d\($0)" }.joined(separator: "/") + "/x.swift"
        XCTAssertFalse(Glob(String(repeating: "**/d/", count: 20) + "y.swift").matches(deep))
        XCTAssertTrue(Glob("**/d3/**/d17/**/d39/*.swift").matches(deep))
        XCTAssertEqual(Glob("Sources/Features/*/**").capture(in: "Sources/Features/Login/UI/View.swift"), "Login")
        XCTAssertEqual(Glob("**/Features/*/**").capture(in: "Apps/Shop/Features/Cart/Cart.swift"), "Cart")
    }

    func testBracesTooComplexAreRefusedAndTakenLiterally() {
        XCTAssertNil(Glob.complexityProblem("Sources/{App,Kit}/{UI,Domain}/**"))
        XCTAssertEqual(Glob.complexityProblem(String(repeating: "{a,b}", count: 11)), "more than 1000 alternatives in its braces")
        let nested = String(repeating: "{", count: 20_000) + "a" + String(repeating: "}", count: 20_000)
        XCTAssertEqual(Glob.complexityProblem(nested), "braces nested 20000 deep (at most 16)")
        XCTAssertFalse(Glob(nested).matches("a"), "taken literally, never expanded")
        XCTAssertTrue(Glob(String(repeating: "{a,b}", count: 11)).matches(String(repeating: "{a,b}", count: 11)))
    }

    /// A pattern the glob fuzzer found slow (`Tests/Fuzz/glob.swift`: a timeout under load, a third
    /// of a second per glob when braces were expanded a Character at a time): it expands to as many
    /// alternatives as the counter says, and becomes a glob.
    func testTheFuzzersSlowBracePatternExpandsAsCounted() throws {
        let data = try XCTUnwrap(Data(base64Encoded: "Li9Tb3ssdH0vKi97cmUvLi9TZW97LHR9Lyove3JlL0FwICxLaXR9Ly8/QHVye3A9QXAsS2l0fe4qLzFpdH0vPy97S3R9L2UvPyove3JlL0FwICxLaXR9Ly8/QCxLaXR97iove2l0fS8/L3twci4vU3R9L297LHByLi9TdH0vb3ssS+l0fi8uAQAAACx0fS8qL3tyZS9BcCAsS2l0fS8ve2l0fS8/L3twci4vU3R9L297LHByLi9T////////////dH0vb3ssS+l0fi8uAQAAACx0ei8qL3tyZS9BcCAsS2l0fS8vPyove3JlPyove3JlL0FwICxLaXR9Ly8AAAAAAD9ALEtpdH3uKi97aXR9Lz8ve3ByLi9TdH0vb3sscHIuL1N0fS9veyxL6XR+/////2E="))
        let pattern = String(decoding: data, as: UTF8.self)
        let bytes = Array(pattern.utf8)
        let counted = Glob.alternativeCount(bytes[...], limit: Glob.maximumAlternatives + 1)
        XCTAssertEqual(Glob.expandBraces(bytes).count, counted)
        XCTAssertEqual(Glob.expandBraces(pattern), Glob.expandBraces(bytes).map { String(decoding: $0, as: UTF8.self) })
        XCTAssertNil(Glob.complexityProblem(pattern), "within the limits: expanded, not taken literally")
        XCTAssertFalse(Glob(pattern).matches("Sources/App/main.swift"))
    }

    /// A path a glob's `Bounds` turn away is one the segment walk would refuse too, and a path they
    /// take whole (`Sources/App/**`) one it would match with the same capture: 30,000 random
    /// patterns and paths, over the bytes that matter (`/`, `*`, `?`, classes, braces, a dot),
    /// matched both ways.
    func testBoundsAgreeWithTheWalk() {
        var generator = SplitMix(seed: 16)
        let patternBytes = Array("ab/**?.[]{,}!-".utf8), pathBytes = Array("ab/.c".utf8)
        var admitted = 0, refused = 0
        for _ in 0..<30_000 {
            let pattern = String(decoding: (0..<generator.below(12)).map { _ in patternBytes[generator.below(patternBytes.count)] }, as: UTF8.self)
            let glob = Glob(pattern)
            for _ in 0..<4 {
                var path = (0..<generator.below(10)).map { _ in pathBytes[generator.below(pathBytes.count)] }
                if generator.below(3) == 0, !pattern.isEmpty { path = Array(pattern.utf8.filter { $0 != UInt8(ascii: "*") }) }
                for capturing in [false, true] {
                    let fast = path.withUnsafeBufferPointer { glob.match($0, capturing: capturing) }
                    let walked = path.withUnsafeBufferPointer { glob.match($0, capturing: capturing, usingBounds: false) }
                    XCTAssertEqual(fast, walked, "pattern \(pattern), path \(String(decoding: path, as: UTF8.self)), capturing \(capturing)")
                    if fast == nil { refused += 1 } else { admitted += 1 }
                }
            }
        }
        XCTAssertGreaterThan(admitted, 5_000, "the paths exercise matches too")
        XCTAssertGreaterThan(refused, 5_000)
    }

    func testBoundsRejectByPrefixAndSuffix() {
        XCTAssertEqual(Glob.Bounds(Glob("Sources/App/**").segmentsForTesting[0]).prefix.map { String(decoding: $0, as: UTF8.self) }, ["Sources", "App"])
        let swift = Glob.Bounds(Glob("**/*.swift").segmentsForTesting[0])
        XCTAssertEqual(String(decoding: swift.suffix, as: UTF8.self), ".swift")
        XCTAssertFalse(swift.prefixIsWhole)
        XCTAssertTrue(Glob.Bounds(Glob("Sources/App").segmentsForTesting[0]).prefixIsWhole)
        XCTAssertTrue(Glob("**/*.swift").matches("a/b.swift/"), "a trailing slash is no segment")
        XCTAssertTrue(Glob("Sources/App/**").matches("Sources//App/x"), "nor is an empty one")
        XCTAssertFalse(Glob("Sources/App/**").matches("Sources/AppKit/x"))
        XCTAssertEqual(Glob("{Sources/*/**,Sources/App/**}").capture(in: "Sources/App/x.swift"), "App", "the first alternative wins")
    }
}


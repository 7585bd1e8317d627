import XCTest
@testable import SteleCore

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
}

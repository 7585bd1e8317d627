import XCTest
@testable import SteleScan

/// Closures: their parameters, attributes and signatures, and the labels of trailing closures.
/// Each test is one construct (most found in review on real packages), with the names it must and
/// must not give.
extension SwiftSymbolScannerTests {
    /// `{ @MainActor (value: Int) in`, `{ @Sendable event in`: attributes before a closure's
    /// parameters made it read as no closure signature, and the parameters as references.
    func testClosureAttributesBeforeParameters() {
        let source = """
        func f() {
            let a = { @MainActor (value: Int) async -> Out in use(value) }
            let b = { @Sendable event in handle(event) }
        }
        """
        XCTAssertEqual(names(source), ["MainActor", "Int", "Out", "use", "Sendable", "handle"])
    }

    /// `{ actor in` (swift-nio's `assumeIsolated { actor in`) read as the declaration of a type named
    /// `in`: the next brace of the closure opened that type's body, and its locals became members.
    func testContextualKeywordAsClosureParameter() {
        let source = """
        func f() {
            self.assumeIsolated { actor in
                if ready { let local = 1; use(local) }
                actor.run(Other.x)
            }
            for macro in macros { expand(macro) }
            let found = names.map { macro in Lookup.find(macro) }
        }
        """
        XCTAssertEqual(declared(source), ["func f"])
        XCTAssertEqual(scan(source).references.map { "\($0.chain)@\($0.enclosingType ?? "-")" },
                       ["ready@-", "use@-", "Other.x@-", "macros@-", "expand@-", "names.map@-", "Lookup.find@-"])
    }

    /// `} completion: {`: the labels of trailing closures after the first.
    func testTrailingClosureLabels() {
        let source = """
        func f() {
            UIView.animate(withDuration: 1) { fade() } completion: { done in finish(done) }
            Button { tap() } label: { Label.make() }
        }
        """
        XCTAssertEqual(names(source), ["UIView", "fade", "finish", "Button", "tap", "Label"])
    }
}

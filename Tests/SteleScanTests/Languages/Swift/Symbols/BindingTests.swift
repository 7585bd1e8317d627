import XCTest
@testable import SteleScan

/// Bindings: `let`/`var` declarations, optional binding and patterns, whose names shadow file-scope names.
/// Each test is one construct (most found in review on real packages), with the names it must and
/// must not give.
extension SwiftSymbolScannerTests {
    /// `let a = 1, b = 2`, `var x, y: Int`: every name is declared (the later ones were missed at
    /// file and type scope, and were references in code).
    func testSeveralBindingsInOneDeclaration() {
        let source = """
        public let minimum = 1, maximum = Limits.top
        struct Point { var x, y: Double; private var cache: [Key: Value] = [:], hits = 0 }
        func f() {
            var width = 0, height: Int = compute(a, b)
            let handler = { (p, q) in p }, other = Other.make()
            if let first = list.first, let second = list.last, first < second { }
            use(width, height, other)
        }
        """
        XCTAssertEqual(declared(source), ["let minimum public", "let maximum public", "struct Point", "var Point.x", "var Point.y",
                                          "var Point.cache private", "var Point.hits private", "func f"])
        XCTAssertEqual(names(source), ["Limits", "Double", "Key", "Value", "Int", "compute", "a", "b", "Other",
                                       "list", "list", "use"])
    }

    /// `if let config {` unwraps the `config` of an outer scope: a use of it (unless that one is
    /// local too), and a local after it.
    func testIfLetShorthandIsAUse() {
        let source = """
        func f(session: Session?) {
            if let config { use(config) }
            guard var theme, let session else { return }
            while let next, next.isValid { }
            if let a = make(), let cache { use(a, cache, theme) }
        }
        """
        XCTAssertEqual(names(source), ["Session", "config", "use", "theme", "next", "make", "cache", "use"])
    }

    /// `let config = config`, `guard let theme = theme else`: the initializer names the outer
    /// declaration (a use), not the local being declared.
    func testInitializerNamingTheShadowedName() {
        let source = """
        func f(session: Session) {
            let config = config
            guard let theme = theme?.dark else { return }
            if let session = session.current { use(session, config, theme) }
        }
        """
        XCTAssertEqual(scan(source).references.map(\.chain), ["Session", "config", "theme", "use"])
    }

    /// Under `let`, every name of a nested pattern binds: `case let .pair(x, .inner(y))`,
    /// `case let (p, (q, r))`, `let ((m, n), o) = …` (at file scope, each is declared).
    func testNestedPatternsBindEveryName() {
        let source = """
        let ((minimum, maximum), step) = Defaults.range
        func f() {
            switch value {
            case let .pair(x, .inner(y)): use(x, y)
            case let (p, (q, r)): use(p, q, r)
            }
        }
        """
        XCTAssertEqual(declared(source), ["let minimum", "let maximum", "let step", "func f"])
        XCTAssertEqual(names(source), ["Defaults", "value", "use", "use"])
    }
}

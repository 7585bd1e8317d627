import XCTest
@testable import SteleScan

/// Parameters and labels: what a function signature, a call or a statement names that is not a reference.
/// Each test is one construct (most found in review on real packages), with the names it must and
/// must not give.
extension SwiftSymbolScannerTests {
    /// A closure as a parameter's default value opened the scope that took the parameters read so
    /// far (and ended the list): `url` and `completion` became references in the body.
    func testDefaultClosureValueKeepsTheParameters() {
        let source = """
        func load(url: URL, completion: @escaping () -> Void = {}, retries: Int = { 3 }()) {
            fetch(url, retries)
            completion()
        }
        """
        XCTAssertEqual(names(source), ["URL", "Void", "Int", "fetch"])
    }

    /// A backticked name is a name like any other: a member after `.`, an argument label, a
    /// parameter (swift-nio's `` buildUpgradeHeaders(`protocol`: String) ``).
    func testBacktickedNamesAreLabelsMembersAndParameters() {
        let source = """
        func make(`default`: Int, for `protocol`: String) {
            use(`default`, `protocol`)
            x.`default`.go(`in`: 1)
        }
        """
        XCTAssertEqual(scan(source).references.map(\.chain), ["Int", "String", "use", "x.default.go"])
    }

    /// A parameter after an attribute (`@ViewBuilder content:`, hummingbird's
    /// `@RouteBuilder<Context> builder:`) was a reference, and not bound in the body.
    func testParameterAfterAnAttribute() {
        let source = """
        init(@ViewBuilder content: () -> Content, @RouteBuilder<Context> builder: () -> Handler) {
            self.body = content()
            use(builder)
        }
        """
        XCTAssertEqual(names(source), ["ViewBuilder", "Content", "RouteBuilder", "Context", "Handler", "use"])
    }

    /// `viewBytes(at:length:)`: every label of a compound name is a label.
    func testCompoundNameLabels() {
        XCTAssertEqual(names("let f = buffer.viewBytes(at:length:)\nlet g = add(_:after:)"), ["buffer", "add"])
    }

    /// `willSet(newTheme)`, `didSet(old)`, `set(value)` name the accessor's parameter.
    func testAccessorParameterNames() {
        let source = """
        struct S {
            var theme: Theme {
                willSet(newTheme) { apply(newTheme) }
                didSet(old) { log(old) }
            }
            var size: Int {
                get { 0 }
                set(value) { store(value) }
            }
        }
        """
        XCTAssertEqual(names(source), ["Theme", "apply", "log", "Int", "store"])
    }

    /// A keyword as an argument label before a parameter name (`case value:`, `import path:`,
    /// `struct decl:`) is a label: it declared an enum case `value`, or skipped the rest of the line.
    func testKeywordLabelsBeforeParameterNames() {
        let source = """
        enum Kind {
            case a
            func f(case value: Kind, import path: Path, struct decl: Decl) -> Bool { use(value, path, decl) }
        }
        """
        XCTAssertEqual(declared(source), ["enum Kind", "case Kind.a", "func Kind.f"])
        XCTAssertEqual(names(source), ["Kind", "Path", "Decl", "Bool", "use"])
    }

    /// `outer: for`, `loop: while`, `break outer`, `continue loop`: statement labels.
    func testStatementLabels() {
        let source = """
        func f() {
            outer: for row in rows {
                loop: while next() {
                    if done { break outer }
                    continue loop
                }
            }
            search: do { try find() } catch { return }
            switch size {
            case limit: if big { shrink() }
            case small,
                 tiny: do { grow() }
            default: break
            }
        }
        """
        XCTAssertEqual(names(source), ["rows", "next", "done", "find", "size", "limit", "big", "shrink", "small", "tiny", "grow"])
    }
}

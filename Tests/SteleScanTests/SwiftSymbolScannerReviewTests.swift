import XCTest
@testable import SteleScan

/// Inputs found in review that read wrong: each test is one construct, with the names it must and
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
}

extension SwiftSymbolScannerTests {
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
}

extension SwiftSymbolScannerTests {
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
}

extension SwiftSymbolScannerTests {
    /// An interpolation is an argument list: `\(raw: name)` (swift-syntax), `\(value, specifier: f)`
    /// (SwiftUI) have labels, not references.
    func testInterpolationLabels() {
        let source = #"""
        let s = "case \(literal: num): \(value, specifier: Format.two) \(raw: "\(inner: x)")"
        """#
        XCTAssertEqual(names(source), ["num", "value", "Format", "x"])
    }
}

extension SwiftSymbolScannerTests {
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
}

extension SwiftSymbolScannerTests {
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

extension SwiftSymbolScannerTests {
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
}

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
}

extension SwiftSymbolScannerTests {
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
}

extension SwiftSymbolScannerTests {
    /// The arguments of the language's own attributes are platforms, options and names, not uses:
    /// `@available(iOS 15, *)`, `@attached(member, names: named(init))`, `#available(macOS 14, *)`.
    /// `@abi(func old())` must not declare `old`. The types after `@escaping` are uses, and so are the
    /// arguments of `@_specialize` (its generic parameter `T` is not known yet).
    func testArgumentsOfBuiltInAttributesAreNoReferences() {
        let source = """
        @available(iOS, introduced: 13, deprecated: 15, renamed: "other")
        @available(*, unavailable, message: "no")
        @_spi(Internal) @inline(__always) @backDeployed(before: macOS 14)
        public func f(_ h: @escaping (Input) -> Void, _ c: @convention(c) (Int32) -> Void) {
            if #available(iOS 15, *) { modern() }
        }
        @attached(member, names: named(init), arbitrary)
        @freestanding(expression)
        public macro M() = #externalMacro(module: "Mod", type: "MMacro")
        @abi(func old(x: Legacy))
        func new(x: Current) {}
        @_specialize(where T == Special) func g<T>(_ t: T) {}
        """
        XCTAssertEqual(declared(source), ["func f public", "macro M public", "func new", "func g"])
        XCTAssertEqual(names(source), ["Input", "Void", "Int32", "Void", "modern", "externalMacro", "Current", "T", "Special"])
    }
}

extension SwiftSymbolScannerTests {
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
}

extension SwiftSymbolScannerTests {
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
}

extension SwiftSymbolScannerTests {
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

extension SwiftSymbolScannerTests {
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
}

import XCTest
@testable import SteleScan

final class SwiftSymbolScannerTests: XCTestCase {
    func scan(_ source: String) -> SwiftSymbolScanner.Result { SwiftSymbolScanner.scan(Array(source.utf8)) }
    func names(_ source: String) -> [String] { scan(source).references.map(\.name) }
    func declared(_ source: String) -> [String] {
        scan(source).declarations.map { "\($0.kind.rawValue) \($0.qualifiedName)" + ($0.access.map { " \($0)" } ?? "") }
    }

    func testDeclarationsWithKindsParentsAndAccess() {
        let source = """
        public struct Order<Item: Priced> {
            private var items: [Item] = []
            let id: OrderID
            public func total() -> Money { Money(0) }
            enum State { case open, closed(Reason), paid = 3 }
            init(id: OrderID) { self.id = id }
        }
        extension Order: Codable where Item: Codable {
            static let empty = Order(id: .zero)
        }
        typealias OrderID = Int
        fileprivate func helper() {}
        var globalCounter = 0
        public macro stringify<T>(_ value: T) -> (T, String) = #externalMacro(module: "M", type: "S")
        final class Service: NSObject, Sendable {}
        actor Cache {}
        protocol Repository: AnyObject { associatedtype Entity; func load() -> Entity }
        """
        XCTAssertEqual(declared(source), [
            "struct Order public", "var Order.items private", "let Order.id", "func Order.total public",
            "enum Order.State", "case Order.State.open", "case Order.State.closed", "case Order.State.paid",
            "init Order.init", "extension Order", "let Order.empty", "typealias OrderID", "func helper fileprivate",
            "var globalCounter", "macro stringify public", "class Service", "actor Cache",
            "protocol Repository", "associatedtype Repository.Entity", "func Repository.load",
        ])
    }

    func testReferencesInTypesAndExpressions() {
        let source = """
        struct Screen: View, Identifiable {
            @State var model: LoginModel
            @Clamped(0...1) var level: Double
            var body: some View { Text(Strings.title).font(Theme.font) }
            func make() -> [Order<Item>] { Factory.make(\\Order.total, kind: .big) }
        }
        """
        XCTAssertEqual(names(source), ["View", "Identifiable", "State", "LoginModel", "Clamped", "Double", "View", "Text",
                                       "Strings", "Theme", "Order", "Item", "Factory", "Order"])
        let refs = scan(source).references
        XCTAssertEqual(refs.first { $0.name == "Strings" }?.members, "title")
        XCTAssertEqual(refs.first { $0.name == "Strings" }?.enclosingType, "Screen")
        XCTAssertEqual(refs.first { $0.name == "View" }?.enclosingType, nil, "a conformance is outside the body")
        XCTAssertEqual(refs.first { $0.name == "Factory" }.map { "\($0.line):\($0.column)" }, "5:36")
    }

    func testCommentsStringsAndImportsAreNotReferences() {
        let source = """
        import UIKit
        @testable import App
        // LoginView is used here
        /* Theme.font */
        let s = "LoginView and Theme"
        let r = #"Theme"#
        """
        XCTAssertEqual(names(source), [])
    }

    func testInterpolationsAreCode() {
        let source = #"""
        let a = "Hello \(Greeter.name) and \(format("\(Inner.value)"))"
        let b = """
            multi \(Theme.color)
            """
        """#
        let refs = scan(source).references
        XCTAssertEqual(refs.map(\.name), ["Greeter", "format", "Inner", "Theme"])
        XCTAssertEqual(refs.map { "\($0.line):\($0.column)" }, ["1:18", "1:38", "1:48", "3:13"])
    }

    func testLocalsShadowGlobals() {
        let source = """
        func run(session: Session, _ logger: Logger) {
            let Config = 3
            print(Config, session, logger)
            for item in items { use(item) }
            if let cache = makeCache() { cache.clear() }
            list.map { entry in entry.id }
            list.map { (a: Int, b) -> Int in a + b }
            handler = { [weak self, token] value in self?.go(token, value) }
            do { try work() } catch { report(error) }
        }
        struct Box<Content> { var value: Content }
        func generic<T: Shape>(_ t: T) -> T { t }
        """
        XCTAssertEqual(names(source), ["Session", "Logger", "print", "items", "use", "makeCache", "list", "list",
                                       "Int", "Int", "handler", "work", "report", "Shape"])
    }

    func testMembersLabelsAndKeywordsAreNotReferences() {
        let source = """
        func f() {
            view.addSubview(label)
            move(to: target, animated: true)
            let x = .some(3)
            return self.value + $0
        }
        """
        XCTAssertEqual(names(source), ["view", "label", "move", "target"])
    }

    func testExtensionsAndNestedTypes() {
        let source = """
        extension Outer.Inner: Hashable {
            func go() { helper() }
        }
        """
        let result = scan(source)
        XCTAssertEqual(result.declarations.map(\.name), ["Outer.Inner", "go"])
        XCTAssertEqual(result.declarations.last?.parent, "Outer.Inner")
        XCTAssertEqual(result.references.map(\.chain), ["Outer.Inner", "Hashable", "helper"])
        XCTAssertEqual(result.references.last?.enclosingType, "Outer.Inner")
    }

    func testLocalTypesAndFunctionsAreNotDeclarations() {
        let source = """
        func outer() {
            struct Helper {}
            func inner() {}
            Helper(); inner()
        }
        """
        XCTAssertEqual(declared(source), ["func outer"])
        XCTAssertEqual(names(source), [])
    }

    func testMacrosAndPropertyWrappersAreReferences() {
        XCTAssertEqual(names("let x = #stringify(a + b)\n@Observable final class Model {}"), ["stringify", "a", "b", "Observable"])
    }

    /// Truncated and garbage input: no trap, and what is read is what the text so far says. A
    /// brace left open is reported as unbalanced; a name made of invalid bytes is kept, repaired.
    func testBadInputGivesWhatTheTextSoFarSays() {
        let cases: [(source: String, declared: [String], references: [String], balanced: Bool)] = [
            ("}}}", [], [], true), ("struct", [], [], true), ("func", [], [], true), ("extension", [], [], true),
            ("let (", [], [], true), ("case", [], [], true), ("{ [weak", [], [], false), ("func f<", ["func f"], [], true),
            ("\"\\(", [], [], true), ("class", [], [], true), ("for", [], [], true), ("init(", [], [], true),
            ("{ (a, b", [], ["a", "b"], false), ("enum E { case", ["enum E"], [], false), ("@", [], [], true), ("#", [], [], true),
        ]
        for c in cases {
            let result = scan(c.source)
            XCTAssertEqual(declared(c.source), c.declared, c.source)
            XCTAssertEqual(result.references.map(\.chain), c.references, c.source)
            XCTAssertEqual(result.isBalanced, c.balanced, c.source)
        }
        let bytes = SwiftSymbolScanner.scan([0xFF, 0xFE, 0x7B, 0x00, 0x7D])
        XCTAssertEqual(bytes.references.map(\.name), ["\u{FFFD}\u{FFFD}"])
        XCTAssertEqual(bytes.declarations, [])
        XCTAssertTrue(bytes.isBalanced)
    }
}

extension SwiftSymbolScannerTests {
    /// Found by the accuracy run against the compiler's index: `for` as an argument label used to
    /// start a loop header and swallow everything up to the next `in`.
    func testForAsArgumentLabel() {
        let source = """
        protocol P { func value(for key: Key) -> Int }
        func helper() { use(Other.thing); text(for: self) }
        func after() {}
        """
        XCTAssertEqual(declared(source), ["protocol P", "func P.value", "func helper", "func after"])
        XCTAssertEqual(names(source), ["Key", "Int", "use", "Other", "text"])
    }
}

extension SwiftSymbolScannerTests {
    /// Each `#if` branch opens its own header's brace: the walk must not end up one scope deep.
    func testConditionalBranchesThatEachOpenABrace() {
        let source = """
        #if os(Linux)
        extension Foo {
        #else
        extension Foo: Bar {
        #endif
            func go() { helper() }
        }
        func after() { Other.run() }
        """
        XCTAssertEqual(declared(source), ["extension Foo", "extension Foo", "func Foo.go", "func after"])
        XCTAssertEqual(scan(source).references.map { "\($0.name)@\($0.enclosingType ?? "-")" },
                       ["Foo@-", "Foo@-", "Bar@-", "helper@Foo", "Other@-"])
    }
}

extension SwiftSymbolScannerTests {
    func testBalanceIsReported() {
        XCTAssertTrue(scan("struct A { func f() { g { $0 } } }").isBalanced)
        XCTAssertFalse(scan("struct A { func f() {").isBalanced)
        XCTAssertTrue(scan("}} struct B {}").isBalanced, "stray closing braces are dropped, not carried")
    }

    /// 30,000 nested types (issue 16: 50,000 took over 20 s and gigabytes, each declaration storing
    /// its whole enclosing path): every type is declared, and no parent path passes the bound.
    func testDeeplyNestedTypesKeepMemoryLinear() {
        let depth = 30_000
        let source = String(repeating: "struct S {", count: depth) + String(repeating: "}", count: depth)
        let result = SwiftSymbolScanner.scan(Array(source.utf8))
        XCTAssertEqual(result.declarations.count, depth)
        let longest = result.declarations.map { $0.parent?.utf8.count ?? 0 }.max() ?? 0
        XCTAssertGreaterThan(longest, 500, "real nesting is kept")
        XCTAssertLessThanOrEqual(longest, SwiftSymbolScanner.maximumTypePathLength + 2)
    }
}

import XCTest
@testable import SteleScan

/// String interpolations and attribute arguments: code inside other syntax.
/// Each test is one construct (most found in review on real packages), with the names it must and
/// must not give.
extension SwiftSymbolScannerTests {
    /// An interpolation is an argument list: `\(raw: name)` (swift-syntax), `\(value, specifier: f)`
    /// (SwiftUI) have labels, not references.
    func testInterpolationLabels() {
        let source = #"""
        let s = "case \(literal: num): \(value, specifier: Format.two) \(raw: "\(inner: x)")"
        """#
        XCTAssertEqual(names(source), ["num", "value", "Format", "x"])
    }

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

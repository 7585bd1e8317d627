import XCTest
@testable import SteleGraph
import SteleCore
import SteleRules
import SteleScan

/// A package name is every TypeScript module below it, with `/` where Python's dotted names have
/// `.`: never a sibling that shares the start of its name (`@acme/orders` is not `@acme/ordersx`).
final class PackageModuleNameTests: XCTestCase {
    let architecture: Architecture = {
        let files = [("p/o/src/a.ts", "@acme/orders/src/a.ts"), ("p/o/src/b/c.tsx", "@acme/orders/src/b/c.tsx"),
                     ("p/ox/x.ts", "@acme/ordersx/x.ts"), ("p/pay/i.js", "payments/i.js")]
            .map { SourceFile(path: $0.0, language: .typescript, module: $0.1, imports: []) }
        return Architecture(scan: ScanResult(files: files, modules: [], diagnostics: []), components: [])
    }()

    func modules(_ selector: Selector) -> [String]? {
        guard case .resolved(let set) = architecture.resolve(selector) else { return nil }
        return set.modules.sorted()
    }

    func testAPackageIsEveryModuleBelowIt() {
        XCTAssertEqual(modules(.name("@acme/orders")), ["@acme/orders", "@acme/orders/src/a.ts", "@acme/orders/src/b/c.tsx"])
        XCTAssertEqual(modules(.name("payments")), ["payments", "payments/i.js"])
        XCTAssertTrue(architecture.isKnownModule("@acme/ordersx"))
        XCTAssertNil(modules(.name("@acme/order")))
    }

}

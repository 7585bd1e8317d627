import XCTest
@testable import SteleScan

final class SwiftSymbolUseScannerTests: XCTestCase {
    func uses(_ symbols: Set<String>, _ source: String) -> [String] {
        SwiftSymbolUseScanner.uses(of: symbols, in: Array(source.utf8)).uses.map { "\($0.symbol)@\($0.line):\($0.column)" }
    }

    func testNamesAndMemberChainsInCodeOnly() {
        let source = """
        print("print")            // print
        logger.print("x")
        let d = UserDefaults.standard.bool(forKey: "k")
        let e = UserDefaults . standard
        let f = UserDefaults.init()
        DispatchQueue.main.sync { }
        /* DispatchQueue.main.sync */ let s = "UserDefaults.standard"
        let `print` = 1
        """
        XCTAssertEqual(uses(["print", "UserDefaults.standard", "DispatchQueue.main.sync"], source),
                       ["print@1:1", "UserDefaults.standard@3:9", "UserDefaults.standard@4:9", "DispatchQueue.main.sync@6:1", "print@8:5"])
    }

    func testTypesInTypePositions() {
        XCTAssertEqual(uses(["NSManagedObjectContext"], "func f(c: NSManagedObjectContext) -> [NSManagedObjectContext] { [c] }"),
                       ["NSManagedObjectContext@1:11", "NSManagedObjectContext@1:39"])
    }

    func testSuppressionsAnywhereInTheFile() {
        let found = SwiftSymbolUseScanner.uses(of: ["print"], in: Array("func f() {\n    // stele:allow ADR-0004 -- debugging aid\n    print(1)\n}\n".utf8))
        XCTAssertEqual(found.suppressions.map(\.line), [2])
        XCTAssertTrue(SwiftSymbolUseScanner.uses(of: [], in: Array("print(1)".utf8)).uses.isEmpty, "nothing asked, nothing lexed")
    }
}

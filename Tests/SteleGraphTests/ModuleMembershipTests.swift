import XCTest
@testable import SteleGraph

final class ModuleMembershipTests: XCTestCase {
    /// Files 0-1 in A, 2 in none, 3 in B, 4 in A again (a module's files need not be neighbours).
    let membership = ModuleMembership(modules: ["A", "A", nil, "B", "A"])

    func testNumbersModulesInTheOrderMet() {
        XCTAssertEqual(membership.names, ["A", "B"])
        XCTAssertEqual(membership.moduleOfFile, [0, 0, -1, 1, 0])
        XCTAssertEqual(membership.fileCounts, [3, 1])
        XCTAssertEqual(membership.filesByModule(), ["A": [0, 1, 4], "B": [3]])
    }

    func testCoversAModuleOnlyWithAllItsFiles() {
        XCTAssertEqual(membership.modulesCovered(by: [0, 1, 4]), ["A"])
        XCTAssertEqual(membership.modulesCovered(by: [0, 1]), [], "A's file 4 is missing")
        XCTAssertEqual(membership.modulesCovered(by: [2, 3]), ["B"], "a file in no module covers nothing")
        XCTAssertEqual(membership.modulesCovered(by: [3, 0, 1, 4]), ["A", "B"], "in any order")
        XCTAssertEqual(membership.modulesCovered(by: []), [])
    }
}

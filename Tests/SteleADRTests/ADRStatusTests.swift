import XCTest
@testable import SteleADR

final class ADRStatusTests: XCTestCase {
    func testNormalisation() {
        let cases: [(String, ADRStatus)] = [
            ("Accepted", .accepted), ("approved", .accepted), ("Adopted.", .accepted), ("proposed", .proposed), ("Draft", .proposed),
            ("in review", .proposed), ("Under Review", .proposed), ("deprecated", .deprecated), ("Superseded by [ADR-0005](x.md)", .superseded),
            ("replaced by 7", .superseded), ("Rejected", .rejected), ("withdrawn", .rejected), ("", .unknown), ("maybe later", .unknown),
        ]
        for (text, expected) in cases { XCTAssertEqual(ADRStatus.normalise(text), expected, text) }
    }

    func testHistoriesQualifiersAndSigns() {
        let cases: [(String, ADRStatus)] = [
            ("Proposed → Accepted", .accepted), ("proposed -> rejected", .rejected), ("Implemented. Superseded by ADR-013", .superseded),
            ("Accepted -> Does not affect the specification", .accepted), ("Partly superseded", .accepted), ("Partially Accepted", .accepted),
            ("Superseded in part by ADR-9", .accepted), ("Obsoleted by [ADR-23](ADR-23.md)", .superseded), ("Replaced by ADR 4", .superseded),
            ("Deprecated (no superseding ADR)", .deprecated), ("Depreciated.", .deprecated), ("Reverted", .deprecated), ("on hold", .proposed),
            ("🤔 Incomplete", .proposed), ("✅ Accepted", .accepted), ("⌛️ Superseded [0019](0019-x.md)", .superseded), ("✅", .accepted),
            ("2023-01-02 proposed", .proposed), ("{Deprecated|Proposed|Accepted}", .unknown),
            ("> A decision may be \"proposed\" if it hasn't been agreed upon yet", .unknown), ("Open", .proposed),
        ]
        for (text, expected) in cases { XCTAssertEqual(ADRStatus.normalise(text), expected, text) }
    }

    func testSeverityAndForce() {
        XCTAssertEqual(ADRStatus.accepted.severity, .error)
        XCTAssertEqual(ADRStatus.proposed.severity, .warning)
        XCTAssertEqual(ADRStatus.unknown.severity, .warning)
        XCTAssertNil(ADRStatus.superseded.severity)
        XCTAssertEqual(ADRStatus.allCases.filter(\.isInForce), [.accepted, .proposed, .unknown])
    }
}

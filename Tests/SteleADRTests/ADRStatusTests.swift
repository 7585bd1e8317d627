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

    func testSeverityAndForce() {
        XCTAssertEqual(ADRStatus.accepted.severity, .error)
        XCTAssertEqual(ADRStatus.proposed.severity, .warning)
        XCTAssertEqual(ADRStatus.unknown.severity, .warning)
        XCTAssertNil(ADRStatus.superseded.severity)
        XCTAssertEqual(ADRStatus.allCases.filter(\.isInForce), [.accepted, .proposed, .unknown])
    }
}

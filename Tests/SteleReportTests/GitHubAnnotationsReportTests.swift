import XCTest
import SteleCheck
@testable import SteleReport

final class GitHubAnnotationsReportTests: XCTestCase {
    func testOneAnnotationPerFindingWithEscapes() {
        XCTAssertEqual(GitHubAnnotationsReport.render(ReportFixture.result), """
        ::warning file=Sources/App/main.swift,line=3,col=1,title=App must not import GRDB::`App` imports `GRDB`%0ARule: App must not import GRDB (rules/architecture.stele:4)
        ::error file=Sources/Domain/Order.swift,line=2,col=1,title=ADR-0002%3A Domain must not import GRDB::`Domain` imports `GRDB`%0ARule: Domain must not import GRDB (adr/0002-pure-domain.md:17)%0ADecision: ADR-0002 "Keep the domain layer pure" (accepted)

        """)
    }

    func testPropertyEscapes() {
        XCTAssertEqual(GitHubAnnotationsReport.property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae")
    }
}

import XCTest
import SteleCore
import SteleGraph
import SteleRules
@testable import SteleCheck

/// `LandingIndex` answers by lookup what `CheckContext.lands` answers set by set: the two must agree
/// on every dependency of every fixture, for imports and symbol uses alike.
final class LandingIndexTests: XCTestCase {
    func testAgreesWithLandsOnEveryDependency() {
        let cases = [
            ("shop", "component Core = module Domain, Persistence\nlayers App > UI > Core > GRDB\nlayers UI > Domain\nlayers App > UI"),
            ("layered-app", "component UI = Sources/App/UI/**\ncomponent Domain = Sources/App/Domain/**\ncomponent Data = Sources/App/Data/**\n"
                + "component All = Sources/App/**\nlayers UI > Domain > Data > All"),
        ]
        var compared = 0
        for (fixture, rules) in cases {
            let book = RuleBook.compile(ruleFiles: [RuleFile.parse(rules, path: "rules/test.stele")], adrs: [], today: "2026-01-01")
            let architecture = Architecture(scan: CheckHarness.scan(fixture), components: book.components)
            for rule in book.rules {
                guard case .layers(let layers, _) = rule.rule.kind else { continue }
                let context = CheckContext(architecture: architecture, rule: rule)
                let sets = layers.map(context.set)
                let index = LandingIndex(sets, context: context)
                for set in sets {
                    for dependency in context.dependencies(of: set, towards: index) {
                        XCTAssertEqual(index.landings(of: dependency), sets.indices.filter { context.lands(dependency, in: sets[$0]) },
                                       "\(fixture): \(dependency.path):\(dependency.line) \(dependency.snippet)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 20, "the fixtures have dependencies to compare")
    }
}

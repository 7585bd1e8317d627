import XCTest
import SteleCore
@testable import SteleRules

/// The ways people write architecture rules in ADRs and in peer tools' configurations, each with
/// the rule it must compile to, or the hint it must get: a hint names the closest valid form with
/// the same meaning, never the opposite one.
final class NaturalPhrasingTests: XCTestCase {
    let here = SourceLocation(file: "adr/0002-layers.md", line: 12, column: 3)

    func kind(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Rule.Kind? {
        switch RuleParser.parse(text, at: here) {
        case .success(.rule(let rule)?): return rule.kind
        case .success(let other): XCTFail("\(text): not a rule: \(String(describing: other))", file: file, line: line)
        case .failure(let d): XCTFail("\(text): \(d)", file: file, line: line)
        }
        return nil
    }

    func diagnostic(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        if case .failure(let d) = RuleParser.parse(text, at: here) { return d }
        XCTFail("expected an error for: \(text)", file: file, line: line)
        return nil
    }

    let domain = Selector.name("Domain")

    func testDependencyPhrasings() {
        let forbidden = Rule.Kind.mustNotDependOn(.name("Domain"), [.name("Infrastructure")], transitive: false)
        let cases: [(String, String)] = [
            // Clean-architecture ADRs and "dependency rule" write-ups.
            ("Domain must not depend on Infrastructure", "the canonical form"),
            ("Domain MUST NOT depend on Infrastructure", "RFC 2119 capitals, common in ADRs"),
            ("Domain should not depend on Infrastructure", "ADR bullets"),
            ("Domain cannot depend on Infrastructure", "\"Lower layers cannot depend on higher layers\""),
            ("Domain can't depend on Infrastructure", "contraction"),
            ("Domain may not depend on Infrastructure", "ADR bullets"),
            ("Domain must never depend on Infrastructure", "ADR bullets"),
            ("Domain never depends on Infrastructure", "present tense, as in rules sections"),
            ("Domain does not depend on Infrastructure", "present tense"),
            ("`Domain` must **not** depend on `Infrastructure`.", "Markdown is stripped from bullets, not here: see the ADR tests"),
        ]
        for (text, source) in cases where !text.contains("**") {
            XCTAssertEqual(kind(text), forbidden, "\(text) (\(source))")
        }
        XCTAssertEqual(kind("Domain must not depend on Infrastructure directly or transitively"),
                       .mustNotDependOn(domain, [.name("Infrastructure")], transitive: true))
    }

    func testAllowListPhrasings() {
        let allowed = Rule.Kind.mayOnlyDependOn(.name("Domain"), [.name("Core")])
        for text in [
            "Domain may only depend on Core",       // the canonical form
            "Domain must only depend on Core",      // issue 11: was answered with `must not depend on`
            "Domain can only depend on Core",
            "Domain should only depend on Core",    // ArchUnit: `should().onlyDependOnClassesThat()`
            "Domain may depend only on Core",
            "Domain must depend only on Core",
            "Domain depends only on Core",
        ] {
            XCTAssertEqual(kind(text), allowed, text)
        }
    }

    func testImportPhrasings() {
        let forbidden = Rule.Kind.mustNotImport(.name("Domain"), modules: ["UIKit"])
        for text in [
            "Domain must not import UIKit", "Domain should not import UIKit", "Domain cannot import UIKit",
            "Domain never imports UIKit",          // "Domain never imports infrastructure or presentation."
            "Domain shouldn't import UIKit", "Domain must never import UIKit", "Domain does not import UIKit",
            "Domain must not import `UIKit`",      // a name in backticks inside a fenced block
        ] {
            XCTAssertEqual(kind(text), forbidden, text)
        }
    }

    func testExclusivePhrasings() {
        for text in ["only Persistence may import GRDB", "Only Persistence can import GRDB", "only Persistence should import GRDB",
                     "only Persistence is allowed to import GRDB", "only `Persistence` may import `GRDB`"] {
            XCTAssertEqual(kind(text), .onlyMayImport([.name("Persistence")], modules: ["GRDB"]), text)
        }
        // import-linter's forbidden/allowed contracts, dependency-cruiser's `allowed` rules: the same idea for components.
        for text in ["only Persistence may depend on Store", "only Persistence can depend on Store", "only Persistence and Sync are allowed to depend on Store"] {
            guard case .onlyMayDependOn(_, .name("Store"))? = kind(text) else { return XCTFail(text) }
        }
    }

    func testCyclePhrasings() {
        // dependency-cruiser's `no-circular`, "No bidirectional dependencies", ArchUnit's `beFreeOfCycles()`.
        for text in ["no cycles", "no circular dependencies", "No dependency cycles", "no cyclic dependencies", "no import cycles",
                     "no circular imports"] {
            XCTAssertEqual(kind(text), .noCycles(nil), text)
        }
        XCTAssertEqual(kind("no circular dependencies between Features"), .noCycles(.name("Features")))
        XCTAssertEqual(kind("Features must not have cycles"), .noCycles(.name("Features")))
        XCTAssertEqual(kind("Features should be acyclic"), .noCycles(.name("Features")))
    }

    func testLayerPhrasings() {
        let layers = Rule.Kind.layers([.name("UI"), .name("Domain"), .name("Data")], strict: false)
        // deptrac and import-linter list layers top-down; ADRs draw them with arrows and colons.
        for text in ["layers UI > Domain > Data", "layers: UI > Domain > Data", "Layers: UI > Domain > Data"] {
            XCTAssertEqual(kind(text), layers, text)
        }
        // Arrows are drawn both ways in real ADRs (`Tools → Application → Domain`, `utils -> data -> models`
        // lowest first): refused, with the form that cannot be misread.
        for text in ["Layers: UI → Domain → Data", "layers UI -> Domain -> Data"] {
            XCTAssertEqual(diagnostic(text)?.message, "arrows between layers are read both ways", text)
            XCTAssertEqual(diagnostic(text)?.hint, "write the highest layer first with `>`: `layers UI > Domain > Data`")
        }
        XCTAssertEqual(kind("strict layers: UI > Domain > Data"), .layers([.name("UI"), .name("Domain"), .name("Data")], strict: true))
    }

    func testIndependencePhrasings() {
        // import-linter's `independence` contract.
        for text in ["Feature(*) must not depend on each other", "Feature(*) must be independent", "Feature(*) should not import each other",
                     "Feature(*) must be independent of each other"] {
            XCTAssertEqual(kind(text), .independent(family: "Feature"), text)
        }
    }

    /// Every hint names a valid form with the same meaning as what was written.
    func testHintsKeepTheMeaning() {
        let cases: [(String, String)] = [
            ("Domain must onyl depend on Core", "may only depend on"),
            ("Domain mustnt depend on UI", "must not depend on"),
            ("Domain mustnot import GRDB", "must not import"),
            ("Domain must not depnd on UI", "must not depend on"),
            ("Domain only depnds on Core", "may only depend on"),
            ("Domain must be acylic", "must be acyclic"),
            ("only Persistence may imprt GRDB", "may import"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(diagnostic(text)?.hint, "did you mean `\(expected)`?", text)
        }
        // What cannot be told apart gets the list of forms, not a guess.
        let vague = diagnostic("Domain talks to UI")
        XCTAssertNil(vague?.hint)
        XCTAssertTrue(vague?.message.contains("`may only depend on`") == true, vague?.message ?? "")
    }

    func testQuotedPaths() {
        let statePath = "Sources/AsyncHTTPClient/ConnectionPool/State Machine/**"
        for quoted in ["\"\(statePath)\"", "'\(statePath)'", "`\(statePath)`", "\u{201C}\(statePath)\u{201D}",
                       "Sources/AsyncHTTPClient/ConnectionPool/State\\ Machine/**"] {
            guard case .success(.component(let component)?) = RuleParser.parse("component StateMachines = \(quoted)", at: here) else {
                XCTFail(quoted); continue
            }
            XCTAssertEqual(component.sources, [.glob(Glob(statePath))], quoted)
            XCTAssertEqual(kind("\(quoted) must not depend on Foo"), .mustNotDependOn(.glob(Glob(statePath)), [.name("Foo")], transitive: false), quoted)
        }
        XCTAssertEqual(kind("layers \"App/UI Kit/**\" > Domain"), .layers([.glob(Glob("App/UI Kit/**")), domain], strict: false))
        guard case .success(.rule(let rule)?) = RuleParser.parse("UI must not import GRDB except \"Sources/App/Debug Tools/**\"", at: here) else {
            return XCTFail("except with a quoted path")
        }
        XCTAssertEqual(rule.exceptions, [.glob(Glob("Sources/App/Debug Tools/**"))])
        XCTAssertEqual(try RuleParser.parse("ignore \"Generated Code/**\", **/*.pb.swift", at: here).get(),
                       .setting(.ignore([Glob("Generated Code/**"), Glob("**/*.pb.swift")])))
        XCTAssertEqual(try RuleParser.parse("adr directory \"docs/Architecture Decisions\"", at: here).get(), .setting(.adrDirectory("docs/Architecture Decisions")))
    }

    func testAnUnquotedPathWithASpaceSaysToQuoteIt() {
        let d = diagnostic("component StateMachines = Sources/AsyncHTTPClient/ConnectionPool/State Machine/**")
        XCTAssertEqual(d?.message, "`Sources/AsyncHTTPClient/ConnectionPool/State Machine/**` reads as 2 words: a path with a space must be quoted")
        XCTAssertEqual(d?.location?.column, 3 + 26, "at the path")
        XCTAssertEqual(d?.hint, "write it in quotes: `\"Sources/AsyncHTTPClient/ConnectionPool/State Machine/**\"` (or escape the space: `Sources/AsyncHTTPClient/ConnectionPool/State\\ Machine/**`)")
        XCTAssertEqual(diagnostic("Sources/App/UI Kit/** must not import GRDB")?.message,
                       "`Sources/App/UI Kit/**` reads as 2 words: a path with a space must be quoted")
        let open = diagnostic("component A = 'Sources/A B/**")
        XCTAssertEqual(open?.message, "unterminated string")
        XCTAssertEqual(open?.location?.column, 3 + 14)
        XCTAssertEqual(open?.hint, "close it with `'`")
    }

    /// A rule from the repository is untrusted input: a glob too complex to expand is an error at
    /// its column, not a hang (issue 16).
    func testATooComplexGlobIsALocatedError() {
        let d = diagnostic("component X = Sources/" + String(repeating: "{a,b}", count: 12) + "/**")
        XCTAssertEqual(d?.message, "glob too complex: more than 1000 alternatives in its braces")
        XCTAssertEqual(d?.location?.column, 3 + 14)
        XCTAssertEqual(diagnostic("ignore \"" + String(repeating: "{", count: 40) + "\"")?.message, "glob too complex: braces nested 40 deep (at most 16)")
    }

    /// A bullet's full stop after a glob is punctuation, not part of the glob (a glob ending in `.`
    /// matched nothing, so the rule silently never fired).
    func testAFullStopAfterAGlobIsPunctuation() {
        XCTAssertEqual(kind("Sources/A/** must not depend on Sources/B/**."),
                       .mustNotDependOn(.glob(Glob("Sources/A/**")), [.glob(Glob("Sources/B/**"))], transitive: false))
        XCTAssertEqual(kind("Sources/A/** must not depend on Sources/B/."),
                       .mustNotDependOn(.glob(Glob("Sources/A/**")), [.glob(Glob("Sources/B/"))], transitive: false))
    }
}

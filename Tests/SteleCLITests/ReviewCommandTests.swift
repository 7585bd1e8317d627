import Foundation
import XCTest
import SteleTestSupport

/// `stele review` through the real binary, on the review-app fixture: five ADRs (one with no rule,
/// a layered one that is broken, a superseded one a rules file still cites, one with a prose rule,
/// a proposed one with vacuous rules and a waiver ending soon), five modules with a cycle.
final class ReviewCommandTests: XCTestCase {
    func testHTMLGoesToStelereviewHTMLAndHoldsEveryDecisionTheGraphAndTheViolations() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        let run = try SteleProcess.run(["review"], in: tree.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "stele: review written to stele-review.html\n")
        let html = try String(contentsOf: tree.url.appendingPathComponent("stele-review.html"), encoding: .utf8)

        for id in ["ADR-0001", "ADR-0002", "ADR-0003", "ADR-0004", "ADR-0005"] {
            XCTAssertTrue(html.contains("<span class=\"adr-id\">\(id)</span>"), id)
        }
        XCTAssertTrue(html.contains("Nothing enforces this decision"), "ADR-0001 has no rule")
        XCTAssertTrue(html.contains("This decision is superseded, but a rule citing it still runs: rules/architecture.stele/R1."))
        XCTAssertTrue(html.contains("<span class=\"badge vacuous\">vacuous</span></td><td>Billing must not import SQLite3<div class=\"why\">unknown component `Billing`</div>"))
        XCTAssertTrue(html.contains("<span class=\"badge vacuous\">vacuous</span></td><td>Sources/Legacy/** must not depend on UI<div class=\"why\">Sources/Legacy/** matches no file</div>"))
        XCTAssertTrue(html.contains("<span class=\"badge prose\">prose only</span></td><td>Helpers are small and obvious."))
        XCTAssertTrue(html.contains("<span class=\"badge waived\">waived until 2026-01-20</span>"))
        XCTAssertTrue(html.contains("<span class=\"badge warning-only\">warning only</span></td><td>Only Data may import SQLite3"))
        XCTAssertTrue(html.contains("superseded by <a href=\"#ADR-0004\">ADR-0004</a>"))

        // The graph: a node per module, the external, the layers, red edges labelled with the rule.
        let svg = try XCTUnwrap(html.range(of: "<svg").flatMap { start in html.range(of: "</svg>").map { String(html[start.lowerBound..<$0.upperBound]) } })
        for name in ["App", "UI", "Domain", "Data", "Util", "DomainTests", "SQLite3"] {
            XCTAssertTrue(svg.contains(">\(name)</text></g>"), name)
        }
        XCTAssertFalse(svg.contains(">XCTest</text>"), "platform modules are left out")
        XCTAssertTrue(svg.contains(">layer 1<tspan x=\"12\" dy=\"13\">App</tspan>"), "the top band is named after the first layer")
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"edge violation").count - 1, 4, "Data→Domain, Domain→UI, Data→Util, Util→Data")
        XCTAssertTrue(svg.contains("<title>Domain → UI: 1 import; breaks ADR-0002/R1; in a dependency cycle; drawn upwards</title>"), svg)
        for label in ["ADR-0002/R1", "ADR-0002/R2", "ADR-0004/R1"] { XCTAssertTrue(svg.contains("\">\(label)</text>"), label) }

        // Violations by decision, with the line and its code.
        XCTAssertTrue(html.contains("<h3 id=\"v-ADR-0002\">ADR-0002 A layered architecture <small>3 violations</small></h3>"))
        XCTAssertTrue(html.contains("<code>Sources/Domain/Order.swift:2</code></td><td><code class=\"excerpt\">import UI</code>"))

        // Self-contained: nothing fetched, no src or href leaving the file.
        let links = try NSRegularExpression(pattern: "(?:src|href)\\s*=\\s*\"([^\"]*)\"")
        for match in links.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let value = String(html[Range(match.range(at: 1), in: html)!])
            XCTAssertTrue(value.hasPrefix("#"), "a link out of the file: \(value)")
        }
        XCTAssertFalse(html.contains("@import"))
        XCTAssertFalse(html.contains("url(http"))
    }

    func testTwoRunsGiveTheSameBytes() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        for format in ["html", "markdown", "json"] {
            let first = try SteleProcess.run(["review", tree.path, "--format", format, "--output", "-"])
            let second = try SteleProcess.run(["review", tree.path, "--format", format, "--output", "-", "--no-cache"])
            XCTAssertEqual(first.status, 0, first.stderr)
            XCTAssertFalse(first.stdout.isEmpty)
            XCTAssertEqual(first.stdout, second.stdout, format)
        }
    }

    func testMarkdownHasTheSameContentWithoutDrawings() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        let run = try SteleProcess.run(["review", tree.path, "--format", "markdown"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let md = run.stdout
        XCTAssertFalse(md.contains("<svg"))
        XCTAssertTrue(md.hasPrefix("## Architecture review: "))
        XCTAssertTrue(md.contains("| 8 | 6 | 6 | 4 / 5 | 4 | 1 | 1 | 2 | 4 | 0 | 1 (1) | none |"), md)
        for heading in ["#### ADR-0001 Record architecture decisions (accepted)", "#### ADR-0003 Storage helpers live in Util (superseded)",
                        "### Dependencies", "### Components", "### Violations", "#### ADR-0004 Util stays small (1)"] {
            XCTAssertTrue(md.contains(heading + "\n"), heading)
        }
        XCTAssertTrue(md.contains("> ❗ Superseded but still enforced by rules/architecture.stele/R1."))
        XCTAssertTrue(md.contains("| vacuous | Billing must not import SQLite3 — unknown component `Billing` | `ADR-0005/R2` | – |"))
        // The matrix: Domain depends on UI (against the layers, in a cycle) once, on Util twice.
        XCTAssertTrue(md.contains("| 4 Domain | | | | · | **1** | _2_ | |"), md)
        XCTAssertTrue(md.contains("| `Sources/Util/Rounding.swift:1` | `import Data` | `Util` imports `Data` | Util must not depend on Data `ADR-0004/R1` |"))
    }

    func testJSONIsTheDataBehindIt() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        let run = try SteleProcess.run(["review", tree.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let source = try XCTUnwrap(object["source"] as? [String: Any])
        XCTAssertTrue(source["commit"] is NSNull, "a copy outside git has no commit")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 4)
        XCTAssertEqual(summary["expiringWithin30Days"] as? Int, 1)
        let rules = try XCTUnwrap(summary["rules"] as? [String: Int])
        XCTAssertEqual(rules, ["enforced": 4, "warningOnly": 1, "prose": 1, "vacuous": 2, "waived": 1, "notInForce": 1, "notChecked": 0])
        let matrix = try XCTUnwrap(object["matrix"] as? [String: Any])
        let names = try XCTUnwrap(matrix["names"] as? [String])
        XCTAssertEqual(names, ["App", "DomainTests", "Data", "Domain", "UI", "Util", "SQLite3"])
        let cells = try XCTUnwrap(matrix["cells"] as? [[String: Any]])
        func cell(_ a: String, _ b: String) -> [String: Any]? {
            cells.first { $0["row"] as? Int == names.firstIndex(of: a) && $0["column"] as? Int == names.firstIndex(of: b) }
        }
        XCTAssertEqual(cell("Domain", "Util")?["count"] as? Int, 2)
        XCTAssertEqual(cell("Domain", "UI")?["violated"] as? Bool, true)
        XCTAssertEqual(cell("App", "UI")?["violated"] as? Bool, false)
        XCTAssertNil(cell("UI", "App"))
        XCTAssertEqual(cells.count, 11)
        let components = try XCTUnwrap(object["components"] as? [[String: Any]])
        let data = try XCTUnwrap(components.first { $0["name"] as? String == "Data" })
        XCTAssertEqual(data["fanIn"] as? Int, 2)
        XCTAssertEqual(data["fanOut"] as? Int, 3)
        XCTAssertEqual(data["instability"] as? Double, 0.6)
        let domain = try XCTUnwrap(components.first { $0["name"] as? String == "Domain" })
        XCTAssertEqual(domain["files"] as? Int, 2)
        XCTAssertEqual(domain["lines"] as? Int, 10, "Order.swift's 7 lines and Pricing.swift's 3")
    }

    func testUnknownFormatIsAUsageError() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        let run = try SteleProcess.run(["review", tree.path, "--format", "htm"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("did you mean `html`?"), run.stderr)
    }
}

import Foundation
import XCTest
import SteleCore
@testable import SteleRules
@testable import SteleCheck
import SteleTestSupport

/// Every rule kind is registered whole, as SwiftFormat checks its rules: an example that parses to
/// it, a check (`Checker.check(for:)`), that check's own test file, and a row in the rule language's
/// docs. `entry(for:)` switches over every kind without a `default:`, so a new kind does not compile
/// here until it is listed, and then fails until each piece is there.
final class RuleKindRegistryTests: XCTestCase {
    static let root = TestPaths.repositoryRoot

    /// The example statement of each kind, and the name of its check (nil: not checked by the scanner).
    static func entry(for kind: Rule.Kind) -> (example: String, check: String?, docs: String) {
        switch kind {
        case .layers: return ("layers UI > Domain", "LayersCheck", "| `layers A > B > C` |")
        case .mustNotDependOn: return ("Domain must not depend on UI", "ForbiddenDependencyCheck", "| `A must not depend on B, C` |")
        case .mustNotImport: return ("Domain must not import GRDB", "ForbiddenImportCheck", "| `A must not import M1, M2` |")
        case .mayOnlyDependOn: return ("Domain may only depend on Core", "AllowedDependenciesCheck", "| `A may only depend on B, C` |")
        case .onlyMayDependOn: return ("only Persistence may depend on Store", "ExclusiveDependencyCheck", "| `only A, B may depend on C` |")
        case .onlyMayImport: return ("only Persistence may import GRDB", "ExclusiveDependencyCheck", "| `only A may import M1, M2` |")
        case .noCycles: return ("no cycles", "CycleCheck", "`no cycles in A` / `A must be acyclic` / `no cycles`")
        case .independent: return ("Feature(*) must not depend on each other", "IndependenceCheck", "| `Feature(*) must not depend on each other` |")
        case .naming: return ("files in UI must be named \"*View.swift\"", "NamingCheck", "| `files in A must be named \"*ViewModel.swift\"` |")
        case .mustNotUse: return ("Domain must not use print", "ForbiddenUseCheck", "| `A must not use S1, S2` |")
        case .judge: return ("judge \"views hold no business logic\" for UI", nil, "| `judge \"plain-English rule\" for A` |")
        case .manifestsMatchImports: return ("manifests must match imports", "ManifestTruthCheck", "`manifests must match imports`")
        }
    }

    static let kinds: [Rule.Kind] = [
        .layers([], strict: false), .mustNotDependOn(.name("A"), [], transitive: false), .mustNotImport(.name("A"), modules: []),
        .mayOnlyDependOn(.name("A"), []), .onlyMayDependOn([], .name("A")), .onlyMayImport([], modules: []), .noCycles(nil),
        .independent(family: "F"), .naming(.name("A"), pattern: ""), .mustNotUse(.name("A"), symbols: []), .judge("", .name("A")),
        .manifestsMatchImports(nil),
    ]

    func testEveryRuleKindHasAnExampleACheckATestFileAndADocsEntry() throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/rule-language.md"), encoding: .utf8)
        for kind in Self.kinds {
            let (example, checkName, _) = Self.entry(for: kind)
            guard case .success(.rule(let rule)?) = RuleParser.parse(example, at: SourceLocation(file: "t", line: 1, column: 1)) else {
                XCTFail("\(example) does not parse"); continue
            }
            XCTAssertEqual(Self.entry(for: rule.kind).example, example, "\(example) parses to the kind it stands for")
            let check = Checker.check(for: rule.kind)
            XCTAssertEqual(check.map { String(describing: type(of: $0)) }, checkName, example)
            if let checkName {
                let testFile = Self.root.appendingPathComponent("Tests/SteleCheckTests/Checks/\(checkName)Tests.swift").path
                XCTAssertTrue(FileManager.default.fileExists(atPath: testFile), "\(checkName) has no test file")
                XCTAssertTrue(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Sources/SteleCheck/Checks/\(checkName).swift").path),
                              "\(checkName) has a file of its own")
            }
            // The docs' table of rules has a row for each kind.
            XCTAssertTrue(docs.contains(Self.entry(for: rule.kind).docs), "docs/rule-language.md has no row for \(example)")
        }
    }
}

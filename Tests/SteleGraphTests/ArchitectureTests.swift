import Foundation
import XCTest
import SteleCore
import SteleRules
import SteleScan
@testable import SteleGraph
import SteleTestSupport

final class ArchitectureTests: XCTestCase {
    static let shop = TestPaths.fixture("shop").path

    func architecture(_ components: String = "") -> Architecture {
        let file = RuleFile.parse(components, path: "rules/t.stele")
        let components = file.lines.compactMap { line -> ComponentDeclaration? in
            if case .component(let c) = line.statement { return c } else { return nil }
        }
        return Architecture(scan: ProjectScanner.scan(root: ArchitectureTests.shop), components: components)
    }

    func files(_ resolution: Architecture.Resolution, in a: Architecture) -> [String] {
        guard case .resolved(let set) = resolution else { return ["<unknown>"] }
        return set.files.map { a.scan.files[$0].path }
    }

    func testZeroConfigModulesAndExternals() {
        let a = architecture()
        XCTAssertEqual(files(a.resolve(.name("Domain")), in: a), ["Sources/Domain/Money.swift", "Sources/Domain/Order.swift"])
        guard case .resolved(let grdb) = a.resolve(.name("GRDB")) else { return XCTFail() }
        XCTAssertEqual(grdb.modules, ["GRDB"])
        XCTAssertTrue(grdb.files.isEmpty)
        guard case .unknown(let name, let suggestion) = a.resolve(.name("Domian")) else { return XCTFail() }
        XCTAssertEqual(name, "Domian")
        XCTAssertEqual(suggestion, "Domain")
    }

    func testGlobComponentIsAnImportTargetOnlyWhenItCoversTheWholeModule() {
        let a = architecture("""
        component Core = Sources/Domain/**
        component Half = Sources/Domain/Order.swift
        """)
        guard case .resolved(let core) = a.resolve(.name("Core")), case .resolved(let half) = a.resolve(.name("Half")) else { return XCTFail() }
        XCTAssertEqual(core.modules, ["Domain"])
        XCTAssertEqual(half.modules, [])
        XCTAssertEqual(a.displayName(forModule: "Domain"), "Core")
    }

    /// A component of several sources gets each file once, in listing order, and covers a module
    /// only when every file of it is among its own.
    func testSeveralSourcesMergeAndCoverWholeModules() {
        let a = architecture("component Mixed = Sources/Domain/Order.swift, module Domain, Sources/Domain/**")
        XCTAssertEqual(files(a.resolve(.name("Mixed")), in: a), ["Sources/Domain/Money.swift", "Sources/Domain/Order.swift"])
        guard case .resolved(let mixed) = a.resolve(.name("Mixed")) else { return XCTFail() }
        XCTAssertEqual(mixed.modules, ["Domain"])
    }

    func testParametrizedMembers() {
        let a = architecture("component Feature(*) = Sources/Features/*/**")
        XCTAssertEqual(a.families["Feature"]?.keys.sorted(), ["Cart", "Login"])
        XCTAssertEqual(files(a.resolve(.member(family: "Feature", member: "Login")), in: a), ["Sources/Features/Login/LoginScreen.swift"])
        XCTAssertEqual(files(a.resolve(.family("Feature")), in: a).count, 2)
        guard case .unknown(_, let suggestion) = a.resolve(.family("Featur")) else { return XCTFail() }
        XCTAssertEqual(suggestion, "Feature(*)")
    }

    func testModuleGraphPathsAndCycles() {
        let a = architecture()
        XCTAssertEqual(a.moduleGraph.shortestPath(from: "UI", to: ["GRDB"]), ["UI", "Domain", "GRDB"], "shortest, ties broken by name")
        XCTAssertEqual(a.moduleGraph.shortestPath(from: "UI", to: ["GRDB"], avoiding: ["Domain"]), ["UI", "Persistence", "GRDB"])
        XCTAssertNil(a.moduleGraph.shortestPath(from: "Domain", to: ["UI"]))
        XCTAssertEqual(CycleFinder.cycles(nodes: Array(a.internalModules), edges: a.moduleGraph.edges), [["Cart", "Login", "Cart"]])
    }

    func testCycleThroughAnEdgeIsTheShortestWayBack() {
        let edges = ["a": ["b"], "b": ["c", "d"], "c": ["a"], "d": ["e"], "e": ["b"]]
        let all: Set = ["a", "b", "c", "d", "e"]
        XCTAssertEqual(CycleFinder.components(nodes: Array(all), edges: edges), [["a", "b", "c", "d", "e"]])
        XCTAssertEqual(CycleFinder.cycle(through: "d", "e", within: all, edges: edges), ["d", "e", "b", "d"])
        XCTAssertEqual(CycleFinder.cycle(through: "c", "a", within: all, edges: edges), ["c", "a", "b", "c"])
        XCTAssertNil(CycleFinder.cycle(through: "d", "e", within: ["d", "e"], edges: edges), "no way back inside the members")
        XCTAssertEqual(CycleFinder.cycle(through: "x", "x", within: ["x"], edges: ["x": ["x"]]), ["x", "x"])
    }

    func testCycleFinderPicksAShortestCycleThroughTheSmallestNode() {
        let edges = ["a": ["b"], "b": ["c", "a"], "c": ["a"], "d": ["d"]]
        XCTAssertEqual(CycleFinder.cycles(nodes: ["a", "b", "c", "d"], edges: edges), [["a", "b", "a"], ["d", "d"]])
    }

    func testComponentGraphWeightsEdges() {
        let graph = ComponentGraph(architecture: architecture())
        XCTAssertTrue(graph.edges.contains(ComponentGraph.Edge(from: "Persistence", to: "GRDB", imports: 1)))
        XCTAssertTrue(graph.nodes.contains(ComponentGraph.Node("GRDB", kind: .external, files: 0)))
        XCTAssertEqual(graph.nodes.first { $0.name == "GRDB" }?.isExternal, true)
        XCTAssertEqual(graph.nodes.first { $0.name == "Domain" }?.isExternal, false)
    }

    /// Test and example folders are whole directory names, never a file's name or part of a word.
    func testSupportingFoldersAreWholeDirectoryNames() {
        let cases: [(String, Bool, Bool)] = [
            ("Tests/AppTests/AppTests.swift", true, false), ("App/UITests/Flow.swift", true, false),
            ("Sources/TestsHelpers/Fake.swift", false, false), ("Sources/App/Tests.swift", false, false),
            ("Examples/GetHTML/GetHTML.swift", false, true), ("Docs/Sample/Demo.swift", false, true),
            ("Sources/Demos/Tests/x.swift", true, true), ("Sources/ExampleKit/x.swift", false, false),
        ]
        for (path, test, example) in cases {
            let found = Architecture.supportingFolders(in: path)
            XCTAssertEqual(found.test, test, path)
            XCTAssertEqual(found.example, example, path)
        }
    }
}

import Foundation
import XCTest
import SteleRules
@testable import SteleScan
@testable import SteleGraph
import SteleTestSupport

/// The graph `stele graph` draws: nodes, and edges made of imports and of symbol uses.
final class ComponentGraphTests: XCTestCase {
    static let fixtures = TestPaths.fixtures

    func components(_ text: String) -> [ComponentDeclaration] {
        RuleFile.parse(text, path: "rules/t.stele").lines.compactMap { line in
            if case .component(let c) = line.statement { return c } else { return nil }
        }
    }

    /// The layered app's folders as components, symbols read and resolved for every file.
    func layeredApp(_ declarations: String = """
        component UI = Sources/App/UI/**
        component Domain = Sources/App/Domain/**
        component Data = Sources/App/Data/**
        """) -> Architecture {
        let scan = ProjectScanner.scan(root: ComponentGraphTests.fixtures.appendingPathComponent("layered-app").path, symbols: true)
        return Architecture(scan: scan, components: components(declarations))
    }

    /// In-memory files (path, module, source), scanned as the project scanner does.
    func architecture(_ files: [(String, String?, String)], _ declarations: String) -> Architecture {
        let sourceFiles = files.map { path, module, source -> SourceFile in
            let bytes = Array(source.utf8)
            var file = SourceFile(path: path, language: .swift, module: module, imports: SwiftImportScanner.scan(bytes).imports)
            let found = SwiftSymbolScanner.scan(bytes)
            file.declarations = found.declarations
            file.references = found.references
            return file
        }
        let modules = Set(files.compactMap { $0.1 }).sorted().map {
            ResolvedModule(name: $0, kind: .regular, packageDirectory: "", directory: "Sources/\($0)", targetDependencies: [],
                           productDependencies: [], manifestPath: "Package.swift", line: 1, sources: nil, exclude: [])
        }
        return Architecture(scan: ScanResult(files: sourceFiles, modules: modules, diagnostics: []), components: components(declarations))
    }

    func edges(_ graph: ComponentGraph) -> [String] {
        graph.edges.map { "\($0.from) -> \($0.to): \($0.imports) imports, \($0.uses) uses" }
    }

    func testFolderComponentsOfOneTargetHaveEdgesFromSymbolUses() {
        let graph = ComponentGraph(architecture: layeredApp())
        XCTAssertEqual(graph.nodes.map(\.name), ["Data", "Domain", "UI", "App", "Glibc"])
        XCTAssertEqual(graph.nodes.map(\.kind), [.component, .component, .component, .module, .external])
        XCTAssertEqual(graph.nodes.map(\.files), [3, 3, 3, 1, 0], "App stands for main.swift alone, the file no folder holds")
        XCTAssertEqual(edges(graph), [
            "App -> Data: 0 imports, 1 uses",       // UserRepository
            "App -> Domain: 0 imports, 2 uses",     // Session, LoginModel
            "App -> UI: 0 imports, 1 uses",         // LoginView
            "Data -> Domain: 0 imports, 2 uses",    // `-> Session`, `Session(user:)`
            "Data -> Glibc: 1 imports, 0 uses",     // `import func Glibc.exit`, counted once (not again for App)
            "Domain -> Data: 0 imports, 1 uses",    // UserRepository; `log` is ambiguous, not an edge
            "Domain -> UI: 0 imports, 2 uses",      // Theme (not the local that shadows it), LoginView
            "UI -> Domain: 0 imports, 1 uses",      // LoginModel
        ])
    }

    func testNoExternalsLeavesOutExternalsAndTheirEdges() {
        let graph = ComponentGraph(architecture: layeredApp(), includeExternals: false)
        XCTAssertEqual(graph.nodes.map(\.name), ["Data", "Domain", "UI", "App"])
        XCTAssertFalse(edges(graph).contains { $0.contains("Glibc") }, "\(edges(graph))")
        XCTAssertEqual(graph.edges.count, 7)
    }

    func testOnlyFilesThatCanSeeAFolderComponentAreSymbolSources() {
        let a = layeredApp()
        XCTAssertEqual(ComponentGraph.symbolSources(in: a).map { a.scan.files[$0].path }.sorted(),
                       a.scan.files.map(\.path).filter { $0.hasPrefix("Sources/") }.sorted(), "every file of App can see App's folders")
        XCTAssertEqual(ComponentGraph.symbolSources(in: layeredApp("")), [], "whole modules only: imports tell everything")
        let shop = Architecture(scan: ProjectScanner.scan(root: ComponentGraphTests.fixtures.appendingPathComponent("shop").path),
                                components: components("component Orders = Sources/Domain/Order.swift"))
        XCTAssertEqual(ComponentGraph.symbolSources(in: shop).map { shop.scan.files[$0].path }.sorted(), [
            "Sources/App/main.swift", "Sources/Domain/Money.swift", "Sources/Domain/Order.swift", "Sources/Persistence/OrderStore.swift",
            "Sources/UI/OrderView.swift", "Tests/DomainTests/OrderTests.swift",
        ], "Domain's files and the files of the modules that import Domain; not Cart, Login")
    }

    func testUsesAcrossModulesLandInAFolderButNotInAWholeModule() {
        let a = architecture([
            ("Sources/Kit/Views/Button.swift", "Kit", "public struct Button {}"),
            ("Sources/Kit/Model/Item.swift", "Kit", "public struct Item {}"),
            ("Sources/Store/Store.swift", "Store", "public struct Store {}"),
            ("Sources/App/Main.swift", "App", "import Kit\nimport Store\nlet b = Button()\nlet i = Item()\nlet s = Store()"),
        ], "component Views = Sources/Kit/Views/**")
        XCTAssertEqual(edges(ComponentGraph(architecture: a)), [
            "App -> Kit: 1 imports, 0 uses",   // `import Kit` speaks for Item(), which no folder holds
            "App -> Store: 1 imports, 0 uses", // the import speaks for Store(): Store is a whole module
            "App -> Views: 0 imports, 1 uses", // Button; `import Kit` is no dependency on Views
        ])
    }

    func testAModuleEveryFileOfWhichIsInAFolderIsANodeOnlyWhenSomethingImportsIt() {
        let files: [(String, String?, String)] = [
            ("Sources/Kit/Views/Button.swift", "Kit", "public struct Button { let item: Item }"),
            ("Sources/Kit/Model/Item.swift", "Kit", "public struct Item {}"),
        ]
        let split = """
        component Views = Sources/Kit/Views/**
        component Model = Sources/Kit/Model/**
        """
        let alone = ComponentGraph(architecture: architecture(files, split))
        XCTAssertEqual(alone.nodes.map(\.name), ["Model", "Views"])
        XCTAssertEqual(edges(alone), ["Views -> Model: 0 imports, 1 uses"])
        let imported = ComponentGraph(architecture: architecture(files + [("Sources/App/Main.swift", "App", "import Kit\nlet b = Button(item: Item())")], split))
        XCTAssertEqual(imported.nodes.map(\.name), ["Model", "Views", "App", "Kit"])
        XCTAssertEqual(imported.nodes.map(\.kind), [.component, .component, .module, .module])
        XCTAssertFalse(imported.nodes[3].isExternal, "a project module with no files left is not an external")
        XCTAssertEqual(edges(imported), [
            "App -> Kit: 1 imports, 0 uses",
            "App -> Model: 0 imports, 1 uses",
            "App -> Views: 0 imports, 1 uses",
            "Views -> Model: 0 imports, 1 uses",
        ])
    }

    func testNodesThatShareANameAreKeptApart() {
        let a = architecture([
            ("Sources/App/Logging/Log.swift", "App", "import Logging\nstruct Log { let l: Logger }"),
            ("Sources/App/Main.swift", "App", "let log = Log(l: Logger())"),
        ], "component Logging = Sources/App/Logging/**")
        let graph = ComponentGraph(architecture: a)
        XCTAssertEqual(graph.nodes.map(\.name), ["Logging", "App", "Logging (external)"])
        XCTAssertEqual(edges(graph), ["App -> Logging: 0 imports, 1 uses", "Logging -> Logging (external): 1 imports, 0 uses"])
    }

    func testUsesOfFilesWhoseReferencesWereNotResolvedAreNotAsked() {
        // An architecture that resolved the rules' files only: the graph counts what it was given.
        let scan = ProjectScanner.scan(root: ComponentGraphTests.fixtures.appendingPathComponent("layered-app").path, symbols: true)
        let domain = Set(scan.files.indices.filter { scan.files[$0].path.hasPrefix("Sources/App/Domain/") })
        let a = Architecture(scan: scan, components: components("component UI = Sources/App/UI/**\ncomponent Domain = Sources/App/Domain/**"),
                             symbolSubjects: domain)
        XCTAssertEqual(edges(ComponentGraph(architecture: a)), ["Domain -> App: 0 imports, 1 uses", "Domain -> UI: 0 imports, 2 uses",
                                                                "App -> Glibc: 1 imports, 0 uses"].sorted())
    }
}

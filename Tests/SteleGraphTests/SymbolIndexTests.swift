import XCTest
@testable import SteleScan
@testable import SteleGraph

/// Resolution on small in-memory projects: each file is scanned as the project scanner does.
final class SymbolIndexTests: XCTestCase {
    /// `files`: path, module (nil for none), source.
    func scan(_ files: [(String, String?, String)]) -> ScanResult {
        let sourceFiles = files.map { path, module, source -> SourceFile in
            let bytes = Array(source.utf8)
            var file = SourceFile(path: path, language: .swift, module: module, imports: SwiftImportScanner.scan(bytes).imports)
            let found = SwiftSymbolScanner.scan(bytes)
            file.declarations = found.declarations
            file.references = found.references
            return file
        }
        let moduleNames = Set(files.compactMap { $0.1 }).sorted()
        let modules = moduleNames.map {
            ResolvedModule(name: $0, kind: .regular, packageDirectory: "", directory: "Sources/\($0)", targetDependencies: [],
                           productDependencies: [], manifestPath: "Package.swift", line: 1, sources: nil, exclude: [])
        }
        return ScanResult(files: sourceFiles, modules: modules, diagnostics: [])
    }

    /// `from:line:col name -> to` (or `-> ambiguous(a, b)`) for every edge.
    func edges(_ files: [(String, String?, String)]) -> [String] {
        let result = scan(files)
        let index = SymbolIndex(scan: result)
        return index.edges.map { edge in
            let from = "\(result.files[edge.file].path):\(edge.line):\(edge.column) \(edge.name)"
            switch edge.target {
            case .declared(let file, _, _): return "\(from) -> \(result.files[file].path)"
            case .ambiguous(let files): return "\(from) -> ambiguous(\(files.map { result.files[$0].path }.joined(separator: ", ")))"
            }
        }
    }

    func testResolvesAcrossFilesOfOneModule() {
        XCTAssertEqual(edges([
            ("A.swift", "App", "struct LoginView { var model: Model }"),
            ("B.swift", "App", "struct Model {}"),
        ]), ["A.swift:1:31 Model -> B.swift"])
    }
}

extension SymbolIndexTests {
    /// `Logging.Logger.Level`, `extension App.Theme`, `OpenCombine.Subscriber`: a name qualified by
    /// its module (the file's own, or one it imports) is that module's declaration.
    func testModuleQualifiedNames() {
        XCTAssertEqual(edges([
            ("Sources/Kit/Logger.swift", "Kit", "public struct Logger { public enum Level {} }"),
            ("Sources/Kit/Handler.swift", "Kit", "struct Handler { var level: Kit.Logger.Level }"),
            ("Sources/App/Theme.swift", "App", "struct Theme { var accent: Int }"),
            ("Sources/App/Ext.swift", "App", "import Kit\nextension App.Theme { func log(_ l: Kit.Logger) {} }"),
        ]), [
            "Sources/Kit/Handler.swift:1:33 Logger -> Sources/Kit/Logger.swift",
            "Sources/Kit/Handler.swift:1:40 Level -> Sources/Kit/Logger.swift",
            "Sources/App/Ext.swift:2:15 Theme -> Sources/App/Theme.swift",
            "Sources/App/Ext.swift:2:41 Logger -> Sources/Kit/Logger.swift",
        ])
    }

    /// Inside `extension App.Theme`, `accent` is the type's own member, not a global of that name.
    func testModuleQualifiedExtensionSeesTheTypesMembers() {
        XCTAssertEqual(edges([
            ("Sources/App/Theme.swift", "App", "struct Theme { var accent: Int }"),
            ("Sources/App/Globals.swift", "App", "let accent = 1"),
            ("Sources/App/Ext.swift", "App", "extension App.Theme { func f() -> Int { accent } }"),
        ]), ["Sources/App/Ext.swift:1:15 Theme -> Sources/App/Theme.swift"])
    }
}

extension SymbolIndexTests {
    /// Two modules that each declare `Config.Options`: a file sees its own module's and the ones it
    /// imports, so this is no ambiguity.
    func testNestedTypesOfOtherModulesAreNotVisible() {
        XCTAssertEqual(edges([
            ("Sources/A/Config.swift", "A", "struct Config { struct Options {} }"),
            ("Sources/A/Use.swift", "A", "let o = Config.Options()\nextension Config { func f(_ o: Options) {} }"),
            ("Sources/B/Config.swift", "B", "struct Config { struct Options {} }"),
        ]), [
            "Sources/A/Use.swift:1:9 Config -> Sources/A/Config.swift",
            "Sources/A/Use.swift:1:16 Options -> Sources/A/Config.swift",
            "Sources/A/Use.swift:2:11 Config -> Sources/A/Config.swift",
            "Sources/A/Use.swift:2:32 Options -> Sources/A/Config.swift",
        ])
    }
}

extension SymbolIndexTests {
    /// A type nested in an extension of a type the project does not declare (`extension RunLoop {
    /// struct OCombine {} }`, OpenCombine) is named through it: `RunLoop.OCombine.SchedulerOptions`.
    func testNestedTypesOfAnExternalType() {
        XCTAssertEqual(edges([
            ("Sources/App/Keys.swift", "App", "extension Notification { enum Keys { static let a = 1 } }"),
            ("Sources/App/Use.swift", "App", "func f() { print(Notification.Keys.a) }"),
        ]), ["Sources/App/Use.swift:1:31 Keys -> Sources/App/Keys.swift"])
    }
}

extension SymbolIndexTests {
    /// `Element` in `extension Array where Element: Node` (Plot) is Array's generic parameter, not
    /// the project's `struct Element`: in the `where` clause as in the body.
    func testGenericParametersOfStandardLibraryTypesInExtensions() {
        XCTAssertEqual(edges([
            ("Sources/App/Element.swift", "App", "struct Element {}\nstruct Order {}\nstruct Value {}"),
            ("Sources/App/Ext.swift", "App", """
            extension Array where Element: Equatable { func f() -> Element? { first } }
            extension Collection where Element == Order { var total: Index { startIndex } }
            extension Dictionary { func v(_ k: Key) -> Value? { self[k] } }
            """),
        ]), ["Sources/App/Ext.swift:2:39 Order -> Sources/App/Element.swift"])
    }
}

extension SymbolIndexTests {
    /// Feature modules that each declare a `ViewModel`: a member of B's `ViewModel` is not a member
    /// of A's, so `load` in A's is A's global function.
    func testMembersOfASameNamedTypeInAnotherModule() {
        XCTAssertEqual(edges([
            ("Sources/A/ViewModel.swift", "A", "struct ViewModel { func refresh() { load() } }"),
            ("Sources/A/Load.swift", "A", "func load() {}"),
            ("Sources/B/ViewModel.swift", "B", "struct ViewModel { func load() {} }"),
        ]), ["Sources/A/ViewModel.swift:1:37 load -> Sources/A/Load.swift"])
    }
}

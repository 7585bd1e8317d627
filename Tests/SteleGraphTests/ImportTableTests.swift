import XCTest
@testable import SteleGraph
import SteleScan
import SteleTestSupport

/// The module graph and the externals are made from one pass over the imports, in slices of the
/// files on all cores: they must be what a plain pass over every import gives.
final class ImportTableTests: XCTestCase {
    func testSlicedPassGivesEveryModulesImportsAndTheExternals() {
        var rng = SplitMix(seed: 11)
        var files: [SourceFile] = []
        // 20,000 files (several slices): 40 modules, some files in none; imports of modules of the
        // tree, of externals and of the file's own module.
        for i in 0..<20_000 {
            let module: String? = i % 97 == 0 ? nil : "M\(i / 500)"
            let imports = (0..<Int(rng.next() % 5)).map { _ -> Import in
                let target = rng.next() % 3 == 0 ? "External\(rng.next() % 30)" : "M\(rng.next() % 40)"
                return Import(module: target, path: [target], kind: nil, attributes: [], accessLevel: nil, line: 1, column: 1,
                              conditions: [], text: "import \(target)")
            } + (module.map { [Import(module: $0, path: [$0], kind: nil, attributes: [], accessLevel: nil, line: 9, column: 1, conditions: [], text: "import \($0)")] } ?? [])
            files.append(SourceFile(path: String(format: "Sources/F%05d.swift", i), language: .swift, module: module, imports: imports))
        }
        let scan = ScanResult(files: files, modules: [], diagnostics: [])

        var expected: [String: Set<String>] = [:]
        for file in files {
            guard let module = file.module else { continue }
            for i in file.imports where i.module != module { expected[module, default: []].insert(i.module) }
        }
        XCTAssertEqual(ModuleGraph(scan: scan).edges, expected.mapValues { $0.sorted() }.filter { !$0.value.isEmpty })

        let projectModules = Set(files.compactMap(\.module))
        let table = ImportTable(files: files)
        XCTAssertEqual(table.externals(besides: projectModules), scan.externalModuleNames.subtracting(projectModules))
        XCTAssertEqual(table.externals(besides: projectModules).count, 30)
        XCTAssertTrue(table.unplaced.isSubset(of: Set(files.filter { $0.module == nil }.flatMap { $0.imports.map(\.module) })))
    }
}

@testable import SteleScan

/// The TypeScript/JavaScript reader end to end: lexer, import reader (lexing the whole file and
/// only as far as the imports need, which must agree), resolution against a small
/// module map (packages, a tsconfig alias), and the input read as a `package.json` and a `tsconfig.json`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let packages = [TypeScriptPackage(directory: "pkgs/a", manifestPath: "pkgs/a/package.json", name: "@x/a", entries: ["dist/index.js"])]
    let aliases = [TypeScriptPathAliases(directory: "", baseURL: "src", paths: [("@ui/*", ["ui/*"])])]
    let map = TypeScriptModuleMap(packages: packages, files: ["pkgs/a/src/index.ts", "src/ui/b.tsx", "src/c.js", "src/d/index.mjs"], aliases: aliases)
    var tokens: [TypeScriptToken] = []
    let found = TypeScriptImportScanner.scan(bytes, tokens: &tokens)
    // Lexed only as far as the imports and suppressions need, the answer must be the whole file's.
    let prefix = TypeScriptImportScanner.scan(bytes, into: TypeScriptTokens())
    if prefix.imports != found.imports || prefix.suppressions != found.suppressions { fatalError("prefix scan differs from the whole file's") }
    for path in ["pkgs/a/src/index.ts", "src/c.js"] {
        _ = map.resolve(SourceFile(path: path, language: .typescript, module: map.moduleName(of: path), imports: found.imports))
    }
    _ = TypeScriptPackage.parse(bytes, path: "pkgs/a/package.json")
    _ = TypeScriptConfigReader.parse(bytes, path: "tsconfig.json")
    return 0
}

@testable import SteleScan

/// The Go reader end to end: lexer, import reader (to the end of the file, and stopping after the
/// imports), resolution with a file-name constraint, and the input read as a `go.mod`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = GoLexer.tokenize(bytes)
    _ = GoImportScanner.scan(bytes, wholeFile: false)
    let found = GoImportScanner.scan(bytes, wholeFile: true)
    _ = GoImportResolver.resolve(SourceFile(path: "a/b_linux_amd64_test.go", language: .go, module: "example.com/a", imports: found.imports))
    let (module, _) = GoModule.parse(bytes, path: "sub/go.mod")
    _ = GoModuleMap(modules: [module], files: ["sub/a/b.go", "sub/c.go"]).modules(ofSorted: ["sub/a/b.go", "sub/c.go"])
    return 0
}

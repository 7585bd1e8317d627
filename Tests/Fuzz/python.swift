@testable import SteleScan

/// The Python reader end to end: lexer, import reader, resolution against a small module map, and
/// the input read as a `pyproject.toml` and as a `setup.cfg`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let map = PythonModuleMap(projects: [], files: ["app/__init__.py", "app/core/__init__.py", "app/core/views.py", "top.py"])
    var tokens: [PythonToken] = []
    let found = PythonImportScanner.scan(bytes, tokens: &tokens)
    for path in ["app/core/views.py", "app/__init__.py", "top.py"] {
        _ = map.resolve(SourceFile(path: path, language: .python, module: map.moduleOf[path], imports: found.imports))
    }
    _ = PythonProject.parse(bytes, path: "pyproject.toml")
    _ = PythonProject.parse(bytes, path: "sub/setup.cfg")
    return 0
}

@testable import SteleScan

/// The Java/Kotlin reader end to end: the header reader over the lexer in both dialects, to the
/// end of the file, resolution into packages, and the input read as a Gradle settings file and a
/// Maven pom.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for dialect in [JVMLexer.Dialect.java, .kotlin] {
        let found = JVMImportScanner.scan(bytes, dialect: dialect, wholeFile: true)
        _ = JVMModuleMap(modules: []).resolve(SourceFile(path: "A.java", language: .java, module: nil, imports: found.imports))
    }
    _ = GradleSettings.parse(bytes, path: "settings.gradle.kts")
    _ = MavenModules.parse(bytes, path: "pom.xml")
    return 0
}

@testable import SteleScan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = SwiftPMManifest.parse(Array(UnsafeBufferPointer(start: data, count: size)), manifestPath: "Package.swift")
    return 0
}

@testable import SteleScan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = SwiftImportScanner.scan(bytes)
    _ = SwiftImportScanner.scan(bytes, wholeFile: true)
    return 0
}

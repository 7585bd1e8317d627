@testable import SteleScan

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = SwiftSymbolScanner.scan(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@testable import SteleADR

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = ADRParser.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self), file: "adr/0001-fuzz.md")
    return 0
}

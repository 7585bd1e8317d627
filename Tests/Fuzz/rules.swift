import SteleRules

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = RuleFile.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self), path: "rules/fuzz.stele")
    return 0
}

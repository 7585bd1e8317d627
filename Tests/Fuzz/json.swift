import SteleCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let value = JSON.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)) {
        // What parses must print, and print the same once parsed back (a whole double prints as
        // an integer, so the values themselves may differ in kind).
        let printed = value.rendered()
        precondition(JSON.parse(printed)?.rendered() == printed, "JSON round trip")
    }
    return 0
}

import SteleCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let lines = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard let pattern = lines.first else { return 0 }
    let glob = Glob(String(pattern))
    for path in lines.dropFirst() {
        _ = glob.capture(in: String(path))
        _ = glob.matchesFileName(String(path))
    }
    return 0
}

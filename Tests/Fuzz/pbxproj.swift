@testable import SteleScan

let files = SwiftFileIndex(["App/AppDelegate.swift", "App/Views/LoginView.swift", "AppTests/AppTests.swift", "Kit/Kit.swift"])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = XcodeProject.parse(Array(UnsafeBufferPointer(start: data, count: size)), path: "App.xcodeproj/project.pbxproj", files: files)
    return 0
}

import Foundation
import XCTest

/// Files of real Swift packages, read at test time from the local git mirrors in
/// /opt/swift-packages. They are other projects' files, so this repository holds none of them.
enum RealPackage {
    static let mirrors = "/opt/swift-packages"

    /// `path` as it is at `tag` in the mirror of `repo` ("apple/swift-nio" or "apple/swift-nio.git"):
    /// `git -C /opt/swift-packages/apple/swift-nio.git show TAG:PATH`. Skips the calling test when
    /// the mirror is not on the machine; throws when it is there but lacks the tag or the file.
    static func file(_ repo: String, tag: String, path: String) throws -> [UInt8] {
        let mirror = "\(mirrors)/\(repo.hasSuffix(".git") ? repo : repo + ".git")"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: mirror, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw XCTSkip("\(mirror) is not on this machine: this test reads \(path) of \(repo) \(tag) from the git mirrors in \(mirrors)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", mirror, "show", "\(tag):\(path)"]
        let output = Pipe()
        process.standardOutput = output
        // git's complaint goes to a file: a pipe nobody reads could fill and block git.
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("stele-real-package-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "git -C \(mirror) show \(tag):\(path) exited \(process.terminationStatus): \(message)")
        }
        return Array(data)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}

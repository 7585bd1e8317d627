import Foundation
import XCTest

/// Files of real open-source projects, read at test time from the git mirrors this machine keeps
/// under `/opt/swift-packages` (`git show TAG:PATH`), so that none of their files is committed here.
/// Tests that need them skip, saying why, on a machine without the mirrors.
enum RealPackage {
    static let mirrors = "/opt/swift-packages"

    /// A file's bytes at a tag: `file("groue/GRDB.swift", "7.10.0", "GRDB.xcodeproj/project.pbxproj")`.
    static func file(_ repository: String, _ tag: String, _ path: String) throws -> [UInt8] {
        Array(try git(repository, ["show", "\(tag):\(path)"]))
    }

    /// The same, with labels: `file("apple/swift-nio", tag: "2.101.3", path: "Package.swift")`.
    static func file(_ repository: String, tag: String, path: String) throws -> [UInt8] {
        try file(repository.hasSuffix(".git") ? String(repository.dropLast(4)) : repository, tag, path)
    }

    /// Every file of the repository at a tag, repo-relative and sorted, as the scanner lists a tree.
    static func listing(_ repository: String, _ tag: String) throws -> [String] {
        let output = String(decoding: try git(repository, ["ls-tree", "-r", "--name-only", tag]), as: UTF8.self)
        return output.split(separator: "\n").map(String.init).sorted()
    }

    static func git(_ repository: String, _ arguments: [String]) throws -> Data {
        let mirror = "\(mirrors)/\(repository).git"
        guard FileManager.default.fileExists(atPath: mirror) else {
            throw XCTSkip("\(mirror) is not on this machine; the tests that read real projects from its git mirrors are skipped")
        }
        let result = try run("/usr/bin/env", ["git", "-C", mirror] + arguments)
        guard result.status == 0 else {
            throw Failure(message: "git -C \(mirror) \(arguments.joined(separator: " ")) exited with \(result.status)")
        }
        return result.output
    }

    /// Runs a program to completion and returns its standard output (standard error is discarded).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read before waiting: a pbxproj is larger than the pipe's buffer.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

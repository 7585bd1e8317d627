import Foundation

/// A fresh copy of a fixture tree (or an empty directory) in a temporary directory.
public struct TemporaryTree {
    public let url: URL

    public init(copying fixture: String? = nil) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stele-test-\(UUID().uuidString)")
        if let fixture {
            try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent(fixture), to: base)
        } else {
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        }
        url = base
    }

    public var path: String { url.path }

    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Every path below the root with its size and modification time: to prove nothing was written.
    public func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(relative).path)
            result[relative] = "\(attributes[.size] ?? 0)|\(attributes[.modificationDate] ?? "")"
        }
        return result
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    /// The facts cache of the `stele` that git hooks run (next to the tree, never in ~/.cache).
    public var cacheDirectory: String { path + ".cache" }

    /// Runs `git` in the tree (with a committer identity, so commits work anywhere); its exit status.
    @discardableResult
    public func git(_ arguments: String...) throws -> Int32 {
        try TemporaryTree.git(in: path, cacheDirectory: cacheDirectory, arguments)
    }

    /// The same in another directory (a linked worktree, a submodule).
    @discardableResult
    public static func git(in directory: String, cacheDirectory: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["STELE_CACHE_DIR"] = cacheDirectory
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

import Foundation
import XCTest

/// Runs the real `stele` binary, built by `swift build` next to the test bundle.
struct SteleProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("stele")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("stele")
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Output goes to files, not pipes: a large output cannot fill a pipe and block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stele-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var env = ProcessInfo.processInfo.environment
        env["STELE_TODAY"] = "2026-01-01"
        // Every run writes its facts cache into its scratch directory, never into ~/.cache; tests
        // about the cache pass their own STELE_CACHE_DIR.
        env["STELE_CACHE_DIR"] = scratch.appendingPathComponent("cache").path
        env["STELE_CACHE"] = nil
        env["STELE_TIMINGS"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh copy of a fixture tree (or an empty directory) in a temporary directory.
struct TemporaryTree {
    let url: URL

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    init(copying fixture: String? = nil) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stele-test-\(UUID().uuidString)")
        if let fixture {
            try FileManager.default.copyItem(at: TemporaryTree.fixtures.appendingPathComponent(fixture), to: base)
        } else {
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        }
        url = base
    }

    var path: String { url.path }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Every path below the root with its size and modification time: to prove nothing was written.
    func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(relative).path)
            result[relative] = "\(attributes[.size] ?? 0)|\(attributes[.modificationDate] ?? "")"
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    /// The facts cache of the `stele` that git hooks run (next to the tree, never in ~/.cache).
    var cacheDirectory: String { path + ".cache" }

    /// Runs `git` in the tree (with a committer identity, so commits work anywhere); its exit status.
    @discardableResult
    func git(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path, "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
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

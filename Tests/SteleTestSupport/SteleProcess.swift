import Foundation

/// Runs the real `stele` binary, built by `swift build` next to the test bundle.
public struct SteleProcess {
    public struct Outcome {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static var binary: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("stele")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("stele")
    }

    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
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

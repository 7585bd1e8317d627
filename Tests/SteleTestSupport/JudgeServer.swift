import Foundation

/// The scripted LLM server (`Tests/JudgeServer/judge_server.py`) on 127.0.0.1, for the judge's
/// tests: started per test, stopped with `stop()`. It logs every request it receives.
public final class JudgeServer {
    public let port: Int
    /// One JSON object per request received: path, headers, body.
    public let logURL: URL
    private let process: Process

    public init() throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("stele-judge-log-\(UUID().uuidString).jsonl")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.repositoryRoot.appendingPathComponent("Tests/JudgeServer/judge_server.py").path, logURL.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line is the port.
        var bytes = Data()
        while !bytes.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes.append(chunk)
        }
        guard let line = String(data: bytes, encoding: .utf8)?.split(separator: "\n").first, let port = Int(line) else {
            process.terminate()
            throw NSError(domain: "JudgeServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "the judge server did not print its port"])
        }
        self.port = port
    }

    /// The base URL of one scenario (`ok`, `malformed-once`, `rate-limited`, `error500`, `slow`, …):
    /// with `/chat/completions` or `/v1/messages` after it, what `STELE_LLM_URL` names.
    public func url(_ scenario: String) -> String { "http://127.0.0.1:\(port)/\(scenario)/v1" }

    /// The requests received so far.
    public func requests() -> [[String: Any]] {
        guard let text = try? String(contentsOf: logURL, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    public func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logURL)
    }

    /// A port nothing listens on: bound, then released.
    public static func closedPort() -> Int {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

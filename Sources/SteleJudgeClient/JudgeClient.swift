import Foundation
import SteleCore
import SteleJudge

/// `stele-judge`: reads request lines (`JudgeWire`) on standard input until it closes, sends
/// them, and writes one outcome line per request on standard output as each completes.
/// `stele check --judge` runs it; it is never linked into `stele` (ADR-0007).
public enum JudgeClient {
    public static let usage = "usage: stele-judge [--timeout SECONDS] [--attempts N] [--concurrency N] < requests.jsonl"

    public static func main(_ arguments: [String]) -> Int32 {
        var timeout = 60.0, attempts = 3, concurrency = 4
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard let value = rest.popFirst(), let number = Double(value), number > 0 else {
                FileHandle.standardError.write(Data("stele-judge: `\(name)` needs a positive number\n\(usage)\n".utf8))
                return 2
            }
            switch name {
            case "--timeout": timeout = number
            case "--attempts": attempts = Int(number)
            case "--concurrency": concurrency = Int(number)
            default:
                FileHandle.standardError.write(Data("stele-judge: unknown option `\(name)`\n\(usage)\n".utf8))
                return 2
            }
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var requests: [(id: String, request: ProviderRequest)] = []
        for line in String(decoding: input, as: UTF8.self).split(separator: "\n") {
            if let parsed = JudgeWire.parseRequest(String(line)) {
                requests.append(parsed)
            } else {
                FileHandle.standardError.write(Data("stele-judge: skipped a line that is not a request\n".utf8))
            }
        }
        let output = OutputLines()
        HTTPTransport(timeoutSeconds: timeout, attempts: attempts, concurrency: concurrency).sendAll(requests) { id, outcome in
            output.write(JudgeWire.outcomeLine(id: id, outcome))
        }
        return 0
    }

    /// Lines from several threads, each written whole.
    final class OutputLines: @unchecked Sendable {
        let lock = NSLock()
        func write(_ line: String) {
            lock.lock()
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
            lock.unlock()
        }
    }
}

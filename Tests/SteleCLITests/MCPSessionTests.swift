import Foundation
import XCTest
import SteleTestSupport

/// A scripted MCP client talking to the real `stele mcp` over standard input/output: each request
/// is written and its reply read before the next is sent, as a client does.
final class MCPSessionTests: XCTestCase {
    /// The server process and its pipes.
    final class Client {
        let process = Process()
        let input = Pipe(), output = Pipe(), errors = Pipe()
        var buffer = Data()

        init(root: String, cache: String) throws {
            process.executableURL = SteleProcess.binary
            process.arguments = ["mcp", root]
            var env = ProcessInfo.processInfo.environment
            env["STELE_TODAY"] = "2026-01-01"
            env["STELE_CACHE_DIR"] = cache
            process.environment = env
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        func send(_ line: String) {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
        }

        /// The next line the server writes, parsed.
        func receive() throws -> [String: Any] {
            while true {
                if let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer = Data(buffer[(newline + 1)...])
                    return try XCTUnwrap(JSONSerialization.jsonObject(with: line) as? [String: Any], String(decoding: line, as: UTF8.self))
                }
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
                buffer.append(chunk)
            }
        }

        func request(_ id: Int, _ method: String, _ params: String = "{}") throws -> [String: Any] {
            send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)
            let reply = try receive()
            XCTAssertEqual(reply["id"] as? Int, id)
            XCTAssertEqual(reply["jsonrpc"] as? String, "2.0")
            return reply
        }

        /// The text and the structured content of a tool call's result.
        func call(_ id: Int, _ tool: String, _ arguments: String) throws -> (text: String, structured: [String: Any]?, isError: Bool) {
            let reply = try request(id, "tools/call", #"{"name":"\#(tool)","arguments":\#(arguments)}"#)
            let result = try XCTUnwrap(reply["result"] as? [String: Any], "\(reply)")
            let content = try XCTUnwrap(result["content"] as? [[String: Any]])
            XCTAssertEqual(content.first?["type"] as? String, "text")
            return (try XCTUnwrap(content.first?["text"] as? String), result["structuredContent"] as? [String: Any], try XCTUnwrap(result["isError"] as? Bool))
        }
    }

    func testASessionOverStandardInputAndOutput() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let client = try Client(root: tree.path, cache: tree.cacheDirectory)

        let initialize = try client.request(1, "initialize", #"{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}"#)
        let info = try XCTUnwrap(initialize["result"] as? [String: Any])
        XCTAssertEqual(info["protocolVersion"] as? String, "2025-06-18")
        XCTAssertEqual((info["serverInfo"] as? [String: Any])?["name"] as? String, "stele")
        XCTAssertNotNil((info["capabilities"] as? [String: Any])?["tools"])
        // A notification gets no reply: the next line is the ping's.
        client.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        XCTAssertEqual(try client.request(2, "ping")["result"] as? [String: Any]? != nil, true)

        let list = try client.request(3, "tools/list")
        let tools = try XCTUnwrap((list["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        XCTAssertEqual(tools.compactMap { $0["name"] as? String }, ["check", "rules", "explain", "may_import"])
        XCTAssertTrue(tools.allSatisfy { ($0["inputSchema"] as? [String: Any])?["type"] as? String == "object" })

        // check: the findings as `stele check --format json` has them.
        let check = try client.call(4, "check", "{}")
        XCTAssertFalse(check.isError)
        let findings = try XCTUnwrap(check.structured?["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 5)
        XCTAssertEqual(findings.first?["ruleId"] as? String, "ADR-0002/R1")
        let onlyOne = try client.call(5, "check", #"{"files":["Sources/Features/Login/LoginScreen.swift"]}"#)
        XCTAssertEqual((onlyOne.structured?["findings"] as? [[String: Any]])?.compactMap { $0["file"] as? String }.sorted(),
                       ["Sources/Features/Login/LoginScreen.swift", "Sources/Features/Login/LoginScreen.swift"])

        let rules = try client.call(6, "rules", "{}")
        XCTAssertTrue((rules.structured?["rules"] as? [[String: Any]])?.contains { $0["id"] as? String == "ADR-0007/R1" } == true, rules.text)

        let explain = try client.call(7, "explain", #"{"query":"ADR-0002"}"#)
        XCTAssertFalse(explain.isError)
        XCTAssertTrue(explain.text.hasPrefix("ADR-0002: Keep the domain layer pure\n"), explain.text)
        let unknown = try client.call(8, "explain", #"{"query":"ADR-0020"}"#)
        XCTAssertTrue(unknown.isError)
        XCTAssertTrue(unknown.text.contains("did you mean `ADR-0002`?"), unknown.text)

        // may_import: forbidden by two rules in two ADRs; allowed where Persistence imports it.
        let no = try client.call(9, "may_import", #"{"file":"Sources/Domain/Money.swift","module":"GRDB"}"#)
        XCTAssertEqual(no.structured?["allowed"] as? Bool, false, no.text)
        let deciders = (no.structured?["decidedBy"] as? [[String: Any]])?.compactMap { $0["ruleId"] as? String }
        XCTAssertEqual(deciders, ["ADR-0002/R1", "ADR-0007/R1"])
        XCTAssertTrue(no.text.hasPrefix("No: Sources/Domain/Money.swift must not import GRDB.\n"), no.text)
        let yes = try client.call(10, "may_import", #"{"file":"Sources/UI/OrderView.swift","module":"Domain"}"#)
        XCTAssertEqual(yes.structured?["allowed"] as? Bool, true, yes.text)
        // A layer reaching up is caught by the layering rule, through the real checker.
        let up = try client.call(11, "may_import", #"{"file":"Sources/Domain/Money.swift","module":"UI"}"#)
        XCTAssertEqual(up.structured?["allowed"] as? Bool, false, up.text)
        XCTAssertTrue((up.structured?["decidedBy"] as? [[String: Any]])?.contains { $0["ruleId"] as? String == "ADR-0003/R1" } == true, up.text)
        let missing = try client.call(12, "may_import", #"{"file":"Sources/Domain/Nope.swift","module":"UI"}"#)
        XCTAssertTrue(missing.isError, missing.text)

        // Protocol errors: an unknown method, bad params, a malformed line.
        XCTAssertEqual((try client.request(13, "resources/list")["error"] as? [String: Any])?["code"] as? Int, -32601)
        XCTAssertEqual((try client.request(14, "tools/call", #"{"name":"may_import","arguments":{"file":"a.swift"}}"#)["error"] as? [String: Any])?["code"] as? Int, -32602)
        client.send("{not json")
        let malformed = try client.receive()
        XCTAssertTrue(malformed["id"] is NSNull, "\(malformed)")
        XCTAssertEqual((malformed["error"] as? [String: Any])?["code"] as? Int, -32700)
        XCTAssertEqual(try client.request(15, "ping")["result"] as? [String: String], [:])

        // The end of input ends the server, cleanly, with nothing more on standard output.
        try client.input.fileHandleForWriting.close()
        client.process.waitUntilExit()
        XCTAssertEqual(client.process.terminationStatus, 0)
        XCTAssertEqual(client.output.fileHandleForReading.readDataToEndOfFile(), Data())
        XCTAssertTrue(client.buffer.isEmpty)
    }

    /// Folders of one target as layers: an import of the target itself breaks nothing, and the
    /// answer says which uses would. An old protocol version gets no structured content; an unknown
    /// one gets the newest. Rules with errors make the tools fail, not the server.
    func testFolderRulesVersionsAndBrokenRules() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        let client = try Client(root: tree.path, cache: tree.cacheDirectory)
        let initialize = try client.request(1, "initialize", #"{"protocolVersion":"2099-01-01","capabilities":{}}"#)
        XCTAssertEqual((initialize["result"] as? [String: Any])?["protocolVersion"] as? String, "2025-11-25")

        let own = try client.call(2, "may_import", #"{"file":"Sources/App/Domain/Session.swift","module":"App"}"#)
        XCTAssertEqual(own.structured?["allowed"] as? Bool, true, own.text)
        let notes = try XCTUnwrap(own.structured?["notes"] as? [String])
        XCTAssertEqual(notes.count, 1, "\(notes)")
        XCTAssertTrue(notes[0].contains("using the declarations of UI (a part of App) does: ADR-0001/R1 \"layers UI > Domain > Data\""), notes[0])

        try tree.write("rules/broken.stele", "Domain must not depnd on UI\n")
        let broken = try client.call(3, "check", "{}")
        XCTAssertTrue(broken.isError)
        XCTAssertTrue(broken.text.contains("rules/broken.stele:1"), broken.text)
        XCTAssertEqual(try client.request(4, "ping")["result"] as? [String: String], [:])
        try client.input.fileHandleForWriting.close()
        client.process.waitUntilExit()
        XCTAssertEqual(client.process.terminationStatus, 0)
    }

    func testAnOldVersionGetsNoStructuredContent() throws {
        let client = try Client(root: TestPaths.fixture("shop").path, cache: NSTemporaryDirectory() + "stele-mcp-cache-\(UUID().uuidString)")
        let initialize = try client.request(1, "initialize", #"{"protocolVersion":"2024-11-05","capabilities":{}}"#)
        XCTAssertEqual((initialize["result"] as? [String: Any])?["protocolVersion"] as? String, "2024-11-05")
        let list = try client.request(2, "tools/list")
        XCTAssertNil(((list["result"] as? [String: Any])?["tools"] as? [[String: Any]])?.first?["title"])
        let rules = try client.call(3, "rules", "{}")
        XCTAssertNil(rules.structured)
        XCTAssertTrue(rules.text.hasPrefix(#"{"version":1,"#), rules.text)
        try client.input.fileHandleForWriting.close()
        client.process.waitUntilExit()
        XCTAssertEqual(client.process.terminationStatus, 0)
    }
}

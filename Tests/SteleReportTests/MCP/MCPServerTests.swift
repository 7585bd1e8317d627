import XCTest
import SteleCore
@testable import SteleReport

/// The protocol alone, with a stand-in for the tools: the real binary's session is in SteleCLITests.
final class MCPServerTests: XCTestCase {
    func reply(_ server: inout MCPServer, _ line: String) throws -> JSON? {
        try server.handle(line: line) { name, arguments in
            MCPToolResult(text: "ran \(name)", structured: .object([("arguments", arguments)]))
        }.map { try XCTUnwrap(JSON.parse($0), $0) }
    }

    func testTheClientsVersionIsAgreedWhenSupportedElseTheNewest() throws {
        for (asked, agreed) in [("2024-11-05", "2024-11-05"), ("2025-03-26", "2025-03-26"), ("2025-06-18", "2025-06-18"), ("1999-01-01", "2025-11-25")] {
            var server = MCPServer(version: "1")
            let answer = try reply(&server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"\#(asked)","capabilities":{}}}"#)
            XCTAssertEqual(answer?["result"]?["protocolVersion"]?.stringValue, agreed, asked)
            XCTAssertEqual(server.protocolVersion, agreed)
        }
    }

    func testStructuredContentOnlyFromTheVersionThatHasIt() throws {
        for (version, structured) in [("2025-03-26", false), ("2025-06-18", true)] {
            var server = MCPServer(version: "1")
            _ = try reply(&server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"\#(version)"}}"#)
            let call = try reply(&server, #"{"jsonrpc":"2.0","id":"c","method":"tools/call","params":{"name":"rules","arguments":{}}}"#)
            XCTAssertEqual(call?["id"], .string("c"))
            XCTAssertEqual(call?["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue, "ran rules")
            XCTAssertEqual(call?["result"]?["structuredContent"] != nil, structured, version)
        }
    }

    func testErrors() throws {
        var server = MCPServer(version: "1")
        XCTAssertNil(try reply(&server, ""))
        XCTAssertNil(try reply(&server, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#))
        XCTAssertTrue(server.initialized)
        let cases: [(String, JSON, Int)] = [
            ("{nope", .null, -32700),
            (#"{"jsonrpc":"1.0","id":2,"method":"ping"}"#, .int(2), -32600),
            (#"{"jsonrpc":"2.0","id":3,"method":"prompts/list"}"#, .int(3), -32601),
            (#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"chek"}}"#, .int(4), -32602),
            (#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"explain","arguments":{}}}"#, .int(5), -32602),
            (#"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"check","arguments":{"files":"a.swift"}}}"#, .int(6), -32602),
            (#"{"jsonrpc":"2.0","id":7,"method":"initialize","params":{}}"#, .int(7), -32602),
        ]
        for (line, id, code) in cases {
            let answer = try reply(&server, line)
            XCTAssertEqual(answer?["id"], id, line)
            XCTAssertEqual(answer?["error"]?["code"]?.intValue, code, line)
        }
        XCTAssertEqual(try reply(&server, #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"chek"}}"#)?["error"]?["message"]?.stringValue,
                       "Unknown tool: chek (did you mean `check`?)")
    }

    func testEveryToolHasAnObjectSchema() throws {
        var server = MCPServer(version: "1")
        let list = try reply(&server, #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
        let tools = try XCTUnwrap(list?["result"]?["tools"]?.arrayValue)
        XCTAssertEqual(tools.compactMap { $0["name"]?.stringValue }, ["check", "rules", "explain", "may_import"])
        for tool in tools { XCTAssertEqual(tool["inputSchema"]?["type"]?.stringValue, "object") }
        XCTAssertEqual(tools[3]["inputSchema"]?["required"], .array([.string("file"), .string("module")]))
    }

    func testABatchIsAnsweredAsOne() throws {
        var server = MCPServer(version: "1")
        let answer = server.handle(line: #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"}]"#) { _, _ in .failure("") }
        XCTAssertEqual(answer, #"[{"jsonrpc":"2.0","id":1,"result":{}}]"#)
        XCTAssertEqual(JSON.object([("a", .string("x\ny"))]).compact(), #"{"a":"x\ny"}"#)
    }
}

import SteleCore

/// What a tool call gives back: text for the model, the same as data (`structuredContent`, from
/// protocol version 2025-06-18 on), and whether the tool failed (`isError`).
public struct MCPToolResult: Sendable {
    public var text: String
    public var structured: JSON?
    public var isError: Bool

    public init(text: String, structured: JSON? = nil, isError: Bool = false) {
        self.text = text
        self.structured = structured
        self.isError = isError
    }

    public static func failure(_ text: String) -> MCPToolResult { MCPToolResult(text: text, isError: true) }
}

/// The Model Context Protocol as `stele mcp` speaks it: JSON-RPC 2.0 messages, one per line, on
/// standard input and output. This is the protocol only: lines in, lines out; the tools' work is
/// done by the `call` closure the command line passes (which reads the tree). Pure.
public struct MCPServer {
    /// The protocol versions this server speaks, newest first. A client asking for another gets the newest.
    public static let supportedVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    /// JSON-RPC error codes.
    public enum ErrorCode {
        public static let parseError = -32700
        public static let invalidRequest = -32600
        public static let methodNotFound = -32601
        public static let invalidParams = -32602
        public static let internalError = -32603
    }

    public let version: String
    /// Agreed in `initialize`; nil before.
    public private(set) var protocolVersion: String?
    /// Whether the client said `notifications/initialized`.
    public private(set) var initialized = false

    public init(version: String) { self.version = version }

    /// The version in use: the agreed one, else (a client that skips `initialize`) the newest.
    var effectiveVersion: String { protocolVersion ?? MCPServer.supportedVersions[0] }

    /// The reply to one line of input, as one line without its newline; nil when nothing is owed
    /// (a notification, a response, a blank line).
    public mutating func handle(line: String, call: (String, JSON) -> MCPToolResult) -> String? {
        let text = line.trimmingWhitespace()
        if text.isEmpty { return nil }
        guard let message = JSON.parse(text) else {
            return MCPServer.error(id: .null, code: ErrorCode.parseError, message: "Parse error: the line is not one JSON value").compact()
        }
        if case .array(let batch) = message {
            // JSON-RPC batches (protocol 2025-03-26): each message answered, notifications not.
            guard !batch.isEmpty else {
                return MCPServer.error(id: .null, code: ErrorCode.invalidRequest, message: "Invalid Request: an empty batch").compact()
            }
            let replies = batch.compactMap { handle(message: $0, call: call) }
            return replies.isEmpty ? nil : JSON.array(replies).compact()
        }
        return handle(message: message, call: call)?.compact()
    }

    mutating func handle(message: JSON, call: (String, JSON) -> MCPToolResult) -> JSON? {
        guard case .object = message else {
            return MCPServer.error(id: .null, code: ErrorCode.invalidRequest, message: "Invalid Request: a message is a JSON object")
        }
        let id = message["id"]
        if let id {
            switch id {
            case .string, .int, .null: break
            default: return MCPServer.error(id: .null, code: ErrorCode.invalidRequest, message: "Invalid Request: `id` is a string or a number")
            }
        }
        guard message["jsonrpc"]?.stringValue == "2.0" else {
            return MCPServer.error(id: id ?? .null, code: ErrorCode.invalidRequest, message: "Invalid Request: `jsonrpc` must be \"2.0\"")
        }
        guard let method = message["method"]?.stringValue else {
            // A response to a request of ours: we send none, so there is nothing to do.
            if message["result"] != nil || message["error"] != nil { return nil }
            return MCPServer.error(id: id ?? .null, code: ErrorCode.invalidRequest, message: "Invalid Request: no `method`")
        }
        let params = message["params"]
        if let params {
            switch params {
            case .object, .array: break
            default:
                return id.map { MCPServer.error(id: $0, code: ErrorCode.invalidParams, message: "Invalid params: `params` is an object") }
            }
        }
        guard let id else {
            // A notification: never answered.
            if method == "notifications/initialized" { initialized = true }
            return nil
        }
        switch method {
        case "initialize":
            return initialize(id: id, params: params)
        case "ping":
            return MCPServer.result(id: id, .object([]))
        case "tools/list":
            return MCPServer.result(id: id, .object([("tools", .array(MCPTools.all.map { $0.definition(version: effectiveVersion) }))]))
        case "tools/call":
            return callTool(id: id, params: params, call: call)
        default:
            return MCPServer.error(id: id, code: ErrorCode.methodNotFound, message: "Method not found: \(method)")
        }
    }

    mutating func initialize(id: JSON, params: JSON?) -> JSON {
        guard let requested = params?["protocolVersion"]?.stringValue else {
            return MCPServer.error(id: id, code: ErrorCode.invalidParams, message: "Invalid params: `initialize` needs `protocolVersion`")
        }
        let agreed = MCPServer.supportedVersions.contains(requested) ? requested : MCPServer.supportedVersions[0]
        protocolVersion = agreed
        var serverInfo: [(String, JSON)] = [("name", .string("stele")), ("version", .string(version))]
        if agreed >= "2025-06-18" { serverInfo.insert(("title", .string("Stele architecture rules")), at: 1) }
        return MCPServer.result(id: id, .object([
            ("protocolVersion", .string(agreed)),
            ("capabilities", .object([("tools", .object([("listChanged", .bool(false))]))])),
            ("serverInfo", .object(serverInfo)),
            ("instructions", .string(MCPTools.instructions)),
        ]))
    }

    func callTool(id: JSON, params: JSON?, call: (String, JSON) -> MCPToolResult) -> JSON {
        guard let name = params?["name"]?.stringValue else {
            return MCPServer.error(id: id, code: ErrorCode.invalidParams, message: "Invalid params: `tools/call` needs the tool's `name`")
        }
        guard let tool = MCPTools.all.first(where: { $0.name == name }) else {
            let hint = Suggestion.closest(to: name, in: MCPTools.all.map(\.name)).map { " (did you mean `\($0)`?)" } ?? ""
            return MCPServer.error(id: id, code: ErrorCode.invalidParams, message: "Unknown tool: \(name)\(hint)")
        }
        let arguments = params?["arguments"] ?? .object([])
        if let problem = tool.validate(arguments) {
            return MCPServer.error(id: id, code: ErrorCode.invalidParams, message: "Invalid params for `\(name)`: \(problem)")
        }
        let outcome = call(name, arguments)
        var members: [(String, JSON)] = [("content", .array([.object([("type", .string("text")), ("text", .string(outcome.text))])]))]
        if effectiveVersion >= "2025-06-18", !outcome.isError, let structured = outcome.structured {
            members.append(("structuredContent", structured))
        }
        members.append(("isError", .bool(outcome.isError)))
        return MCPServer.result(id: id, .object(members))
    }

    static func result(id: JSON, _ result: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func error(id: JSON, code: Int, message: String) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("error", .object([("code", .int(code)), ("message", .string(message))]))])
    }
}

/// The tools `stele mcp` offers, with their input schemas (JSON Schema) and a check of arguments
/// against them.
public struct MCPTools: Sendable {
    public enum ParameterType: Sendable { case string, strings }

    public struct Parameter: Sendable {
        public var name: String
        public var type: ParameterType
        public var required: Bool
        public var description: String
    }

    public var name: String
    public var title: String
    public var description: String
    public var parameters: [Parameter]

    public static let instructions = "Stele checks this repository against its architecture decisions (ADRs). Before adding an import or a dependency, "
        + "ask `may_import`; after editing, run `check` on the files you changed; `explain` tells why a rule exists and how to fix a finding."

    public static let all: [MCPTools] = [
        MCPTools(name: "check", title: "Check the architecture rules",
                 description: "Runs `stele check` on the repository: every finding (a broken architecture rule) with its file, line, rule, ADR and fingerprint, as `stele check --format json` gives them. With `files`, only the findings those files take part in.",
                 parameters: [Parameter(name: "files", type: .strings, required: false,
                                        description: "Repository-relative paths of files to report on (the whole tree is still read, so cycles are right); all files when absent.")]),
        MCPTools(name: "rules", title: "List the architecture rules",
                 description: "Every ADR and every rule Stele reads, with its id, text, severity, whether it is enforced, and where it is written (`stele rules --format json`).",
                 parameters: []),
        MCPTools(name: "explain", title: "Explain a rule, an ADR or a finding",
                 description: "Explains an ADR (`ADR-0002`), a rule (its id such as `ADR-0002/R1`, or its text) or a finding (its fingerprint): the decision and its reason, the rule, where it is written, a minimal violating example with its fix, and today's findings.",
                 parameters: [Parameter(name: "query", type: .string, required: true,
                                        description: "An ADR id, a rule id or text, or a finding fingerprint.")]),
        MCPTools(name: "may_import", title: "May this file import that module?",
                 description: "Answers whether the file may import the module, by checking the repository with the import added to the file: the rules and ADRs that forbid it, or that none does. Notes rules on using declarations of parts (folders) of the module, which an import alone does not break.",
                 parameters: [Parameter(name: "file", type: .string, required: true, description: "A repository-relative path of an existing source file."),
                              Parameter(name: "module", type: .string, required: true, description: "The module to import, as in `import Module`.")]),
    ]

    /// The entry of `tools/list`.
    func definition(version: String) -> JSON {
        var properties: [(String, JSON)] = []
        for p in parameters {
            let type: [(String, JSON)] = p.type == .string ? [("type", .string("string"))]
                : [("type", .string("array")), ("items", .object([("type", .string("string"))]))]
            properties.append((p.name, .object(type + [("description", .string(p.description))])))
        }
        var schema: [(String, JSON)] = [("type", .string("object")), ("properties", .object(properties))]
        let required = parameters.filter(\.required).map { JSON.string($0.name) }
        if !required.isEmpty { schema.append(("required", .array(required))) }
        schema.append(("additionalProperties", .bool(false)))
        var members: [(String, JSON)] = [("name", .string(name))]
        if version >= "2025-06-18" { members.append(("title", .string(title))) }
        members += [("description", .string(description)), ("inputSchema", .object(schema))]
        if version >= "2025-03-26" {
            members.append(("annotations", .object([("readOnlyHint", .bool(true)), ("openWorldHint", .bool(false))])))
        }
        return .object(members)
    }

    /// What is wrong with `arguments` for this tool's schema, or nil.
    func validate(_ arguments: JSON) -> String? {
        guard case .object(let members) = arguments else { return "`arguments` is an object" }
        for (key, value) in members {
            guard let p = parameters.first(where: { $0.name == key }) else {
                let known = parameters.map { "`\($0.name)`" }.joined(separator: ", ")
                return "unknown argument `\(key)`" + (known.isEmpty ? "; it takes none" : "; it takes \(known)")
            }
            switch p.type {
            case .string:
                if value.stringValue == nil { return "`\(key)` is a string" }
            case .strings:
                guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else { return "`\(key)` is an array of strings" }
            }
        }
        for p in parameters where p.required && !members.contains(where: { $0.0 == p.name }) {
            return "`\(p.name)` is required"
        }
        return nil
    }
}

import SteleCore

/// The pipe between `stele` and `stele-judge`: requests as JSON lines on the helper's standard
/// input, one answer line per request on its standard output, in any order, matched by `id`.
public enum JudgeWire {
    /// A request line: `{"id":"3","url":"…","headers":[["Content-Type","application/json"]],"body":"…"}`.
    public static func requestLine(id: String, _ request: ProviderRequest) -> String {
        JSONLine.render(.object([
            ("id", .string(id)), ("url", .string(request.url)),
            ("headers", .array(request.headers.map { .array([.string($0.0), .string($0.1)]) })), ("body", .string(request.body)),
        ]))
    }

    public static func parseRequest(_ line: String) -> (id: String, request: ProviderRequest)? {
        guard let json = JSON.parse(line), let id = json["id"]?.stringValue, let url = json["url"]?.stringValue,
              let body = json["body"]?.stringValue, let list = json["headers"]?.arrayValue else { return nil }
        var headers: [(String, String)] = []
        for pair in list {
            guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue, let value = items[1].stringValue else { return nil }
            headers.append((name, value))
        }
        return (id, ProviderRequest(url: url, headers: headers, body: body))
    }

    /// What became of one request: the server's last response, or why there was none.
    public enum Outcome: Equatable, Sendable {
        case response(status: Int, body: String)
        case failure(String)
    }

    public static func outcomeLine(id: String, _ outcome: Outcome) -> String {
        switch outcome {
        case .response(let status, let body):
            return JSONLine.render(.object([("id", .string(id)), ("status", .int(status)), ("body", .string(body))]))
        case .failure(let message):
            return JSONLine.render(.object([("id", .string(id)), ("error", .string(message))]))
        }
    }

    public static func parseOutcome(_ line: String) -> (id: String, outcome: Outcome)? {
        guard let json = JSON.parse(line), let id = json["id"]?.stringValue else { return nil }
        if let status = json["status"]?.intValue, let body = json["body"]?.stringValue { return (id, .response(status: status, body: body)) }
        if let error = json["error"]?.stringValue { return (id, .failure(error)) }
        return nil
    }
}

extension ProviderRequest {
    /// A request as it arrived over the pipe.
    public init(url: String, headers: [(String, String)], body: String) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

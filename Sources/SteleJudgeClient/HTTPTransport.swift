import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SteleJudge

/// Sends the judge's HTTP requests (URLSession: HTTPS needs the platform's TLS). Every request ends:
/// with the server's response, or with a failure after the timeout, a refused connection, or the
/// retries on 429 and 5xx. Nothing here throws or waits without a deadline.
public struct HTTPTransport: Sendable {
    /// Seconds one attempt may take, from connecting to the last byte.
    public var timeoutSeconds: Double
    /// Attempts per request when the server answers 429 or 5xx (the first included).
    public var attempts: Int
    /// Requests in flight at once.
    public var concurrency: Int
    /// The longest `Retry-After` honoured; a server asking for more has its answer kept as final.
    public var maximumRetryAfter: Double = 30
    /// The first backoff when the server names no wait; doubled at each attempt.
    public var backoffSeconds: Double = 0.5
    /// A response body larger than this is refused: a verdict is a few hundred bytes.
    public var maximumBodyBytes = 1 << 20
    /// `http://` URLs go over a plain socket (`PlainHTTP`) unless this is set; `https://` always
    /// goes through URLSession (TLS).
    public var urlSessionForHTTP = false

    public init(timeoutSeconds: Double, attempts: Int, concurrency: Int) {
        self.timeoutSeconds = timeoutSeconds
        self.attempts = max(1, attempts)
        self.concurrency = max(1, concurrency)
    }

    /// Sends every request, `concurrency` at a time; `deliver` gets each outcome as it comes
    /// (from several threads: it must be thread-safe). Returns when all are done. The workers are
    /// threads of their own: each blocks while its request is in flight, and blocking Dispatch's
    /// few pool threads would starve URLSession's own callbacks (seconds lost per round).
    public func sendAll(_ requests: [(id: String, request: ProviderRequest)], deliver: @escaping @Sendable (String, JudgeWire.Outcome) -> Void) {
        let queue = WorkQueue(requests)
        let workers = min(concurrency, requests.count)
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while let (id, request) = queue.next() { deliver(id, self.send(request)) }
                finished.signal()
            }
            thread.start()
        }
        for _ in 0..<workers { finished.wait() }
    }

    /// The requests not yet taken by a worker.
    final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: ArraySlice<(id: String, request: ProviderRequest)>
        init(_ requests: [(id: String, request: ProviderRequest)]) { pending = requests[...] }
        func next() -> (String, ProviderRequest)? {
            lock.lock()
            defer { lock.unlock() }
            return pending.popFirst().map { ($0.id, $0.request) }
        }
    }

    /// One request, with retries on 429 and 5xx.
    public func send(_ request: ProviderRequest) -> JudgeWire.Outcome {
        var attempt = 1
        while true {
            let result = once(request)
            guard case .response(let status, _, let retryAfter) = result else {
                if case .failure(let message) = result { return .failure(message) }
                return .failure("no answer")
            }
            let retryable = status == 429 || (500...599).contains(status)
            if !retryable || attempt >= attempts { return result.outcome }
            var wait = backoffSeconds * Double(1 << (attempt - 1))
            if let retryAfter {
                if retryAfter > maximumRetryAfter { return result.outcome }
                wait = retryAfter
            }
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            attempt += 1
        }
    }

    enum Attempt {
        case response(status: Int, body: String, retryAfter: Double?)
        case failure(String)

        var outcome: JudgeWire.Outcome {
            switch self {
            case .response(let status, let body, _): return .response(status: status, body: body)
            case .failure(let message): return .failure(message)
            }
        }
    }

    func plain(_ request: ProviderRequest) -> Attempt {
        switch PlainHTTP.post(request.url, headers: request.headers, body: Array(request.body.utf8), timeout: timeoutSeconds,
                              maximumBytes: maximumBodyBytes) {
        case .success(let response):
            let retryAfter = response.header("Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            return .response(status: response.status, body: String(decoding: response.body, as: UTF8.self), retryAfter: retryAfter.map { max(0, $0) })
        case .failure(.timedOut): return .failure("no answer within \(Int(timeoutSeconds)) s")
        case .failure(.tooLarge): return .failure("the response is larger than \(maximumBodyBytes) bytes")
        case .failure(.cannotConnect(let why)): return .failure("cannot reach \(request.url): \(why)")
        case .failure(.malformed(let why)): return .failure("request to \(request.url) failed: \(why)")
        }
    }

    final class Box: @unchecked Sendable {
        var attempt: Attempt = .failure("no answer")
    }

    func once(_ request: ProviderRequest) -> Attempt {
        if request.url.hasPrefix("http://") && !urlSessionForHTTP { return plain(request) }
        guard let url = URL(string: request.url), let scheme = url.scheme, scheme == "http" || scheme == "https" else {
            return .failure("`\(request.url)` is not an http(s) URL")
        }
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeoutSeconds)
        urlRequest.httpMethod = "POST"
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = Data(request.body.utf8)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let box = Box()
        let limit = maximumBodyBytes
        let seconds = timeoutSeconds
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                let code = (error as? URLError)?.code
                if code == .timedOut {
                    box.attempt = .failure("no answer within \(Int(seconds)) s")
                } else if code == .cannotConnectToHost || code == .networkConnectionLost || code == .cannotFindHost {
                    box.attempt = .failure("cannot reach \(request.url): \(error.localizedDescription)")
                } else {
                    box.attempt = .failure("request to \(request.url) failed: \(error.localizedDescription)")
                }
            } else if let http = response as? HTTPURLResponse {
                let bytes = data ?? Data()
                if bytes.count > limit {
                    box.attempt = .failure("the response is larger than \(limit) bytes")
                } else {
                    let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                    box.attempt = .response(status: http.statusCode, body: String(decoding: bytes, as: UTF8.self),
                                            retryAfter: retryAfter.map { max(0, $0) })
                }
            } else {
                box.attempt = .failure("no HTTP response from \(request.url)")
            }
            done.signal()
        }
        task.resume()
        // URLSession's own timeouts end the task; this is the backstop if they do not.
        if done.wait(timeout: .now() + seconds + 2) == .timedOut {
            task.cancel()
            return .failure("no answer within \(Int(seconds)) s")
        }
        return box.attempt
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// HTTP/1.1 over a POSIX socket, for `http://` endpoints (a local model server): URLSession on
/// Linux keeps a core busy polling while a request is in flight, which a local model on the same
/// machine pays for. One request per connection (`Connection: close`), every wait bounded by the
/// deadline, the response read whole (Content-Length, chunked, or to the end).
enum PlainHTTP {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    enum Failure: Error, Equatable {
        case timedOut
        case cannotConnect(String)
        case tooLarge
        case malformed(String)
    }

    /// `http://host[:port]/path` split, or nil.
    static func split(_ url: String) -> (host: String, port: Int, path: String)? {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        var host = String(authority), port = 80
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") {
            guard let p = Int(authority[authority.index(after: colon)...]), (1...65535).contains(p) else { return nil }
            host = String(authority[..<colon])
            port = p
        }
        guard !host.isEmpty else { return nil }
        return (host, port, path.isEmpty ? "/" : String(path))
    }

    static func post(_ url: String, headers: [(String, String)], body: [UInt8], timeout: Double, maximumBytes: Int) -> Result<Response, Failure> {
        guard let (host, port, path) = split(url) else { return .failure(.malformed("`\(url)` is not an http URL")) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        let fd: Int32
        switch connect(host: host, port: port, deadline: deadline) {
        case .failure(let failure): return .failure(failure)
        case .success(let socket): fd = socket
        }
        defer { close(fd) }
        var head = "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Length: \(body.count)\r\nConnection: close\r\nAccept: application/json\r\nUser-Agent: stele-judge\r\n"
        for (name, value) in headers where !["host", "content-length", "connection"].contains(name.lowercased()) {
            // A header value with a line break would split the request: refused.
            guard !name.contains(where: \.isNewline), !value.contains(where: \.isNewline) else { return .failure(.malformed("a header contains a line break")) }
            head += "\(name): \(value)\r\n"
        }
        let request = Array((head + "\r\n").utf8) + body
        guard send(fd, request, deadline: deadline) else { return .failure(.cannotConnect("the connection closed while sending")) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            guard wait(fd, for: Int16(POLLIN), deadline: deadline) else { return .failure(.timedOut) }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n < 0 { return .failure(.cannotConnect(String(cString: strerror(errno)))) }
            if n == 0 { break }
            received += buffer[0..<n]
            if received.count > maximumBytes + 65536 { return .failure(.tooLarge) }
            if let response = parse(received, complete: false) { return response.body.count > maximumBytes ? .failure(.tooLarge) : .success(response) }
        }
        guard let response = parse(received, complete: true) else { return .failure(.malformed("the server's response is not HTTP")) }
        return response.body.count > maximumBytes ? .failure(.tooLarge) : .success(response)
    }

    /// The response in `bytes`, or nil while it is incomplete (`complete`: the connection has closed).
    static func parse(_ bytes: [UInt8], complete: Bool) -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.dropLast(3).first(where: { bytes[$0..<($0 + 4)].elementsEqual(separator) }) else { return nil }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let status = lines[0].split(separator: " ")
        guard status.count >= 2, status[0].hasPrefix("HTTP/1."), let code = Int(status[1]) else { return nil }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingSpaces()))
        }
        var response = Response(status: code, headers: headers, body: [])
        let rest = Array(bytes[(end + 4)...])
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            guard let body = dechunk(rest) else { return nil }
            response.body = body
        } else if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            guard rest.count >= length else { return nil }
            response.body = Array(rest.prefix(length))
        } else {
            guard complete else { return nil }
            response.body = rest
        }
        return response
    }

    /// A chunked body, or nil while its last chunk has not arrived.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var body: [UInt8] = []
        var i = 0
        while true {
            guard let lineEnd = bytes[i...].indices.dropLast().first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else { return nil }
            let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingSpaces(), radix: 16), size >= 0 else { return nil }
            let start = lineEnd + 2
            if size == 0 { return body }
            guard start + size + 2 <= bytes.count else { return nil }
            body += bytes[start..<(start + size)]
            i = start + size + 2
        }
    }

    static func connect(host: String, port: Int, deadline: UInt64) -> Result<Int32, Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(name, String(port), &hints, &list) == 0, let first = list else {
            return .failure(.cannotConnect("cannot resolve \(host)"))
        }
        defer { freeaddrinfo(list) }
        var problem = "refused"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var noSignal: Int32 = 1
            #if canImport(Darwin)
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
            #endif
            _ = noSignal
            if systemConnect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return .success(fd) }
            if errno == EINPROGRESS, wait(fd, for: Int16(POLLOUT), deadline: deadline) {
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                if error == 0 { return .success(fd) }
                problem = String(cString: strerror(error))
            } else if errno == EINPROGRESS {
                close(fd)
                return .failure(.timedOut)
            } else {
                problem = String(cString: strerror(errno))
            }
            close(fd)
        }
        return .failure(.cannotConnect("cannot connect to \(host):\(port): \(problem)"))
    }

    static func send(_ fd: Int32, _ bytes: [UInt8], deadline: UInt64) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard wait(fd, for: Int16(POLLOUT), deadline: deadline) else { return false }
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let n = bytes[offset...].withUnsafeBytes { systemSend(fd, $0.baseAddress, $0.count, flags) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Waits until `fd` is ready for `events`; false at the deadline.
    static func wait(_ fd: Int32, for events: Int16, deadline: UInt64) -> Bool {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return false }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }
        }
    }
}

/// The C library's `connect` and `send`, which `PlainHTTP`'s own names shadow.
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
    return Glibc.connect(fd, address, length)
    #else
    return Darwin.connect(fd, address, length)
    #endif
}

private func systemSend(_ fd: Int32, _ bytes: UnsafeRawPointer!, _ count: Int, _ flags: Int32) -> Int {
    #if canImport(Glibc)
    return Glibc.send(fd, bytes, count, flags)
    #else
    return Darwin.send(fd, bytes, count, flags)
    #endif
}

private extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}

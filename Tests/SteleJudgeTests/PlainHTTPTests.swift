@testable import SteleJudgeClient
import XCTest

final class PlainHTTPTests: XCTestCase {
    func testSplitsURLs() {
        XCTAssertEqual(PlainHTTP.split("http://127.0.0.1:8080/v1/chat/completions")?.port, 8080)
        XCTAssertEqual(PlainHTTP.split("http://localhost/v1")?.path, "/v1")
        XCTAssertEqual(PlainHTTP.split("http://localhost")?.path, "/")
        XCTAssertNil(PlainHTTP.split("https://api.openai.com/v1"))
        XCTAssertNil(PlainHTTP.split("http://host:99999/"))
        XCTAssertNil(PlainHTTP.split("http:///x"))
    }

    func testParsesContentLengthChunkedAndClosedResponses() {
        let sized = Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nRetry-After: 2\r\n\r\nhello".utf8)
        XCTAssertEqual(PlainHTTP.parse(sized, complete: false)?.body, Array("hello".utf8))
        XCTAssertEqual(PlainHTTP.parse(sized, complete: false)?.header("retry-after"), "2")
        XCTAssertNil(PlainHTTP.parse(Array(sized.dropLast()), complete: false), "incomplete")
        let chunked = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n".utf8)
        XCTAssertEqual(PlainHTTP.parse(chunked, complete: false)?.body, Array("abcde".utf8))
        XCTAssertNil(PlainHTTP.parse(Array(chunked.prefix(60)), complete: false))
        let closed = Array("HTTP/1.0 503 Busy\r\n\r\nlater".utf8)
        XCTAssertNil(PlainHTTP.parse(closed, complete: false))
        XCTAssertEqual(PlainHTTP.parse(closed, complete: true)?.status, 503)
        XCTAssertNil(PlainHTTP.parse(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8), complete: true))
    }
}

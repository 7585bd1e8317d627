import SteleJudge
import XCTest

final class VerdictTests: XCTestCase {
    func testAWellFormedAnswerIsAVerdict() {
        let answer = #"{"verdict": "violation", "line": 42, "reason": "computes the discount inside the view", "confidence": 0.8}"#
        XCTAssertEqual(try Verdict.parse(answer, lines: 1...100).get(),
                       Verdict(kind: .violation, line: 42, reason: "computes the discount inside the view", confidence: 0.8))
        XCTAssertEqual(try Verdict.parse(#"  {"verdict":"ok","line":null,"reason":"fine","confidence":1}  "#, lines: 1...3).get().kind, .ok)
        XCTAssertEqual(try Verdict.parse(#"{"confidence":0,"reason":"?","line":null,"verdict":"unsure"}"#, lines: 1...3).get().kind, .unsure)
    }

    func testEverythingElseIsRefused() {
        let refused = [
            "",
            "ok",
            "Sure! Here is the verdict: {\"verdict\":\"ok\",\"line\":null,\"reason\":\"r\",\"confidence\":1}",
            "```json\n{\"verdict\":\"ok\",\"line\":null,\"reason\":\"r\",\"confidence\":1}\n```",
            #"{"verdict":"ok","line":null,"reason":"r","confidence":1} {"verdict":"ok"}"#,
            #"{"verdict":"OK","line":null,"reason":"r","confidence":1}"#,
            #"{"verdict":"fine","line":null,"reason":"r","confidence":1}"#,
            #"{"verdict":"ok","line":null,"reason":"r"}"#,
            #"{"verdict":"ok","line":null,"reason":"r","confidence":1,"extra":true}"#,
            #"{"verdict":"ok","verdict":"ok","reason":"r","confidence":1}"#,
            #"{"verdict":"ok","line":"12","reason":"r","confidence":1}"#,
            #"{"verdict":"ok","line":12.5,"reason":"r","confidence":1}"#,
            #"{"verdict":"violation","line":500,"reason":"r","confidence":1}"#,
            #"{"verdict":"violation","line":0,"reason":"r","confidence":1}"#,
            #"{"verdict":"ok","line":null,"reason":"","confidence":1}"#,
            #"{"verdict":"ok","line":null,"reason":42,"confidence":1}"#,
            #"{"verdict":"ok","line":null,"reason":"r","confidence":1.5}"#,
            #"{"verdict":"ok","line":null,"reason":"r","confidence":-0.1}"#,
            #"{"verdict":"ok","line":null,"reason":"r","confidence":"high"}"#,
            #"["ok"]"#,
            "{\"verdict\":\"ok\",\"line\":null,\"reason\":\"" + String(repeating: "x", count: 1500) + "\",\"confidence\":1}",
        ]
        for answer in refused {
            XCTAssertThrowsError(try Verdict.parse(answer, lines: 1...100).get(), answer)
        }
    }
}

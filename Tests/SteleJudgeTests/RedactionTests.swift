import SteleJudge
import XCTest

final class RedactionTests: XCTestCase {
    func testEverySecretFormIsRedacted() {
        let secrets = [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
            "xoxb-123456789012-abcdefghijkl",
            "xoxp-1234-5678-abcdefgh",
            "sk-proj-abcdefghijklmnop1234567890",
            "sk-ant-api03-abcdefghijklmnopqrstuv",
        ]
        for secret in secrets {
            let redacted = Redaction.redact("let key = \(secret) // used below\n")
            XCTAssertFalse(redacted.contains(secret), secret)
            XCTAssertTrue(redacted.contains("[REDACTED:"), secret)
            XCTAssertTrue(redacted.hasSuffix(" // used below\n"), redacted)
        }
    }

    func testPrivateKeyBlockKeepsItsLineCount() {
        let text = """
        let a = 1
        let pem = \"\"\"
        -----BEGIN RSA PRIVATE KEY-----
        MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
        VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK
        -----END RSA PRIVATE KEY-----
        \"\"\"
        let b = 2
        """
        let redacted = Redaction.redact(text)
        XCTAssertFalse(redacted.contains("MIIEow"))
        XCTAssertFalse(redacted.contains("BEGIN RSA PRIVATE KEY"))
        XCTAssertTrue(redacted.contains("[REDACTED:private-key]"))
        XCTAssertEqual(redacted.split(separator: "\n", omittingEmptySubsequences: false).count,
                       text.split(separator: "\n", omittingEmptySubsequences: false).count)
        XCTAssertTrue(redacted.hasSuffix("let b = 2"))
    }

    func testUnterminatedPrivateKeyIsRedactedToTheEnd() {
        let redacted = Redaction.redact("x\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n")
        XCTAssertFalse(redacted.contains("MIIEvQ"))
        XCTAssertEqual(redacted, "x\n[REDACTED:private-key]\n\n")
    }

    func testPasswordStyleAssignmentsLoseTheirValue() {
        let cases = [
            ("password = \"hunter2\"", "hunter2"),
            ("let dbPassword: String = \"correct horse\"", nil),
            ("DB_PASSWORD='s3cret!'", "s3cret!"),
            ("\"apiKey\": \"abc123def\"", "abc123def"),
            ("client_secret=\"zzz-top\"", "zzz-top"),
            ("auth_token = 'xyzzy'", "xyzzy"),
        ]
        for (line, value) in cases {
            let redacted = Redaction.redact(line)
            if let value {
                XCTAssertFalse(redacted.contains(value), line + " -> " + redacted)
                XCTAssertTrue(redacted.contains("[REDACTED:secret]"), redacted)
            }
        }
        // The assignment with a type annotation: the value after `=` still goes.
        XCTAssertFalse(Redaction.redact("let dbPassword = \"correct horse\"").contains("correct horse"))
    }

    func testLongRandomStringsGoButIdentifiersAndHashesOfProseStay() {
        let random = "q8Zr2LmX9vT4pWc7Nj3Kd6Hs1Gf5Yb0Ae"
        XCTAssertFalse(Redaction.redact("let token2 = call(\"\(random)\")").contains(random))
        let identifier = "thisIsAVeryLongCamelCaseIdentifierForAView"
        XCTAssertEqual(Redaction.redact("func \(identifier)() {}"), "func \(identifier)() {}")
        let path = "Sources/App/Features/Checkout/CheckoutView.swift"
        XCTAssertEqual(Redaction.redact(path), path)
    }

    func testCodeWithoutSecretsIsUnchanged() {
        let code = "import Foundation\n\nstruct Order {\n    var total: Int\n    let key = \"title\"\n}\n"
        XCTAssertEqual(Redaction.redact(code), code)
    }

    func testHostileInputIsRedactedInLinearTime() {
        // A regex with an unbounded name before the keyword took 28 s on this in a debug build.
        let hostile = "let x = \"" + String(repeating: "password", count: 20_000) + "\"\n" + String(repeating: "a", count: 100_000) + "\n"
            + String(repeating: "password=\"", count: 20_000) + "\n" + String(repeating: "sk-", count: 30_000) + "\n"
        let start = ContinuousClock.now
        _ = Redaction.redact(hostile)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
    }
}

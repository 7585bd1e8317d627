import XCTest
@testable import SteleScan
import SteleCore
import SteleTestSupport

/// `PackageJSONSkimmer` keeps the members `TypeScriptPackage.parse` reads and only checks the rest:
/// it must refuse exactly what `JSON.parse` refuses, and give the same values.
final class PackageJSONSkimmerTests: XCTestCase {
    /// What `TypeScriptPackage.parse` read before: the whole document parsed, then its first members of `keys`.
    func reference(_ bytes: [UInt8]) -> [String: JSON]? {
        guard let json = JSON.parse(bytes: bytes), case .object = json else { return nil }
        var found: [String: JSON] = [:]
        for key in PackageJSONSkimmer.read { if let value = json[key] { found[key] = value } }
        return found
    }

    func skimmed(_ bytes: [UInt8]) -> [String: JSON]? {
        guard let json = PackageJSONSkimmer.members(of: bytes, named: PackageJSONSkimmer.read) else { return nil }
        var found: [String: JSON] = [:]
        for key in PackageJSONSkimmer.read { if let value = json[key] { found[key] = value } }
        return found
    }

    func testTheSameMembersAndTheSameRefusalsAsJSONParse() {
        let deep = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
        let tooDeep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let cases = [
            #"{"name": "a", "main": "x.js", "dependencies": {"b": "^1"}, "scripts": {"t": "node \"t\""}}"#,
            #" { "n\u0061me" : "escaped key", "name": "second" } "#,
            ##"{"name": "first", "name": "second", "exports": {".": {"import": "./i.js"}}, "imports": {"#a": "./a.js"}}"##,
            #"{"x": [1, -2.5e3, true, false, null, {"y": "\ud83d\ude00"}], "name": "n"}"#,
            #"{"x": "\ud83d", "name": "lone high surrogate"}"#,
            #"{"x": "\ude00", "name": "lone low surrogate"}"#,
            #"{"x": "\u+0FF", "name": "a plus sign in \u (UInt32 takes it)"}"#,
            #"{"x": "\q", "name": "bad escape"}"#,
            "{\"x\": \"tab\tinside\", \"name\": \"control byte\"}",
            #"{"x": 1., "name": "number ending in a dot"}"#,
            #"{"x": 1e999, "name": "infinite"}"#,
            #"{"x": 01, "name": "leading zero"}"#,
            #"{"x": [1,], "name": "trailing comma"}"#,
            #"{"x": {"a": 1,}, "name": "trailing comma"}"#,
            #"{"name": "a"} trailing"#, #"{"name": "a"}"#, "{}", "[]", "\"name\"", "", "{", #"{"name""#, #"{"name":}"#,
            #"{"x": tru, "name": "a"}"#, #"{"x": nul}"#,
            "{\"x\": \(deep), \"name\": \"deep\"}", "{\"x\": \(tooDeep), \"name\": \"too deep\"}",
            "{\"name\": \(deep)}", "{\"name\": \(tooDeep)}",
            "{\"name\": \"caf\u{E9}\", \"main\": \"\\u00e9.js\"}",
        ]
        for text in cases {
            XCTAssertEqual(skimmed(Array(text.utf8)), reference(Array(text.utf8)), text)
        }
        XCTAssertEqual(skimmed(Array(#"{"n\u0061me": "e", "name": "s"}"#.utf8))?["name"], .string("e"), "the first, its key decoded")
        XCTAssertNil(skimmed(Array("{\"x\": \(tooDeep)}".utf8)), "nesting refused at JSON.parse's depth")
        XCTAssertNotNil(skimmed(Array("{\"x\": \(deep)}".utf8)))
    }

    func testMutatedManifestsAgreeWithJSONParse() throws {
        let sources = try Mutations.sources(ofFixture: "ts-app") { $0.hasSuffix(".json") }
        XCTAssertGreaterThan(sources.count, 1)
        var agreed = 0, refused = 0
        Mutations.forEach(of: sources, specials: "{}[]\",:\\u0123456789eE+-.tfn \n\t", seed: 15) { bytes, _ in
            let expected = reference(bytes)
            XCTAssertEqual(skimmed(bytes), expected, String(decoding: bytes, as: UTF8.self))
            if expected == nil { refused += 1 } else { agreed += 1 }
        }
        XCTAssertGreaterThan(agreed, 100, "some mutants are still JSON")
        XCTAssertGreaterThan(refused, 100)
    }
}

import Foundation
import XCTest
import SteleCore
@testable import SteleScan
import SteleTestSupport

final class PropertyListTests: XCTestCase {
    /// A project written by hand in Xcode's format (also read by `XcodeProjectTests`).
    static let widgetProject = TestPaths.fixture("xcode-app/Widget.xcodeproj/project.pbxproj")

    func parse(_ text: String) -> Result<PropertyList, Diagnostic> {
        PropertyList.parse(Array(text.utf8), file: "p.pbxproj")
    }

    func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> PropertyList {
        switch parse(text) {
        case .success(let value): return value
        case .failure(let error): XCTFail("\(error)", file: file, line: line); throw error
        }
    }

    func error(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        switch PropertyList.parse(bytes, file: "p.pbxproj") {
        case .success(let value): XCTFail("parsed: \(value)", file: file, line: line); return nil
        case .failure(let error): return error
        }
    }

    func testDictionariesArraysStringsDataAndComments() throws {
        let plist = try value("""
        // !$*UTF8*$!
        {
        \tarchiveVersion = 1;
        \tobjects = {
        \t\tAB12 /* App */ = {isa = PBXGroup; children = (CD34 /* a.swift */, EF56, ); sourceTree = "<group>"; };
        \t\tCD34 = {path = "My App/a.swift"; version = 1.2-beta+3; root = $SRCROOT/x:y_z; };
        \t};
        \tblob = <0fA1 2b>;
        \tempty = ( );
        \t/* a block
        \t   comment */ last = "";
        }
        """)
        let root = try XCTUnwrap(plist.dictionary)
        XCTAssertEqual(root.keys, ["archiveVersion", "objects", "blob", "empty", "last"])
        XCTAssertEqual(root["archiveVersion"], .string("1"))
        XCTAssertEqual(root["blob"], .data([0x0F, 0xA1, 0x2B]))
        XCTAssertEqual(root["empty"], .array([]))
        XCTAssertEqual(root["last"], .string(""))
        XCTAssertEqual(root.lines["objects"], 4)
        XCTAssertEqual(root.lines["last"], 11, "lines are counted through block comments")
        let objects = try XCTUnwrap(root["objects"]?.dictionary)
        XCTAssertEqual(objects.keys, ["AB12", "CD34"])
        XCTAssertEqual(objects.lines["CD34"], 6)
        XCTAssertEqual(objects["AB12"]?.dictionary?["children"], .array([.string("CD34"), .string("EF56")]), "a trailing comma is allowed")
        XCTAssertEqual(objects["CD34"]?.dictionary?["path"], .string("My App/a.swift"))
        XCTAssertEqual(objects["CD34"]?.dictionary?["version"], .string("1.2-beta+3"))
        XCTAssertEqual(objects["CD34"]?.dictionary?["root"], .string("$SRCROOT/x:y_z"))
    }

    func testUnquotedStringsStopAtTheFirstOtherCharacter() {
        guard case .failure(let error) = parse("{ root = $(SRCROOT); }") else { return XCTFail("parsed") }
        XCTAssertEqual(error.location, SourceLocation(file: "p.pbxproj", line: 1, column: 11))
        XCTAssertEqual(error.message, "expected `;` after the value of `root`")
    }

    func testEscapes() throws {
        let plist = try value(#"( "a\"b", "back\\slash", "l1\nl2\tt", "caf\U00e9", "\UD83D\UDE00", "\101\102", 'single "quoted"', "\q", "lone \UD800!" )"#)
        XCTAssertEqual(plist.array?.compactMap(\.string),
                       ["a\"b", "back\\slash", "l1\nl2\tt", "café", "😀", "AB", "single \"quoted\"", "q", "lone \u{FFFD}!"])
    }

    func testRawNewlinesAndUTF8InStringsAndCRLFLines() throws {
        let plist = try value("{\r\n  a = \"two\r\nlines\";\r\n  b = \"naïve ✓\";\r\n}")
        let root = try XCTUnwrap(plist.dictionary)
        XCTAssertEqual(root["a"], .string("two\r\nlines"))
        XCTAssertEqual(root["b"], .string("naïve ✓"))
        XCTAssertEqual(root.lines["b"], 4, "a CRLF pair is one line break, inside a string too")
    }

    func testByteOrderMarkAndRepeatedKeys() throws {
        let plist = try XCTUnwrap(try PropertyList.parse([0xEF, 0xBB, 0xBF] + Array("{ a = 1; b = 2; a = 3; }".utf8), file: "p").get().dictionary)
        XCTAssertEqual(plist.keys, ["a", "b"])
        XCTAssertEqual(plist["a"], .string("3"), "the last value wins, as in CoreFoundation")
    }

    func testMalformedInputGivesADiagnosticWithItsPlace() throws {
        let cases: [(input: [UInt8], message: String, line: Int, column: Int)] = [
            (Array("".utf8), "empty property list", 1, 1),
            (Array("// only a comment\n".utf8), "empty property list", 2, 1),
            (Array("{\n  a = b;\n  c = (d,".utf8), "unterminated array", 3, 7),
            (Array("{\n  a = b;".utf8), "unterminated dictionary", 1, 1),
            (Array("{ a = b }".utf8), "expected `;` after the value of `a`", 1, 9),
            (Array("{ a b; }".utf8), "expected `=` after the key `a`", 1, 5),
            (Array("{ a = ".utf8), "the file ends where a value was expected", 1, 7),
            (Array("{ a".utf8), "the file ends where `=` after the key `a` was expected", 1, 4),
            (Array("{ a = \"abc\n; }".utf8), "unterminated string", 1, 7),
            (Array("{ a = 'abc\\'; }".utf8), "unterminated string", 1, 7),
            (Array("{ a = b; }\n/* trailing".utf8), "unterminated comment", 2, 1),
            (Array("{ a = <0f1>; }".utf8), "odd number of hex digits in data", 1, 7),
            (Array("{ a = <0x1f>; }".utf8), "unexpected `x` in data", 1, 9),
            (Array("{ a = <0f".utf8), "unterminated data", 1, 7),
            (Array("( a b )".utf8), "unexpected `b` in an array", 1, 5),
            (Array("{ a = b; } }".utf8), "unexpected `}` after the end of the property list", 1, 12),
            (Array("{ (a) = b; }".utf8), "unexpected `(` where a dictionary key belongs", 1, 3),
            ([0xFF, 0xFE, 0x00, 0x7B], "unexpected byte 0xFF", 1, 1),
            (Array("{ a = ".utf8) + [0xC3, 0x28] + Array("; }".utf8), "unexpected byte 0xC3", 1, 7),
            (Array("{ a = b;\u{0} }".utf8), "unexpected byte 0x00 where a dictionary key belongs", 1, 9),
        ]
        for (input, message, line, column) in cases {
            let text = String(decoding: input, as: UTF8.self)
            guard let error = error(input) else { continue }
            XCTAssertEqual(error.severity, .error, text)
            XCTAssertEqual(error.message, message, text)
            XCTAssertEqual(error.location, SourceLocation(file: "p.pbxproj", line: line, column: column), text)
            XCTAssertNotNil(error.hint, text)
        }
    }

    func testDeepNestingIsAnErrorNotAStackOverflow() throws {
        let error = try XCTUnwrap(error(Array(repeating: UInt8(ascii: "("), count: 100_000)))
        XCTAssertEqual(error.message, "nested more than 200 levels deep")
        let fine = String(repeating: "(", count: 150) + String(repeating: ")", count: 150)
        XCTAssertNoThrow(try parse(fine).get())
    }

    /// Every truncation and many corruptions of a real-looking document end in a value or a
    /// diagnostic with a location inside the file: never a trap, never a hang.
    func testTruncatedAndCorruptedDocumentsNeverTrap() throws {
        let document = Array(try Data(contentsOf: PropertyListTests.widgetProject))
        let lineCount = document.filter { $0 == UInt8(ascii: "\n") }.count + 1
        func check(_ bytes: [UInt8]) {
            if case .failure(let error) = PropertyList.parse(bytes, file: "p") {
                let location = error.location
                XCTAssertNotNil(location)
                XCTAssertTrue((1...lineCount).contains(location?.line ?? 0), "\(error)")
                XCTAssertGreaterThanOrEqual(location?.column ?? 0, 1)
            }
        }
        for length in stride(from: 0, to: document.count, by: 7) { check(Array(document[..<length])) }
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let specials: [UInt8] = Array("{}();=\"'\\/*<>,\n".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<300 {
            var bytes = document
            for _ in 0...(next() % 4) {
                let i = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[i] = specials[next() % specials.count]
                case 1: bytes.remove(at: i)
                default: bytes.insert(specials[next() % specials.count], at: i)
                }
            }
            check(bytes)
        }
    }

    // MARK: Differential test against plutil

    /// The toolchain's `plutil` (swift-corelibs-foundation's CoreFoundation parser) converts a
    /// pbxproj to JSON: every real project file must parse to the same value with this parser.
    func testAgreesWithPlutilOnEveryGRDBProjectFile() throws {
        let plutil = "/opt/swift/usr/bin/plutil"
        guard FileManager.default.isExecutableFile(atPath: plutil) else { throw XCTSkip("\(plutil) is not on this machine") }
        let repository = "groue/GRDB.swift", tag = "7.10.0"
        let projects = try RealPackage.listing(repository, tag).filter { $0.hasSuffix(".xcodeproj/project.pbxproj") }
        XCTAssertEqual(projects.count, 16)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stele-plutil-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var objectCount = 0
        for (i, path) in projects.enumerated() {
            let bytes = try RealPackage.file(repository, tag, path)
            let ours = try PropertyList.parse(bytes, file: path).get()
            let copy = directory.appendingPathComponent("\(i).pbxproj")
            try Data(bytes).write(to: copy)
            let converted = try RealPackage.run(plutil, ["-convert", "json", "-o", "-", copy.path])
            XCTAssertEqual(converted.status, 0, path)
            let theirs = try JSONSerialization.jsonObject(with: converted.output)
            XCTAssertTrue(Self.foundationValue(ours) == (theirs as? NSObject), "\(path) differs from plutil's reading")
            XCTAssertFalse(Self.foundationValue(.dictionary(PropertyList.Entries())) == (theirs as? NSObject), "the comparison can fail")
            objectCount += ours.dictionary?["objects"]?.dictionary?.count ?? 0
        }
        XCTAssertEqual(objectCount, 3914, "the objects of the 16 projects, as plutil counts them")
    }

    /// Our value as the Foundation objects `JSONSerialization` produces, to compare with `==`.
    static func foundationValue(_ value: PropertyList) -> NSObject {
        switch value {
        case .string(let s): return s as NSString
        case .array(let a): return a.map(foundationValue) as NSArray
        case .dictionary(let d): return Dictionary(uniqueKeysWithValues: d.keys.map { ($0, foundationValue(d.values[$0] ?? .string(""))) }) as NSDictionary
        case .data(let bytes): return Data(bytes).base64EncodedString() as NSString
        }
    }
}

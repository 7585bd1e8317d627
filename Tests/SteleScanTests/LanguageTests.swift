import XCTest
@testable import SteleScan

/// A file's language comes from its name's last extension, read on its bytes from the end.
final class LanguageTests: XCTestCase {
    func testEveryExtensionNamesItsLanguage() {
        let expected: [String: Language] = [
            "a.swift": .swift, "a.py": .python, "a.pyi": .python, "a.ts": .typescript, "a.tsx": .typescript,
            "a.mts": .typescript, "a.cts": .typescript, "a.js": .javascript, "a.jsx": .javascript, "a.mjs": .javascript,
            "a.cjs": .javascript, "a.go": .go, "a.java": .java, "a.kt": .kotlin, "a.kts": .kotlin, "a.m": .objectiveC,
            "a.mm": .objectiveC, "a.c": .c, "a.h": .c, "a.cpp": .cpp, "a.cc": .cpp, "a.cxx": .cpp, "a.hpp": .cpp, "a.hh": .cpp,
        ]
        for (path, language) in expected {
            XCTAssertEqual(Language.of(path: path), language, path)
            XCTAssertEqual(Language.of(path: "Sources/My Folder/\(path)"), language, path)
        }
    }

    func testNamesThatAreNotSourceHaveNoLanguage() {
        for path in ["README.md", "Makefile", "a.", "a.swiftx", "a.Swift", "Sources/a.swift/readme", "dir.swift/", "a.d.json",
                     ".swiftlint.yml", "", ".", "/", "a.tar.gz", "notes.swift.bak", "Ünïcødé.txt"] {
            XCTAssertNil(Language.of(path: path), path)
        }
    }

    func testTheLastExtensionCountsAndAHiddenFileHasOne() {
        XCTAssertEqual(Language.of(path: "types.d.ts"), .typescript)
        XCTAssertEqual(Language.of(path: "Package@swift-5.9.swift"), .swift)
        XCTAssertEqual(Language.of(path: ".swift"), .swift)
        XCTAssertEqual(Language.of(path: "Ünïcødé/Ä.py"), .python)
        // A bridged or shared string reads the same as a native one.
        XCTAssertEqual(Language.of(path: String(Substring("x/y.go"))), .go)
    }
}

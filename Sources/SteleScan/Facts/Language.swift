/// The language of a source file, from its name. `LanguageRegistry` says which are read; the
/// others are recognised so that path components and naming rules still see them.
public enum Language: String, Sendable, CaseIterable {
    case swift, python, typescript, javascript, go, java, kotlin, objectiveC = "objective-c", c, cpp = "c++"

    /// nil for files that are not source code (images, JSON, Markdown...).
    public static func of(path: String) -> Language? {
        // On the path's bytes, from the end: this runs several times for every file in the tree.
        var path = path
        return path.withUTF8 { bytes -> Language? in
            // The extension is at most five bytes after the last dot of the last component, packed
            // into an integer and looked up without making a string.
            var key: UInt64 = 0
            var shift: UInt64 = 0
            var i = bytes.count
            while i > 0 {
                i -= 1
                let c = bytes[i]
                if c == UInt8(ascii: ".") { return shift == 0 ? nil : byExtension[key] }
                if c == UInt8(ascii: "/") || shift == 40 { return nil }
                key |= UInt64(c) << shift
                shift += 8
            }
            return nil
        }
    }

    /// Extensions packed last byte first (`"py"` is `y | p << 8`), as `of(path:)` reads them.
    private static let byExtension: [UInt64: Language] = {
        let names: [(String, Language)] = [
            ("swift", .swift), ("py", .python), ("pyi", .python),
            ("ts", .typescript), ("tsx", .typescript), ("mts", .typescript), ("cts", .typescript),
            ("js", .javascript), ("jsx", .javascript), ("mjs", .javascript), ("cjs", .javascript),
            ("go", .go), ("java", .java), ("kt", .kotlin), ("kts", .kotlin), ("m", .objectiveC), ("mm", .objectiveC),
            ("c", .c), ("h", .c), ("cpp", .cpp), ("cc", .cpp), ("cxx", .cpp), ("hpp", .cpp), ("hh", .cpp),
        ]
        var table: [UInt64: Language] = [:]
        for (name, language) in names {
            table[name.utf8.reversed().enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }] = language
        }
        return table
    }()
}

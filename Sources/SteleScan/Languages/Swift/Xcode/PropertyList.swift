import SteleCore

/// A value of an OpenStep ("old-style ASCII") property list, the format of Xcode's
/// `project.pbxproj`. Everything in it is a string, an array, a dictionary or hex data: numbers and
/// booleans are strings, as the format has no other scalars.
enum PropertyList: Hashable, Sendable {
    case string(String)
    case array([PropertyList])
    case dictionary(Entries)
    case data([UInt8])

    /// A dictionary's entries with the order and line of their keys, so that a reader can point at
    /// the line an object is declared on (a pbxproj is one big dictionary of objects).
    struct Entries: Hashable, Sendable {
        /// The keys in file order, each once.
        private(set) var keys: [String] = []
        private(set) var values: [String: PropertyList] = [:]
        /// The 1-based line each key is written on.
        private(set) var lines: [String: Int] = [:]

        init() {}

        subscript(key: String) -> PropertyList? { values[key] }

        var count: Int { keys.count }

        /// A repeated key keeps its first position and takes the last value, as CoreFoundation does.
        mutating func set(_ value: PropertyList, for key: String, line: Int) {
            if values.updateValue(value, forKey: key) == nil {
                keys.append(key)
                lines[key] = line
            }
        }
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var array: [PropertyList]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var dictionary: Entries? {
        if case .dictionary(let d) = self { return d }
        return nil
    }

    /// Parses a whole document. Malformed input gives an error diagnostic at the offending
    /// `line:column` (columns count UTF-8 bytes) with a hint; it never traps.
    /// - Parameter file: the repo-relative path, for the diagnostic's location.
    static func parse(_ bytes: [UInt8], file: String) -> Result<PropertyList, Diagnostic> {
        var parser = PropertyListParser(bytes: bytes, file: file)
        return parser.parseDocument()
    }
}

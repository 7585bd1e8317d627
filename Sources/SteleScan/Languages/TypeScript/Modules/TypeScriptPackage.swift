import SteleCore

/// One `package.json` of the tree: its folder and the name other packages import it by
/// (`@acme/orders`), with the fields that say which file a bare import of it loads.
struct TypeScriptPackage: Equatable, Sendable {
    /// The folder, relative to the root ("" for the root's own package.json).
    var directory: String
    var manifestPath: String
    /// nil for a package.json without a `name` (a private root often has none): it names no module.
    var name: String?
    /// `types`, `typings`, `module`, `main`, and `exports["."]` when it is a string (or its
    /// `import`, `default`, `types` conditions), in that order: the entry candidates.
    var entries: [String]
    /// `imports`: the package's private specifiers (`"#db": "./src/db/index.ts"`, `"#ui/*": …`),
    /// each to its target (a string, or the first of its `types`, `import`, `default`, `require`,
    /// `node` conditions that is one).
    var imports: [String: String] = [:]

    static func isManifest(_ path: String) -> Bool {
        path == "package.json" || path.hasSuffix("/package.json")
    }

    /// Reads a package.json; one that is not JSON gives a package with no name, and a warning.
    static func parse(_ bytes: [UInt8], path: String) -> (TypeScriptPackage, Diagnostic?) {
        let directory = path == "package.json" ? "" : String(path.dropLast("/package.json".count))
        var package = TypeScriptPackage(directory: directory, manifestPath: path, name: nil, entries: [])
        guard let json = PackageJSONSkimmer.members(of: bytes, named: PackageJSONSkimmer.read) else {
            return (package, .warning("package.json is not a JSON object: its package is not a module",
                                      at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if let name = json["name"]?.stringValue, !name.isEmpty { package.name = name }
        for key in ["types", "typings", "module", "main"] {
            if let entry = json[key]?.stringValue { package.entries.append(entry) }
        }
        if let exports = json["exports"] {
            let dot = exports["."] ?? exports
            if let entry = dot.stringValue { package.entries.append(entry) }
            for condition in ["types", "import", "default", "require"] {
                if let entry = dot[condition]?.stringValue { package.entries.append(entry) }
            }
        }
        if case .object(let members)? = json["imports"] {
            for (pattern, target) in members where pattern.hasPrefix("#") {
                let chosen = target.stringValue
                    ?? ["types", "import", "default", "require", "node"].lazy.compactMap { target[$0]?.stringValue }.first
                if let chosen { package.imports[pattern] = chosen }
            }
        }
        return (package, nil)
    }
}

/// The members of a package.json that `TypeScriptPackage.parse` reads, each made by `JSON.parse`;
/// the rest of the document is only checked, as strictly as `JSON.parse` checks it (a file that is
/// not exactly one JSON object is refused: nil). Building every value (`dependencies`, `scripts`,
/// …) into `JSON` cost 50 instructions a byte, and a front end's tree has hundreds of these files.
struct PackageJSONSkimmer {
    /// The top-level keys `TypeScriptPackage.parse` reads.
    static let read: Set<String> = ["name", "types", "typings", "module", "main", "exports", "imports"]
    /// As `JSON.parse`'s reader: nesting deeper is refused.
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    /// The first member of each of `keys` (as `JSON`'s subscript finds the first), nil if `bytes`
    /// is not one JSON object.
    static func members(of bytes: [UInt8], named keys: Set<String>) -> JSON? {
        bytes.withUnsafeBufferPointer { buffer -> JSON? in
            var skimmer = PackageJSONSkimmer(bytes: buffer)
            var ranges: [(String, Range<Int>)] = []
            skimmer.skipWhitespace()
            guard skimmer.index < buffer.count, buffer[skimmer.index] == UInt8(ascii: "{"),
                  skimmer.object(depth: 0, keeping: keys, into: &ranges) else { return nil }
            skimmer.skipWhitespace()
            guard skimmer.index == buffer.count else { return nil }
            var members: [(String, JSON)] = []
            for (key, range) in ranges where !members.contains(where: { $0.0 == key }) {
                // Checked above at its own depth: it parses.
                guard let value = JSON.parse(bytes: Array(buffer[range])) else { return nil }
                members.append((key, value))
            }
            return .object(members)
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            index += 1
        }
    }

    /// The top-level object from its `{`: each member checked, those of `keys` kept as ranges.
    mutating func object(depth: Int, keeping keys: Set<String>, into ranges: inout [(String, Range<Int>)]) -> Bool {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return true }
        while true {
            skipWhitespace()
            let keyStart = index
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return false }
            let keyEnd = index
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            let valueStart = index
            guard value(depth: depth + 1) else { return false }
            if let key = key(keyStart..<keyEnd), keys.contains(key) { ranges.append((key, valueStart..<index)) }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return true }
            return false
        }
    }

    /// A checked key's text: its bytes when it has no escape, else as `JSON.parse` decodes it.
    func key(_ range: Range<Int>) -> String? {
        let body = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        return JSON.parse(bytes: Array(bytes[range]))?.stringValue
    }

    /// Checks one value, as `JSON.parse`'s reader reads it, and steps over it.
    mutating func value(depth: Int) -> Bool {
        guard depth < PackageJSONSkimmer.maximumDepth else { return false }
        skipWhitespace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == close { index += 1; return true }
            while true {
                if isObject {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return false }
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                    index += 1
                }
                guard value(depth: depth + 1) else { return false }
                skipWhitespace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == close { index += 1; return true }
                return false
            }
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              bytes[index..<(index + count)].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count)) else { return false }
        index += count
        return true
    }

    /// A string from its quote: no control byte, only JSON's escapes, a `\u` surrogate in pairs.
    mutating func string() -> Bool {
        index += 1
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; return true }
            if b < 0x20 { return false }
            index += 1
            guard b == UInt8(ascii: "\\") else { continue }
            guard index < bytes.count else { return false }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                 UInt8(ascii: "r"), UInt8(ascii: "t"):
                continue
            case UInt8(ascii: "u"):
                guard JSONUnicodeEscape.scalar(in: bytes, at: &index) != nil else { return false }
            default:
                return false
            }
        }
        return false
    }


    /// A number as `JSON.parse` takes one: its bytes, then `Int` or a finite `Double` ending in a digit.
    mutating func number() -> Bool {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, PackageJSONSkimmer.isNumberByte(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if Int(text) != nil { return true }
        if let d = Double(text), d.isFinite, text.last?.isNumber == true { return true }
        return false
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
}

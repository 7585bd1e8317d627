/// Reads JSON text into `JSON` values (RFC 8259), for the files Stele reads back: baselines now,
/// judge verdicts later. Strict: anything that is not exactly one JSON value is nil.
extension JSON {
    public static func parse(_ text: String) -> JSON? {
        parse(bytes: Array(text.utf8))
    }

    /// The same on a file's bytes (invalid UTF-8 inside a string is repaired, as `String(decoding:)` does).
    public static func parse(bytes: [UInt8]) -> JSON? {
        var parser = JSONReader(bytes: bytes)
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipWhitespace()
        return parser.index == parser.bytes.count ? value : nil
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var intValue: Int? { if case .int(let i) = self { return i } else { return nil } }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
}

private struct JSONReader {
    let bytes: [UInt8]
    var index = 0

    /// Nesting deeper than this is refused rather than risking the stack on hostile input.
    static let maximumDepth = 512

    mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            index += 1
        }
    }

    mutating func value(depth: Int) -> JSON? {
        guard depth < JSONReader.maximumDepth else { return nil }
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(JSON.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    mutating func literal(_ word: String, _ value: JSON) -> JSON? {
        let count = word.utf8.count
        guard index + count <= bytes.count, bytes[index..<(index + count)].elementsEqual(word.utf8) else { return nil }
        index += count
        return value
    }

    mutating func object(depth: Int) -> JSON? {
        index += 1
        var members: [(String, JSON)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let member = value(depth: depth + 1) else { return nil }
            members.append((key, member))
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            return nil
        }
    }

    mutating func array(depth: Int) -> JSON? {
        index += 1
        var items: [JSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            return nil
        }
    }

    mutating func string() -> String? {
        index += 1
        // Most strings hold no escape: made from their bytes at once, not a scalar at a time as
        // below (package.json files of a large front end are read on every run).
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { return nil }
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            index += 1
        }
        index = start
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() { if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw.removeAll() } }
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; flush(); return String(scalars) }
            if b < 0x20 { return nil }
            if b != UInt8(ascii: "\\") { raw.append(b); index += 1; continue }
            flush()
            index += 1
            guard index < bytes.count else { return nil }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard let scalar = JSONUnicodeEscape.scalar(in: bytes, at: &index) else { return nil }
                scalars.append(scalar)
            default:
                return nil
            }
        }
        return nil
    }


    mutating func number() -> JSON? {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, JSONReader.isNumberByte(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if let i = Int(text) { return .int(i) }
        if let d = Double(text), d.isFinite, text.last?.isNumber == true { return .double(d) }
        return nil
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
}

/// The `\u` escape of a JSON string, shared by every reader of JSON text (the whole parser, and
/// the skimmer that checks what it does not keep).
public enum JSONUnicodeEscape {
    /// The scalar of a `\u` escape whose four hex digits start at `index` (a surrogate pair's
    /// second `\uXXXX` read too), with `index` moved past it; nil when JSON does not allow it.
    public static func scalar<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at index: inout Int) -> Unicode.Scalar?
        where Bytes.Index == Int {
        guard var code = hex4(bytes, at: &index) else { return nil }
        if (0xD800...0xDBFF).contains(code) {
            // A surrogate pair: `\uD83D\uDE00`.
            guard index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            index += 2
            guard let low = hex4(bytes, at: &index), (0xDC00...0xDFFF).contains(low) else { return nil }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        return Unicode.Scalar(code)
    }

    static func hex4<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: inout Int) -> UInt32? where Bytes.Index == Int {
        guard index + 4 <= bytes.endIndex else { return nil }
        var value: UInt32 = 0
        for k in index..<index + 4 {
            let b = bytes[k]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }
}

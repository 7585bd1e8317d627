/// A JSON value whose objects keep their keys in the order they were written, so that every
/// JSON document Stele prints is byte-for-byte the same for the same input (Foundation's
/// `JSONSerialization` does not promise key order, and `JSONEncoder` sorts or shuffles them).
public indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// `.string` for a value, `.null` for nil.
    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
    public static func optional(_ value: Int?) -> JSON { value.map(JSON.int) ?? .null }

    /// Pretty-printed with two-space indentation and a trailing newline.
    public func rendered() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The value as it appears nested `indent` levels deep in a pretty-printed document (no
    /// leading indentation, no trailing newline), appended to `out` as UTF-8: what `JSONStream`
    /// writes piece by piece. Bytes, not a `String`: appending to a string costs more than the
    /// rest of rendering.
    public func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: JSON.append("null", to: &out)
        case .bool(let b): JSON.append(b ? "true" : "false", to: &out)
        case .int(let i): JSON.appendInt(i, to: &out)
        case .double(let d):
            if !d.isFinite {
                JSON.append("null", to: &out)
            } else if abs(d) < 1e15, let whole = Int(exactly: d) {
                JSON.appendInt(whole, to: &out)
            } else {
                out.append(contentsOf: String(d).utf8)
            }
        case .string(let s): JSON.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { return JSON.append("[]", to: &out) }
            JSON.append("[\n", to: &out)
            for (i, item) in items.enumerated() {
                JSON.appendIndent(indent + 1, to: &out)
                item.write(into: &out, indent: indent + 1)
                JSON.append(i + 1 < items.count ? ",\n" : "\n", to: &out)
            }
            JSON.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { return JSON.append("{}", to: &out) }
            JSON.append("{\n", to: &out)
            for (i, (key, value)) in members.enumerated() {
                JSON.appendIndent(indent + 1, to: &out)
                JSON.writeString(key, into: &out)
                JSON.append(": ", to: &out)
                value.write(into: &out, indent: indent + 1)
                JSON.append(i + 1 < members.count ? ",\n" : "\n", to: &out)
            }
            JSON.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func appendIndent(_ level: Int, to out: inout [UInt8]) {
        for _ in 0..<(2 * level) { out.append(0x20) }
    }

    /// Decimal digits, without making a `String`.
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }

    /// Appends `s` as a JSON string literal (also valid in DOT).
    public static func writeQuoted(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeString(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Most strings (paths, names) need no escape: appended whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
                out.append(contentsOf: utf8)
                return
            }
            for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
                switch scalar {
                case "\"": append("\\\"", to: &out)
                case "\\": append("\\\\", to: &out)
                case "\n": append("\\n", to: &out)
                case "\r": append("\\r", to: &out)
                case "\t": append("\\t", to: &out)
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                        let hex = String(scalar.value, radix: 16)
                        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    } else {
                        out.append(contentsOf: String(scalar).utf8)
                    }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

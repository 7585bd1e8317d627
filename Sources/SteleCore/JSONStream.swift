/// A pretty-printed JSON object written a piece at a time, byte for byte what `JSON.rendered()`
/// gives for the whole document: a report of 50,000 files never holds the whole document (or a
/// `JSON` tree of it) in memory, only one element of a long array at a time, and hands its UTF-8
/// to `emit` in chunks of about 64 KiB.
public enum JSONStream {
    /// A member of an object: a value written whole, an array written an element at a time, or an
    /// object written a member at a time.
    public enum Member {
        case value(String, JSON)
        case elements(String, count: Int, element: (Int) -> JSON)
        case object(String, [Member])
        /// An array of objects, each written a member at a time (SARIF's one run, holding its results).
        case objects(String, [[Member]])
    }

    /// Writes `{ members }` as the whole document (with its trailing newline) through `emit`.
    public static func write(_ members: [Member], emit: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        writeObject(members, indent: 0, out: &out, emit: emit)
        out.append(0x0A)
        emit(out)
    }

    static func writeObject(_ members: [Member], indent: Int, out: inout [UInt8], emit: ([UInt8]) -> Void) {
        if members.isEmpty { return JSON.append("{}", to: &out) }
        JSON.append("{\n", to: &out)
        for (i, member) in members.enumerated() {
            JSON.appendIndent(indent + 1, to: &out)
            switch member {
            case .value(let name, _), .elements(let name, _, _), .object(let name, _), .objects(let name, _): JSON.writeString(name, into: &out)
            }
            JSON.append(": ", to: &out)
            switch member {
            case .value(_, let value):
                value.write(into: &out, indent: indent + 1)
            case .elements(_, let count, let element):
                if count == 0 {
                    JSON.append("[]", to: &out)
                } else {
                    JSON.append("[\n", to: &out)
                    for k in 0..<count {
                        JSON.appendIndent(indent + 2, to: &out)
                        element(k).write(into: &out, indent: indent + 2)
                        JSON.append(k + 1 < count ? ",\n" : "\n", to: &out)
                        if out.count >= 1 << 16 {
                            emit(out)
                            out.removeAll(keepingCapacity: true)
                        }
                    }
                    JSON.appendIndent(indent + 1, to: &out)
                    out.append(UInt8(ascii: "]"))
                }
            case .object(_, let nested):
                writeObject(nested, indent: indent + 1, out: &out, emit: emit)
            case .objects(_, let elements):
                if elements.isEmpty {
                    JSON.append("[]", to: &out)
                } else {
                    JSON.append("[\n", to: &out)
                    for (k, element) in elements.enumerated() {
                        JSON.appendIndent(indent + 2, to: &out)
                        writeObject(element, indent: indent + 2, out: &out, emit: emit)
                        JSON.append(k + 1 < elements.count ? ",\n" : "\n", to: &out)
                    }
                    JSON.appendIndent(indent + 1, to: &out)
                    out.append(UInt8(ascii: "]"))
                }
            }
            JSON.append(i + 1 < members.count ? ",\n" : "\n", to: &out)
        }
        JSON.appendIndent(indent, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

import SteleCore

/// JSON on one line, keys in the order given: the form of `.stele/verdicts.jsonl` and of the pipe
/// between `stele` and `stele-judge` (one value per line, so a line is a record).
public enum JSONLine {
    public static func render(_ value: JSON) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    static func write(_ value: JSON, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if !d.isFinite { out += "null" } else if abs(d) < 1e15, let whole = Int(exactly: d) { out += String(whole) } else { out += String(d) }
        case .string(let s): JSON.writeQuoted(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, member)) in members.enumerated() {
                if i > 0 { out += "," }
                JSON.writeQuoted(key, into: &out)
                out += ":"
                write(member, into: &out)
            }
            out += "}"
        }
    }
}

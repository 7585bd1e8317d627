/// Text made safe for markup: XML (JUnit), HTML with inline SVG (the review report), and
/// Markdown tables (the check's and the review's).
enum MarkupText {
    /// Character data and double- or single-quoted attribute values; characters XML 1.0 cannot
    /// hold become U+FFFD, and line ends are kept as character references (a tooltip keeps them).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default:
                out.unicodeScalars.append(scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// A Markdown table cell: `|` escaped, line breaks (`\n`, `\r\n`, `\r`) folded into spaces. On
    /// the UTF-8 bytes: a Character at a time cost 40 s on 150,000 findings.
    static func markdownCell(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == UInt8(ascii: "|") || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "|"): out += [UInt8(ascii: "\\"), byte]
            case 0x0A where previous == 0x0D: break
            case 0x0A, 0x0D: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }
}

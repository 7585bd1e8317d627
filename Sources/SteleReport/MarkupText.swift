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

    /// A Markdown table cell: `|` escaped, line breaks folded into spaces.
    static func markdownCell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}

/// Small text helpers the review's renderers share (no Foundation: ADR-0005).
enum ReviewText {
    /// `value` with exactly `digits` decimals (rounded half away from zero): "0.67", "1.0".
    static func decimal(_ value: Double, digits: Int) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        let fraction = scaled % scale
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// "1 rule", "3 rules".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// An id usable in an HTML `id` attribute and a `#fragment`: letters, digits, `-` and `_` kept,
    /// everything else `-`.
    static func anchor(_ text: String) -> String {
        String(text.unicodeScalars.map { s -> Character in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || s == "-" || s == "_" ? Character(s) : "-"
        })
    }
}

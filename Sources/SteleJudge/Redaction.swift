#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes secrets from code before anything is sent to a model or hashed into a verdict key: a
/// key that leaves the machine, or sits in `.stele/verdicts.jsonl` as part of a hash input someone
/// could brute-force, is a leak. Every replacement keeps the text's line breaks, so line numbers
/// stay those of the file.
public enum Redaction {
    /// What a secret becomes: `[REDACTED:kind]`.
    public static func marker(_ kind: String) -> String { "[REDACTED:\(kind)]" }

    public static func redact(_ text: String) -> String {
        var text = privateKeyBlocks(text)
        for (kind, pattern) in tokenPatterns {
            text = text.replacing(pattern) { _ in marker(kind) }
        }
        text = assignments(text)
        return highEntropyWords(text)
    }

    /// Vendor tokens with a recognisable prefix.
    nonisolated(unsafe) static let tokenPatterns: [(String, Regex<Substring>)] = [
        ("aws-key", #/(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}/#),
        ("github-token", #/github_pat_[A-Za-z0-9_]{20,}/#),
        ("github-token", #/gh[pousr]_[A-Za-z0-9]{20,}/#),
        ("slack-token", #/xox[abpr]-[A-Za-z0-9-]{8,}/#),
        ("api-key", #/sk-[A-Za-z0-9_-]{16,}/#),
    ]

    /// `-----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----`, or to the end of the text when
    /// the block never ends: the marker, then as many line breaks as the block had.
    static func privateKeyBlocks(_ text: String) -> String {
        guard text.contains("PRIVATE KEY-----") else { return text }
        var out = ""
        var rest = Substring(text)
        let begin = #/-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----/#
        while let start = rest.firstMatch(of: begin) {
            out += rest[..<start.range.lowerBound]
            let after = rest[start.range.upperBound...]
            let end = after.firstMatch(of: #/-----END[A-Z0-9 ]*PRIVATE KEY-----/#)
            let blockEnd = end?.range.upperBound ?? rest.endIndex
            let block = rest[start.range.lowerBound..<blockEnd]
            out += marker("private-key") + String(repeating: "\n", count: block.filter { $0 == "\n" }.count)
            rest = rest[blockEnd...]
        }
        return out + rest
    }

    /// `password = "…"`, `apiKey: '…'`, `SECRET_TOKEN="…"`, `"api_key": "…"`: the name and quotes
    /// stay, the value goes. Scanned by hand, line by line, in linear time: a regex with a
    /// name of any length before the keyword backtracks quadratically on a long hostile line.
    static func assignments(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") }) else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var changed = false
        for k in lines.indices where redactAssignments(&lines[k]) { changed = true }
        guard changed else { return text }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    static let secretNames = ["password", "passwd", "pwd", "secret", "apikey", "api_key", "api-key", "token", "accesskey",
                              "access_key", "access-key", "privatekey", "private_key", "private-key", "credential"]

    /// Redacts, in one line, every quoted value assigned to a name that contains a secret word.
    static func redactAssignments(_ line: inout [UInt8]) -> Bool {
        let marker = Array(Redaction.marker("secret").utf8)
        var changed = false
        var i = 0
        while i < line.count {
            let byte = line[i]
            guard byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") else { i += 1; continue }
            // The value: optional `=` (for `:=`), blanks, then a quote.
            var v = i + 1
            if v < line.count, line[v] == UInt8(ascii: "=") { v += 1 }
            while v < line.count, line[v] == 0x20 || line[v] == 0x09 { v += 1 }
            guard v < line.count, line[v] == UInt8(ascii: "\"") || line[v] == UInt8(ascii: "'") else { i += 1; continue }
            let quote = line[v]
            guard let close = line[(v + 1)...].firstIndex(of: quote), close > v + 1 else { i += 1; continue }
            // The name: blanks, an optional closing quote, then identifier characters, at most 64.
            var n = i
            while n > 0, line[n - 1] == 0x20 || line[n - 1] == 0x09 { n -= 1 }
            if n > 0, line[n - 1] == UInt8(ascii: "\"") || line[n - 1] == UInt8(ascii: "'") { n -= 1 }
            let nameEnd = n
            while n > 0, nameEnd - n < 64, isNameByte(line[n - 1]) { n -= 1 }
            let name = String(decoding: line[n..<nameEnd], as: UTF8.self).lowercased()
            guard !name.isEmpty, secretNames.contains(where: name.contains) else { i = close + 1; continue }
            line.replaceSubrange((v + 1)..<close, with: marker)
            changed = true
            i = v + 1 + marker.count + 1
        }
        return changed
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// Long strings that look random (a key with no known prefix): 32 or more characters of
    /// letters, digits and `+/=_-`, with letters and digits both, and at least 3.5 bits of entropy
    /// per character. Identifiers and prose rarely have digits and letters mixed that evenly.
    static func highEntropyWords(_ text: String) -> String {
        text.replacing(#/[A-Za-z0-9+\/=_-]{32,}/#) { match in
            let word = match.output
            return looksRandom(word) ? marker("high-entropy") : String(word)
        }
    }

    static func looksRandom(_ word: Substring) -> Bool {
        var counts: [UInt8: Int] = [:]
        var letters = 0, digits = 0
        for byte in word.utf8 {
            counts[byte, default: 0] += 1
            if (0x30...0x39).contains(byte) { digits += 1 } else if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { letters += 1 }
        }
        guard letters > 0, digits > 0 else { return false }
        let total = Double(word.utf8.count)
        var entropy = 0.0
        for (_, count) in counts {
            let p = Double(count) / total
            entropy -= p * log2(p)
        }
        return entropy >= 3.5
    }
}

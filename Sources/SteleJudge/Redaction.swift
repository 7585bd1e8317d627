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

    /// `password = "…"`, `apiKey: '…'`, `SECRET_TOKEN="…"`: the name and quotes stay, the value goes.
    static func assignments(_ text: String) -> String {
        let pattern = #/(?i)([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|api[_-]?key|apikey|token|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]*["']?\s*(?::=|=|:)\s*)(["'])([^"'\n]+)(["'])/#
        return text.replacing(pattern) { match in
            match.output.1 + match.output.2 + marker("secret") + match.output.4
        }
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

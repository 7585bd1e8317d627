import SteleCore

/// The judge's answer to one question, validated strictly: exactly the four members, of exactly
/// the allowed types and ranges. Anything else is no verdict at all.
public struct Verdict: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case violation, ok, unsure
    }

    public var kind: Kind
    /// A line of the file inside the excerpt, or nil.
    public var line: Int?
    public var reason: String
    public var confidence: Double

    public init(kind: Kind, line: Int?, reason: String, confidence: Double) {
        self.kind = kind
        self.line = line
        self.reason = reason
        self.confidence = confidence
    }

    /// The longest reason kept; a longer one is refused rather than cut (a model that rambles did
    /// not follow the format).
    public static let maximumReasonLength = 1000

    /// The verdict `text` holds, or why it holds none. `lines` is the excerpt's line range: a
    /// `line` outside it points at code the model never saw.
    public static func parse(_ text: String, lines: ClosedRange<Int>) -> Result<Verdict, VerdictProblem> {
        guard text.utf8.count <= 4 * maximumReasonLength, let json = JSON.parse(text) else {
            return .failure(VerdictProblem("the answer is not one JSON object"))
        }
        guard case .object(let members) = json else { return .failure(VerdictProblem("the answer is not a JSON object")) }
        let names = members.map(\.0)
        guard names.count == 4, Set(names) == ["verdict", "line", "reason", "confidence"] else {
            return .failure(VerdictProblem("the answer's members are \(names.sorted().joined(separator: ", ")), not verdict, line, reason, confidence"))
        }
        guard let word = json["verdict"]?.stringValue, let kind = Kind(rawValue: word) else {
            return .failure(VerdictProblem("`verdict` is not \"violation\", \"ok\" or \"unsure\""))
        }
        var line: Int?
        switch json["line"] {
        case .null?: line = nil
        case .int(let n)?:
            guard lines.contains(n) else { return .failure(VerdictProblem("`line` \(n) is outside the excerpt (\(lines.lowerBound)-\(lines.upperBound))")) }
            line = n
        default: return .failure(VerdictProblem("`line` is not a line number or null"))
        }
        guard let reason = json["reason"]?.stringValue, !reason.allSatisfy(\.isWhitespace), reason.count <= maximumReasonLength else {
            return .failure(VerdictProblem("`reason` is not a short non-empty string"))
        }
        let confidence: Double
        switch json["confidence"] {
        case .int(let n)?: confidence = Double(n)
        case .double(let d)?: confidence = d
        default: return .failure(VerdictProblem("`confidence` is not a number"))
        }
        guard (0...1).contains(confidence) else { return .failure(VerdictProblem("`confidence` is not between 0 and 1")) }
        return .success(Verdict(kind: kind, line: line, reason: reason, confidence: confidence))
    }
}

public struct VerdictProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

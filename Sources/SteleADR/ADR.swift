import SteleCore

/// One Architecture Decision Record, as Stele reads it.
public struct ADR: Hashable, Sendable {
    /// `ADR-0007` (from the file name or the title), or the file's stem when it has no number.
    public var id: String
    public var number: Int?
    public var title: String
    public var status: ADRStatus
    /// The status as written: "Accepted", "Superseded by [6. X](0006-x.md)".
    public var statusText: String
    public var statusLine: Int?
    public var date: String?
    /// Repo-relative path.
    public var file: String
    /// Ids of the ADRs this one supersedes, and of those that supersede it; sorted.
    public var supersedes: [String]
    public var supersededBy: [String]
    /// The rule statements written in the ADR, in file order.
    public var ruleLines: [ADRRuleLine]
    /// Where the status came from when the ADR does not say it itself: the collection's index
    /// (`from docs/adr/README.md`), or an inference (`inferred: …`); nil when the ADR says it.
    public var statusNote: String?
    /// Ids among `supersedes` and `supersededBy` that replace, or are replaced, only in part
    /// ("Partly superseded", "this ADR in part supersedes 3"): such a link never switches a decision off.
    public var partialLinks: [String]

    /// Whether the status was not written in the ADR but read from an index or inferred.
    public var isStatusInferred: Bool { statusNote != nil }

    public init(id: String, number: Int?, title: String, status: ADRStatus, statusText: String, statusLine: Int?, date: String?,
                file: String, supersedes: [String], supersededBy: [String], ruleLines: [ADRRuleLine],
                statusNote: String? = nil, partialLinks: [String] = []) {
        self.id = id
        self.number = number
        self.title = title
        self.status = status
        self.statusText = statusText
        self.statusLine = statusLine
        self.date = date
        self.file = file
        self.supersedes = supersedes
        self.supersededBy = supersededBy
        self.ruleLines = ruleLines
        self.statusNote = statusNote
        self.partialLinks = partialLinks
    }
}

/// One rule statement of an ADR, with where it is written.
public struct ADRRuleLine: Hashable, Sendable {
    public enum Origin: String, Sendable {
        /// A line of a ```` ```stele ```` block: must parse.
        case steleBlock
        /// A bullet under a Rules / Enforcement / Guardrails / Constraints heading: prose if it does not parse.
        case rulesSection
    }

    /// The statement; for bullets, with Markdown emphasis, links and backticks stripped.
    public var text: String
    /// Where the statement's text starts in the ADR.
    public var location: SourceLocation
    public var origin: Origin

    public init(text: String, location: SourceLocation, origin: Origin) {
        self.text = text
        self.location = location
        self.origin = origin
    }
}

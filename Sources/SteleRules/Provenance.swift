import SteleCore
import SteleADR

/// Where a rule comes from: the decision it enforces and the line it is written on. Every finding
/// carries this, so a message says *why* as well as *what*.
public struct Provenance: Hashable, Sendable {
    public enum Origin: String, Sendable {
        /// A line of a `rules/*.stele` file.
        case steleFile = "stele-file"
        /// A line of a ```` ```stele ```` block in an ADR.
        case steleBlock = "stele-block"
        /// A bullet under an ADR's Rules / Enforcement / Guardrails / Constraints heading.
        case rulesSection = "rules-section"
    }

    /// The ADR the rule enforces: the one it is written in, or the one a `.stele` rule names with `because`.
    public var adr: ADRReference?
    /// Where the rule's text is.
    public var location: SourceLocation
    public var origin: Origin

    public init(adr: ADRReference?, location: SourceLocation, origin: Origin) {
        self.adr = adr
        self.location = location
        self.origin = origin
    }
}

/// The parts of an ADR a finding needs to name it.
public struct ADRReference: Hashable, Sendable {
    public var id: String
    public var title: String
    public var status: ADRStatus
    public var file: String

    public init(id: String, title: String, status: ADRStatus, file: String) {
        self.id = id
        self.title = title
        self.status = status
        self.file = file
    }

    public init(_ adr: ADR) {
        self.init(id: adr.id, title: adr.title, status: adr.status, file: adr.file)
    }
}

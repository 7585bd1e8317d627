import SteleCore

/// Project settings, allowed in `rules/*.stele` files only.
public enum Setting: Hashable, Sendable {
    /// `adr directory docs/decisions`
    case adrDirectory(String)
    /// `scan Sources, Tests`: only these paths (globs or folders) are scanned.
    case scan([Glob])
    /// `ignore **/Generated/**, **/*.pb.swift`
    case ignore([Glob])
}

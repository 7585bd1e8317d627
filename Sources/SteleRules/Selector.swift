import SteleCore

/// What a rule talks about: a component by name, one member of a parametrized component, the whole
/// family, or an inline path glob.
public enum Selector: Hashable, Sendable, CustomStringConvertible {
    /// `Domain`, `GRDB`, `app.core`: a declared component, a detected module or an external.
    case name(String)
    /// `Feature(Login)`: one member of a parametrized component.
    case member(family: String, member: String)
    /// `Feature(*)`: every member of a parametrized component.
    case family(String)
    /// `Sources/App/UI/**`: the files matching a glob.
    case glob(Glob)

    public var description: String {
        switch self {
        case .name(let n): return n
        case .member(let f, let m): return "\(f)(\(m))"
        case .family(let f): return "\(f)(*)"
        case .glob(let g): return g.pattern
        }
    }
}

/// A declaration a source file makes that other files can name: a type, typealias, function,
/// global or member variable, macro, enum case, or an extension (which names the type it extends).
/// Declarations local to a function body are not recorded: nothing outside can see them. The
/// kinds are Swift's, the first language read to this depth; they cover what others declare.
public struct Declaration: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case `struct`, `class`, `enum`, `actor`, `protocol`, `typealias`, `associatedtype`, `extension`
        case `func`, `var`, `let`, `macro`, `case`, `init`, `subscript`

        /// Kinds that open a type body whose members are named without `self.` inside it.
        public var isType: Bool {
            switch self {
            case .struct, .class, .enum, .actor, .protocol, .extension: return true
            default: return false
            }
        }
    }

    public var kind: Kind
    /// The declared name; for an extension, the extended type as written (`Foo`, `Outer.Inner`).
    public var name: String
    /// The enclosing type, dotted (`Outer.Inner`), or nil at the top level of the file.
    public var parent: String?
    /// `public`, `private`, ... as written; nil when none is (Swift's default, `internal`).
    public var access: String?
    public var line: Int
    public var column: Int

    public init(kind: Kind, name: String, parent: String? = nil, access: String? = nil, line: Int, column: Int) {
        self.kind = kind
        self.name = name
        self.parent = parent
        self.access = access
        self.line = line
        self.column = column
    }

    /// `Outer.Inner.name`: the path other declarations are nested under.
    public var qualifiedName: String { parent.map { "\($0).\(name)" } ?? name }

    /// Whether another file can name it unqualified: a top-level declaration that is not an
    /// extension (an extension adds to a name, it does not declare one) and not `private`/`fileprivate`.
    public var isVisibleToOtherFiles: Bool {
        parent == nil && kind != .extension && access != "private" && access != "fileprivate"
    }
}

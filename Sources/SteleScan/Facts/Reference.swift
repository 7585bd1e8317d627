/// A name used in code that may refer to a declaration of the project: an identifier in a type
/// position or an expression (`LoginView`, `makeClient()`), the head of a member chain
/// (`UserDefaults.standard.set`), an attribute (`@Clamped`), a macro (`#stringify`).
///
/// Only names that can reach file scope are recorded: members (`x.name`), argument labels, local
/// variables and parameters that shadow a name, keywords and `$0` are not references.
public struct Reference: Hashable, Sendable {
    /// The name as written, without backticks, `@` or `#`.
    public var name: String
    /// The member names that follow it (`standard.set` for `UserDefaults.standard.set`), or "".
    public var members: String
    public var line: Int
    public var column: Int
    /// The innermost type body the reference is in (`Outer.Inner`), or nil: inside a type, a bare
    /// name may be one of its members (implicit `self`), which the resolver checks.
    public var enclosingType: String?

    public init(name: String, members: String = "", line: Int, column: Int, enclosingType: String? = nil) {
        self.name = name
        self.members = members
        self.line = line
        self.column = column
        self.enclosingType = enclosingType
    }

    /// `UserDefaults.standard.set`: the name and its members.
    public var chain: String { members.isEmpty ? name : name + "." + members }
}

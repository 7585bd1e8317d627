/// One import of a source file: a dependency on a module, named as the language names it.
/// The fields are the union of what the languages write; a language leaves out what it lacks
/// (Swift has all of them: `@testable public import struct Foo.Bar` inside `#if`).
public struct Import: Hashable, Sendable {
    /// The top-level module: `import struct Foo.Bar` and `import Foo.Sub` both import `Foo`.
    public var module: String
    /// The full dotted path: `["Foo", "Bar"]`.
    public var path: [String]
    /// `struct`, `class`, `enum`, `protocol`, `typealias`, `func`, `let`, `var`, `actor`, `macro`; nil for a plain import.
    public var kind: String?
    /// As written, without spaces: `["@testable"]`, `["@_spi(Internal)", "@_exported"]`.
    public var attributes: [String]
    /// `public`, `package`, `internal`, `fileprivate`, `private` (`public import Foo`).
    public var accessLevel: String?
    /// Where the statement starts: its first attribute or modifier, else `import`.
    public var line: Int
    public var column: Int
    /// When the import is active: one entry per enclosing `#if` level, outermost first (see
    /// `SwiftImportScanner` for the form). Empty for an unconditional import.
    public var conditions: [String]
    /// The statement on one line, e.g. `@testable import Foo`: snippets and fingerprints use it.
    public var text: String

    public init(module: String, path: [String], kind: String?, attributes: [String], accessLevel: String?,
                line: Int, column: Int, conditions: [String], text: String) {
        self.module = module
        self.path = path
        self.kind = kind
        self.attributes = attributes
        self.accessLevel = accessLevel
        self.line = line
        self.column = column
        self.conditions = conditions
        self.text = text
    }
}

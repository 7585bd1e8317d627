#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One import of a source file: a dependency on a module, named as the language names it.
/// The fields are the union of what the languages write; a language leaves out what it lacks
/// (Swift has all of them: `@testable public import struct Foo.Bar` inside `#if`).
public struct Import: Hashable, Sendable {
    /// The top-level module: `import struct Foo.Bar` and `import Foo.Sub` both import `Foo`.
    public var module: String {
        didSet {
            // The path stays what it was: written out if it was the old name.
            if pathIsModule { storedPath = [oldValue] }
            pathIsModule = false
            normalizePath()
        }
    }
    /// The full dotted path: `["Foo", "Bar"]`.
    public var path: [String] {
        get { pathIsModule ? [module] : storedPath }
        set {
            storedPath = newValue
            pathIsModule = false
            normalizePath()
        }
    }
    /// `path`, or empty when the path is the module alone, as for almost every import: an array of
    /// one name is an allocation (21 MB of the 133 MB peak of a 100,000-file check). One form for
    /// one path, so that equal imports have equal stored properties.
    private var storedPath: [String] = []
    private var pathIsModule = false
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

    /// - Parameter path: nil when it is the module alone (`[module]`, without making the array).
    public init(module: String, path: [String]?, kind: String?, attributes: [String], accessLevel: String?,
                line: Int, column: Int, conditions: [String], text: String) {
        self.module = module
        storedPath = path ?? []
        pathIsModule = path == nil
        self.kind = kind
        self.attributes = attributes
        self.accessLevel = accessLevel
        self.line = line
        self.column = column
        self.conditions = conditions
        self.text = text
        normalizePath()
    }

    /// Byte for byte: `String`'s `==` would take a name and its other Unicode normal form as one.
    private mutating func normalizePath() {
        guard storedPath.count == 1 else { return }
        var (name, module) = (storedPath[0], module)
        let same = name.withUTF8 { a in module.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
        guard same else { return }
        storedPath = []
        pathIsModule = true
    }
}

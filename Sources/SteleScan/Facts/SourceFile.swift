import SteleCore

/// What the scanner learnt about one source file.
public struct SourceFile: Hashable, Sendable {
    /// Repo-relative, `/`-separated.
    public var path: String
    public var language: Language
    /// The module (SwiftPM target, ...) the file belongs to, if any.
    public var module: String?
    public var imports: [Import]
    /// Imports whose module cannot be known without running the code (Python's
    /// `importlib.import_module(name)`): shown by `stele scan`, never a dependency.
    public var unresolvedImports: [Import] = []
    /// `// stele:allow …` comments, for the checker to apply.
    public var suppressions: [Suppression] = []
    /// What the file declares and the names it uses (read only when symbol-level rules need them).
    public var declarations: [Declaration] = []
    public var references: [Reference] = []
    /// Why the file's content was not (fully) read: "binary", "too large", "unreadable". nil when scanned.
    public var skipped: String?

    public init(path: String, language: Language, module: String?, imports: [Import], skipped: String? = nil) {
        self.path = path
        self.language = language
        self.module = module
        self.imports = imports
        self.skipped = skipped
    }
}

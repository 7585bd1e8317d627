import SteleCore

/// What the scanner learnt about one source file.
public struct SourceFile: Hashable, Sendable {
    /// Repo-relative, `/`-separated.
    public var path: String
    public var language: Language
    /// The module (SwiftPM target, ...) the file belongs to, if any.
    public var module: String?
    public var imports: [SwiftImport]
    /// `// stele:allow …` comments, for the checker to apply.
    public var suppressions: [Suppression] = []
    /// Uses of the symbols that `must not use` rules name (only looked for when such rules exist).
    public var symbolUses: [SwiftSymbolUseScanner.Use] = []
    /// Why the file's content was not (fully) read: "binary", "too large", "unreadable". nil when scanned.
    public var skipped: String?

    public init(path: String, language: Language, module: String?, imports: [SwiftImport], skipped: String? = nil) {
        self.path = path
        self.language = language
        self.module = module
        self.imports = imports
        self.skipped = skipped
    }
}

import SteleCore

/// What one language brings to the scan: a reader of its source files and a reader of the
/// manifests of its ecosystem that declare modules. Each language's code lives in one folder,
/// `Languages/<Name>/`, and is listed once, in `LanguageRegistry.all`: the rest of the scan stage
/// (listing, cache, sessions) and every later stage see only the language-neutral facts
/// (`Import`, `Declaration`, `Reference`, `Suppression`, `ResolvedModule`).
protocol LanguageSupport {
    /// The languages whose files it reads (`Language.of(path:)` tells a file's language).
    static var languages: [Language] { get }
    /// A reader for one worker thread, which may keep buffers from one file to the next.
    static func makeReader() -> any SourceReader
    /// A reader for files of `language`, one of `languages` (Java's and Kotlin's differ); by default `makeReader()`.
    static func makeReader(for language: Language) -> any SourceReader
    /// Whether `path` is a manifest written in the language itself (`Package.swift`): it is read
    /// for modules, and as a source file read to its end.
    static func isSourceManifest(_ path: String) -> Bool
    /// Reads the ecosystem's manifests among `files` (the sorted listing) into the modules they
    /// declare; a manifest that cannot be read is a warning, the others still count.
    static func readModules(root: String, files: [String]) -> (any ModuleMap, [Diagnostic])
    /// Whether its module map has anything to place in a tree with files of `present` languages
    /// and these `files`; a language without work is not asked (its map would place nothing).
    static func hasModules(among files: [String], present: Set<Language>) -> Bool
    /// Whether its reader finds declarations and references (symbol-level rules read them); by
    /// default not: a file of such a language is never read for symbols.
    static var readsSymbols: Bool { get }
}

extension LanguageSupport {
    static func makeReader(for language: Language) -> any SourceReader { makeReader() }

    static var readsSymbols: Bool { false }

    /// By default: when the tree has a file of one of its languages.
    static func hasModules(among files: [String], present: Set<Language>) -> Bool {
        languages.contains(where: present.contains)
    }
}

/// Reads the facts of one language's source files. One per worker thread: it is not shared.
protocol SourceReader: AnyObject {
    /// The file's imports and the suppressions among them (the fast path, which may stop after the
    /// last import), or with `wholeFile` the suppressions of the whole file.
    func imports(in bytes: [UInt8], wholeFile: Bool) -> (imports: [Import], suppressions: [Suppression])
    /// Everything: declarations, references and every suppression of the file.
    func symbols(in bytes: [UInt8]) -> (declarations: [Declaration], references: [Reference], suppressions: [Suppression])
}

/// Which module each file is in, as one ecosystem's manifests declare it.
protocol ModuleMap: Sendable {
    /// Sorted by name, then directory, then manifest.
    var modules: [ResolvedModule] { get }
    /// The module of each of `paths` (sorted, as a listing is), nil for a file this map does not place.
    /// Asked about contiguous slices of the listing on several cores: an answer must not depend on
    /// the other paths asked with it.
    func modules(ofSorted paths: [String]) -> [String?]
    /// The file (placed, with the imports its reader found) with each import naming the module it
    /// imports, where the language writes imports relative to the file or to the tree (Python's
    /// `from . import x`, `from a import submodule`). Runs after every file is placed, on facts
    /// fresh or from the cache alike.
    func resolve(_ file: SourceFile) -> SourceFile
    /// Whether `resolve` does anything: the scan skips the pass for languages whose maps do not.
    var resolvesImports: Bool { get }
}

extension ModuleMap {
    /// Imports that name their module as written (Swift's) need no resolving.
    func resolve(_ file: SourceFile) -> SourceFile { file }
    var resolvesImports: Bool { false }
}

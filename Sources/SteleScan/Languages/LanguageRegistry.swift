/// The languages Stele reads, in the order their module maps are asked about a file (the first
/// that places it wins). A new language is one folder under `Languages/` and one line here;
/// `LanguageRegistryTests` fails while one is half added.
enum LanguageRegistry {
    /// A constant list of types, read from every worker: nothing in it can change, so nothing races.
    nonisolated(unsafe) static let all: [any LanguageSupport.Type] = [
        SwiftLanguage.self, PythonLanguage.self, TypeScriptLanguage.self, GoLanguage.self, JVMLanguage.self,
    ]

    /// The support for `language`, nil for a language that is recognised but not read.
    static func support(for language: Language) -> (any LanguageSupport.Type)? {
        all.first { $0.languages.contains(language) }
    }

    /// Whether files of `language` are read (its facts scanned and cached).
    static func reads(_ language: Language) -> Bool { support(for: language) != nil }

    static func isSourceManifest(_ path: String) -> Bool { all.contains { $0.isSourceManifest(path) } }

    /// Whether files of `language` have declarations and references to read.
    static func readsSymbols(_ language: Language) -> Bool { support(for: language)?.readsSymbols ?? false }
}

/// One worker's readers, one per language, made when the worker first meets a file of it.
final class SourceReaders {
    private var readers: [Language: any SourceReader] = [:]

    func reader(for language: Language) -> (any SourceReader)? {
        if let reader = readers[language] { return reader }
        guard let support = LanguageRegistry.support(for: language) else { return nil }
        let reader = support.makeReader(for: language)
        readers[language] = reader
        return reader
    }
}

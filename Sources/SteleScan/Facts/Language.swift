/// The language of a source file, from its name. Only Swift is scanned for imports in this version;
/// the others are recognised so that path components and naming rules still see them.
public enum Language: String, Sendable, CaseIterable {
    case swift, python, typescript, javascript, go, java, kotlin, objectiveC = "objective-c", c, cpp = "c++"

    /// nil for files that are not source code (images, JSON, Markdown...).
    public static func of(path: String) -> Language? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...] {
        case "swift": return .swift
        case "py", "pyi": return .python
        case "ts", "tsx", "mts", "cts": return .typescript
        case "js", "jsx", "mjs", "cjs": return .javascript
        case "go": return .go
        case "java": return .java
        case "kt", "kts": return .kotlin
        case "m", "mm": return .objectiveC
        case "c", "h": return .c
        case "cpp", "cc", "cxx", "hpp", "hh": return .cpp
        default: return nil
        }
    }
}

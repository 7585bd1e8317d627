/// The language of a source file, from its name. Only Swift is scanned for imports in this version;
/// the others are recognised so that path components and naming rules still see them.
public enum Language: String, Sendable, CaseIterable {
    case swift, python, typescript, javascript, go, java, kotlin, objectiveC = "objective-c", c, cpp = "c++"

    /// nil for files that are not source code (images, JSON, Markdown...).
    public static func of(path: String) -> Language? {
        // On the UTF-8 view: this runs for every file in the tree.
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), !utf8[dot...].contains(UInt8(ascii: "/")) else { return nil }
        switch Substring(path.utf8[utf8.index(after: dot)...]) {
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

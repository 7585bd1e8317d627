/// The language of a source file, from its name. `LanguageRegistry` says which are read; the
/// others are recognised so that path components and naming rules still see them.
public enum Language: String, Sendable, CaseIterable {
    case swift, python, typescript, javascript, go, java, kotlin, objectiveC = "objective-c", c, cpp = "c++"

    /// nil for files that are not source code (images, JSON, Markdown...).
    public static func of(path: String) -> Language? {
        // On the path's bytes, from the end: this runs several times for every file in the tree.
        var path = path
        return path.withUTF8 { bytes -> Language? in
            // The extension is at most five bytes after the last dot of the last component.
            var dot = bytes.count
            while dot > 0 {
                dot -= 1
                let c = bytes[dot]
                if c == UInt8(ascii: ".") { break }
                if c == UInt8(ascii: "/") || bytes.count - dot > 5 { return nil }
            }
            guard dot < bytes.count, bytes[dot] == UInt8(ascii: ".") else { return nil }
            return of(extension: String(decoding: UnsafeBufferPointer(rebasing: bytes[(dot + 1)...]), as: UTF8.self))
        }
    }

    private static func of(extension name: String) -> Language? {
        switch name {
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

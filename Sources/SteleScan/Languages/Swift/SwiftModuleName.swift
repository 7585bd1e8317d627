/// The name a module is imported by, made from a target's name the way SwiftPM and Xcode
/// (`c99extidentifier`) make it: every character that cannot be in an identifier becomes `_`, and
/// so does a leading digit (`swift-openapi-generator` → `swift_openapi_generator`,
/// `Quick - Tests` → `Quick___Tests`). Imports name modules so; a module map that kept the target's
/// name would take `import swift_openapi_generator` for an external.
enum SwiftModuleName {
    static func of(target name: String) -> String {
        // Most names are identifiers already: one pass over the bytes, no new string.
        if let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), name.utf8.allSatisfy(isIdentifierByte) {
            return name
        }
        var out = ""
        for scalar in name.unicodeScalars {
            let isASCIIWord = scalar.isASCII && (scalar == "_" || (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
            if out.isEmpty, ("0"..."9").contains(scalar) {
                out.append("_")
            } else {
                out.unicodeScalars.append(isASCIIWord || (!scalar.isASCII && scalar.properties.isAlphabetic) ? scalar : "_")
            }
        }
        return out
    }

    private static func isIdentifierByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }
}

/// Names the package each import of a Java or Kotlin file imports, and the file's own module, its
/// `package` clause (ADR-0011):
///
/// - `import a.b.C`, `import a.b.C.Inner`, `import static a.b.C.m`, `import static a.b.C.*`:
///   `a.b`, the parts before the first capitalised one (Java's and Kotlin's naming convention:
///   packages are lower case, classes capitalised);
/// - `import a.b.*`: `a.b`;
/// - Kotlin's `import a.b.function` (a top-level function or property, lower case): `a.b`, since a
///   single import always names a declaration, never a package: its last part is never in the name;
/// - a package with a capitalised part (`sun.awt.X11`), when a folder of the tree's sources
///   ends in it (`…/sun/awt/X11/`): the longest such prefix (`packagesWithCapitals`).
///
/// `import module a.b` (Java 25) imports every package the module `a.b` exports, which only its
/// `module-info.java` tells: it is listed under `SourceFile.unresolvedImports`, never guessed.
/// A file without a `package` clause is in the unnamed package: in no module (globs still match
/// it). An import with no package before its name (Kotlin's `import Foo` of the root package)
/// names no module: it is listed under `SourceFile.unresolvedImports`.
enum JVMImportResolver {
    static func resolve(_ file: SourceFile, packagesWithCapitals: Set<String> = []) -> SourceFile {
        var file = file
        guard !file.imports.isEmpty else { return file }
        var resolved: [Import] = []
        resolved.reserveCapacity(file.imports.count)
        for raw in file.imports {
            if raw.kind == JVMImportScanner.packageKind {
                file.module = raw.module
                continue
            }
            var one = raw
            if raw.attributes.contains(JVMImportScanner.moduleAttribute) {
                one.module = ""
            } else {
                one.module = package(of: raw.path, written: raw.module)
                if !packagesWithCapitals.isEmpty { one.module = longestPackage(of: raw.path, in: packagesWithCapitals) ?? one.module }
            }
            if one.module.isEmpty {
                one.attributes.append("ambiguous")
                file.unresolvedImports.append(one)
            } else {
                resolved.append(one)
            }
        }
        file.imports = resolved
        return file
    }

    /// The longest prefix of `parts` but the last that is in `packages`, if any.
    static func longestPackage(of parts: [String], in packages: Set<String>) -> String? {
        var k = parts.count - 1
        while k > 1 {
            let candidate = parts[..<k].joined(separator: ".")
            if packages.contains(candidate) { return candidate }
            k -= 1
        }
        return nil
    }

    /// The package an import's parts name: those before the first capitalised part, never the
    /// last one (a declaration's name, or the `*` of an import on demand). `written` is the parts
    /// with dots (the raw import's `module`): the package is cut from it, one string.
    static func package(of parts: [String], written: String? = nil) -> String {
        var count = 0
        var length = -1
        for part in parts.dropLast() {
            guard let first = part.utf8.first, !(first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")) else { break }
            count += 1
            length += part.utf8.count + 1
        }
        guard count > 0 else { return "" }
        if let written, written.utf8.count > length, written.utf8.dropFirst(length).first == UInt8(ascii: ".") {
            return String(written.utf8.prefix(length))!
        }
        return parts.prefix(count).joined(separator: ".")
    }
}

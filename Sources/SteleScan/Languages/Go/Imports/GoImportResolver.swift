/// Names the package each import of a Go file imports, once every folder's package is known
/// (`GoModuleMap`), and adds what the file's name says about all of them:
///
/// - Every path names the package as written: one of the tree (its import path is its name,
///   `GoModuleMap`), the standard library (`fmt`, `net/http`: platform modules) or another module
///   (`github.com/spf13/cobra`), so a rule names a module and the packages below it by its path.
/// - A relative path (`./x`, which only GOPATH mode allowed) or an unreadable one names no
///   package: it goes to `SourceFile.unresolvedImports`, attributed `ambiguous`.
///
/// The file's name adds a condition before the header's (`_linux.go`: `linux`), and `_test.go`
/// the attribute `test` (test code's imports count like the others; rules may tell them apart).
enum GoImportResolver {
    static let test = "test"

    static func resolve(_ file: SourceFile) -> SourceFile {
        var file = file
        guard !file.imports.isEmpty else { return file }
        let nameCondition = GoBuildConstraint.fromName(file.path)
        let isTest = GoBuildConstraint.isTest(file.path)
        // Most files: every import names its package as written, and the name adds nothing.
        if nameCondition == nil, !isTest, file.imports.allSatisfy(names) { return file }
        var resolved: [Import] = []
        resolved.reserveCapacity(file.imports.count)
        for raw in file.imports {
            var one = raw
            if let nameCondition { one.conditions.insert(nameCondition, at: 0) }
            if isTest { one.attributes.append(test) }
            guard names(raw) else {
                one.kind = nil
                one.attributes.append("ambiguous")
                file.unresolvedImports.append(one)
                continue
            }
            resolved.append(one)
        }
        file.imports = resolved
        return file
    }

    /// Whether an import names its package as written: not ambiguous, not relative.
    static func names(_ raw: Import) -> Bool {
        let first = raw.module.utf8.first
        return raw.kind == nil && first != UInt8(ascii: ".") && first != UInt8(ascii: "/")
    }
}

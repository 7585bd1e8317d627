/// Names the package each import of a Go file imports, once every folder's package is known
/// (`GoModuleMap`), and adds what the file's name says about all of them:
///
/// - A package of the tree by its import path; failing that, the standard library's vendored copy
///   (`golang.org/x/net/idna` from Go's own `src` is `vendor/golang.org/x/net/idna`).
/// - Any other path as written: the standard library (`fmt`, `net/http`, platform modules) and
///   other modules (`github.com/spf13/cobra`) alike, so a rule names a module and the packages
///   below it by its path.
/// - A relative path (`./x`, which only GOPATH mode allowed) or an unreadable one names no
///   package: it goes to `SourceFile.unresolvedImports`, attributed `ambiguous`.
///
/// The file's name adds a condition before the header's (`_linux.go`: `linux`), and `_test.go`
/// the attribute `test` (test code's imports count like the others; rules may tell them apart).
enum GoImportResolver {
    static let test = "test"

    static func resolve(_ file: SourceFile, packages: Set<String>) -> SourceFile {
        var file = file
        guard !file.imports.isEmpty else { return file }
        let nameCondition = GoBuildConstraint.fromName(file.path)
        let isTest = GoBuildConstraint.isTest(file.path)
        var resolved: [Import] = []
        resolved.reserveCapacity(file.imports.count)
        for raw in file.imports {
            var one = raw
            if let nameCondition { one.conditions.insert(nameCondition, at: 0) }
            if isTest { one.attributes.append(test) }
            guard raw.kind == nil, !raw.module.hasPrefix("."), !raw.module.hasPrefix("/") else {
                one.kind = nil
                one.attributes.append("ambiguous")
                file.unresolvedImports.append(one)
                continue
            }
            if !packages.contains(raw.module), packages.contains("vendor/" + raw.module) { one.module = "vendor/" + raw.module }
            resolved.append(one)
        }
        file.imports = resolved
        return file
    }
}

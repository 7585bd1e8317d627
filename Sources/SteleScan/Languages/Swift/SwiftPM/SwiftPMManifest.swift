import SteleCore

/// A `Package.swift`, read as text with the Swift lexer: no process is spawned and nothing is
/// compiled, so reading a manifest is as safe and fast as reading any other file.
///
/// Target declarations are found wherever they are written (in `targets: [...]`, in a `let` array,
/// in `package.targets.append(...)`, inside `#if`). What cannot be known without running the
/// manifest (a name computed at run time) is reported as a warning and skipped.
///
/// A dependency list may name bindings: `let atomics: Target.Dependency = .product(…)`,
/// `let common: [Target.Dependency] = [...]`, used as `dependencies: [atomics]`,
/// `dependencies: common` or `dependencies: common + ["Extra"]`. A name bound several times (in
/// `#if` branches), or added to (`common.append("X")`, `common += […]`), contributes every value;
/// a name bound to anything else contributes nothing. Names are not scoped: two bindings of one
/// name in different closures are one.
struct SwiftPMManifest: Sendable {
    var packageName: String?
    /// The directory of the manifest, repo-relative ("" for the repository root).
    var directory: String
    var targets: [SwiftPMTarget]
    /// `.library`, `.executable` and `.plugin` products, with the targets they vend.
    var products: [SwiftPMProduct]
    var diagnostics: [Diagnostic]

    init(packageName: String?, directory: String, targets: [SwiftPMTarget], products: [SwiftPMProduct] = [],
                diagnostics: [Diagnostic]) {
        self.packageName = packageName
        self.directory = directory
        self.targets = targets
        self.products = products
        self.diagnostics = diagnostics
    }

    static let declarationKinds: [(StaticString, SwiftPMTarget.Kind)] = [
        ("target", .regular), ("executableTarget", .executable), ("testTarget", .test), ("plugin", .plugin),
        ("macro", .macro), ("systemLibrary", .systemLibrary), ("binaryTarget", .binary),
    ]

    static func parse(_ source: [UInt8], manifestPath: String) -> SwiftPMManifest {
        var reader = SwiftPMManifestReader(source: source, manifestPath: manifestPath)
        return reader.read()
    }
}

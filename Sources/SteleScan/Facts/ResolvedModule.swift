/// What a module is for: libraries (`regular`) are what other modules import; tests, executables,
/// plugins and the like are not imported, which the checks of a manifest's truth rely on.
public enum ModuleKind: String, Sendable {
    case regular, executable, test, plugin, macro, systemLibrary, binary
}

/// A module of the project, as its ecosystem's manifest declares it, with its directory resolved
/// against the tree: a SwiftPM target, an Xcode native target (see `SwiftModuleMap`).
public struct ResolvedModule: Hashable, Sendable {
    public var name: String
    public var kind: ModuleKind
    /// The directory of the package's manifest ("" for the root package); for an Xcode target, the
    /// directory holding its `.xcodeproj`.
    public var packageDirectory: String
    /// The target's source directory, repo-relative: `Sources/Domain`, `Sources/Features/Cart`; for
    /// an Xcode target, the deepest directory holding all its files.
    public var directory: String
    public var targetDependencies: [String]
    public var productDependencies: [ProductDependency]
    /// `Package.swift`, `Apps/Shop/Package.swift`, or `App.xcodeproj/project.pbxproj`.
    public var manifestPath: String
    public var line: Int
    /// `sources:` and `exclude:` resolved to repo-relative paths.
    var sources: [String]?
    var exclude: [String]
    /// The products of its package that vend it (`.library(name: "NIO", targets: ["NIO"])` for
    /// `NIO`): what another package's `.product(name:)` dependency on it names. Empty for Xcode.
    public var products: [String] = []
    /// Whether its files are those under `directory`, not those that carry its name: a build
    /// module (Gradle, Maven) whose files are each in the module their package names.
    public var filesByDirectory = false
}

/// A dependency on a product of another package.
public struct ProductDependency: Hashable, Sendable {
    public var name: String
    public var package: String?

    public init(name: String, package: String?) {
        self.name = name
        self.package = package
    }
}

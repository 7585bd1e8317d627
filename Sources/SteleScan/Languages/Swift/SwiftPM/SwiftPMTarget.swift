/// A target as a `Package.swift` declares it, before its directory is resolved against the tree.
struct SwiftPMTarget: Hashable, Sendable {
    typealias Kind = ModuleKind

    var name: String
    var kind: Kind
    /// `path:` as written, relative to the package directory.
    var customPath: String?
    /// `sources:` as written, relative to the target directory; nil when not given.
    var sources: [String]?
    /// `exclude:` as written, relative to the target directory.
    var exclude: [String]
    /// `"Foo"`, `.target(name: "Foo")`, `.byName(name: "Foo")`.
    var targetDependencies: [String]
    /// `.product(name: "NIOCore", package: "swift-nio")`.
    var productDependencies: [ProductDependency]
    /// Where the declaration starts in the manifest.
    var line: Int

    init(name: String, kind: Kind, customPath: String? = nil, sources: [String]? = nil, exclude: [String] = [],
                targetDependencies: [String] = [], productDependencies: [ProductDependency] = [], line: Int) {
        self.name = name
        self.kind = kind
        self.customPath = customPath
        self.sources = sources
        self.exclude = exclude
        self.targetDependencies = targetDependencies
        self.productDependencies = productDependencies
        self.line = line
    }
}

/// A product a package declares: `.library(name: "NIO", targets: ["NIO", "NIOCore"])`, also
/// `.executable` and `.plugin`.
struct SwiftPMProduct: Hashable, Sendable {
    var name: String
    /// The targets it vends, as written.
    var targets: [String]

    init(name: String, targets: [String]) {
        self.name = name
        self.targets = targets
    }
}

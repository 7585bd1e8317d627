/// A target as a `Package.swift` declares it, before its directory is resolved against the tree.
public struct SwiftPMTarget: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case regular, executable, test, plugin, macro, systemLibrary, binary
    }

    public var name: String
    public var kind: Kind
    /// `path:` as written, relative to the package directory.
    public var customPath: String?
    /// `sources:` as written, relative to the target directory; nil when not given.
    public var sources: [String]?
    /// `exclude:` as written, relative to the target directory.
    public var exclude: [String]
    /// `"Foo"`, `.target(name: "Foo")`, `.byName(name: "Foo")`.
    public var targetDependencies: [String]
    /// `.product(name: "NIOCore", package: "swift-nio")`.
    public var productDependencies: [ProductDependency]
    /// Where the declaration starts in the manifest.
    public var line: Int

    public init(name: String, kind: Kind, customPath: String? = nil, sources: [String]? = nil, exclude: [String] = [],
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

/// A dependency on a product of another package.
public struct ProductDependency: Hashable, Sendable {
    public var name: String
    public var package: String?

    public init(name: String, package: String?) {
        self.name = name
        self.package = package
    }
}

/// A product a package declares: `.library(name: "NIO", targets: ["NIO", "NIOCore"])`, also
/// `.executable` and `.plugin`.
public struct SwiftPMProduct: Hashable, Sendable {
    public var name: String
    /// The targets it vends, as written.
    public var targets: [String]

    public init(name: String, targets: [String]) {
        self.name = name
        self.targets = targets
    }
}

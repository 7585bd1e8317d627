/// A native target of an Xcode project (`PBXNativeTarget`), with what Stele needs to make it a
/// module: the Swift files it compiles and the targets it depends on.
struct XcodeTarget: Hashable, Sendable {
    /// The target's name in Xcode: `MyApp`, `Swinject-iOS`, `Quick - Tests`.
    var name: String
    /// The name `import` uses: `PRODUCT_MODULE_NAME`, else `PRODUCT_NAME`, else the target name,
    /// made an identifier as Xcode does. Platform variants (`Swinject-iOS`, `Swinject-macOS`) often
    /// share one: they are one module built several ways.
    var moduleName: String
    /// `com.apple.product-type.application`, `…framework`, `…bundle.unit-test`, …; "" when absent.
    var productType: String
    /// Repo-relative paths of the Swift files the target compiles that exist in the tree, sorted.
    var swiftFiles: [String]
    /// Names of the targets this one depends on: `PBXTargetDependency`s, and products of other
    /// targets it links in its Frameworks phase. Targets of another project are named as that
    /// project's proxy names them.
    var targetDependencies: [String]
    /// Swift package products it uses (`XCSwiftPackageProductDependency`).
    var productDependencies: [String]
    /// The line of the target's entry in the pbxproj.
    var line: Int

    init(name: String, moduleName: String, productType: String, swiftFiles: [String],
                targetDependencies: [String], productDependencies: [String], line: Int) {
        self.name = name
        self.moduleName = moduleName
        self.productType = productType
        self.swiftFiles = swiftFiles
        self.targetDependencies = targetDependencies
        self.productDependencies = productDependencies
        self.line = line
    }

    /// Apps, extensions and tools are executables; test bundles are tests; the rest (frameworks,
    /// static libraries, bundles) are regular modules.
    var moduleKind: ModuleKind {
        let type = productType
        if type.hasPrefix("com.apple.product-type.bundle.unit-test") || type.hasPrefix("com.apple.product-type.bundle.ui-testing") {
            return .test
        }
        if type.hasPrefix("com.apple.product-type.application") || type.contains("extension")
            || type == "com.apple.product-type.tool" || type == "com.apple.product-type.xpc-service" {
            return .executable
        }
        return .regular
    }
}

import SteleCore

/// The facts of a repository: every source file with its module and imports, and the modules the
/// manifests declare. This is all the later stages know about the code.
public struct ScanResult: Equatable, Sendable {
    /// Sorted by path.
    public var files: [SourceFile]
    /// Every module the manifests declare, sorted by name.
    public var modules: [ResolvedModule]
    /// Problems reading the tree: unreadable, binary, huge or linked files, unreadable manifests.
    public var diagnostics: [Diagnostic]

    public init(files: [SourceFile], modules: [ResolvedModule], diagnostics: [Diagnostic]) {
        self.files = files
        self.modules = modules
        self.diagnostics = diagnostics
    }

    /// Names of the modules that belong to the project (as opposed to externals).
    public var internalModuleNames: Set<String> { Set(modules.map(\.name)) }

    /// Every imported module name that is not a project module: the project's externals.
    public var externalModuleNames: Set<String> {
        let internal_ = internalModuleNames
        var names = Set<String>()
        for file in files { for i in file.imports where !internal_.contains(i.module) { names.insert(i.module) } }
        for module in modules { for p in module.productDependencies where !internal_.contains(p.name) { names.insert(p.name) } }
        return names
    }

    /// The files whose declarations a name used in one of `files` (indices into `files`) can mean:
    /// those of its own module and of the modules it imports (files in no module see each other),
    /// `files` included. Resolving the names those files use needs these files' declarations, no more.
    public func filesVisible(from files: Set<Int>) -> Set<Int> {
        var modules = Set<String>()
        for i in files where self.files.indices.contains(i) {
            modules.insert(self.files[i].module ?? "")
            for imported in self.files[i].imports { modules.insert(imported.module) }
        }
        var visible = files.filter(self.files.indices.contains)
        for (i, file) in self.files.enumerated() where modules.contains(file.module ?? "") { visible.insert(i) }
        return visible
    }
}

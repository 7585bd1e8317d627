/// What a selector denotes in one codebase: the files that belong to it (sources of dependencies)
/// and the module names that *are* it (targets of imports).
///
/// The two differ on purpose: `component UI = Sources/App/UI/**` has files but is no module, so an
/// `import App` is not a dependency on UI; `component Store = external GRDB` has no files but is the
/// target of every `import GRDB`.
public struct ComponentSet: Hashable, Sendable {
    public var name: String
    /// Indices into `ScanResult.files`, sorted.
    public var files: [Int]
    /// Module names (project modules and externals) whose import is a dependency on this component.
    public var modules: Set<String>

    public init(name: String, files: [Int], modules: Set<String>) {
        self.name = name
        self.files = files
        self.modules = modules
    }

    /// Whether file `index` belongs to the set (`files` is sorted: a binary search).
    public func contains(file index: Int) -> Bool {
        var low = 0, high = files.count
        while low < high {
            let mid = (low + high) / 2
            if files[mid] < index { low = mid + 1 } else { high = mid }
        }
        return low < files.count && files[low] == index
    }

    /// Matches no file and no module: a rule about it can never fire.
    public var isEmpty: Bool { files.isEmpty && modules.isEmpty }
}

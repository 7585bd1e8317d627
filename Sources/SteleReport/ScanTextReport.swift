import SteleGraph
import SteleScan

/// `stele scan` (text): the names a rule can use, and what each covers: the modules (from
/// `Package.swift` and Xcode projects, and those of the file layout, with each file's language) and components (declared, and the implicit `Tests` and
/// `Examples`) with their files, and the externals the code imports. What an author needs in
/// order to write `component UI = …` or `Core must not depend on Networking`, where the JSON form
/// is every fact for tools.
public enum ScanTextReport {
    public static func render(_ architecture: Architecture) -> String {
        let scan = architecture.scan
        var out = ""
        let modules = scan.modules
        out += "Modules (\(modules.count))\n"
        for module in modules {
            let files = architecture.moduleFiles[module.name] ?? architecture.buildModuleFiles[module.name] ?? []
            let place = module.directory.isEmpty ? "" : "  \(module.directory)/"
            out += "  \(module.name)  \(module.kind.rawValue), \(files.count) \(files.count == 1 ? "file" : "files")\(place)  (\(module.manifestPath):\(module.line))\n"
            for i in files { out += "    \(scan.files[i].path)\n" }
        }
        // Modules no manifest declares, named by their path: a Python or TypeScript file
        // (`shop/orders/models.py` is `shop.orders.models`), a Go directory (`example.com/shop/orders`).
        let declaredNames = Set(modules.map(\.name))
        let layout = architecture.moduleFiles.keys.filter { !declaredNames.contains($0) }.sorted()
        if !layout.isEmpty {
            out += "\nModules by file layout (\(layout.count)): a file (a directory in Go) each, named as it is imported\n"
            for name in layout {
                for i in architecture.moduleFiles[name] ?? [] { out += "  \(name)  \(scan.files[i].path)  (\(scan.files[i].language.rawValue))\n" }
            }
        }
        var counts: [Language: Int] = [:]
        for file in scan.files { counts[file.language, default: 0] += 1 }
        out += "\nLanguages\n"
        for language in Language.allCases {
            guard let count = counts[language] else { continue }
            out += "  \(language.rawValue)  \(count) \(count == 1 ? "file" : "files")\(ProjectScanner.reads(language) ? "" : ", recognised, not read")\n"
        }
        let declared = architecture.declared.keys.sorted()
        let families = architecture.families.keys.sorted()
        let implicit = Architecture.implicitNames.filter { architecture.implicit[$0] != nil }
        if !declared.isEmpty || !families.isEmpty || !implicit.isEmpty {
            out += "\nComponents\n"
            for name in declared { out += component(name, architecture.declared[name]!, scan: scan) }
            for name in families {
                let members = architecture.families[name]!
                out += "  \(name)(*)  \(members.count) \(members.count == 1 ? "member" : "members")\n"
                for member in members.keys.sorted() { out += component("\(name)(\(member))", members[member]!, scan: scan, depth: 2) }
            }
            for name in implicit { out += component(name, architecture.implicit[name]!, scan: scan, note: "implicit") }
        }
        let unplaced = scan.files.indices.filter { i in
            scan.files[i].module == nil && scan.files[i].language == .swift && !ProjectScanner.isManifest(scan.files[i].path)
        }
        if !unplaced.isEmpty {
            out += "\nSwift files in no module (\(unplaced.count)): reachable by globs only\n"
            for i in unplaced { out += "  \(scan.files[i].path)\n" }
        }
        let externals = architecture.externals.sorted()
        out += "\nExternals (\(externals.count))\n"
        if !externals.isEmpty { out += "  " + externals.joined(separator: ", ") + "\n" }
        return out
    }

    static func component(_ name: String, _ set: ComponentSet, scan: ScanResult, note: String? = nil, depth: Int = 1) -> String {
        let indent = String(repeating: "  ", count: depth)
        var line = indent + "\(name)  \(set.files.count) \(set.files.count == 1 ? "file" : "files")"
        if !set.modules.isEmpty { line += ", module\(set.modules.count == 1 ? "" : "s") " + set.modules.sorted().joined(separator: ", ") }
        if let note { line += "  (\(note))" }
        var out = line + "\n"
        for i in set.files { out += indent + "  \(scan.files[i].path)\n" }
        return out
    }
}

import SteleCore

/// The build modules a Maven `pom.xml` aggregates: each `<module>core</module>` (under
/// `<modules>`, in a profile's too) is the directory `core` below the pom's, a module named by
/// its last part (ADR-0011). A `<module>` may name the directory or its pom (`core/pom.xml`);
/// `..` steps up, but not out of the tree.
///
/// Read as text, not as a whole XML document: `<!-- … -->` comments and `<![CDATA[…]]>` are
/// skipped, and a `<module>` without its `</module>`, or a path out of the tree, is a warning at
/// its line. The child's `artifactId` is not read: the module's name is its directory's.
enum MavenModules {
    static func isManifest(_ path: String) -> Bool { JVMModuleMap.fileName(path) == "pom.xml" }

    static func parse(_ bytes: [UInt8], path: String) -> (modules: [ResolvedModule], diagnostics: [Diagnostic]) {
        let directory = RepositoryPath.folder(of: path)
        var modules: [ResolvedModule] = []
        var diagnostics: [Diagnostic] = []
        let open = Array("<module>".utf8), close = Array("</module>".utf8)
        let comment = Array("<!--".utf8), commentEnd = Array("-->".utf8)
        let cdata = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
        func find(_ needle: [UInt8], from: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var k = from
            while k + needle.count <= bytes.count {
                if bytes[k] == needle[0], bytes[k..<(k + needle.count)].elementsEqual(needle) { return k }
                k += 1
            }
            return nil
        }
        func starts(_ needle: [UInt8], at k: Int) -> Bool {
            k + needle.count <= bytes.count && bytes[k..<(k + needle.count)].elementsEqual(needle)
        }
        var line = 1
        var k = 0
        while k < bytes.count {
            let byte = bytes[k]
            if byte == UInt8(ascii: "\n") {
                line += 1
                k += 1
            } else if byte == UInt8(ascii: "<"), starts(comment, at: k) || starts(cdata, at: k) {
                let end = starts(comment, at: k) ? commentEnd : cdataEnd
                let stop = find(end, from: k + 4).map { $0 + end.count } ?? bytes.count
                line += bytes[k..<stop].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                k = stop
            } else if byte == UInt8(ascii: "<"), starts(open, at: k) {
                let at = SourceLocation(file: path, line: line, column: k - (bytes[..<k].lastIndex(of: UInt8(ascii: "\n")) ?? -1))
                guard let end = find(close, from: k + open.count) else {
                    diagnostics.append(.warning("`<module>` has no `</module>`: the modules after it are not read", at: at))
                    break
                }
                let value = String(decoding: bytes[(k + open.count)..<end], as: UTF8.self).trimmingWhitespace()
                if let module = module(String(value), pomDirectory: directory, manifest: path, line: line) {
                    modules.append(module)
                } else {
                    diagnostics.append(.warning("`<module>\(value)</module>` is not a directory in the tree: not followed", at: at))
                }
                line += bytes[k..<end].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                k = end + close.count
            } else {
                k += 1
            }
        }
        return (modules, diagnostics)
    }

    /// `core`, `./core/`, `../shared/core/pom.xml` below `pomDirectory` → the module `core` in
    /// that directory; nil for an empty path or one out of the tree.
    static func module(_ value: String, pomDirectory: String, manifest: String, line: Int) -> ResolvedModule? {
        var parts = pomDirectory.split(separator: "/").map(String.init)
        var steps = value.split(separator: "/").map(String.init)
        if let last = steps.last, last.hasSuffix(".xml") { steps.removeLast() }
        guard !steps.isEmpty else { return nil }
        for step in steps {
            switch step {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(step)
            }
        }
        guard let name = parts.last, !value.contains("\\") else { return nil }
        return ResolvedModule(name: name, kind: .regular, packageDirectory: pomDirectory, directory: parts.joined(separator: "/"),
                              targetDependencies: [], productDependencies: [], manifestPath: manifest, line: line, sources: nil, exclude: [], filesByDirectory: true)
    }
}

/// Names the module each import of a TypeScript or JavaScript file imports, once every file's
/// module is known (`TypeScriptModuleMap`), the way TypeScript's bundler resolution finds files:
///
/// - `./a`, `../b/c`: against the file's folder, then the file as written, its `.js`/`.jsx`/`.mjs`
///   /`.cjs` swapped for the TypeScript source (`./a.js` is `a.ts` when that exists), each
///   extension (`.ts .tsx .d.ts .js .jsx .mts .cts .mjs .cjs`), then `/index` with each: the module
///   of the file found. One that is found nowhere, or climbs above the root, names no module.
/// - `tsconfig.json` `paths` and `baseUrl` of the nearest tsconfig above the file, looked up the same way.
/// - A bare specifier of a package in the tree (`@acme/orders`, `@acme/orders/src/x`): its entry
///   file (`types`, `module`, `main`, `exports`, else `index.*`, `src/index.*`) or the path below
///   it; when no file is found, the package's own name (which a rule naming it still means).
/// - Node's built-ins (`fs`, `fs/promises`, `node:fs`): the module's first part, `node:` dropped
///   (`node:test`, `node:sqlite` and `node:sea` exist only with it and keep it).
/// - `#x`: the `imports` of the package.json above the file (Node's subpath imports).
/// - Any other bare specifier: the package, `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`.
///
/// An import of a file that is not code (`./styles.css`, `./logo.svg`, `./data.json`) is not a
/// dependency between modules; it goes, with an import that names no module, to
/// `SourceFile.unresolvedImports` (attribute `asset`, or `ambiguous`).
enum TypeScriptImportResolver {
    static let extensions = [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs"]
    static let extensionBytes = extensions.map { Array($0.utf8) }
    static let prefixOnlyBuiltins: Set<String> = ["test", "sqlite", "sea"]

    enum Target: Equatable {
        case module(String)
        case asset
        case unresolved
    }

    static func resolve(_ file: SourceFile, map: TypeScriptModuleMap) -> SourceFile {
        var file = file
        guard !file.imports.isEmpty else { return file }
        let directory = RepositoryPath.folder(of: file.path)
        var resolved: [Import] = []
        resolved.reserveCapacity(file.imports.count)
        for raw in file.imports {
            var one = raw
            one.kind = nil
            guard raw.kind == nil else {
                one.attributes.append("ambiguous")
                file.unresolvedImports.append(one)
                continue
            }
            switch target(of: raw.module, from: directory, map: map) {
            case .module(let module):
                one.module = module
                resolved.append(one)
            case .asset:
                one.attributes.append("asset")
                file.unresolvedImports.append(one)
            case .unresolved:
                one.attributes.append("ambiguous")
                file.unresolvedImports.append(one)
            }
        }
        file.imports = resolved
        return file
    }

    /// What `specifier`, imported from a file in `directory`, names.
    static func target(of specifier: String, from directory: String, map: TypeScriptModuleMap) -> Target {
        if specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier == "." || specifier == ".." {
            guard let path = join(directory, specifier) else { return .unresolved }
            return find(path, map: map).map { found(at: $0, map: map) } ?? .unresolved
        }
        if specifier.hasPrefix("/") || specifier.isEmpty { return .unresolved }
        if specifier.hasPrefix("#") { return privateImport(specifier, from: directory, map: map) }
        if specifier.hasPrefix("node:") {
            let name = packageName(String(specifier.dropFirst(5)), scoped: false)
            return .module(prefixOnlyBuiltins.contains(name) ? "node:" + name : name)
        }
        // The nearest tsconfig's aliases win over packages, as in TypeScript.
        if let aliases = map.aliases.first(where: { TypeScriptPathAliases.contains($0.directory, directory) }) {
            for candidate in aliases.candidates(for: specifier) {
                if let path = find(candidate, map: map) { return found(at: path, map: map) }
            }
        }
        let name = packageName(specifier, scoped: true)
        if let package = map.packageNamed[name] {
            let below = specifier.dropFirst(name.count).drop { $0 == "/" }
            let base = package.directory
            let candidates = below.isEmpty
                ? package.entries.compactMap { join(base, $0) } + [base.isEmpty ? "index" : base + "/index", base.isEmpty ? "src/index" : base + "/src/index"]
                : [base.isEmpty ? String(below) : base + "/" + below, base.isEmpty ? "src/" + below : base + "/src/" + below]
            for candidate in candidates {
                if let path = find(candidate, map: map) { return found(at: path, map: map) }
            }
            return .module(name)
        }
        return .module(name)
    }

    /// `#db`, `#ui/button`: through the `imports` of the package.json above the file (an exact
    /// key first, else the `*` pattern with the longest prefix), to a file of the package or to
    /// another package.
    static func privateImport(_ specifier: String, from directory: String, map: TypeScriptModuleMap) -> Target {
        guard let package = map.manifest(at: directory) else { return .unresolved }
        var target = package.imports[specifier]
        if target == nil {
            var longest = -1
            for (pattern, value) in package.imports.sorted(by: { $0.key < $1.key }) {
                guard let star = pattern.firstIndex(of: "*") else { continue }
                let prefix = pattern[..<star], suffix = pattern[pattern.index(after: star)...]
                guard specifier.hasPrefix(prefix), specifier.hasSuffix(suffix), specifier.count >= prefix.count + suffix.count,
                      prefix.count > longest else { continue }
                longest = prefix.count
                let middle = String(specifier.dropFirst(prefix.count).dropLast(suffix.count))
                target = value.replacingOccurrences(ofStar: middle)
            }
        }
        guard let target else { return .unresolved }
        guard target.hasPrefix("./") else { return .module(packageName(target, scoped: true)) }
        guard let path = join(package.directory, target) else { return .unresolved }
        return find(path, map: map).map { found(at: $0, map: map) } ?? .unresolved
    }

    static func found(at path: String, map: TypeScriptModuleMap) -> Target {
        TypeScriptModuleMap.isSource(path) ? .module(map.moduleName(of: path)) : .asset
    }

    /// The file `path` names, as TypeScript looks it up: as written, its TypeScript source for a
    /// `.js` name, with each extension, then as a folder's `index`.
    /// Each listed `path + ext` is found through `map.extensionsOfStem[path]`, whose bits say
    /// which of `extensions` are listed: the first one in that order wins, as in a loop over them.
    static func find(_ path: String, map: TypeScriptModuleMap) -> String? {
        if map.files.contains(path) { return path }
        // Indices in `extensions`: `.ts` 0, `.tsx` 1, `.mts` 5, `.cts` 6.
        for (js, ts) in [(".js", [0, 1]), (".jsx", [1]), (".mjs", [5]), (".cjs", [6])] where path.hasSuffix(js) {
            let stem = String(path.dropLast(js.count))
            guard let listed = map.extensionsOfStem[stem] else { continue }
            for swap in ts where listed & (1 << UInt16(swap)) != 0 { return stem + extensions[swap] }
        }
        if let listed = map.extensionsOfStem[path], listed != 0 { return path + extensions[listed.trailingZeroBitCount] }
        let index = path.isEmpty ? "index" : path + "/index"
        if let listed = map.extensionsOfStem[index], listed != 0 { return index + extensions[listed.trailingZeroBitCount] }
        return nil
    }

    /// `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg` (`scoped`), `fs/promises` → `fs`.
    static func packageName(_ specifier: String, scoped: Bool) -> String {
        // ASCII (nearly every specifier): cut at the first (or a scope's second) `/` on bytes;
        // splitting the `String` by `Character` cost 6,000 instructions a call.
        let utf8 = specifier.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard let first = utf8.firstIndex(of: UInt8(ascii: "/")) else { return specifier }
            var end = first
            if scoped, utf8.first == UInt8(ascii: "@") { end = utf8[utf8.index(after: first)...].firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex }
            return String(specifier[..<end])
        }
        let parts = specifier.split(separator: "/", omittingEmptySubsequences: false)
        if scoped, specifier.hasPrefix("@"), parts.count >= 2 { return parts[0] + "/" + parts[1] }
        return String(parts.first ?? "")
    }

    /// `directory` joined with a relative `path`, `.` and `..` worked out; nil above the root.
    /// On bytes: a `String` split by `Character` cost 20,000 instructions a call, and every
    /// relative import is resolved this way, several candidates each.
    static func join(_ directory: String, _ path: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(directory.utf8.count + path.utf8.count + 1)
        var directory = directory, path = path
        directory.withUTF8 { bytes in forEachPart(of: bytes) { start, end in appendPart(bytes, start, end, to: &out) } }
        var climbedAboveTheRoot = false
        path.withUTF8 { bytes in
            forEachPart(of: bytes) { start, end in
                let dot = UInt8(ascii: ".")
                if end - start == 1 && bytes[start] == dot { return }
                if end - start == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                    if out.isEmpty { climbedAboveTheRoot = true }
                    out.removeSubrange((out.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                } else {
                    appendPart(bytes, start, end, to: &out)
                }
            }
        }
        return climbedAboveTheRoot ? nil : String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with the bounds of each non-empty `/`-separated part of `bytes`.
    private static func forEachPart(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == UInt8(ascii: "/") {
            if k > start { body(start, k) }
            start = k + 1
        }
    }

    private static func appendPart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to out: inout [UInt8]) {
        if !out.isEmpty { out.append(UInt8(ascii: "/")) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }
}

extension TypeScriptPathAliases {
    static func contains(_ directory: String, _ path: String) -> Bool {
        directory.isEmpty || path == directory || path.hasPrefix(directory + "/")
    }
}

private extension String {
    /// Every `*` replaced by `text` (Node replaces each one in an `imports` target).
    func replacingOccurrences(ofStar text: String) -> String {
        split(separator: "*", omittingEmptySubsequences: false).joined(separator: text)
    }
}

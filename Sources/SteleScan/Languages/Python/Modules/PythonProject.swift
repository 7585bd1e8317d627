import SteleCore

/// What a Python project's manifest says about where its import packages are: `pyproject.toml`
/// (`[tool.setuptools] package-dir`, `[tool.setuptools.packages.find] where`) or `setup.cfg`
/// (`[options] package_dir`, `[options.packages.find] where`), read as text, never run. A
/// `setup.py` only marks the project's directory.
///
/// Module names come from the layout below the directories found here (ADR-0008): a `packages`
/// list only narrows what is *installed*, while every file under a source root is importable in the
/// checkout that is being checked, so it is not needed to name modules and is not read.
struct PythonProject: Equatable, Sendable {
    /// The manifest's directory, repo-relative ("" at the root).
    var directory: String
    var manifestPath: String
    /// Directories whose contents are top-level modules (`src`, or `package-dir`'s `""`), repo-relative.
    var roots: [String] = []
    /// `package-dir` entries for named packages: `{"app" = "lib/app"}` → ("app", "lib/app").
    var packageDirectories: [(package: String, directory: String)] = []

    static func == (a: PythonProject, b: PythonProject) -> Bool {
        a.directory == b.directory && a.manifestPath == b.manifestPath && a.roots == b.roots
            && a.packageDirectories.map(\.package) == b.packageDirectories.map(\.package)
            && a.packageDirectories.map(\.directory) == b.packageDirectories.map(\.directory)
    }

    /// `pyproject.toml`, `setup.cfg` or `setup.py`, anywhere (compared on bytes: this runs for every file).
    static func isManifest(_ path: String) -> Bool {
        let name = PythonModuleMap.fileName(path)
        return name == "pyproject.toml" || name == "setup.cfg" || name == "setup.py"
    }

    /// Reads the manifest at `path` (repo-relative) with contents `bytes`.
    static func parse(_ bytes: [UInt8], path: String) -> PythonProject {
        let directory = path.split(separator: "/").dropLast().joined(separator: "/")
        var project = PythonProject(directory: directory, manifestPath: path)
        let text = String(decoding: bytes, as: UTF8.self)
        var mapping: [(String, String)] = []
        var wheres: [String] = []
        if path.hasSuffix("pyproject.toml") {
            for (table, key, value) in tomlEntries(text) {
                switch (table, key) {
                case ("tool.setuptools", "package-dir"): mapping += pairs(inlineTable: value)
                case ("tool.setuptools.package-dir", _): mapping += strings(in: value).first.map { [(unquoted(key), $0)] } ?? []
                case ("tool.setuptools.packages.find", "where"): wheres += strings(in: value)
                default: break
                }
            }
        } else if path.hasSuffix("setup.cfg") {
            for (section, key, value) in iniEntries(text) {
                switch (section, key) {
                case ("options", "package_dir"):
                    for line in value.split(whereSeparator: { $0 == "\n" || $0 == "," }) {
                        let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                        guard parts.count == 2 else { continue }
                        mapping.append((parts[0].trimmingWhitespace(), parts[1].trimmingWhitespace()))
                    }
                case ("options.packages.find", "where"):
                    wheres += value.split(whereSeparator: { $0 == "\n" || $0 == "," }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                default: break
                }
            }
        }
        func join(_ relative: String) -> String {
            let clean = relative.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
            if directory.isEmpty { return clean }
            return clean.isEmpty ? directory : directory + "/" + clean
        }
        for (package, target) in mapping {
            if package.isEmpty { project.roots.append(join(target)) } else { project.packageDirectories.append((package, join(target))) }
        }
        project.roots += wheres.map(join)
        return project
    }

    // MARK: - Just enough TOML and INI

    /// `(table, key, value)` for each `key = value` of a TOML document; a value spanning lines
    /// (an array, an inline table) is read to its closing bracket. Strings are not unescaped.
    static func tomlEntries(_ text: String) -> [(String, String, String)] {
        var entries: [(String, String, String)] = []
        var table = ""
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
        var i = 0
        while i < lines.count {
            let line = withoutComment(lines[i]).trimmingWhitespace()
            i += 1
            if line.hasPrefix("[") {
                table = line.trimmingCharacters("[]").split(separator: ".").map { unquoted(String($0).trimmingWhitespace()) }.joined(separator: ".")
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = unquoted(String(line[..<equals]).trimmingWhitespace())
            var value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            // The brackets still open, counted a line at a time as the value grows (counted
            // over the whole value for each line, a long array took time quadratic in its lines).
            var brackets = Brackets()
            brackets.read(value)
            while brackets.open > 0, i < lines.count {
                let more = withoutComment(lines[i])
                brackets.read(more)
                value += "\n" + more
                i += 1
            }
            entries.append((table, key, value))
        }
        return entries
    }

    /// `(section, key, value)` of an INI file; indented lines continue the value before them.
    static func iniEntries(_ text: String) -> [(String, String, String)] {
        var entries: [(String, String, String)] = []
        var section = ""
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if raw.first == " " || raw.first == "\t", !entries.isEmpty {
                entries[entries.count - 1].2 += "\n" + line
                continue
            }
            if line.hasPrefix("[") {
                section = line.trimmingCharacters("[]").trimmingWhitespace()
                continue
            }
            guard let equals = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            entries.append((section, String(line[..<equals]).trimmingWhitespace(), String(line[line.index(after: equals)...]).trimmingWhitespace()))
        }
        return entries
    }

    /// The line without a `#` comment outside quotes.
    static func withoutComment(_ line: Substring) -> String {
        var quote: Character?
        for (offset, c) in line.enumerated() {
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#" { return String(line.prefix(offset)) }
        }
        return String(line)
    }

    /// How many `[` and `{` of a value are open, outside quotes, read piece by piece.
    struct Brackets {
        var open = 0
        var quote: Character?

        mutating func read(_ text: some StringProtocol) {
            for c in text {
                if let q = quote { if c == q { quote = nil }; continue }
                switch c {
                case "\"", "'": quote = c
                case "[", "{": open += 1
                case "]", "}": open -= 1
                default: break
                }
            }
        }
    }

    /// Every quoted string in a value, in order.
    static func strings(in value: String) -> [String] {
        var result: [String] = []
        var current: String?
        var quote: Character = "\""
        for c in value {
            if current != nil {
                if c == quote { result.append(current!); current = nil } else { current!.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                current = ""
            }
        }
        return result
    }

    /// `{"" = "src", "app" = "lib/app"}` → [("", "src"), ("app", "lib/app")].
    static func pairs(inlineTable value: String) -> [(String, String)] {
        value.trimmingCharacters("{}").split(separator: ",").compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let target = strings(in: String(parts[1])).first else { return nil }
            return (unquoted(String(parts[0]).trimmingWhitespace()), target)
        }
    }

    static func unquoted(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first { return String(text.dropFirst().dropLast()) }
        return text
    }
}

extension StringProtocol {
    /// Without the given characters at either end.
    fileprivate func trimmingCharacters(_ set: String) -> String {
        var slice = Substring(self)
        while let c = slice.first, set.contains(c) { slice = slice.dropFirst() }
        while let c = slice.last, set.contains(c) { slice = slice.dropLast() }
        return String(slice)
    }
}

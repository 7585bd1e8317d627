/// When a Go file is built, as its name and header say (`go help buildconstraint`): these become the
/// conditions of its imports, as `#if` does for Swift's, so a finding says "only when: linux".
///
/// - A file name ending `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` (before `_test` and `.go`):
///   `poll_linux_amd64.go` → `linux && amd64`. The part before the first `_` never counts
///   (`linux.go` has no constraint), as in `go/build`.
/// - A `//go:build expr` line before the package clause: `expr` as written. Without one, the
///   legacy `// +build a,b c` lines, each turned into the same syntax (`(a && b) || c`) and joined
///   with `&&`.
enum GoBuildConstraint {
    static let operatingSystems: Set<Substring> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl",
        "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    ]
    static let architectures: Set<Substring> = [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
        "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
        "sparc", "sparc64", "wasm",
    ]

    /// The file's name (last path part) with `.go` and `_test` dropped, split at `_`, less the
    /// part before the first `_`. On the UTF-8 view: this runs for every Go file.
    static func nameParts(_ path: String) -> [Substring] {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        guard let underscore = utf8[start..<end].firstIndex(of: UInt8(ascii: "_")) else { return [] }
        var parts = path[utf8.index(after: underscore)..<end].split(separator: "_", omittingEmptySubsequences: false)
        if parts.last == "test" { parts.removeLast() }
        return parts
    }

    /// `_test.go`: test code, whose imports carry the attribute `test`.
    static func isTest(_ path: String) -> Bool { path.utf8.count >= 8 && path.utf8.suffix(8).elementsEqual("_test.go".utf8) }

    /// The constraint of a file's name: `linux`, `amd64`, `linux && amd64`; nil for none.
    static func fromName(_ path: String) -> String? {
        let parts = nameParts(path)
        let n = parts.count
        guard n > 0 else { return nil }
        if n >= 2, operatingSystems.contains(parts[n - 2]), architectures.contains(parts[n - 1]) {
            return parts[n - 2] + " && " + parts[n - 1]
        }
        if operatingSystems.contains(parts[n - 1]) || architectures.contains(parts[n - 1]) {
            return String(parts[n - 1])
        }
        return nil
    }

    /// The expression of a `//go:build` comment (the token's text, `//` included); nil for any other comment.
    static func goBuild(_ comment: Substring) -> String? {
        guard comment.hasPrefix("//go:build") else { return nil }
        let rest = comment.dropFirst("//go:build".count)
        guard let first = rest.first, first == " " || first == "\t" else { return nil }
        let expression = rest.trimmingBlanks()
        return expression.isEmpty ? nil : expression
    }

    /// A legacy `// +build` comment in `go:build` syntax; nil for any other comment.
    static func plusBuild(_ comment: Substring) -> String? {
        guard comment.hasPrefix("//") else { return nil }
        let body = Substring(comment.dropFirst(2).trimmingBlanks())
        guard body.hasPrefix("+build") else { return nil }
        let rest = body.dropFirst("+build".count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let options = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !options.isEmpty else { return nil }
        let terms = options.map { option -> String in
            let factors = option.split(separator: ",")
            return factors.count > 1 && options.count > 1 ? "(" + factors.joined(separator: " && ") + ")" : factors.joined(separator: " && ")
        }
        return terms.joined(separator: " || ")
    }

    /// The header's constraint: the `//go:build` expression, else the `// +build` lines joined
    /// with `&&`; nil for none.
    static func header(goBuild: String?, plusBuild: [String]) -> String? {
        if let goBuild { return goBuild }
        guard !plusBuild.isEmpty else { return nil }
        return plusBuild.count == 1 ? plusBuild[0] : plusBuild.map { $0.contains("||") ? "(" + $0 + ")" : $0 }.joined(separator: " && ")
    }
}

private extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let trimmed = drop { $0 == " " || $0 == "\t" }
        var end = trimmed.endIndex
        while end > trimmed.startIndex, trimmed[trimmed.index(before: end)] == " " || trimmed[trimmed.index(before: end)] == "\t" {
            end = trimmed.index(before: end)
        }
        return String(trimmed[..<end])
    }
}

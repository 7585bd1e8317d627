/// Changed-files mode: which files a pre-commit hook or a PR check asks about, and (for `--staged`)
/// their content as staged, read through git.
struct ChangedFiles {
    /// Repo-relative paths (relative to the checked root).
    var paths: Set<String>
    /// For `--staged`: the staged content of each path, which is what gets committed.
    var contents: [String: [UInt8]] = [:]

    enum Source {
        case files([String])
        case since(String)
        case staged
    }

    struct Failure: Error { var message: String }

    static func resolve(_ source: Source, root: String) -> Result<ChangedFiles, Failure> {
        switch source {
        case .files(let files):
            return .success(ChangedFiles(paths: Set(files.map(normalise))))
        case .since(let ref):
            guard let diff = git(root, ["diff", "--name-only", "--relative", "--diff-filter=d", ref, "--"]) else {
                return .failure(Failure(message: "`git diff \(ref)` failed in \(root)\n  hint: is it a git repository, and is `\(ref)` a commit?"))
            }
            let untracked = git(root, ["ls-files", "--others", "--exclude-standard"]) ?? []
            return .success(ChangedFiles(paths: Set(diff + untracked)))
        case .staged:
            guard let staged = git(root, ["diff", "--cached", "--name-only", "--relative", "--diff-filter=d"]) else {
                return .failure(Failure(message: "`git diff --cached` failed in \(root)\n  hint: `--staged` needs a git repository"))
            }
            var changed = ChangedFiles(paths: Set(staged))
            for path in staged {
                if let result = Subprocess.run(["git", "-C", root, "show", ":./" + path]), result.status == 0 {
                    changed.contents[path] = result.output
                }
            }
            return .success(changed)
        }
    }

    /// `./Sources/A.swift` → `Sources/A.swift`.
    static func normalise(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return String(p)
    }

    /// A git command's output lines, or nil when it fails.
    static func git(_ root: String, _ arguments: [String]) -> [String]? {
        guard let result = Subprocess.run(["git", "-C", root] + arguments), result.status == 0 else { return nil }
        return String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

import SteleFiles

/// Changed-files mode: which files a pre-commit hook or a PR check asks about, and (for `--staged`)
/// their content as staged, read through git.
struct ChangedFiles {
    /// Repo-relative paths (relative to the checked root).
    var paths: Set<String>
    /// For `--staged`: the staged content of each path, which is what gets committed.
    var contents: [String: [UInt8]] = [:]
    /// For `--staged`: paths git has no single staged content for (unmerged, in a conflict): they
    /// are checked as they are in the work tree, and the command says so.
    var unmerged: [String] = []
    /// Submodules whose commit changed: their files count as changed, as they are in their own
    /// work tree (the superproject's index holds only the submodule's commit, no file of it).
    var submodules: [String] = []

    enum Source {
        case files([String])
        case since(String)
        case staged
    }

    struct Failure: Error { var message: String }

    static func resolve(_ source: Source, root: String) -> Result<ChangedFiles, Failure> {
        switch source {
        case .files(let files):
            var paths = Set<String>()
            for file in files {
                guard let path = relative(file, to: root) else {
                    return .failure(Failure(message: "`\(file)` is outside the repository `\(root)`\n  hint: name files inside it, relative to its root"))
                }
                paths.insert(path)
            }
            return .success(ChangedFiles(paths: paths))
        case .since(let ref):
            guard let diff = git(root, ["diff", "--name-only", "--relative", "--diff-filter=d", ref, "--"]) else {
                return .failure(Failure(message: "`git diff \(ref)` failed in \(root)\n  hint: is it a git repository, and is `\(ref)` a commit?"))
            }
            let untracked = git(root, ["ls-files", "--others", "--exclude-standard"]) ?? []
            var changed = ChangedFiles(paths: [])
            changed.add(diff + untracked, root: root)
            return .success(changed)
        case .staged:
            guard let staged = git(root, ["diff", "--cached", "--name-only", "--relative", "--diff-filter=d"]) else {
                return .failure(Failure(message: "`git diff --cached` failed in \(root)\n  hint: `--staged` needs a git repository"))
            }
            var changed = ChangedFiles(paths: [])
            changed.add(staged, root: root)
            for path in staged where !changed.submodules.contains(path) {
                if let result = Subprocess.run(["git", "-C", root, "show", ":./" + path]), result.status == 0 {
                    changed.contents[path] = result.output
                } else {
                    changed.unmerged.append(path)
                }
            }
            return .success(changed)
        }
    }

    /// Adds changed paths; a path that is a directory is a submodule whose commit changed (git
    /// lists nothing else as one path), and stands for the files it tracks.
    mutating func add(_ changed: [String], root: String) {
        for path in changed {
            guard FileSystem.isDirectory(root + "/" + path) else { paths.insert(path); continue }
            submodules.append(path)
            for file in ChangedFiles.git(root + "/" + path, ["ls-files"]) ?? [] { paths.insert(path + "/" + file) }
        }
    }

    /// A `--files` argument as a repo-relative path: `./` and `a/../` folded, an absolute path
    /// inside the root made relative; nil for a path outside the repository.
    static func relative(_ file: String, to root: String) -> String? {
        var path = file
        if path.hasPrefix("/") {
            let base = (FileSystem.realPath(root) ?? root) + "/"
            let absolute = FileSystem.realPath(path) ?? path
            guard absolute.hasPrefix(base) else { return nil }
            path = String(absolute.dropFirst(base.count))
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// A git command's output lines, or nil when it fails.
    static func git(_ root: String, _ arguments: [String]) -> [String]? {
        guard let result = Subprocess.run(["git", "-C", root] + arguments), result.status == 0 else { return nil }
        return String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

import SteleFiles

/// A copy of the checked root as git sees it, in a private temporary directory, for
/// `stele review --since REF`: the tree of a commit (`git archive`, which run in a subfolder of a
/// repository holds that subfolder only), or the work tree's files that git does not ignore. Both
/// sides of the comparison are such copies, so a file git ignores (a generated source, an ignored
/// Xcode project) is on neither side and never shows as a change. The repository, its index and
/// its work tree are never touched.
struct GitSnapshot {
    var directory: TemporaryDirectory
    /// The copy of the root.
    var tree: String { directory.path + "/tree" }

    struct Failure: Error { var message: String }

    /// The full commit id `ref` names.
    static func commit(_ ref: String, root: String) -> Result<String, Failure> {
        guard let commit = ChangedFiles.git(root, ["rev-parse", "--verify", "--quiet", ref + "^{commit}"])?.first else {
            return .failure(Failure(message: "`\(ref)` is not a commit of the repository at `\(root)`\n  hint: `--since` takes a branch, tag or commit, e.g. `--since origin/main`; is `\(root)` in a git repository?"))
        }
        return .success(commit)
    }

    /// The root as it is at `commit`.
    static func extract(commit: String, root: String) -> Result<GitSnapshot, Failure> {
        unpack(root: root) { archive in
            guard let tar = Subprocess.run(["git", "-C", root, "archive", "--format=tar", commit]), tar.status == 0 else {
                return "`git archive \(commit.prefix(12))` failed"
            }
            return FileSystem.write(bytes: tar.output, to: archive)
        }
    }

    /// The root's files as they are now, but for those git ignores (tracked and untracked files,
    /// deleted ones left out).
    static func workTree(root: String) -> Result<GitSnapshot, Failure> {
        unpack(root: root) { archive in
            guard let listed = Subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]), listed.status == 0 else {
                return "`git ls-files` failed"
            }
            let present = listed.output.split(separator: 0).filter { FileSystem.kind(of: root + "/" + String(decoding: $0, as: UTF8.self)) != nil }
            let list = archive + ".list"
            if let problem = FileSystem.write(bytes: Array(present.joined(separator: [0])), to: list) { return problem }
            guard let tar = Subprocess.run(["tar", "-c", "-f", archive, "-C", root, "--null", "-T", list]), tar.status == 0 else {
                return "`tar` could not copy the work tree"
            }
            return nil
        }
    }

    /// Makes the temporary directory, lets `write` put a tar archive in it, and unpacks it into `tree`.
    private static func unpack(root: String, _ write: (String) -> String?) -> Result<GitSnapshot, Failure> {
        guard let directory = TemporaryDirectory.make(prefix: "stele-review") else {
            return .failure(Failure(message: "cannot create a temporary directory: \(FileSystem.errorText())\n  hint: set TMPDIR to a writable directory"))
        }
        let snapshot = GitSnapshot(directory: directory)
        let archive = directory.path + "/tree.tar"
        if let problem = write(archive) ?? FileSystem.createDirectories(snapshot.tree) {
            directory.remove()
            return .failure(Failure(message: "cannot copy `\(root)` for the comparison: \(problem)\n  hint: `--since` needs git and tar on the PATH"))
        }
        guard let unpacked = Subprocess.run(["tar", "-x", "-f", archive, "-C", snapshot.tree]), unpacked.status == 0 else {
            directory.remove()
            return .failure(Failure(message: "cannot unpack the copy of `\(root)` with `tar`\n  hint: `--since` needs tar on the PATH"))
        }
        return .success(snapshot)
    }
}

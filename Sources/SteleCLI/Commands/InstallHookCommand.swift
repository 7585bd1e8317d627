#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SteleFiles

/// `stele install-hook [PATH] [--force]`: a git pre-commit hook that runs `stele check --staged`.
/// The one command that writes into the repository, and only that file.
enum InstallHookCommand {
    /// Marks a hook Stele wrote, so that reinstalling updates it instead of refusing.
    static let marker = "# Installed by `stele install-hook`"

    static func run(_ options: CommandOptions, force: Bool) -> Int32 {
        guard let hooks = ChangedFiles.git(options.root, ["rev-parse", "--git-path", "hooks"])?.first else {
            Output.error("stele: error: \(options.root) is not in a git repository\n  hint: run `git init` first, or pass the repository's path")
            return SteleCLI.ExitCode.usage
        }
        let directory = hooks.hasPrefix("/") ? hooks : options.root + "/" + hooks
        let path = directory + "/pre-commit"
        if case .text(let bytes, _) = FileReader.read(path), !force {
            let existing = String(decoding: bytes, as: UTF8.self)
            if !existing.contains(marker) {
                Output.error("stele: error: \(path) already exists and was not written by Stele\n  hint: add `stele check --staged` to it yourself, or pass --force to replace it")
                return SteleCLI.ExitCode.usage
            }
        }
        if !FileSystem.isDirectory(directory) { mkdir(directory, 0o755) }
        if let problem = FileSystem.write(script(stele: executablePath()), to: path) {
            Output.error("stele: error: \(problem)")
            return SteleCLI.ExitCode.usage
        }
        chmod(path, 0o755)
        Output.error("stele: installed \(path): commits now run `stele check --staged`")
        return SteleCLI.ExitCode.success
    }

    static func script(stele: String?) -> String {
        """
        #!/bin/sh
        \(marker): checks what is staged against the
        # repository's architecture decisions. Skip once with `git commit --no-verify`.
        STELE=\(stele.map { "'" + $0 + "'" } ?? "stele")
        [ -x "$STELE" ] || STELE=stele
        exec "$STELE" check --staged --quiet

        """
    }

    /// The absolute path of the running binary, so the hook does not depend on PATH.
    static func executablePath() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        let argument = CommandLine.arguments.first ?? ""
        return argument.hasPrefix("/") ? argument : nil
        #endif
    }
}

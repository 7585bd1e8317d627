import SteleCore
import SteleFiles
import SteleScan

/// Where the facts cache of a repository lives: never in the repository. One file per repository
/// root, named by a hash of the root's real path, in `$STELE_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/stele`, else `$HOME/.cache/stele`. `--no-cache` or `STELE_CACHE=0` turns it off.
/// Deleting the directory at any time is safe: the next run scans everything and writes it again.
enum CacheLocation {
    static func resolve(root: String, disabled: Bool,
                        environment: (String) -> String? = FileSystem.environment) -> FactsCache.Location? {
        if disabled || environment("STELE_CACHE") == "0" { return nil }
        guard let directory = directory(environment), let real = FileSystem.realPath(root) else { return nil }
        return FactsCache.Location(path: directory + "/facts-" + StableHash.hex(real) + ".bin", producer: producer)
    }

    static func directory(_ environment: (String) -> String?) -> String? {
        if let directory = environment("STELE_CACHE_DIR"), !directory.isEmpty { return directory }
        // The XDG specification: a relative value is to be ignored.
        if let cache = environment("XDG_CACHE_HOME"), cache.hasPrefix("/") { return cache + "/stele" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.cache/stele" }
        return nil
    }

    /// This build of Stele: a cache written by another version or build is ignored, so facts from
    /// an older scanner are never served.
    static let producer = "stele \(SteleCLI.version) " + (FileSystem.executableIdentity() ?? "")
}

import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// Changed-files mode (`--staged`, `--since`, `--files`): which findings a change takes part in.
///
/// The whole tree is always checked, so a cycle or an indirect path is judged exactly as in a full
/// run; this decides which of the full run's findings to report, and where:
/// - a finding in a changed file, where it is;
/// - a cycle or an indirect dependency that an import of a changed file takes part in (the import
///   that closes the cycle, the step that completes the path): at that import. A full run reports it
///   once, at its usual place; both carry the same fingerprint, so a baseline taken by a full run
///   matches either;
/// - a use of a symbol declared in a changed file (a type moved into a forbidden folder), at the use;
/// - every finding of a rule written in, or citing, a changed ADR or rules file; every finding under
///   a changed manifest's package (its modules changed); every finding when a changed file declares
///   components or settings (the meaning of every rule may have changed).
public struct ChangeScope: Sendable {
    /// Repo-relative paths of the changed files.
    public var paths: Set<String>

    public init(paths: Set<String>) {
        self.paths = paths
    }

    /// The indices of the changed files among the scanned ones.
    func files(in scan: ScanResult) -> Set<Int> {
        Set(scan.files.indices.filter { paths.contains(scan.files[$0].path) })
    }

    /// The findings the change takes part in, relocated to the change where they are made of several
    /// places; findings relocated to the same place with the same message become one, which stands
    /// for all their fingerprints. Sorted for output.
    func restrict(_ findings: [Finding], book: RuleBook, architecture: Architecture) -> [Finding] {
        if changesDecisions(book) { return findings.map(relocated).sorted(by: Finding.ordered) }
        let packages = changedPackages(architecture.scan)
        var kept: [Finding] = []
        var index: [String: Int] = [:]
        for finding in findings where concerns(finding, packages: packages) {
            let finding = relocated(finding)
            let key = "\(finding.location)\u{1F}\(finding.rule.text)\u{1F}\(finding.message)"
            if let first = index[key] {
                kept[first].mergedFingerprints += finding.fingerprints
            } else {
                index[key] = kept.count
                kept.append(finding)
            }
        }
        return kept.sorted(by: Finding.ordered)
    }

    /// Suppressed findings the change takes part in, at their own places (a suppression is read where
    /// the full run reads it).
    func restrictSuppressed(_ findings: [Finding], book: RuleBook, architecture: Architecture) -> [Finding] {
        if changesDecisions(book) { return findings }
        let packages = changedPackages(architecture.scan)
        return findings.filter { concerns($0, packages: packages) }
    }

    func concerns(_ finding: Finding, packages: [String]) -> Bool {
        if paths.contains(finding.location.file) || finding.changeSite != nil { return true }
        if let declaring = finding.declaringFile, paths.contains(declaring) { return true }
        let provenance = finding.rule.provenance
        if paths.contains(provenance.location.file) || provenance.adr.map({ paths.contains($0.file) }) == true { return true }
        return packages.contains { $0.isEmpty || finding.location.file.hasPrefix($0 + "/") }
    }

    func relocated(_ finding: Finding) -> Finding {
        guard let site = finding.changeSite, !paths.contains(finding.location.file) else { return finding }
        var moved = finding
        moved.location = site.location
        moved.snippet = site.snippet
        moved.message = site.message
        moved.conditions = site.conditions
        return moved
    }

    /// Whether a changed file declares components or settings, which every rule may read.
    func changesDecisions(_ book: RuleBook) -> Bool {
        paths.contains { $0.hasPrefix("rules/") && $0.hasSuffix(".stele") } || book.components.contains { paths.contains($0.location.file) }
    }

    /// The package directories of changed manifests ("" for the root package).
    func changedPackages(_ scan: ScanResult) -> [String] {
        Array(Set(scan.modules.filter { paths.contains($0.manifestPath) }.map(\.packageDirectory))).sorted()
    }
}

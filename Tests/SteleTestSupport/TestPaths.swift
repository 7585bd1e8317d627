import Foundation

/// Where the repository and its fixture trees are, for every test target: found from this file's
/// own path, so a test file can move between folders without counting `..`s.
public enum TestPaths {
    /// The repository root (this file is `Tests/SteleTestSupport/TestPaths.swift`).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`: small real repository trees, one per folder.
    public static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// One fixture tree (or a file in one: `xcode-app/Widget.xcodeproj/project.pbxproj`).
    public static func fixture(_ relative: String) -> URL { fixtures.appendingPathComponent(relative) }
}

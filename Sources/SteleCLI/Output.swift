import Foundation

/// Where a command's output goes: standard output, or the file named by `--output`.
/// Diagnostics always go to standard error, so that machine-readable output stays clean.
struct Output {
    var path: String?

    /// Writes `text`; returns an error message when the file cannot be written.
    func write(_ text: String) -> String? {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return nil
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return "cannot write \(path): \(error.localizedDescription)"
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

import SteleFiles

/// Where a command's output goes: standard output, or the file named by `--output`.
/// Diagnostics always go to standard error, so that machine-readable output stays clean.
struct Output {
    var path: String?

    /// Writes `text`; returns an error message when the file cannot be written.
    func write(_ text: String) -> String? {
        guard let path else {
            FileSystem.writeStandardOutput(text)
            return nil
        }
        return FileSystem.write(text, to: path)
    }

    static func error(_ text: String) {
        FileSystem.writeStandardError(text.hasSuffix("\n") ? text : text + "\n")
    }
}

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

    /// Writes what `produce` emits (UTF-8, in chunks) as it comes, so that a large report is never
    /// held whole; a file is written atomically. Returns an error message when the file cannot be
    /// written.
    func stream(_ produce: (([UInt8]) -> Void) -> Void) -> String? {
        guard let path else {
            produce { FileSystem.writeStandardOutput(bytes: $0) }
            return nil
        }
        switch FileSystem.AtomicWriter.open(path) {
        case .failure(let failure):
            return failure.message
        case .success(var writer):
            produce { writer.append($0) }
            return writer.commit()
        }
    }

    static func error(_ text: String) {
        FileSystem.writeStandardError(text.hasSuffix("\n") ? text : text + "\n")
    }
}

import SteleCheck
import SteleCore
import SteleFiles

/// Reads a baseline file (the I/O edge of `check --baseline`).
enum BaselineFile {
    struct Failure: Error {
        var message: String
    }

    /// The baseline, or a message saying what is wrong with the file.
    static func read(_ path: String) -> Result<Baseline, Failure> {
        guard case .text(let bytes, _) = FileReader.read(path) else {
            return .failure(Failure(message: "cannot read baseline \(path)\n  hint: create it with `stele baseline --output \(path)`"))
        }
        guard let json = JSON.parse(bytes: bytes), json["version"]?.intValue == 1,
              let findings = json["findings"]?.arrayValue else {
            return .failure(Failure(message: "\(path) is not a Stele baseline (expected JSON with \"version\": 1 and \"findings\")\n  hint: regenerate it with `stele baseline --output \(path)`"))
        }
        var entries: [Baseline.Entry] = []
        for (i, item) in findings.enumerated() {
            guard let fingerprint = item["fingerprint"]?.stringValue else {
                return .failure(Failure(message: "\(path): finding \(i + 1) has no \"fingerprint\"\n  hint: regenerate it with `stele baseline --output \(path)`"))
            }
            entries.append(Baseline.Entry(fingerprint: fingerprint, rule: item["rule"]?.stringValue ?? "", file: item["file"]?.stringValue ?? "",
                                          message: item["message"]?.stringValue ?? ""))
        }
        return .success(Baseline(entries: entries))
    }
}

import Foundation
import SteleCheck

/// Reads a baseline file (the I/O edge of `check --baseline`).
enum BaselineFile {
    struct Failure: Error {
        var message: String
    }

    /// The baseline, or a message saying what is wrong with the file.
    static func read(_ path: String) -> Result<Baseline, Failure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Failure(message: "cannot read baseline \(path)\n  hint: create it with `stele baseline --output \(path)`"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == 1, let findings = object["findings"] as? [[String: Any]] else {
            return .failure(Failure(message: "\(path) is not a Stele baseline (expected JSON with \"version\": 1 and \"findings\")\n  hint: regenerate it with `stele baseline --output \(path)`"))
        }
        var entries: [Baseline.Entry] = []
        for (i, item) in findings.enumerated() {
            guard let fingerprint = item["fingerprint"] as? String else {
                return .failure(Failure(message: "\(path): finding \(i + 1) has no \"fingerprint\"\n  hint: regenerate it with `stele baseline --output \(path)`"))
            }
            entries.append(Baseline.Entry(fingerprint: fingerprint, rule: item["rule"] as? String ?? "", file: item["file"] as? String ?? "",
                                          message: item["message"] as? String ?? ""))
        }
        return .success(Baseline(entries: entries))
    }
}

import SteleCore
import SteleCheck

/// The baseline file `stele baseline` writes and `stele check --baseline` reads: JSON, one entry per
/// accepted finding, with no line numbers (so code moving does not change the file).
public enum BaselineReport {
    public static func render(_ baseline: Baseline) -> String {
        JSON.object([
            ("version", .int(1)),
            ("findings", .array(baseline.entries.map { e in
                .object([("fingerprint", .string(e.fingerprint)), ("rule", .string(e.rule)), ("file", .string(e.file)), ("message", .string(e.message))])
            })),
        ]).rendered()
    }
}

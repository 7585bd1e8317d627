import SteleADR
import SteleCore
import SteleRules

/// `stele adr list`: each ADR's id, status, date, title and how many rules it states.
public enum ADRListReport {
    public struct Row: Equatable, Sendable {
        public var id: String
        public var status: String
        public var date: String?
        public var title: String
        public var rules: Int
        public var file: String
        /// Where the status came from when the ADR does not write it.
        public var statusNote: String?
    }

    /// Rules are counted as compiled: `stele` block lines and rules-section bullets that parse.
    public static func rows(_ collection: ADRCollection, book: RuleBook) -> [Row] {
        var counts: [String: Int] = [:]
        for rule in book.rules where rule.provenance.origin != .steleFile { counts[rule.provenance.location.file, default: 0] += 1 }
        return collection.adrs.map { adr in
            Row(id: adr.id, status: adr.status.rawValue, date: adr.date, title: adr.title, rules: counts[adr.file] ?? 0, file: adr.file,
                statusNote: adr.statusNote)
        }
    }

    public static func text(_ rows: [Row], directory: String?) -> String {
        guard !rows.isEmpty else {
            return directory.map { "no ADRs in \($0)\n" } ?? "no ADR directory (looked for adr/, docs/adr/, doc/adr/, docs/decisions/, …)\n  hint: `stele adr new \"Title\"` starts one\n"
        }
        let idWidth = rows.map(\.id.count).max() ?? 0
        let statusWidth = max(6, rows.map { $0.status.count + ($0.statusNote == nil ? 0 : 1) }.max() ?? 0)
        var out = ""
        for row in rows {
            let status = row.status + (row.statusNote == nil ? "" : "*")
            let rules = row.rules == 1 ? "1 rule" : "\(row.rules) rules"
            out += pad(row.id, idWidth) + "  " + pad(status, statusWidth) + "  " + pad(row.date ?? "-", 10) + "  " + pad(rules, 8) + "  " + row.title + "\n"
        }
        if rows.contains(where: { $0.statusNote != nil }) {
            out += "* status not written in the ADR: read from its index, or inferred (`stele adr lint` says which)\n"
        }
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }

    /// An array of objects: `id`, `status`, `date`, `title`, `rules`, `file` (and `statusNote` when the
    /// ADR does not write its status).
    public static func json(_ rows: [Row]) -> String {
        JSON.array(rows.map { row in
            var fields: [(String, JSON)] = [
                ("id", .string(row.id)), ("status", .string(row.status)), ("date", .optional(row.date)), ("title", .string(row.title)),
                ("rules", .int(row.rules)), ("file", .string(row.file)),
            ]
            if let note = row.statusNote { fields.append(("statusNote", .string(note))) }
            return .object(fields)
        }).rendered() + "\n"
    }
}

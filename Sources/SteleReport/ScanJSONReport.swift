import SteleCore
import SteleGraph
import SteleScan

/// `stele scan --format json`: the facts, for tools and for checking what Stele sees.
public enum ScanJSONReport {
    /// The whole document as one string (tests, small trees); `write` streams it.
    public static func render(_ scan: ScanResult, symbols: SymbolIndex? = nil) -> String {
        var out: [UInt8] = []
        write(scan, symbols: symbols) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// The document, a file (or an edge) at a time: memory does not grow with the output.
    public static func write(_ scan: ScanResult, symbols: SymbolIndex? = nil, emit: ([UInt8]) -> Void) {
        let modules: [JSON] = scan.modules.map { m in
            .object([
                ("name", .string(m.name)), ("kind", .string(m.kind.rawValue)), ("directory", .string(m.directory)),
                ("manifest", .string(m.manifestPath)), ("line", .int(m.line)),
                ("dependencies", ReportJSON.strings(m.targetDependencies)),
                ("products", .array(m.productDependencies.map { .object([("name", .string($0.name)), ("package", .optional($0.package))]) })),
            ])
        }
        JSONStream.write([
            .value("version", .int(1)),
            .elements("files", count: scan.files.count) { fileJSON(scan.files[$0]) },
            .value("modules", .array(modules)),
            .value("externals", ReportJSON.strings(scan.externalModuleNames.sorted())),
            symbols.map { .object("symbols", symbolsMembers($0, scan: scan)) } ?? .value("symbols", .null),
            .value("diagnostics", .array(scan.diagnostics.map(ReportJSON.diagnostic))),
        ], emit: emit)
    }

    /// One file's facts.
    static func fileJSON(_ file: SourceFile) -> JSON {
        .object([
            ("path", .string(file.path)), ("language", .string(file.language.rawValue)), ("module", .optional(file.module)),
            ("imports", .array(file.imports.map(importJSON))),
            ("unresolvedImports", .array(file.unresolvedImports.map(importJSON))),
            ("suppressions", .array(file.suppressions.map { s in
                .object([("target", .string(s.target)), ("reason", .optional(s.reason)), ("line", .int(s.line)), ("column", .int(s.column))])
            })),
            ("declarations", .array(file.declarations.map { d in
                .object([
                    ("kind", .string(d.kind.rawValue)), ("name", .string(d.name)), ("parent", .optional(d.parent)),
                    ("access", .optional(d.access)), ("line", .int(d.line)), ("column", .int(d.column)),
                ])
            })),
            ("skipped", .optional(file.skipped)),
        ])
    }

    static func importJSON(_ i: Import) -> JSON {
        .object([
            ("module", .string(i.module)), ("path", .string(i.path.joined(separator: "."))),
            ("line", .int(i.line)), ("column", .int(i.column)),
            ("kind", .optional(i.kind)), ("attributes", ReportJSON.strings(i.attributes)),
            ("access", .optional(i.accessLevel)), ("conditions", ReportJSON.strings(i.conditions)),
        ])
    }

    /// The file → file edges and how much resolved: what the symbol-level checks work on. Ambiguous
    /// references carry their candidates (they are what the LLM judge will be asked about).
    static func symbolsMembers(_ symbols: SymbolIndex, scan: ScanResult) -> [JSONStream.Member] {
        let edges = symbols.edges
        return [
            .value("declarations", .int(symbols.declarationCount)),
            .value("references", .int(symbols.referenceCount)),
            .value("resolved", .int(symbols.referenceCount - symbols.ambiguousCount)),
            .value("ambiguous", .int(symbols.ambiguousCount)),
            .elements("edges", count: edges.count) { edgeJSON(edges[$0], scan: scan) },
        ]
    }

    static func edgeJSON(_ edge: SymbolEdge, scan: ScanResult) -> JSON {
        var fields: [(String, JSON)] = [
            ("file", .string(scan.files[edge.file].path)), ("line", .int(edge.line)),
            ("column", .int(edge.column)), ("name", .string(edge.name)),
        ]
        switch edge.target {
        case .declared(let file, let line, let column):
            fields += [("declaredIn", .string(scan.files[file].path)), ("declaredLine", .int(line)), ("declaredColumn", .int(column))]
        case .ambiguous(let files):
            fields.append(("ambiguous", ReportJSON.strings(files.map { scan.files[$0].path })))
        }
        return .object(fields)
    }
}

import SteleCore
import SteleGraph
import SteleScan

/// `stele scan --format json`: the facts, for tools and for checking what Stele sees.
public enum ScanJSONReport {
    public static func render(_ scan: ScanResult, symbols: SymbolIndex? = nil) -> String {
        let files: [JSON] = scan.files.map { file in
            .object([
                ("path", .string(file.path)), ("language", .string(file.language.rawValue)), ("module", .optional(file.module)),
                ("imports", .array(file.imports.map { i in
                    .object([
                        ("module", .string(i.module)), ("path", .string(i.path.joined(separator: "."))),
                        ("line", .int(i.line)), ("column", .int(i.column)),
                        ("kind", .optional(i.kind)), ("attributes", ReportJSON.strings(i.attributes)),
                        ("access", .optional(i.accessLevel)), ("conditions", ReportJSON.strings(i.conditions)),
                    ])
                })),
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
        let modules: [JSON] = scan.modules.map { m in
            .object([
                ("name", .string(m.name)), ("kind", .string(m.kind.rawValue)), ("directory", .string(m.directory)),
                ("manifest", .string(m.manifestPath)), ("line", .int(m.line)),
                ("dependencies", ReportJSON.strings(m.targetDependencies)),
                ("products", .array(m.productDependencies.map { .object([("name", .string($0.name)), ("package", .optional($0.package))]) })),
            ])
        }
        return JSON.object([
            ("version", .int(1)),
            ("files", .array(files)),
            ("modules", .array(modules)),
            ("externals", ReportJSON.strings(scan.externalModuleNames.sorted())),
            ("symbols", symbols.map { symbolsJSON($0, scan: scan) } ?? .null),
            ("diagnostics", .array(scan.diagnostics.map(ReportJSON.diagnostic))),
        ]).rendered()
    }

    /// The file → file edges and how much resolved: what the symbol-level checks work on. Ambiguous
    /// references carry their candidates (they are what the LLM judge will be asked about).
    static func symbolsJSON(_ symbols: SymbolIndex, scan: ScanResult) -> JSON {
        let edges: [JSON] = symbols.edges.map { edge in
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
        return .object([
            ("declarations", .int(symbols.declarationCount)),
            ("references", .int(symbols.referenceCount)),
            ("resolved", .int(symbols.referenceCount - symbols.ambiguousCount)),
            ("ambiguous", .int(symbols.ambiguousCount)),
            ("edges", .array(edges)),
        ])
    }
}

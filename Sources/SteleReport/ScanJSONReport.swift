import SteleCore
import SteleScan

/// `stele scan --format json`: the facts, for tools and for checking what Stele sees.
public enum ScanJSONReport {
    public static func render(_ scan: ScanResult) -> String {
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
            ("diagnostics", .array(scan.diagnostics.map(ReportJSON.diagnostic))),
        ]).rendered()
    }
}

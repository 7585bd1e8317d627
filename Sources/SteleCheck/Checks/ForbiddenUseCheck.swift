import SteleCore
import SteleRules
import SteleScan

/// `A must not use S1, S2`: no file of A names `print`, `UserDefaults.standard`, `Process`... in
/// code (not in comments or strings), nor imports it (`import func Darwin.exit`). A local name
/// that shadows S (`let print = …`) or a member of the enclosing type named S is not S.
struct ForbiddenUseCheck: RuleCheck {
    var subject: Selector
    var symbols: [String]

    func vacuousSelector(in context: CheckContext) -> String? { context.emptiness(of: subject) }

    func symbolSources(in context: CheckContext) -> [Int] {
        context.symbolSources(of: context.set(subject))
    }

    /// Names are matched as written; the declarations only say which are members of the enclosing type.
    var resolvesSymbols: Bool { false }

    /// A use of `UserDefaults.standard` names `UserDefaults` (as written, or qualified by a module),
    /// and so does a member of the enclosing type that would shadow it: a file without the name
    /// can neither break the rule nor excuse another file.
    var symbolNames: [String]? { symbols.map { String($0.prefix { $0 != "." }) } }

    func findings(in context: CheckContext) -> [Finding] {
        let source = context.set(subject)
        let index = context.architecture.symbols
        // A file has thousands of references and a rule a few symbols: compare the first name first.
        let heads = symbols.map { String($0.prefix { $0 != "." }) }
        var findings: [Finding] = []
        for i in source.files where !context.exceptFiles.contains(i) {
            let file = context.architecture.scan.files[i]
            func report(_ symbol: String, line: Int, column: Int) {
                findings.append(Finding(rule: context.rule, location: SourceLocation(file: file.path, line: line, column: column),
                                        message: "`\(source.name)` uses `\(symbol)`", from: source.name, to: symbol,
                                        snippet: "uses \(symbol)"))
            }
            for imported in file.imports where imported.kind != nil {
                for symbol in symbols where ForbiddenUseCheck.chain(imported.path.dropFirst().joined(separator: "."), names: symbol)
                    || ForbiddenUseCheck.chain(imported.path.joined(separator: "."), names: symbol) {
                    report(symbol, line: imported.line, column: imported.column)
                }
            }
            // `Glibc.exit`, `Swift.print`: a module's name before the name (never a member of the enclosing type).
            let visible = Set(file.imports.map(\.module)).union([file.module ?? ""])
            let qualifiers = Array(visible.union(["Swift"]))
            for reference in file.references {
                if heads.contains(reference.name), let symbol = symbols.first(where: { ForbiddenUseCheck.chain(reference.chain, names: $0) }),
                   !index.isMemberOfEnclosingType(reference, visibleModules: visible) {
                    report(symbol, line: reference.line, column: reference.column)
                } else if !reference.members.isEmpty, qualifiers.contains(reference.name),
                          let symbol = symbols.first(where: { ForbiddenUseCheck.chain(reference.members, names: $0) }) {
                    report(symbol, line: reference.line, column: reference.column)
                }
            }
        }
        return findings
    }

    /// Whether the chain `UserDefaults.standard.set` uses `symbol` (`UserDefaults`, `UserDefaults.standard`).
    static func chain(_ chain: String, names symbol: String) -> Bool {
        chain == symbol || (chain.hasPrefix(symbol) && chain.utf8.dropFirst(symbol.utf8.count).first == UInt8(ascii: "."))
    }
}

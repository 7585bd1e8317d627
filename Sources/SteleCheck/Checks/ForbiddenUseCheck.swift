import SteleCore
import SteleRules

/// `A must not use S1, S2`: no file of A names `print`, `UserDefaults.standard`, `Process`... in
/// code (not in comments or strings). Name-based: see `SwiftSymbolUseScanner`.
struct ForbiddenUseCheck: RuleCheck {
    var subject: Selector
    var symbols: [String]

    func findings(in context: CheckContext) -> [Finding] {
        let source = context.set(subject)
        let wanted = Set(symbols)
        var findings: [Finding] = []
        for i in source.files where !context.exceptFiles.contains(i) {
            let file = context.architecture.scan.files[i]
            for use in file.symbolUses where wanted.contains(use.symbol) {
                findings.append(Finding(rule: context.rule, location: SourceLocation(file: file.path, line: use.line, column: use.column),
                                        message: "`\(source.name)` uses `\(use.symbol)`", from: source.name, to: use.symbol,
                                        snippet: "uses \(use.symbol)"))
            }
        }
        return findings
    }
}

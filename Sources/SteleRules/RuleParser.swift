import SteleCore

/// Parses one statement of the rule language (see docs/rule-language.md).
///
/// Pure: text in, statement or diagnostic out. Keywords are case-insensitive, because people write
/// ADR bullets like "Domain Must Not depend on UI"; names are case-sensitive.
enum RuleParser {
    /// Parses `text`, whose first character is at `location`. Returns nil for a blank or comment line.
    static func parse(_ text: String, at location: SourceLocation) -> Result<Statement?, Diagnostic> {
        var body = text
        // ADR bullets often end in a full stop: "Domain must not depend on UI."
        // After a glob too (`… depend on B/**.`): a dot kept there would make the glob match nothing.
        if body.hasSuffix("."), let before = body.dropLast().last,
           before.isLetter || before.isNumber || ")\"'`*/".contains(before) {
            body.removeLast()
        }
        switch RuleTokenizer.tokenize(body) {
        case .failure(let failure):
            return .failure(.error(failure.message, at: location.advanced(by: failure.offset), hint: failure.hint))
        case .success(let tokens):
            if tokens.isEmpty { return .success(nil) }
            var parser = Parser(tokens: tokens, text: body, location: location)
            do {
                return .success(try parser.statement())
            } catch let failure as ParseFailure {
                return .failure(.error(failure.message, at: location.advanced(by: failure.offset), hint: failure.hint))
            } catch {
                return .failure(.error("\(error)", at: location))
            }
        }
    }

    /// What may follow a rule's subject: the phrases people write, each with the canonical phrase
    /// whose meaning it has (`must only depend on` is `may only depend on`). Longer phrases first,
    /// so that `must not depend on each other` is not read as `must not depend on`.
    static let verbPhrases: [Phrase] = {
        let negations = ["must not", "may not", "cannot", "can not", "can't", "can\u{2019}t", "should not", "shouldn't",
                         "must never", "should never", "mustn't", "does not", "doesn't", "do not", "don't", "never"]
        var table: [(String, String)] = []
        for negation in negations {
            table.append(("\(negation) depend on each other", "must not depend on each other"))
            table.append(("\(negation) import each other", "must not depend on each other"))
            table.append(("\(negation) depend on", "must not depend on"))
            table.append(("\(negation) use", "must not use"))
        }
        // `never` reads as a present tense too: `Domain never imports UIKit`.
        for negation in negations + ["never"] {
            table.append(("\(negation) import", "must not import"))
        }
        table += [("never imports", "must not import"), ("never depends on", "must not depend on"), ("never uses", "must not use")]
        for modal in ["may", "must", "can", "should"] {
            table.append(("\(modal) only depend on", "may only depend on"))
            table.append(("\(modal) depend only on", "may only depend on"))
        }
        table += [("depends only on", "may only depend on"), ("only depends on", "may only depend on")]
        for modal in ["must", "should"] {
            table.append(("\(modal) be acyclic", "must be acyclic"))
            table.append(("\(modal) not have cycles", "must be acyclic"))
            table.append(("\(modal) have no cycles", "must be acyclic"))
            table.append(("\(modal) be independent of each other", "must not depend on each other"))
            table.append(("\(modal) be independent", "must not depend on each other"))
        }
        return Phrase.longestFirst(table)
    }()

    /// After `only A`: the phrases for depending and for importing.
    static let onlyPhrases: [Phrase] = {
        var table: [(String, String)] = []
        for modal in ["may", "can", "should", "is allowed to", "are allowed to", "is permitted to", "are permitted to"] {
            table.append(("\(modal) depend on", "may depend on"))
            table.append(("\(modal) import", "may import"))
        }
        table += [("depends on", "may depend on"), ("imports", "may import")]
        return Phrase.longestFirst(table)
    }()

    /// A phrase people write, split into words once (parsing compares it word by word), and the
    /// canonical phrase whose meaning it has.
    struct Phrase {
        let phrase: String
        let words: [String]
        let canonical: String

        init(_ phrase: String, _ canonical: String) {
            self.phrase = phrase
            words = phrase.split(separator: " ").map(String.init)
            self.canonical = canonical
        }

        /// The table with longer phrases first (in table order among equals), so that a phrase
        /// is never read as a shorter one it begins with.
        static func longestFirst(_ table: [(String, String)]) -> [Phrase] {
            table.map { Phrase($0.0, $0.1) }.enumerated()
                .sorted { ($0.element.words.count, $1.offset) > ($1.element.words.count, $0.offset) }.map(\.element)
        }
    }

    /// After `no`: the ways to say "cycles".
    static let cyclePhrases = ["cycles", "circular dependencies", "cyclic dependencies", "dependency cycles", "import cycles",
                               "circular imports", "circular references"]

    /// Whether a phrase says no or never (in its first two words, where the modal stands, typos like
    /// `mustnt` and `mustnot` included): a hint keeps the sense of what was written.
    static func isNegative(_ words: [String]) -> Bool {
        words.prefix(2).contains { word in
            ["no", "never", "cannot"].contains(word) || word.hasSuffix("not") || word.hasSuffix("nt") || word.hasSuffix("n't")
                || word.hasSuffix("n\u{2019}t")
        }
    }

    /// Words that start a statement.
    static let leadingKeywords = ["component", "layers", "strict", "only", "no", "files", "judge", "manifests", "adr", "scan", "ignore"]
}

struct ParseFailure: Error {
    var message: String
    var offset: Int
    var hint: String?
}

private struct Parser {
    let tokens: [RuleToken]
    let text: String
    let location: SourceLocation
    var index = 0
    /// Where the statement's main part ends and suffixes (`except`, `until`, `because`, `(error)`) begin.
    var headEnd: Int

    init(tokens: [RuleToken], text: String, location: SourceLocation) {
        self.tokens = tokens
        self.text = text
        self.location = location
        headEnd = tokens.count
        for k in tokens.indices where Parser.startsSuffix(tokens, at: k) {
            headEnd = k
            break
        }
    }

    static func startsSuffix(_ tokens: [RuleToken], at k: Int) -> Bool {
        let t = tokens[k]
        if t.isKeyword("except") || t.isKeyword("because") { return true }
        if t.isKeyword("until"), k + 1 < tokens.count, tokens[k + 1].kind == .word,
           tokens[k + 1].text.first?.isNumber == true {
            return true
        }
        if t.isSymbol("("), k + 2 < tokens.count, tokens[k + 2].isSymbol(")"),
           Severity(rawValue: tokens[k + 1].text.lowercased()) != nil {
            return k == 0 || !(tokens[k - 1].kind == .word && tokens[k - 1].offset + tokens[k - 1].text.count == t.offset)
        }
        return false
    }

    // MARK: Statements

    mutating func statement() throws -> Statement {
        let first = tokens[0]
        if first.isKeyword("component") { return .component(try component()) }
        if first.isKeyword("adr"), tokens.count > 1, tokens[1].isKeyword("directory") {
            index = 2
            let path = try expectPath("a directory, e.g. `adr directory docs/decisions`")
            try expectEnd(of: "the setting")
            return .setting(.adrDirectory(path))
        }
        if first.isKeyword("scan") || first.isKeyword("ignore") {
            index = 1
            var globs: [Glob] = []
            repeat {
                globs.append(Glob(try expectPath("a path or glob, e.g. `\(first.text.lowercased()) Sources/**`")))
            } while acceptSeparator()
            try expectEnd(of: "the setting")
            return .setting(first.isKeyword("scan") ? .scan(globs) : .ignore(globs))
        }
        if first.isKeyword("judge"), tokens.count > 1, tokens[1].kind == .word, !tokens[1].isKeyword("prose") {
            return .setting(try judgeSetting())
        }
        if first.isKeyword("judge"), tokens.count > 1, tokens[1].isKeyword("prose") {
            index = 2
            guard accept("rules") || accept("rule") else {
                throw expectedPhrase([RuleParser.Phrase("rules", "rules")], after: "judge prose")
            }
            var subject: Selector?
            if accept("for") { subject = try selector("a component after `for`") }
            try expectEnd(of: "`judge prose rules`")
            let suffixStart = headEnd < tokens.count ? tokens[headEnd].offset : 0
            var suffixed = Rule(kind: .noCycles(nil))
            try suffixes(into: &suffixed)
            guard suffixed.exceptions.isEmpty, suffixed.until == nil, suffixed.because == nil else {
                throw ParseFailure(message: "`judge prose rules` takes no `except`, `until` or `because`", offset: suffixStart,
                                   hint: "only a severity: `judge prose rules (warning)`")
            }
            return .judgeProse(ProseJudging(subject: subject, severity: suffixed.severity))
        }
        var rule = Rule(kind: try ruleKind())
        try expectEnd(of: "the rule")
        try suffixes(into: &rule)
        return .rule(rule)
    }

    /// `judge NAME VALUE`: a setting of the LLM judge (`judge model …`, `judge url …`, `judge timeout 30`).
    mutating func judgeSetting() throws -> Setting {
        let nameToken = tokens[1]
        let name = nameToken.text.lowercased()
        if ["key", "api-key", "apikey", "token"].contains(name) {
            throw ParseFailure(message: "the judge's key is never a setting: set STELE_LLM_API_KEY in the environment", offset: nameToken.offset,
                               hint: "a key written in the repository is a key published")
        }
        guard let variable = Setting.judgeNames.first(where: { $0.name == name })?.variable else {
            let names = Setting.judgeNames.map(\.name)
            throw ParseFailure(message: "unknown judge setting `\(nameToken.text)`", offset: nameToken.offset,
                               hint: Suggestion.closest(to: name, in: names).map { "did you mean `judge \($0)`?" }
                                   ?? "the judge's settings: " + names.map { "`\($0)`" }.joined(separator: ", ") + "; or write `judge \"…\" for A`")
        }
        index = 2
        guard let valueToken = current, index < headEnd, valueToken.kind != .symbol else {
            throw failure("expected a value after `judge \(name)`", hint: "e.g. `judge model qwen2.5-coder-7b-instruct`")
        }
        index += 1
        try expectEnd(of: "`judge \(name) …`")
        if headEnd < tokens.count {
            throw ParseFailure(message: "unexpected `\(tokens[headEnd].text)` after `judge \(name) …`", offset: tokens[headEnd].offset, hint: nil)
        }
        var value = valueToken.text
        switch name {
        case "provider":
            guard ["openai", "anthropic"].contains(value.lowercased()) else {
                throw ParseFailure(message: "`judge provider` is `openai` or `anthropic`, not `\(value)`", offset: valueToken.offset, hint: nil)
            }
            value = value.lowercased()
        case "url":
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ParseFailure(message: "`judge url` must start with http:// or https://", offset: valueToken.offset,
                                   hint: "e.g. `judge url http://127.0.0.1:8080/v1`")
            }
        case "model": break
        case "response-format":
            // The values of SteleJudge's `ResponseFormat`.
            guard ["json-schema", "json-object", "none"].contains(value.lowercased()) else {
                throw ParseFailure(message: "`judge response-format` is `json-schema`, `json-object` or `none`, not `\(value)`",
                                   offset: valueToken.offset, hint: nil)
            }
            value = value.lowercased()
        default:
            guard Int(value).map({ $0 >= 0 }) == true else {
                throw ParseFailure(message: "`judge \(name)` takes a whole number, not `\(value)`", offset: valueToken.offset, hint: nil)
            }
        }
        return .judge(variable: variable, value: value)
    }

    mutating func component() throws -> ComponentDeclaration {
        index = 1
        guard let nameToken = current, nameToken.kind == .word, isName(nameToken.text) else {
            throw failure("expected a component name after `component`", hint: "e.g. `component Domain = Sources/Domain/**`")
        }
        index += 1
        var parametrized = false
        if current?.isSymbol("(") == true {
            guard peek(1)?.text == "*", peek(2)?.isSymbol(")") == true else {
                throw failure("expected `(*)` after `\(nameToken.text)`", hint: "a parametrized component is written `\(nameToken.text)(*) = Sources/\(nameToken.text)s/*/**`")
            }
            index += 3
            parametrized = true
        }
        guard current?.isSymbol("=") == true else {
            throw failure("expected `=` after `component \(nameToken.text)`", hint: "e.g. `component \(nameToken.text) = module \(nameToken.text)` or `= Sources/\(nameToken.text)/**`")
        }
        index += 1
        var sources: [ComponentDeclaration.Source] = []
        var prefix: String?
        repeat {
            guard let t = current, index < headEnd else {
                throw failure("expected `module NAME`, `external NAME` or a path glob", hint: nil)
            }
            if t.isKeyword("module") || t.isKeyword("external") {
                prefix = t.text.lowercased()
                index += 1
            }
            guard let item = current, index < headEnd else {
                throw failure("expected a name after `\(prefix ?? "")`", hint: nil)
            }
            if item.kind == .string, prefix != nil || isName(item.text) {
                // `module \`Core\``, or a quoted name with no prefix (ambiguous, as unquoted).
                guard let prefix, isName(item.text) else {
                    throw failure("expected `module \(item.text)`, `external \(item.text)` or a path glob, found `\(item.text)`",
                                  hint: "a bare name is ambiguous: say whether it is a detected module or an external one")
                }
                sources.append(prefix == "module" ? .module(item.text) : .external(item.text))
            } else if item.kind == .glob || item.kind == .string {
                if parametrized && prefix == nil && !item.text.contains("*") {
                    throw failure("a parametrized component needs a `*` in its glob", hint: "e.g. `Sources/Features/*/**`")
                }
                sources.append(.glob(Glob(item.text)))
                prefix = nil
            } else if item.kind == .word, let prefix, isName(item.text) {
                sources.append(prefix == "module" ? .module(item.text) : .external(item.text))
            } else if item.kind == .word {
                throw failure("expected `module \(item.text)`, `external \(item.text)` or a path glob, found `\(item.text)`",
                              hint: "a bare name is ambiguous: say whether it is a detected module or an external one")
            } else {
                throw failure("expected `module NAME`, `external NAME` or a path glob, found `\(item.text)`", hint: nil)
            }
            index += 1
        } while acceptSeparator()
        if parametrized && !sources.contains(where: { if case .glob = $0 { return true } else { return false } }) {
            throw ParseFailure(message: "a parametrized component must be defined by a glob with `*`", offset: nameToken.offset,
                               hint: "e.g. `component \(nameToken.text)(*) = Sources/Features/*/**`")
        }
        if index < tokens.count {
            if let spaced = spacedPath() { throw spaced }
            throw failure("unexpected `\(tokens[index].text)` in a component declaration", hint: "components take no `except`, `until` or severity")
        }
        return ComponentDeclaration(name: nameToken.text, isParametrized: parametrized, sources: sources, location: location)
    }

    mutating func ruleKind() throws -> Rule.Kind {
        let first = tokens[0]
        // `layers:` as a heading-like lead, as people write it.
        func isLayers(_ t: RuleToken?) -> Bool { t?.isKeyword("layers") == true || t?.isKeyword("layers:") == true }
        if isLayers(first) || (first.isKeyword("strict") && isLayers(peek(1))) {
            let strict = first.isKeyword("strict")
            index = strict ? 2 : 1
            var layers = [try selector("a layer")]
            if current?.isSymbol("→") == true {
                throw failure("arrows between layers are read both ways", hint: "write the highest layer first with `>`: `layers UI > Domain > Data`")
            }
            while current?.isSymbol(">") == true, index < headEnd {
                index += 1
                layers.append(try selector("a layer after `>`"))
            }
            if layers.count < 2 {
                throw failure(current == nil || index >= headEnd ? "`layers` needs at least two layers" : "expected `>` between layers",
                              hint: "write the highest layer first: `layers UI > Application > Domain`")
            }
            return .layers(layers, strict: strict)
        }
        if first.isKeyword("only") {
            index = 1
            let allowed = try selectorList("a component after `only`")
            switch acceptAny(RuleParser.onlyPhrases) {
            case "may depend on": return .onlyMayDependOn(allowed, try selector("a component after `may depend on`"))
            case "may import": return .onlyMayImport(allowed, modules: try moduleList())
            default: throw expectedPhrase(RuleParser.onlyPhrases, after: allowed.map(\.description).joined(separator: ", "))
            }
        }
        if first.isKeyword("no"), let words = RuleParser.cyclePhrases.first(where: { phrase in
            phrase.split(separator: " ").enumerated().allSatisfy { peek($0.offset + 1)?.isKeyword(String($0.element)) == true }
        }) {
            index = 1 + words.split(separator: " ").count
            if accept("in") || accept("among") || accept("between") || accept("within") {
                return .noCycles(try selector("a component after `no cycles in`"))
            }
            return .noCycles(nil)
        }
        if first.isKeyword("files"), peek(1)?.isKeyword("in") == true {
            index = 2
            let subject = try selector("a component after `files in`")
            guard accept("must be named") else { throw expectedPhrase([RuleParser.Phrase("must be named", "must be named")], after: subject.description) }
            guard let pattern = current, pattern.kind == .string || pattern.kind == .glob, index < headEnd else {
                throw failure("expected a quoted file-name pattern", hint: "e.g. `files in ViewModels must be named \"*ViewModel.swift\"`")
            }
            index += 1
            return .naming(subject, pattern: pattern.text)
        }
        if first.isKeyword("manifests"), peek(1)?.isKeyword("must") == true, peek(2)?.isKeyword("match") == true {
            index = 3
            guard accept("imports") else { throw expectedPhrase([RuleParser.Phrase("imports", "imports")], after: "manifests must match") }
            if accept("for") { return .manifestsMatchImports(try selector("a component or module after `for`")) }
            return .manifestsMatchImports(nil)
        }
        if first.isKeyword("judge") {
            index = 1
            guard let question = current, question.kind == .string else {
                throw failure("expected a quoted rule after `judge`", hint: "e.g. `judge \"views hold no business logic\" for UI`")
            }
            index += 1
            guard accept("for") else { throw expectedPhrase([RuleParser.Phrase("for", "for")], after: "judge \"…\"") }
            return .judge(question.text, try selector("a component after `for`"))
        }

        // SUBJECT VERB ...
        let subject = try selector("a component, module or glob")
        switch acceptAny(RuleParser.verbPhrases) {
        case "must not depend on each other":
            guard case .family(let family) = subject else {
                throw ParseFailure(message: "`must not depend on each other` needs a parametrized component like `Feature(*)`",
                                   offset: tokens[0].offset, hint: "declare it with `component Feature(*) = Sources/Features/*/**`")
            }
            return .independent(family: family)
        case "must not depend on":
            let targets = try selectorList("a component after `must not depend on`")
            let transitive = accept("directly or indirectly") || accept("transitively") || accept("indirectly")
                || accept("directly or transitively")
            return .mustNotDependOn(subject, targets, transitive: transitive)
        case "must not import": return .mustNotImport(subject, modules: try moduleList())
        case "may only depend on": return .mayOnlyDependOn(subject, try selectorList("a component after `may only depend on`"))
        case "must not use": return .mustNotUse(subject, symbols: try moduleList(what: "a symbol, e.g. `print` or `UserDefaults.standard`"))
        case "must be acyclic": return .noCycles(subject)
        default: break
        }
        if index == 1, let keyword = Suggestion.closest(to: first.text.lowercased(), in: RuleParser.leadingKeywords) {
            throw ParseFailure(message: "unknown statement `\(first.text)`", offset: first.offset,
                               hint: "did you mean `\(keyword)`?")
        }
        if index == 1, tokens.contains(where: { $0.isSymbol(">") }) {
            throw ParseFailure(message: "unknown statement `\(first.text)`", offset: first.offset, hint: "did you mean `layers \(text)`?")
        }
        if let spaced = spacedPath() { throw spaced }
        throw expectedPhrase(RuleParser.verbPhrases, after: subject.description)
    }

    mutating func suffixes(into rule: inout Rule) throws {
        index = headEnd
        headEnd = tokens.count
        while let t = current {
            if t.isKeyword("except") {
                index += 1
                rule.exceptions += try selectorList("a component or glob after `except`")
            } else if t.isKeyword("until") {
                index += 1
                guard let date = current, date.kind == .word, Parser.isValidDate(date.text) else {
                    throw failure("expected a date `YYYY-MM-DD` after `until`", hint: "e.g. `until 2027-03-31`")
                }
                rule.until = date.text
                index += 1
            } else if t.isKeyword("because") {
                index += 1
                guard let reason = current, reason.kind == .word else {
                    throw failure("expected an ADR id after `because`", hint: "e.g. `because ADR-0007`")
                }
                rule.because = reason.text
                index += 1
            } else if t.isSymbol("("), let word = peek(1), let severity = Severity(rawValue: word.text.lowercased()), peek(2)?.isSymbol(")") == true {
                rule.severity = severity
                index += 3
            } else {
                throw failure("unexpected `\(t.text)`", hint: "a rule may end with `except …`, `until YYYY-MM-DD`, `(error|warning|info)` or `because ADR-…`")
            }
        }
    }

    // MARK: Pieces

    var current: RuleToken? { index < tokens.count ? tokens[index] : nil }
    func peek(_ n: Int) -> RuleToken? { index + n < tokens.count ? tokens[index + n] : nil }

    /// Consumes a keyword phrase (case-insensitive) if the next words spell it.
    mutating func accept(_ phrase: String) -> Bool {
        accept(words: phrase.split(separator: " ").map(String.init))
    }

    mutating func accept(words: [String]) -> Bool {
        guard index + words.count <= headEnd else { return false }
        for (k, word) in words.enumerated() where !tokens[index + k].isKeyword(word) { return false }
        index += words.count
        return true
    }

    /// `,` or `and` (or `, and`) between list items.
    mutating func acceptSeparator() -> Bool {
        guard index < headEnd else { return false }
        if current?.isSymbol(",") == true {
            index += 1
            if current?.isKeyword("and") == true, index + 1 < headEnd { index += 1 }
            return true
        }
        if current?.isKeyword("and") == true, index + 1 < headEnd { index += 1; return true }
        return false
    }

    mutating func selector(_ what: String) throws -> Selector {
        guard let t = current, index < headEnd else { throw failure("expected \(what)", hint: nil) }
        if t.kind == .glob { index += 1; return .glob(Glob(t.text)) }
        // Quoted: a name (`\`Domain\``, as written in a fenced block) or a path (`"State Machine/**"`).
        if t.kind == .string {
            index += 1
            return isName(t.text) ? .name(t.text) : .glob(Glob(t.text))
        }
        guard t.kind == .word, isName(t.text) else {
            throw failure("expected \(what), found `\(t.text)`", hint: nil)
        }
        index += 1
        // `Feature(*)` / `Feature(Login)`: the parenthesis touches the name; `A (warning)` is a suffix.
        if let open = current, open.isSymbol("("), open.offset == t.offset + t.text.count, index + 2 < headEnd,
           let inner = peek(1), peek(2)?.isSymbol(")") == true, Severity(rawValue: inner.text.lowercased()) == nil {
            if inner.text == "*" { index += 3; return .family(t.text) }
            if inner.kind == .word { index += 3; return .member(family: t.text, member: inner.text) }
        }
        return .name(t.text)
    }

    mutating func selectorList(_ what: String) throws -> [Selector] {
        var list = [try selector(what)]
        while acceptSeparator() { list.append(try selector(what)) }
        return list
    }

    mutating func moduleList(what: String = "a module name") throws -> [String] {
        var names: [String] = []
        repeat {
            guard let t = current, index < headEnd, t.kind == .word || t.kind == .string, isName(t.text) else {
                throw failure("expected \(what)" + (current.map { ", found `\($0.text)`" } ?? ""), hint: nil)
            }
            names.append(t.text)
            index += 1
        } while acceptSeparator()
        return names
    }

    mutating func expectPath(_ what: String) throws -> String {
        guard let t = current, t.kind == .word || t.kind == .glob || t.kind == .string else {
            throw failure("expected \(what)", hint: nil)
        }
        index += 1
        return t.text
    }

    func expectEnd(of what: String) throws {
        guard index < headEnd, let t = current else { return }
        if let spaced = spacedPath() { throw spaced }
        throw ParseFailure(message: "unexpected `\(t.text)` after \(what)", offset: t.offset,
                           hint: "separate names with `,`; a rule may end with `except …`, `until YYYY-MM-DD`, `(error|warning|info)` or `because ADR-…`")
    }

    /// Consumes the first of `phrases` the next words spell, and returns its canonical phrase.
    mutating func acceptAny(_ phrases: [RuleParser.Phrase]) -> String? {
        for entry in phrases where accept(words: entry.words) { return entry.canonical }
        return nil
    }

    /// "expected … after SUBJECT", naming the canonical phrases, with a hint: the canonical form of
    /// the closest phrase that says the same thing (a negative one for a negative, a positive one
    /// for a positive: `must only depend on` is never answered with `must not depend on`).
    func expectedPhrase(_ phrases: [RuleParser.Phrase], after subject: String) -> ParseFailure {
        var canonical: [String] = []
        for entry in phrases where !canonical.contains(entry.canonical) { canonical.append(entry.canonical) }
        let quoted = canonical.map { "`\($0)`" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        guard let t = current, index < headEnd else {
            return ParseFailure(message: "expected \(list) after `\(subject)`", offset: text.count, hint: nil)
        }
        // Compare the next few words with each phrase of about the same length: "mustnt depend on" → "must not depend on".
        let rest = tokens[index..<headEnd].prefix(8).map { $0.text.lowercased() }
        var best: (canonical: String, distance: Int)?
        for entry in phrases {
            let words = entry.words
            let fewest = max(1, words.count - 1), most = min(rest.count, words.count + 1)
            guard fewest <= most else { continue }
            for take in fewest...most {
                let written = Array(rest.prefix(take))
                guard RuleParser.isNegative(written) == RuleParser.isNegative(words) else { continue }
                let limit = max(2, entry.phrase.count / 3)
                let d = Suggestion.editDistance(written.joined(separator: " "), entry.phrase, limit: limit)
                if d <= limit, best == nil || d < best!.distance { best = (entry.canonical, d) }
            }
        }
        return ParseFailure(message: "expected \(list) after `\(subject)`, found `\(t.text)`", offset: t.offset,
                            hint: best.map { "did you mean `\($0.canonical)`?" })
    }

    /// A path written with a space and no quotes (`Sources/App/State Machine/**`) reads as two
    /// words: the failure that says to quote it, when the current token continues a path.
    func spacedPath() -> ParseFailure? {
        guard index > 0, index < tokens.count else { return nil }
        // The rest of a path: more path (`Machine/**`), or a file name (`View.swift`).
        func continues(_ t: RuleToken) -> Bool {
            t.kind == .glob || (t.kind == .word && t.text.contains(".") && t.text.split(separator: ".").last.map { $0.count <= 5 && $0.allSatisfy(\.isLetter) } == true)
        }
        let before = tokens[index - 1], here = tokens[index]
        guard before.kind == .glob, continues(here), here.offset == before.offset + before.text.count + 1 else { return nil }
        var end = index
        while end + 1 < headEnd, continues(tokens[end + 1]), tokens[end + 1].offset == tokens[end].offset + tokens[end].text.count + 1 { end += 1 }
        let start = before.offset
        let last = tokens[end]
        let path = String(Array(text)[start..<(last.offset + last.text.count)])
        return ParseFailure(message: "`\(path)` reads as \(end - index + 2) words: a path with a space must be quoted",
                            offset: start, hint: "write it in quotes: `\"\(path)\"` (or escape the space: `\(path.replacingSpaces())`)")
    }

    func failure(_ message: String, hint: String?) -> ParseFailure {
        ParseFailure(message: message, offset: index < tokens.count ? tokens[index].offset : text.count, hint: hint)
    }

    func isName(_ text: String) -> Bool {
        if RuleToken.isPackageName(text) { return true }
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    static func isValidDate(_ text: String) -> Bool {
        CalendarDay.number(text) != nil
    }
}

private extension String {
    /// `State Machine` → `State\ Machine`.
    func replacingSpaces() -> String {
        var out = ""
        for c in self { if c == " " { out += "\\ " } else { out.append(c) } }
        return out
    }
}

import SteleCore

/// Reads a Swift file's declarations and references from the lexer's tokens, in one pass.
///
/// It keeps just enough structure to answer "could this name reach file scope?": which braces are
/// type bodies and which are code (function bodies, closures, accessors), and which names each
/// code scope binds (parameters, generic parameters, closure parameters, `let`/`var`, `for`,
/// `catch`). A name bound in an enclosing scope is local and is no reference; so is a member
/// (`x.name`), an argument label, a keyword or `$0`. Everything else is recorded, with the type
/// body it sits in, for the resolver to match against the project's declarations.
///
/// This is a lexer-level reading, not a type checker: it cannot know inherited members or the
/// type of `x` in `x.foo`. What it cannot decide, it leaves to resolution ("ambiguous"), never
/// to a guess.
enum SwiftSymbolScanner {
    /// The longest enclosing-type path a nested type's path extends (`Outer.Inner`): deeper
    /// nesting than any real code has is cut there, to keep memory linear in the file.
    static let maximumTypePathLength = 1_024

    struct Result: Sendable {
        var declarations: [Declaration]
        var references: [Reference]
        /// The file's `stele:allow` comments (it is lexed to the end, so all of them are seen).
        var suppressions: [Suppression]
        /// Whether every brace the walk opened was closed: when not, the file does not compile as
        /// read, or the walk lost its way, and the facts after that point may be incomplete.
        var isBalanced: Bool = true
    }

    static func scan(_ source: [UInt8]) -> Result {
        var tokens: [SwiftToken] = []
        return scan(source, tokens: &tokens)
    }

    /// `scan`, with `tokens` as the buffer for the file's tokens: a scan of many files reuses one.
    static func scan(_ source: [UInt8], tokens: inout [SwiftToken]) -> Result {
        var lexer = SwiftLexer(source)
        let suppressions = SwiftTokenBuffer.fill(&tokens, from: &lexer)
        var walker = Walker(tokens: tokens, lexer: lexer)
        walker.walk()
        return Result(declarations: walker.declarations, references: walker.references, suppressions: suppressions,
                      isBalanced: walker.scopes.isEmpty && walker.codeDepth == 0)
    }

    /// The state of one walk over a file's tokens.
    struct Walker {
        let tokens: [SwiftToken]
        let lexer: SwiftLexer
        var declarations: [Declaration] = []
        var references: [Reference] = []

        /// One brace: a type body (with its dotted path) or code. The names it binds are
        /// `boundNames[mark...]`.
        struct Scope {
            var type: String?
            var mark: Int
        }
        var scopes: [Scope] = []
        /// Every name the open scopes bind, by hash, outermost first: a flat stack is the cheapest
        /// answer to "is it local?" for the few dozen names in scope at a time.
        var boundNames: [UInt64] = []
        /// How many code scopes are open: declarations inside code are local.
        var codeDepth = 0
        /// Every open `(`, `[`, `{`, innermost last.
        var brackets: [UInt8] = []
        /// A type header (`struct Foo<T>: P`) whose body the next `{` at this depth opens.
        var pendingType: (path: String, depth: Int, locals: [UInt64])?
        /// In a type header's `where` clause (`extension Array where Element: P`): the type whose
        /// generic parameters and members the names there see, as in its body.
        var whereClauseType: String?
        /// Names the next code scope binds: a function's parameters and generic parameters,
        /// an accessor's `newValue`. They count as local already in the header (`-> T`).
        var pendingLocals: [UInt64] = []
        /// The bracket depth of the parameter list being read, if any.
        var parameterListDepth: Int?
        /// Tokens that are names being declared, not references.
        var declaredNames: [Bool]

        /// The scope state at each open `#if`. Every branch starts from it: branches that each open
        /// a brace (`#if os(Linux)` / `extension Foo {` / `#else` / `extension Foo: Bar {` / `#endif`)
        /// would otherwise open two scopes and close one.
        struct Snapshot {
            var scopes: [Scope]
            var boundNames: [UInt64]
            var codeDepth: Int
            var brackets: [UInt8]
        }
        var conditionals: [Snapshot] = []

        /// `SwiftKeyword.table`, held here so the hot loop does not go through a global's accessor.
        let keywordTable = SwiftKeyword.table

        init(tokens: [SwiftToken], lexer: SwiftLexer) {
            self.tokens = tokens
            self.lexer = lexer
            declaredNames = [Bool](repeating: false, count: tokens.count)
        }

        mutating func walk() {
            var i = 0
            while i < tokens.count {
                i = visit(i)
            }
        }

        // MARK: Token helpers

        func isPunctuation(_ i: Int, _ c: Unicode.Scalar) -> Bool {
            i >= 0 && i < tokens.count && lexer.isPunctuation(tokens[i], c)
        }

        func isName(_ i: Int) -> Bool {
            i >= 0 && i < tokens.count && (tokens[i].kind == .identifier || tokens[i].kind == .backtickIdentifier)
        }

        /// The identifier's name, without backticks.
        func name(_ i: Int) -> String {
            let token = tokens[i]
            if token.kind == .backtickIdentifier {
                let end = lexer.bytes[token.end - 1] == UInt8(ascii: "`") && token.end - token.start >= 2 ? token.end - 1 : token.end
                return String(decoding: lexer.bytes[(token.start + 1)..<end], as: UTF8.self)
            }
            return lexer.text(of: token)
        }

        func isOperator(_ i: Int, _ text: StaticString) -> Bool {
            i >= 0 && i < tokens.count && lexer.isOperator(tokens[i], text)
        }

        /// The hash of an identifier's name (backticks stripped): how names are compared while walking.
        func hash(_ i: Int) -> UInt64 {
            let token = tokens[i]
            if token.kind == .backtickIdentifier, token.end - token.start >= 2 {
                let end = lexer.bytes[token.end - 1] == UInt8(ascii: "`") ? token.end - 1 : token.end
                return StableHash.fnv1a(bytes: lexer.bytes[(token.start + 1)..<end])
            }
            return StableHash.fnv1a(bytes: lexer.bytes[token.start..<token.end])
        }

        /// The keyword at `i`, if it is one (a backticked word never is).
        func keyword(_ i: Int) -> SwiftKeyword? {
            guard i >= 0, i < tokens.count, tokens[i].kind == .identifier else { return nil }
            return keyword(i, hash: hash(i))
        }

        func keyword(_ i: Int, hash: UInt64) -> SwiftKeyword? {
            guard let keyword = SwiftKeyword.lookup(hash, in: keywordTable), lexer.token(tokens[i], isText: keyword.rawValue) else { return nil }
            return keyword
        }

        func isWord(_ i: Int, _ word: StaticString) -> Bool {
            i >= 0 && i < tokens.count && tokens[i].kind == .identifier && lexer.token(tokens[i], is: word)
        }

        var enclosingType: String? {
            for scope in scopes.reversed() where scope.type != nil { return scope.type }
            return nil
        }

        func isLocal(_ name: UInt64) -> Bool {
            boundNames.contains(name) || pendingLocals.contains(name) || pendingType?.locals.contains(name) == true
        }

        mutating func open(type: String?, locals: [UInt64]) {
            scopes.append(Scope(type: type, mark: boundNames.count))
            boundNames += locals
        }

        mutating func close() {
            guard let scope = scopes.popLast() else { return }
            boundNames.removeSubrange(min(scope.mark, boundNames.count)...)
            if scope.type == nil { codeDepth -= 1 }
        }

        // MARK: Walking

        mutating func visit(_ i: Int) -> Int {
            let token = tokens[i]
            switch token.kind {
            case .punctuation:
                punctuation(i)
            case .identifier, .backtickIdentifier:
                // A backticked word is never a keyword (its text is not the keyword's), but it is a
                // label, member or parameter like any other name.
                return identifier(i)
            case .attribute:
                // `@Clamped`, `@MainActor`: a property wrapper, global actor, result builder or macro.
                // Lower-case ones (`@escaping`, `@testable`, `@available`) are the language's own.
                let text = lexer.text(of: token)
                if let first = text.utf8.dropFirst().first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") {
                    record(String(text.dropFirst()), members: "", at: token)
                } else if isPunctuation(i + 1, "("), tokens[i + 1].start == token.end,
                          !Walker.attributesWithReferences.contains(text) {
                    // `@available(iOS 15, *)`, `@attached(member, names: named(init))`, `@abi(func old())`:
                    // platforms, options and names, not uses (nor declarations).
                    return skipParentheses(from: i + 1)
                }
            case .conditionalDirective:
                conditionalDirective(token)
            case .poundKeyword:
                // `#stringify(x)`: a freestanding macro (built-ins like `#available` never resolve).
                let text = lexer.text(of: token)
                if text == "#available" || text == "#unavailable" {
                    if isPunctuation(i + 1, "(") { return skipParentheses(from: i + 1) }
                } else if text.utf8.count > 1 {
                    record(String(text.dropFirst()), members: "", at: token)
                }
            default:
                break
            }
            return i + 1
        }

        /// The language's attributes whose arguments name declarations or types of the code.
        static let attributesWithReferences: Set<String> = [
            "@_specialize", "@_implements", "@_dynamicReplacement", "@differentiable", "@derivative", "@transpose",
        ]

        /// The index after the `)` matching the `(` at `start` (or the end of the tokens).
        func skipParentheses(from start: Int) -> Int {
            var depth = 0
            var j = start
            while j < tokens.count {
                if isPunctuation(j, "(") { depth += 1 }
                else if isPunctuation(j, ")") { depth -= 1; if depth == 0 { return j + 1 } }
                else if isPunctuation(j, "{") || isPunctuation(j, "}") { return j } // unbalanced: stop before a brace
                j += 1
            }
            return j
        }

        mutating func conditionalDirective(_ token: SwiftToken) {
            let bytes = lexer.bytes
            let second = token.start + 1 < token.end ? bytes[token.start + 1] : 0
            let third = token.start + 2 < token.end ? bytes[token.start + 2] : 0
            if second == UInt8(ascii: "i") { // #if
                conditionals.append(Snapshot(scopes: scopes, boundNames: boundNames, codeDepth: codeDepth, brackets: brackets))
            } else if second == UInt8(ascii: "e") && (third == UInt8(ascii: "l")) { // #else, #elseif
                guard let snapshot = conditionals.last else { return }
                scopes = snapshot.scopes
                boundNames = snapshot.boundNames
                codeDepth = snapshot.codeDepth
                brackets = snapshot.brackets
            } else if second == UInt8(ascii: "e") { // #endif
                _ = conditionals.popLast()
            }
        }

        mutating func punctuation(_ i: Int) {
            let c = lexer.bytes[tokens[i].start]
            switch c {
            case UInt8(ascii: "{"):
                if let pending = pendingType, pending.depth == brackets.count {
                    open(type: pending.path, locals: pending.locals)
                    pendingType = nil
                    whereClauseType = nil
                } else if let depth = parameterListDepth, brackets.count >= depth {
                    // A default value's closure (`completion: () -> Void = {}`): a scope of its own;
                    // the parameters read so far, and the rest of the list, are still the function's.
                    open(type: nil, locals: closureParameters(after: i))
                    codeDepth += 1
                    brackets.append(c)
                    return
                } else {
                    let locals = pendingLocals + closureParameters(after: i)
                    pendingLocals = []
                    open(type: nil, locals: locals)
                    codeDepth += 1
                }
                brackets.append(c)
                parameterListDepth = nil
            case UInt8(ascii: "}"):
                // Unbalanced input: close whatever is open down to the brace.
                while let last = brackets.popLast(), last != UInt8(ascii: "{") {}
                close()
            case UInt8(ascii: "("), UInt8(ascii: "["):
                brackets.append(c)
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                if brackets.count == parameterListDepth { parameterListDepth = nil }
                if let last = brackets.last, last != UInt8(ascii: "{") { brackets.removeLast() }
            default:
                break
            }
        }

        mutating func identifier(_ i: Int) -> Int {
            if declaredNames[i] { return i + 1 }
            // `x.name`, `.init`, `.default`: a member of something else.
            if isPunctuation(i - 1, ".") { return i + 1 }
            let hash = hash(i)
            if let keyword = keyword(i, hash: hash) {
                // `fullText(for: self)`, `f(in: x)`: a keyword as an argument label is only a label; so is
                // one before a parameter's name (`func value(for key: Key)`, `f(case value: Kind)`).
                if brackets.last == UInt8(ascii: "("),
                   isPunctuation(i + 1, ":") || (isName(i + 1) && isPunctuation(i + 2, ":")) {
                    return i + 1
                }
                return self.keyword(keyword, at: i)
            }
            if lexer.bytes[tokens[i].start] == UInt8(ascii: "$") { return i + 1 }
            // `} completion: {`: the label of a trailing closure after the first.
            if isPunctuation(i - 1, "}"), isPunctuation(i + 1, ":"), isPunctuation(i + 2, "{") {
                return i + 1
            }
            // `outer: for`: a statement's label, where a statement starts (not `case limit: if`).
            if isPunctuation(i + 1, ":"), let next = keyword(i + 2),
               tokens[i].isFirstOnLine || isPunctuation(i - 1, "{") || isPunctuation(i - 1, ";"),
               !isWord(i - 1, "case"), !isPunctuation(i - 1, ",") {
                switch next {
                case .for, .while, .repeat, .do, .if, .switch: return i + 1
                default: break
                }
            }
            if brackets.last == UInt8(ascii: "(") {
                // `f(label: x)`, `func f(label name: T)`, `(name: String, age: Int)`: labels and names;
                // `f(at:length:)`: a compound name's labels. In a parameter list, `name:` is always a
                // parameter, whatever stands before it (`@ViewBuilder content:`, `@Builder<T> body:`).
                if isPunctuation(i + 1, ":"),
                   isPunctuation(i - 1, "(") || isPunctuation(i - 1, ",") || isName(i - 1)
                    || isPunctuation(i - 1, ":")
                    || (brackets.count == parameterListDepth && !isOperator(i - 1, "?")) {
                    if brackets.count == parameterListDepth { pendingLocals.append(hash) }
                    return i + 1
                }
                if isName(i + 1), isPunctuation(i + 2, ":") { return i + 1 }
            }
            if isLocal(hash) { return i + 1 }
            return reference(i, name: name(i))
        }

        /// Records a reference to the name at `i`, with the member chain after it.
        mutating func reference(_ i: Int, name: String) -> Int {
            var members = ""
            var j = i + 1
            while isPunctuation(j, "."), isName(j + 1) {
                if !members.isEmpty { members += "." }
                members += self.name(j + 1)
                j += 2
            }
            record(name, members: members, at: tokens[i])
            return i + 1
        }

        mutating func record(_ name: String, members: String, at token: SwiftToken) {
            references.append(Reference(name: name, members: members, line: token.line, column: token.column,
                                             enclosingType: whereClauseType ?? enclosingType))
        }

        // MARK: Keywords

        mutating func keyword(_ keyword: SwiftKeyword, at i: Int) -> Int {
            switch keyword {
            case .struct, .enum, .actor, .protocol:
                return declareType(Declaration.Kind(rawValue: keyword.rawValue) ?? .struct, at: i)
            case .class:
                // `class func`, `class var`: a modifier. `protocol P: class`: a constraint.
                if self.keyword(i + 1)?.isModifierOrDeclaration == true { return i + 1 }
                if isPunctuation(i - 1, ":") || isPunctuation(i - 1, ",") { return i + 1 }
                return declareType(.class, at: i)
            case .extension:
                return declareExtension(at: i)
            case .typealias, .associatedtype, .macro:
                return declareSimple(Declaration.Kind(rawValue: keyword.rawValue) ?? .typealias, at: i)
            case .func:
                return declareFunction(at: i)
            case .`init`, .subscript:
                return declareInitializer(keyword == .subscript ? .subscript : .`init`, at: i)
            case .var, .let:
                declareBindings(keyword == .var ? .var : .let, at: i)
            case .case:
                if codeDepth == 0, enclosingType != nil { declareCases(at: i) }
            case .import:
                // The module path is no reference; the import scanner records it.
                var j = i + 1
                while j < tokens.count, !tokens[j].isFirstOnLine, !isPunctuation(j, ";") { j += 1 }
                return j
            case .operator, .precedencegroup:
                return min(i + 2, tokens.count) // the name declared: no reference
            case .where:
                if let pending = pendingType, pending.depth == brackets.count { whereClauseType = pending.path }
            case .break, .continue:
                // `break outer`: the label of the statement, on the same line.
                if isName(i + 1), !tokens[i + 1].isFirstOnLine { return i + 2 }
            case .catch:
                if !isWord(i + 1, "let"), !isWord(i + 1, "var") { pendingLocals.append(Walker.error) }
            case .get, .set, .willSet, .didSet:
                pendingLocals += [Walker.newValue, Walker.oldValue]
                // `willSet(newTheme) {`, `set(value) {`: the accessor names its parameter.
                if isPunctuation(i + 1, "("), isName(i + 2), isPunctuation(i + 3, ")"),
                   isPunctuation(i + 4, "{") {
                    pendingLocals.append(hash(i + 2))
                    declaredNames[i + 2] = true
                }
            case .for:
                // `for x in`, `for (a, b) in`, `for case let .some(x) in`: the loop binds its names.
                var j = i + 1
                while j < tokens.count, !isWord(j, "in"), !isPunctuation(j, "{") {
                    if isName(j), !isPunctuation(j - 1, "."), self.keyword(j) == nil {
                        bind(hash(j))
                        declaredNames[j] = true
                    }
                    j += 1
                }
                return j
            default:
                break
            }
            return i + 1
        }

        /// Adds a local name to the innermost code scope (or, at file scope, declares a global).
        mutating func bind(_ name: UInt64) {
            if !scopes.isEmpty { boundNames.append(name) }
        }

        static let error = StableHash.fnv1a("error")
        static let newValue = StableHash.fnv1a("newValue")
        static let oldValue = StableHash.fnv1a("oldValue")

        /// `public`, `private`... among the modifiers before the declaration keyword at `i`.
        func accessLevel(before i: Int) -> String? {
            var j = i - 1
            var steps = 0
            while j >= 0, steps < 16 {
                steps += 1
                let token = tokens[j]
                if token.kind == .attribute { j -= 1; continue }
                if isPunctuation(j, ")") {
                    // `private(set)`, `@available(…)`: skip the parenthesised part.
                    var depth = 0
                    while j >= 0 {
                        if isPunctuation(j, ")") { depth += 1 }
                        if isPunctuation(j, "(") { depth -= 1; if depth == 0 { break } }
                        j -= 1
                    }
                    if keyword(j - 1)?.isAccessLevel == true { j -= 2; continue }
                    j -= 1
                    continue
                }
                guard let word = keyword(j) else { return nil }
                if word.isAccessLevel { return word.rawValue }
                guard word.isModifierOrDeclaration else { return nil }
                j -= 1
            }
            return nil
        }

        /// Records a declaration, or binds a local name when inside code.
        mutating func declare(_ kind: Declaration.Kind, name: String, at i: Int, keyword: Int) {
            if codeDepth > 0 {
                bind(StableHash.fnv1a(name))
                return
            }
            declarations.append(Declaration(kind: kind, name: name, parent: enclosingType,
                                                 access: accessLevel(before: keyword), line: tokens[i].line, column: tokens[i].column))
        }

        mutating func declareType(_ kind: Declaration.Kind, at i: Int) -> Int {
            // Not `actor in`, `actor.run()`: a type's name is no keyword.
            guard isName(i + 1), keyword(i + 1) == nil else { return i + 1 }
            let typeName = name(i + 1)
            declare(kind, name: typeName, at: i + 1, keyword: i)
            pendingLocals = []
            // A type's path names its enclosing types, up to a bound: 50,000 nested `struct S {`
            // would otherwise store paths of every length up to 100 KB (quadratic memory). Past it,
            // a type is named by itself, as a top-level one is.
            let path = codeDepth > 0 ? typeName
                : enclosingType.map { $0.utf8.count > SwiftSymbolScanner.maximumTypePathLength ? typeName : "\($0).\(typeName)" } ?? typeName
            let generics = genericParameters(from: i + 2).names
            pendingType = (path, brackets.count, generics)
            whereClauseType = nil
            return i + 2
        }

        mutating func declareExtension(at i: Int) -> Int {
            var parts: [String] = []
            var j = i + 1
            while isName(j) {
                parts.append(name(j))
                guard isPunctuation(j + 1, ".") else { break }
                j += 2
            }
            guard !parts.isEmpty else { return i + 1 }
            let path = parts.joined(separator: ".")
            if codeDepth == 0 {
                declarations.append(Declaration(kind: .extension, name: path, parent: nil, access: accessLevel(before: i),
                                                     line: tokens[i + 1].line, column: tokens[i + 1].column))
            }
            pendingLocals = []
            pendingType = (path, brackets.count, [])
            whereClauseType = nil
            // The extended type is a reference (the walk records it next).
            return i + 1
        }

        mutating func declareSimple(_ kind: Declaration.Kind, at i: Int) -> Int {
            guard isName(i + 1) else { return i + 1 }
            declare(kind, name: name(i + 1), at: i + 1, keyword: i)
            let generics = genericParameters(from: i + 2)
            pendingLocals = generics.names
            if kind == .macro { expectParameters(at: generics.end) }
            return i + 2
        }

        mutating func declareFunction(at i: Int) -> Int {
            guard i + 1 < tokens.count else { return i + 1 }
            // A name, or an operator (`static func == (…)`).
            let token = tokens[i + 1]
            let declared = token.kind == .operator ? lexer.text(of: token) : isName(i + 1) ? name(i + 1) : ""
            guard !declared.isEmpty else { return i + 1 }
            declare(.func, name: declared, at: i + 1, keyword: i)
            let generics = genericParameters(from: i + 2)
            pendingLocals = generics.names
            expectParameters(at: generics.end)
            return i + 2
        }

        mutating func declareInitializer(_ kind: Declaration.Kind, at i: Int) -> Int {
            if codeDepth == 0, enclosingType != nil {
                declarations.append(Declaration(kind: kind, name: kind.rawValue, parent: enclosingType,
                                                     access: accessLevel(before: i), line: tokens[i].line, column: tokens[i].column))
            }
            var j = i + 1
            if j < tokens.count, tokens[j].kind == .operator, lexer.bytes[tokens[j].start] != UInt8(ascii: "<") { j += 1 } // init?, init!
            let generics = genericParameters(from: j)
            pendingLocals = generics.names
            expectParameters(at: generics.end)
            return i + 1
        }

        /// Marks the parameter list that follows (after any generic parameters) so its names bind.
        mutating func expectParameters(at j: Int) {
            if isPunctuation(j, "(") { parameterListDepth = brackets.count + 1 }
        }

        /// `<T, U: P>` at `start`: the parameter names (marked as declared, so not references), and
        /// the index after the list (`start` when there is none), where a parameter list may follow.
        mutating func genericParameters(from start: Int) -> (names: [UInt64], end: Int) {
            guard start < tokens.count, tokens[start].kind == .operator, lexer.token(tokens[start], is: "<") else { return ([], start) }
            var names: [UInt64] = []
            var depth = 0
            var j = start
            while j < tokens.count {
                let token = tokens[j]
                if token.kind == .operator {
                    for byte in lexer.bytes[token.start..<token.end] {
                        if byte == UInt8(ascii: "<") { depth += 1 } else if byte == UInt8(ascii: ">") { depth -= 1 }
                    }
                    if depth <= 0 { return (names, j + 1) }
                } else if isName(j), depth == 1,
                          (j == start + 1 || isPunctuation(j - 1, ",") || isWord(j - 1, "each")) {
                    names.append(hash(j))
                    declaredNames[j] = true
                } else if isPunctuation(j, "{") || isPunctuation(j, ";") {
                    break
                }
                j += 1
            }
            return (names, j)
        }

        /// `let x`, `var (a, b)`, `case let .some(x)`: members or globals outside code, locals inside.
        mutating func declareBindings(_ kind: Declaration.Kind, at i: Int) {
            var j = i + 1
            var names: [Int] = []
            if isName(j) {
                names.append(j)
                // `if let config {`, `guard var theme, …`, `… else`: the shorthand unwraps the name of an
                // outer scope, which is a use of it unless that one is local too.
                let inCondition = isWord(i - 1, "if") || isWord(i - 1, "guard") || isWord(i - 1, "while")
                    || (isPunctuation(i - 1, ",") && brackets.last != UInt8(ascii: "(") && brackets.last != UInt8(ascii: "["))
                if inCondition, codeDepth > 0,
                   isPunctuation(j + 1, "{") || isPunctuation(j + 1, ",") || isWord(j + 1, "else"),
                   !isLocal(hash(j)) {
                    record(name(j), members: "", at: tokens[j])
                }
                // `let config = config`, `guard let theme = theme?.dark`: the initializer names the
                // declaration the new local shadows, which is a use of it unless that one is local too.
                if codeDepth > 0, isOperator(j + 1, "="), isName(j + 2), hash(j + 2) == hash(j), keyword(j + 2) == nil {
                    declaredNames[j + 2] = true
                    if !isLocal(hash(j)) { _ = reference(j + 2, name: name(j + 2)) }
                }
            } else if isPunctuation(j, "(") || (isPunctuation(j, ".") && isPunctuation(j + 2, "(")) {
                // A tuple pattern, or an enum case pattern's payload: every name in it, nested ones too
                // (`.pair(x, .inner(y))`, `((a, b), c)`); case names follow a `.`.
                if isPunctuation(j, ".") { j += 2 }
                var depth = 0
                while j < tokens.count {
                    if isPunctuation(j, "(") { depth += 1 }
                    else if isPunctuation(j, ")") { depth -= 1; if depth == 0 { break } }
                    else if isPunctuation(j, "{") || isPunctuation(j, "}") { break }
                    else if depth >= 1, isName(j), !isPunctuation(j - 1, "."), keyword(j) == nil,
                            isPunctuation(j + 1, ",") || isPunctuation(j + 1, ")") {
                        names.append(j)
                    }
                    j += 1
                }
            }
            if !names.isEmpty, !isWord(i - 1, "case"), brackets.last != UInt8(ascii: "("), brackets.last != UInt8(ascii: "[") {
                names += moreBindings(after: j)
            }
            for index in names {
                declaredNames[index] = true
                declare(kind, name: name(index), at: index, keyword: i)
            }
        }

        /// `let a = 1, b = 2`, `var x, y: Int`: the names after a comma at the declaration's own
        /// level, up to the end of the statement (a line that does not continue it, `;`, or a
        /// brace that is a body: `var x: Int {`, `if let a = b {`).
        func moreBindings(after start: Int) -> [Int] {
            var names: [Int] = []
            var depth = 0
            var j = start + 1
            while j < tokens.count, j - start < 512 {
                let token = tokens[j]
                if depth == 0, token.isFirstOnLine, !isPunctuation(j - 1, ","), !isPunctuation(j, ",") { break }
                if token.kind == .punctuation {
                    switch lexer.bytes[token.start] {
                    case UInt8(ascii: "("), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "{"):
                        // A closure as a value (`= { … }`, `f({ … })`) is part of it; any other brace ends it.
                        guard depth > 0 || isOperator(j - 1, "=") else { return names }
                        depth += 1
                    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                        depth -= 1
                        if depth < 0 { return names }
                    case UInt8(ascii: ";"):
                        if depth == 0 { return names }
                    case UInt8(ascii: ","):
                        if depth == 0, isName(j + 1), keyword(j + 1) == nil,
                           isPunctuation(j + 2, ":") || isOperator(j + 2, "=") || isPunctuation(j + 2, ",") {
                            names.append(j + 1)
                        }
                    default:
                        break
                    }
                }
                j += 1
            }
            return names
        }

        /// `case a, b(Int), c = 1` in an enum body: each name is a member.
        mutating func declareCases(at i: Int) {
            var j = i + 1
            var depth = 0
            var expectName = true
            while j < tokens.count {
                if j > i + 1, tokens[j].isFirstOnLine, depth == 0, !isPunctuation(j, ","), !isPunctuation(j - 1, ",") { break }
                if isPunctuation(j, "(") { depth += 1 }
                else if isPunctuation(j, ")") { depth -= 1 }
                else if depth == 0, isPunctuation(j, ",") { expectName = true; j += 1; continue }
                else if depth == 0, isPunctuation(j, ";") || isPunctuation(j, "}") || isPunctuation(j, "{") { break }
                else if depth == 0, expectName, isName(j) {
                    declaredNames[j] = true
                    declarations.append(Declaration(kind: .case, name: name(j), parent: enclosingType,
                                                         line: tokens[j].line, column: tokens[j].column))
                }
                expectName = false
                j += 1
            }
        }

        /// The names a closure starting at the `{` at `i` binds: `{ a, b in`, `{ (a: Int) -> T in`,
        /// `{ [weak self, x] in`. Empty when the brace is not a closure with a signature.
        func closureParameters(after i: Int) -> [UInt64] {
            var j = i + 1
            var names: [UInt64] = []
            // `{ @MainActor (value: Int) in`, `{ @Sendable event in`: attributes come first.
            while j < tokens.count, tokens[j].kind == .attribute, j - i <= 4 { j += 1 }
            if isPunctuation(j, "[") {
                // A capture list: `[weak self, unowned x, y = z]` binds x and y.
                var depth = 0
                while j < tokens.count {
                    if isPunctuation(j, "[") { depth += 1 }
                    else if isPunctuation(j, "]") { depth -= 1; if depth == 0 { j += 1; break } }
                    else if depth == 1, isName(j), keyword(j) == nil,
                            isPunctuation(j + 1, ",") || isPunctuation(j + 1, "]") || isOperator(j + 1, "=") {
                        names.append(hash(j))
                    }
                    j += 1
                    if j - i > 64 { return [] }
                }
            }
            if isPunctuation(j, "(") {
                var depth = 0
                while j < tokens.count {
                    if isPunctuation(j, "(") { depth += 1 }
                    else if isPunctuation(j, ")") { depth -= 1; if depth == 0 { j += 1; break } }
                    else if depth == 1, isName(j), keyword(j) == nil,
                            isPunctuation(j - 1, "(") || isPunctuation(j - 1, ",") || isWord(j - 1, "_") {
                        names.append(hash(j))
                    }
                    j += 1
                    if j - i > 96 { return [] }
                }
            } else {
                while isName(j), keyword(j).map({ $0.isContextual }) ?? true {
                    names.append(hash(j))
                    j += 1
                    guard isPunctuation(j, ",") else { break }
                    j += 1
                }
                if names.isEmpty && !isWord(j, "in") { return [] }
            }
            // Effects and a result type may stand before `in`; nothing else may.
            var steps = 0
            while j < tokens.count, steps < 32 {
                if isWord(j, "in") { return names }
                let token = tokens[j]
                switch token.kind {
                case .identifier:
                    if let word = keyword(j), !word.isClosureSignatureWord { return [] }
                case .backtickIdentifier:
                    break
                case .operator:
                    let text = lexer.text(of: token)
                    if !["->", "?", "!", "<", ">", ">>", "&"].contains(text) { return [] }
                case .punctuation:
                    if isPunctuation(j, "{") || isPunctuation(j, "}") || isPunctuation(j, ";") { return [] }
                default:
                    return []
                }
                j += 1
                steps += 1
            }
            return []
        }
    }
}

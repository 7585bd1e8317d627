import SteleCore

/// Words that are never a reference to a declaration of the project: keywords, contextual
/// keywords in the positions Swift uses them, and declaration modifiers. Looked up by the hash
/// of the identifier's bytes, so no string is made for them.
enum SwiftKeyword: String, CaseIterable {
    case `associatedtype`, `class`, `deinit`, `enum`, `extension`, `fileprivate`, `func`, `import`, `init`, `inout`
    case `internal`, `let`, `open`, `operator`, `private`, `precedencegroup`, `protocol`, `public`, `rethrows`
    case `static`, `struct`, `subscript`, `typealias`, `var`, `break`, `case`, `catch`, `continue`, `default`
    case `defer`, `do`, `else`, `fallthrough`, `for`, `guard`, `if`, `in`, `repeat`, `return`, `throw`, `switch`
    case `where`, `while`, `as`, `Any`, `await`, `false`, `is`, `nil`, `self`, `Self`, `super`, `throws`, `true`
    case `try`, `package`, `actor`, `async`, `some`, `any`, `macro`, underscore = "_", `get`, `set`, `willSet`, `didSet`
    case `mutating`, `nonmutating`, `override`, `convenience`, `required`, `final`, `lazy`, `weak`, `unowned`
    case `optional`, `dynamic`, `indirect`, `prefix`, `postfix`, `infix`, `isolated`, `nonisolated`, `consuming`
    case `borrowing`, `sending`, `each`, `discard`, `unsafe`, `Type`, `Protocol`, `_modify`, `_read`, `distributed`

    /// An open-addressing table from name hash to keyword: this runs for every identifier, and
    /// a probe of a flat array is several times cheaper than a `Dictionary` lookup.
    static let table: (hashes: [UInt64], keywords: [SwiftKeyword?]) = {
        var hashes = [UInt64](repeating: 0, count: tableSize)
        var keywords = [SwiftKeyword?](repeating: nil, count: tableSize)
        for keyword in allCases {
            let hash = StableHash.fnv1a(keyword.rawValue)
            var slot = Int(truncatingIfNeeded: hash) & (tableSize - 1)
            while hashes[slot] != 0 { slot = (slot + 1) & (tableSize - 1) }
            hashes[slot] = hash
            keywords[slot] = keyword
        }
        return (hashes, keywords)
    }()
    static let tableSize = 512

    static func lookup(_ hash: UInt64, in table: (hashes: [UInt64], keywords: [SwiftKeyword?])) -> SwiftKeyword? {
        var slot = Int(truncatingIfNeeded: hash) & (tableSize - 1)
        while table.hashes[slot] != 0 {
            if table.hashes[slot] == hash { return table.keywords[slot] }
            slot = (slot + 1) & (tableSize - 1)
        }
        return nil
    }

    /// The keyword `token` spells, if any (one probe of the table, then a byte comparison).
    static func of(_ token: SwiftToken, in lexer: SwiftLexer, table: (hashes: [UInt64], keywords: [SwiftKeyword?]) = table) -> SwiftKeyword? {
        guard let keyword = lookup(StableHash.fnv1a(bytes: lexer.bytes[token.start..<token.end]), in: table),
              lexer.token(token, isText: keyword.rawValue) else { return nil }
        return keyword
    }

    var isAccessLevel: Bool {
        switch self {
        case .public, .private, .fileprivate, .internal, .open, .package: return true
        default: return false
        }
    }

    /// An access level an `import` may have (`public import Foo`): any but `open`.
    var isImportAccessLevel: Bool { isAccessLevel && self != .open }

    /// What `import KIND Module.Name` may import: `import struct Foo.Bar`.
    var isImportKind: Bool {
        switch self {
        case .struct, .class, .enum, .protocol, .typealias, .func, .let, .var, .actor, .macro: return true
        default: return false
        }
    }

    /// May stand before a declaration keyword (`public static final func`), or is one.
    var isModifierOrDeclaration: Bool {
        switch self {
        case .public, .private, .fileprivate, .internal, .open, .package, .static, .class, .final, .override,
             .mutating, .nonmutating, .lazy, .weak, .unowned, .convenience, .required, .optional, .dynamic,
             .indirect, .prefix, .postfix, .infix, .nonisolated, .isolated, .func, .var, .let, .subscript,
             .`init`, .typealias, .consuming, .borrowing, .distributed:
            return true
        default:
            return false
        }
    }

    /// Contextual keywords that are ordinary names where no declaration or modifier can stand:
    /// `{ actor in`, `{ macro, context in`.
    var isContextual: Bool {
        switch self {
        case .actor, .macro, .get, .set, .willSet, .didSet, .optional, .open, .package, .lazy, .weak, .unowned, .final,
             .required, .convenience, .dynamic, .indirect, .prefix, .postfix, .infix, .isolated, .nonisolated,
             .consuming, .borrowing, .sending, .each, .discard, .unsafe, .mutating, .nonmutating, .override,
             .distributed, .async:
            return true
        default:
            return false
        }
    }

    /// May stand between a closure's parameters and `in`: `{ (a) async throws -> some P in`.
    var isClosureSignatureWord: Bool {
        switch self {
        case .async, .throws, .rethrows, .some, .any, .Self, .Any: return true
        default: return false
        }
    }
}

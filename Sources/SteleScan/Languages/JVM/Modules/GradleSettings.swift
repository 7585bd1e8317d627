import SteleCore

/// The build modules (Gradle's subprojects) a `settings.gradle` or `settings.gradle.kts` includes:
/// `include(":app", ":core")`, `include ':app', ':libs:core'`, across lines, with comments. A
/// project path names a directory below the settings file's (`:libs:core` is `libs/core`) and
/// a module named by its last part (`core`), as Gradle names the project (ADR-0011).
///
/// The file is read as text with `JVMLexer` (Kotlin's dialect: its strings, templates and nested
/// comments; a Groovy `'…'` string is a character token there, read the same way), never run. An
/// argument that is not one string literal (a variable, a `"$prefix:app"` template) is a warning
/// and not followed. A subproject moved by `project(":app").projectDir = file("apps/app")` is
/// in that directory (below the settings file's); any other `projectDir` is a warning.
enum GradleSettings {
    static func isManifest(_ path: String) -> Bool {
        let name = JVMModuleMap.fileName(path)
        return name == "settings.gradle" || name == "settings.gradle.kts"
    }

    static func parse(_ bytes: [UInt8], path: String) -> (modules: [ResolvedModule], diagnostics: [Diagnostic]) {
        let directory = RepositoryPath.folder(of: path)
        var modules: [ResolvedModule] = []
        var diagnostics: [Diagnostic] = []
        /// Project path (`:app`) → the directory `projectDir` moves it to.
        var movedTo: [String: String] = [:]
        /// Each module's project path, in `modules`' order.
        var projectPaths: [String?] = []
        func warn(_ message: String, _ token: JVMToken) {
            diagnostics.append(.warning(message, at: SourceLocation(file: path, line: token.line, column: token.column)))
        }
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = JVMLexer(buffer, dialect: .kotlin)
            var tokens: [JVMToken] = []
            while let token = lexer.next() { if token.kind != .comment { tokens.append(token) } }
            func text(_ token: JVMToken) -> Substring {
                Substring(decoding: UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]), as: UTF8.self)
            }
            func isPunct(_ k: Int, _ byte: UInt8) -> Bool { k < tokens.count && tokens[k].kind == .punct && buffer[tokens[k].start] == byte }
            var k = 0
            while k < tokens.count {
                let token = tokens[k]
                k += 1
                guard token.kind == .name else { continue }
                let afterDot = k >= 2 && isPunct(k - 2, UInt8(ascii: "."))
                if afterDot, text(token) == "projectDir" {
                    // project(":app").projectDir = file("apps/app")
                    if k >= 6, text(tokens[k - 6]) == "project", isPunct(k - 5, UInt8(ascii: "(")), isPunct(k - 3, UInt8(ascii: ")")),
                       let project = literal(text(tokens[k - 4]), kind: tokens[k - 4].kind),
                       isPunct(k, UInt8(ascii: "=")), k + 4 < tokens.count, text(tokens[k + 1]) == "file", isPunct(k + 2, UInt8(ascii: "(")),
                       let moved = literal(text(tokens[k + 3]), kind: tokens[k + 3].kind), isPunct(k + 4, UInt8(ascii: ")")),
                       let relative = relativeDirectory(moved) {
                        movedTo[project.hasPrefix(":") ? project : ":" + project] = directory.isEmpty ? relative : directory + "/" + relative
                    } else {
                        warn("a subproject's `projectDir` other than `project(\"…\").projectDir = file(\"…\")` is not followed", token)
                    }
                }
                guard !afterDot, text(token) == "include" else { continue }
                let parenthesised = isPunct(k, UInt8(ascii: "("))
                if parenthesised { k += 1 } else if k >= tokens.count || (tokens[k].kind != .string && tokens[k].kind != .character) { continue }
                // The arguments: string literals separated by commas.
                while k < tokens.count, !(parenthesised && isPunct(k, UInt8(ascii: ")"))) {
                    let argument = tokens[k]
                    if let projectPath = literal(text(argument), kind: argument.kind) {
                        if let module = module(projectPath, settingsDirectory: directory, manifest: path, line: argument.line) {
                            modules.append(module)
                            projectPaths.append(projectPath.hasPrefix(":") ? projectPath : ":" + projectPath)
                        } else {
                            warn("`\(projectPath)` is not a project path: not followed", argument)
                        }
                        k += 1
                    } else {
                        warn("an `include` argument that is not one string literal is not followed", argument)
                        // To the end of the argument: the next `,` or `)` outside brackets.
                        var depth = 0
                        while k < tokens.count {
                            if tokens[k].kind == .punct {
                                let byte = buffer[tokens[k].start]
                                if depth == 0, byte == UInt8(ascii: ",") || byte == UInt8(ascii: ")") { break }
                                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
                                if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
                            }
                            k += 1
                            if !parenthesised, depth == 0 { break }
                        }
                    }
                    guard isPunct(k, UInt8(ascii: ",")) else { break }
                    k += 1
                }
                if parenthesised {
                    if isPunct(k, UInt8(ascii: ")")) { k += 1 } else { warn("`include(` is not closed", token) }
                }
            }
        }
        for k in modules.indices {
            if let projectPath = projectPaths[k], let moved = movedTo[projectPath] { modules[k].directory = moved }
        }
        return (modules, diagnostics)
    }

    /// `apps/app`, `./apps/app/` → `apps/app`; nil for an absolute path or one that steps up.
    static func relativeDirectory(_ path: String) -> String? {
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }

    /// The text of a `"…"` or `'…'` literal without templates or escapes, else nil.
    static func literal(_ text: Substring, kind: JVMToken.Kind) -> String? {
        guard kind == .string || kind == .character, text.count >= 2, let quote = text.first, text.last == quote else { return nil }
        let body = text.dropFirst().dropLast()
        guard !body.contains("$"), !body.contains("\\"), !body.contains("\""), !body.contains("'") else { return nil }
        return String(body)
    }

    /// `:libs:core` → the module `core` in `libs/core` below the settings file's directory.
    static func module(_ projectPath: String, settingsDirectory: String, manifest: String, line: Int) -> ResolvedModule? {
        let parts = projectPath.split(separator: ":", omittingEmptySubsequences: false).dropFirst(projectPath.hasPrefix(":") ? 1 : 0)
        guard let last = parts.last, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("/") }) else { return nil }
        let relative = parts.joined(separator: "/")
        return ResolvedModule(name: String(last), kind: .regular, packageDirectory: settingsDirectory,
                              directory: settingsDirectory.isEmpty ? relative : settingsDirectory + "/" + relative,
                              targetDependencies: [], productDependencies: [], manifestPath: manifest, line: line, sources: nil, exclude: [], filesByDirectory: true)
    }
}

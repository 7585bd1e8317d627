import XCTest
@testable import SteleCLI

final class CommandLineArgumentsTests: XCTestCase {
    let specs: [String: CommandLineArguments.Spec] = [
        "": .init(options: [], flags: ["--help", "--version"], maxPositional: 0),
        "check": .init(options: ["--format", "--output"], flags: ["--help", "--quiet"], maxPositional: 1),
        "adr": .init(options: [], flags: ["--help"], maxPositional: 0, subcommands: ["new", "list"]),
        "adr new": .init(options: ["--today"], flags: ["--help"], maxPositional: 2),
        "adr list": .init(options: ["--format"], flags: ["--help"], maxPositional: 1),
    ]

    func parse(_ args: [String]) -> Result<CommandLineArguments, CommandLineArguments.UsageError> {
        CommandLineArguments.parse(args, specs: specs)
    }

    func testCommandPositionalOptionsAndFlags() throws {
        let parsed = try parse(["check", "repo", "--format", "json", "--output=out.json", "--quiet"]).get()
        XCTAssertEqual(parsed.command, "check")
        XCTAssertEqual(parsed.positional, ["repo"])
        XCTAssertEqual(parsed.options, ["--format": "json", "--output": "out.json"])
        XCTAssertEqual(parsed.flags, ["--quiet"])
    }

    func testSubcommandsHaveTheirOwnSpec() throws {
        let parsed = try parse(["adr", "new", "Use GRDB", "repo", "--today", "2026-01-01"]).get()
        XCTAssertEqual(parsed.command, "adr")
        XCTAssertEqual(parsed.subcommand, "new")
        XCTAssertEqual(parsed.positional, ["Use GRDB", "repo"])
        XCTAssertEqual(parsed.options, ["--today": "2026-01-01"])
        XCTAssertEqual(parse(["adr", "list", "--today", "x"]).failureValue?.message, "unknown option `--today` for `stele adr list`")
        XCTAssertEqual(parse(["adr"]).failureValue?.message, "`stele adr` needs a subcommand: `new`, `list`")
        XCTAssertEqual(parse(["adr", "lsit"]).failureValue?.hint, "did you mean `stele adr list`?")
        XCTAssertEqual(try parse(["adr", "--help"]).get().flags, ["--help"])
        XCTAssertEqual(parse(["adr new"]).failureValue?.message, "unknown command `adr new`", "a subcommand's spec is no command")
    }

    func testDoubleDashEndsOptions() throws {
        XCTAssertEqual(try parse(["check", "--", "--weird-dir"]).get().positional, ["--weird-dir"])
    }

    func testErrorsSuggest() {
        XCTAssertEqual(parse(["chekc"]).failureValue?.hint, "did you mean `stele check`?")
        XCTAssertEqual(parse(["check", "--quite"]).failureValue?.hint, "did you mean `--quiet`?")
        XCTAssertEqual(parse(["check", "--format"]).failureValue?.message, "`--format` needs a value")
        XCTAssertEqual(parse(["check", "--quiet=yes"]).failureValue?.message, "`--quiet` takes no value")
        XCTAssertEqual(parse(["check", "a", "b"]).failureValue?.message, "unexpected argument `b`")
    }

    func testNoCommandTakesTheTopLevelSpec() throws {
        XCTAssertEqual(try parse(["--version"]).get().flags, ["--version"])
        XCTAssertNil(try parse([]).get().command)
    }
}

extension Result {
    var failureValue: Failure? { if case .failure(let f) = self { return f } else { return nil } }
}

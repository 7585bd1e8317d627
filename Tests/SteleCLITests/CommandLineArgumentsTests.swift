import XCTest
@testable import SteleCLI

final class CommandLineArgumentsTests: XCTestCase {
    let specs: [String: CommandLineArguments.Spec] = [
        "": .init(options: [], flags: ["--help", "--version"], maxPositional: 0),
        "check": .init(options: ["--format", "--output"], flags: ["--help", "--quiet"], maxPositional: 1),
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

import SteleCheck
import SteleCore
import SteleFiles

/// Stele's columns count UTF-8 bytes (what the lexer sees, and what compilers print). SARIF counts
/// UTF-16 code units unless told otherwise, and GitHub's annotations count characters: on a line
/// with `é` before the finding, a byte column points one place too far. This converts the columns
/// of the findings about to be rendered, reading each file once (the CLI is the I/O edge).
enum ColumnUnits {
    static func utf16(_ findings: [Finding], lines: inout SourceLines) -> [Finding] {
        findings.map { finding in
            var finding = finding
            if let line = lines.line(finding.location.line, of: finding.location.file) {
                finding.location.column = utf16Column(byteColumn: finding.location.column, in: line)
            }
            return finding
        }
    }

    /// The UTF-16 column of a 1-based byte column on a line: each code point before it counts 1, or
    /// 2 beyond U+FFFF (4-byte sequences). Invalid bytes count 1 each, as U+FFFD would.
    static func utf16Column(byteColumn: Int, in line: ArraySlice<UInt8>) -> Int {
        var units = 0
        for byte in line.prefix(max(0, byteColumn - 1)) {
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
        }
        return units + 1
    }
}

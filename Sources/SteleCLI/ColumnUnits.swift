import SteleCheck
import SteleCore
import SteleFiles

/// Stele's columns count UTF-8 bytes (what the lexer sees, and what compilers print). SARIF counts
/// UTF-16 code units unless told otherwise, and GitHub's annotations count characters: on a line
/// with `é` before the finding, a byte column points one place too far. This converts the columns
/// of the findings about to be rendered, reading each file once (the CLI is the I/O edge).
enum ColumnUnits {
    static func utf16(_ findings: [Finding], root: String, contents: [String: [UInt8]]) -> [Finding] {
        var lines: [String: [ArraySlice<UInt8>]] = [:]
        return findings.map { finding in
            var finding = finding
            let file = finding.location.file
            if lines[file] == nil {
                let bytes: [UInt8]
                if let staged = contents[file] { bytes = staged } else if case .text(let read, _) = FileReader.read(root + "/" + file) { bytes = read } else { bytes = [] }
                lines[file] = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            }
            if let fileLines = lines[file], finding.location.line >= 1, finding.location.line <= fileLines.count {
                finding.location.column = utf16Column(byteColumn: finding.location.column, in: fileLines[finding.location.line - 1])
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

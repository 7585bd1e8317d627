/// How many lines a file has, as editors count them: lines end at `\n`, `\r\n` or `\r`, and a last
/// line without an ending counts too. For the review's per-component sizes; one pass, no copies.
public enum LineCount {
    public static func of(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            let n = buffer.count
            guard n > 0 else { return 0 }
            var lines = 0
            for i in 0..<n {
                let byte = buffer[i]
                if byte == 0x0A {
                    lines += 1
                } else if byte == 0x0D && (i + 1 == n || buffer[i + 1] != 0x0A) {
                    lines += 1
                }
            }
            let last = buffer[n - 1]
            if last != 0x0A && last != 0x0D { lines += 1 }
            return lines
        }
    }
}

import Foundation

/// Real files made bad, the same way on every run: cut, spliced with pieces of one another, a
/// byte overwritten, and sprinkled with the bytes that open and close a language's comments and
/// strings. The language readers' bad-input tests run their readers over these.
public enum Mutations {
    /// The bytes of every file of the fixture tree `name` whose path `keep` accepts, by path.
    public static func sources(ofFixture name: String, where keep: (String) -> Bool) throws -> [[UInt8]] {
        let root = TestPaths.fixture(name)
        let paths = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter(keep).sorted()
        return try paths.map { try Array(Data(contentsOf: root.appendingPathComponent($0))) }
    }

    /// Calls `body` with `count` mutants of `sources`, each made by one to six edits, from `seed`;
    /// `body` may draw from the same generator.
    public static func forEach(of sources: [[UInt8]], specials: String, seed: UInt64, count: Int = 3000,
                               _ body: ([UInt8], inout SplitMix) throws -> Void) rethrows {
        let specials = Array(specials.utf8)
        var random = SplitMix(seed: seed)
        for _ in 0..<count {
            var bytes = sources[random.below(sources.count)]
            for _ in 0..<(1 + random.below(6)) {
                guard !bytes.isEmpty else { break }
                let at = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes.insert(specials[random.below(specials.count)], at: at)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + random.below(40)))
                case 2: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                default: bytes.insert(contentsOf: sources[random.below(sources.count)].prefix(random.below(200)), at: at)
                }
            }
            try body(bytes, &random)
        }
    }
}

import SteleCore

/// `.stele/verdicts.jsonl`: every verdict the judge gave, one JSON object per line, sorted by file,
/// rule, line and key, so that two branches that judged different files merge without conflict
/// and the same verdicts always give the same bytes.
public struct VerdictStore: Equatable, Sendable {
    /// Where the store lives, relative to the repository root.
    public static let path = ".stele/verdicts.jsonl"

    public struct Entry: Equatable, Sendable {
        public var key: String
        /// The key without the model (`JudgeQuestion.modelFreeKey`).
        public var question: String
        public var rule: String
        public var file: String
        public var firstLine: Int
        public var lastLine: Int
        public var model: String
        public var prompt: String
        public var verdict: Verdict

        public init(key: String, question: String, rule: String, file: String, firstLine: Int, lastLine: Int, model: String,
                    prompt: String = JudgePrompt.version, verdict: Verdict) {
            self.key = key
            self.question = question
            self.rule = rule
            self.file = file
            self.firstLine = firstLine
            self.lastLine = lastLine
            self.model = model
            self.prompt = prompt
            self.verdict = verdict
        }

        var json: JSON {
            .object([
                ("key", .string(key)), ("question", .string(question)), ("rule", .string(rule)), ("file", .string(file)),
                ("lines", .string("\(firstLine)-\(lastLine)")), ("model", .string(model)), ("prompt", .string(prompt)),
                ("verdict", .string(verdict.kind.rawValue)), ("line", .optional(verdict.line)), ("reason", .string(verdict.reason)),
                ("confidence", .double(verdict.confidence)),
            ])
        }

        init?(_ json: JSON) {
            guard let key = json["key"]?.stringValue, let question = json["question"]?.stringValue, let rule = json["rule"]?.stringValue,
                  let file = json["file"]?.stringValue, let lines = json["lines"]?.stringValue, let model = json["model"]?.stringValue,
                  let prompt = json["prompt"]?.stringValue else { return nil }
            let bounds = lines.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1] else { return nil }
            // The verdict members are validated as an answer is: a hand-edited entry is held to the same form.
            let answer = JSON.object([("verdict", json["verdict"] ?? .null), ("line", json["line"] ?? .bool(false)),
                                      ("reason", json["reason"] ?? .null), ("confidence", json["confidence"] ?? .null)])
            guard case .success(let verdict) = Verdict.parse(JSONLine.render(answer), lines: bounds[0]...bounds[1]) else { return nil }
            self.init(key: key, question: question, rule: rule, file: file, firstLine: bounds[0], lastLine: bounds[1], model: model,
                      prompt: prompt, verdict: verdict)
        }

        var line: String { JSONLine.render(json) }

        static func ordered(_ a: Entry, _ b: Entry) -> Bool {
            if a.file != b.file { return a.file < b.file }
            if a.rule != b.rule { return a.rule < b.rule }
            if a.firstLine != b.firstLine { return a.firstLine < b.firstLine }
            if a.key != b.key { return a.key < b.key }
            return a.line < b.line
        }
    }

    /// Sorted, one entry per key.
    public private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]

    public init(_ entries: [Entry] = []) {
        insert(contentsOf: entries)
    }

    public static func == (a: VerdictStore, b: VerdictStore) -> Bool { a.entries == b.entries }

    /// Reads the file's text. Lines that are not entries (a merge's conflict markers, a truncated
    /// line, a hand edit gone wrong) are skipped and counted, never fatal: the questions they
    /// answered are asked again. Of two entries with one key, the one that sorts first is kept, so
    /// a union merge of two branches gives the same store whichever side it came from.
    public static func parse(_ text: String) -> (store: VerdictStore, skipped: [Int]) {
        var read: [Entry] = []
        var skipped: [Int] = []
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let json = JSON.parse(String(line)), let entry = Entry(json) else { skipped.append(k + 1); continue }
            read.append(entry)
        }
        return (VerdictStore(read), skipped)
    }

    /// The file's text: one line per entry, sorted, ending in a newline (empty for no entry).
    public func rendered() -> String {
        entries.map { $0.line + "\n" }.joined()
    }

    /// Adds entries; of two with one key, the one that sorts first stays.
    public mutating func insert(contentsOf added: [Entry]) {
        guard !added.isEmpty else { return }
        var all = entries + added
        all.sort(by: Entry.ordered)
        var seen = Set<String>()
        entries = all.filter { seen.insert($0.key).inserted }
        byKey = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
    }

    /// Both stores' entries: what `git merge` with `merge=union` and a re-sort give.
    public func merged(with other: VerdictStore) -> VerdictStore {
        var result = self
        result.insert(contentsOf: other.entries)
        return result
    }

    /// Drops the entries whose file `exists` says is gone (a deleted or renamed file's verdicts can
    /// answer no question again); the others keep their order. The files dropped, sorted.
    public mutating func prune(exists: (String) -> Bool) -> [String] {
        var gone = Set<String>()
        var known: [String: Bool] = [:]
        entries = entries.filter { entry in
            let kept = known[entry.file] ?? exists(entry.file)
            known[entry.file] = kept
            if !kept { gone.insert(entry.file) }
            return kept
        }
        byKey = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
        return gone.sorted()
    }

    public func entry(forKey key: String) -> Entry? { byKey[key].map { entries[$0] } }

    /// A verdict for the question: by its key for `model`, or, with no model named, the first entry
    /// (in store order) for the same question from any model.
    public func entry(for question: JudgeQuestion, model: String?) -> Entry? {
        if let model { return entry(forKey: question.key(model: model)) }
        let wanted = question.modelFreeKey
        return entries.first { $0.question == wanted && $0.prompt == JudgePrompt.version }
    }
}

#!/usr/bin/env bash
# Times `stele check` against ripgrep extracting import lines from the same tree, in one run, and
# prints the ratio and Stele's peak memory.
#
#   scripts/bench.sh [RUNS]        (default 5 runs each; the median is reported)
#
# The tree is swift-syntax 602.0.0 + swift-nio 2.101.3 (about half a million lines), exported from
# the machine's package copies into $BENCH_DIR (default /tmp/stele-bench). Stele is built in release
# mode. Nothing is written into this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
BENCH_DIR=${BENCH_DIR:-/tmp/stele-bench}
# The scanner itself is measured: no facts cache (scripts/bench-hook.sh times runs with it).
export STELE_CACHE=0
TREE="$BENCH_DIR/tree"

if ! command -v rg >/dev/null; then
  echo "ripgrep (rg) is needed as the baseline: apt-get install ripgrep" >&2
  exit 2
fi

if [ ! -d "$TREE" ]; then
  mkdir -p "$TREE/swift-syntax" "$TREE/swift-nio"
  git archive --remote=https://github.com/swiftlang/swift-syntax 602.0.0 | tar -x -C "$TREE/swift-syntax"
  git archive --remote=https://github.com/apple/swift-nio 2.101.3 | tar -x -C "$TREE/swift-nio"
  # A rule set that touches every file and the whole module graph.
  mkdir -p "$TREE/rules"
  cat > "$TREE/rules/bench.stele" <<'RULES'
no cycles
SwiftSyntax must not import NIOCore
NIOCore must not depend on SwiftParser directly or indirectly
RULES
fi

# `variant DIR RULES`: the same files (hard links) in DIR, with the bench's rules plus RULES.
variant() {
  if [ ! -d "$1" ]; then
    cp -al "$TREE" "$1"
    rm "$1/rules/bench.stele"
    { cat "$TREE/rules/bench.stele"; printf '%s\n' "$2"; } > "$1/rules/bench.stele"
  fi
}

# A rule that names folders: symbol resolution on, for the files the rule is about (ten ByteBuffer
# files) and the files they can see (their module, NIOCore, and the project modules they import).
SYMBOLS_TREE="$BENCH_DIR/tree-symbols"
variant "$SYMBOLS_TREE" 'component Channels = swift-nio/Sources/NIOCore/Channel*.swift
swift-nio/Sources/NIOCore/ByteBuffer*.swift must not depend on Channels'

# The worst case for reading: a rule about every file (`must not use` reads every file's
# references), so every file is lexed to its end (its names are matched, not resolved).
ALL_TREE="$BENCH_DIR/tree-symbols-all"
variant "$ALL_TREE" '**/*.swift must not use UserDefaults.standard'

swift build -c release --product stele >/dev/null
STELE=$(swift build -c release --show-bin-path)/stele

FILES=$(find "$TREE" -name '*.swift' | wc -l)
LINES=$(find "$TREE" -name '*.swift' -print0 | xargs -0 cat | wc -l)
IMPORT_RE='^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*((public|package|internal|fileprivate|private)\s+)?import\s+'

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

time_runs() { # command...
  for _ in $(seq "$RUNS"); do
    local start=$(now)
    "$@" >/dev/null 2>&1 || true
    echo $(( ($(now) - start) / 1000000 ))
  done | median
}

# Warm the page cache once for both.
rg -c "$IMPORT_RE" -g '*.swift' "$TREE" >/dev/null || true
"$STELE" check "$TREE" >/dev/null 2>&1 || true

RG_MS=$(time_runs rg -n "$IMPORT_RE" -g '*.swift' "$TREE")
STELE_MS=$(time_runs "$STELE" check "$TREE")
"$STELE" check "$SYMBOLS_TREE" >/dev/null 2>&1 || true
SYMBOLS_MS=$(time_runs "$STELE" check "$SYMBOLS_TREE")
"$STELE" check "$ALL_TREE" >/dev/null 2>&1 || true
ALL_MS=$(time_runs "$STELE" check "$ALL_TREE")
/usr/bin/time -f "%M" -o "$BENCH_DIR/peak-kb" "$STELE" check "$TREE" >/dev/null 2>&1 || true
PEAK_KB=$(tail -1 "$BENCH_DIR/peak-kb")

echo "tree:   $FILES Swift files, $LINES lines ($TREE)"
echo "rg:     ${RG_MS} ms (median of $RUNS, import lines)"
echo "stele:  ${STELE_MS} ms (median of $RUNS, stele check: read every file, lex to its last import, modules, 3 rules)"
awk -v s="$STELE_MS" -v r="$RG_MS" 'BEGIN { printf "ratio:  %.2fx rg\n", (r > 0 ? s / r : 0) }'
echo "stele:  ${SYMBOLS_MS} ms (median of $RUNS, the same plus a folder rule: symbols read and resolved where it needs them)"
awk -v s="$SYMBOLS_MS" -v r="$RG_MS" 'BEGIN { printf "ratio:  %.2fx rg (symbol resolution on)\n", (r > 0 ? s / r : 0) }'
echo "stele:  ${ALL_MS} ms (median of $RUNS, worst case: a must-not-use rule on every file, so every file lexed to its end)"
awk -v s="$ALL_MS" -v r="$RG_MS" 'BEGIN { printf "ratio:  %.2fx rg (symbols everywhere)\n", (r > 0 ? s / r : 0) }'
echo "memory: $((PEAK_KB / 1024)) MiB peak resident (stele check)"

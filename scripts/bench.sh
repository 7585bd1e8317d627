#!/usr/bin/env bash
# Times `stele check` against ripgrep extracting import lines from the same tree, in one run, and
# prints the ratios and Stele's peak memory.
#
#   scripts/bench.sh [RUNS]                 real packages (default 5 runs each; medians)
#   scripts/bench.sh --scale FILES [RUNS]   a generated SwiftPM monorepo of FILES files
#                                           (FILES/100 modules, each importing the three below it)
#   scripts/bench.sh --callgrind            instruction counts (valgrind), stable on a busy machine
#
# The real tree is swift-syntax 602.0.0 + swift-nio 2.101.3 (about half a million lines), exported
# from the machine's package copies into $BENCH_DIR (default /tmp/stele-bench). The monorepo is
# written by scripts/gen-monorepo.py into $BENCH_DIR/mono-FILES. Stele is built as scripts/release.sh
# ships it: release mode, the Swift runtime linked in (it starts in 2.0 ms, 3.5 ms with the shared
# libraries, on a run rg finishes in 17 ms).
# Nothing is written into this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=real
if [ "${1:-}" = "--scale" ]; then MODE=scale; SCALE=${2:?--scale needs a number of files}; shift 2; fi
if [ "${1:-}" = "--callgrind" ]; then MODE=callgrind; shift; fi
RUNS=${1:-5}
BENCH_DIR=${BENCH_DIR:-/tmp/stele-bench}
# The scanner itself is measured: no facts cache (scripts/bench-hook.sh times runs with it).
export STELE_CACHE=0
TREE="$BENCH_DIR/tree"

if ! command -v rg >/dev/null; then
  echo "ripgrep (rg) is needed as the baseline: apt-get install ripgrep" >&2
  exit 2
fi

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() { # command...
  for _ in $(seq "$RUNS"); do
    local start=$(now)
    "$@" >/dev/null 2>&1 || true
    echo $(( ($(now) - start) / 1000000 ))
  done | median
}
peak_mib() { # command...: peak resident memory in MiB
  /usr/bin/time -f "%M" -o "$BENCH_DIR/peak-kb" "$@" >/dev/null 2>&1 || true
  echo $(( $(tail -1 "$BENCH_DIR/peak-kb") / 1024 ))
}
ratio() { awk -v s="$1" -v r="$2" 'BEGIN { printf "%.2fx", (r > 0 ? s / r : 0) }'; }
IMPORT_RE='^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*((public|package|internal|fileprivate|private)\s+)?import\s+'

if [ "$MODE" = scale ]; then
  # The monorepo: one simple rule, and every module a layer in order; the facts cache cold (none)
  # and warm (written by a run before), each against rg over the same files in the same run.
  MONO="$BENCH_DIR/mono-$SCALE"
  [ -d "$MONO/tree" ] || python3 scripts/gen-monorepo.py "$MONO" "$SCALE" >/dev/null
  swift build -c release --product stele --static-swift-stdlib >/dev/null
  STELE=$(swift build -c release --show-bin-path)/stele
  export STELE_CACHE_DIR="$BENCH_DIR/cache-$SCALE"
  unset STELE_CACHE
  rm -rf "$STELE_CACHE_DIR"
  rg -c "$IMPORT_RE" -g '*.swift' "$MONO/tree" >/dev/null || true
  for variant in one-rule layers; do "$STELE" check "$MONO/$variant" >/dev/null 2>&1 || true; done
  RG_MS=$(time_runs rg -n "$IMPORT_RE" -g '*.swift' "$MONO/tree")
  FILES=$(find "$MONO/tree" -name '*.swift' | wc -l)
  LINES=$(find "$MONO/tree" -name '*.swift' -print0 | xargs -0 cat | wc -l)
  echo "tree:   $FILES Swift files, $LINES lines, $((SCALE / 100)) modules ($MONO)"
  echo "rg:     ${RG_MS} ms (median of $RUNS, import lines)"
  for variant in one-rule layers; do
    COLD=$(time_runs "$STELE" check "$MONO/$variant" --no-cache)
    WARM=$(time_runs "$STELE" check "$MONO/$variant")
    echo "stele:  $variant: no cache ${COLD} ms ($(ratio "$COLD" "$RG_MS") rg, $(peak_mib "$STELE" check "$MONO/$variant" --no-cache) MiB), cache warm ${WARM} ms ($(ratio "$WARM" "$RG_MS") rg, $(peak_mib "$STELE" check "$MONO/$variant") MiB)"
  done
  exit 0
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
# references): every file is searched for the name, and those naming it lexed to the end.
ALL_TREE="$BENCH_DIR/tree-symbols-all"
variant "$ALL_TREE" '**/*.swift must not use UserDefaults.standard'

swift build -c release --product stele --static-swift-stdlib >/dev/null
STELE=$(swift build -c release --show-bin-path)/stele

FILES=$(find "$TREE" -name '*.swift' | wc -l)
LINES=$(find "$TREE" -name '*.swift' -print0 | xargs -0 cat | wc -l)

if [ "$MODE" = callgrind ]; then
  # Instruction counts: the same on a busy machine, so a regression shows where wall time is noise.
  command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind" >&2; exit 2; }
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ {print $4}'; }
  RG_I=$(count rg -n "$IMPORT_RE" -g '*.swift' "$TREE")
  echo "rg:     $RG_I instructions (import lines)"
  for dir in "$TREE" "$SYMBOLS_TREE" "$ALL_TREE"; do
    I=$(count "$STELE" check "$dir" --no-cache)
    echo "stele:  $I instructions ($(ratio "$I" "$RG_I") rg) on $(basename "$dir")"
  done
  exit 0
fi

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
echo "stele:  ${ALL_MS} ms (median of $RUNS, worst case: a must-not-use rule on every file: every file searched for the name, those naming it lexed to the end)"
awk -v s="$ALL_MS" -v r="$RG_MS" 'BEGIN { printf "ratio:  %.2fx rg (a rule about every file)\n", (r > 0 ? s / r : 0) }'
echo "memory: $((PEAK_KB / 1024)) MiB peak resident (stele check)"

#!/usr/bin/env bash
# Times the pre-commit hook's command, `stele check --staged`, on a generated 1,000-file Swift
# repository with one staged file, against `git diff --cached --name-only` (the floor: any hook
# must at least ask git what is staged), in one run. The first run comes after dropping the page
# cache (when this user may: root on Linux) with an empty facts cache; then medians of RUNS runs
# without the facts cache (--no-cache), with it (nothing changed: every file's facts come from
# it), and with it after editing the staged file before each run (one file lexed, cache rewritten).
# The facts cache goes to a temporary STELE_CACHE_DIR, removed at the end, never ~/.cache.
#
#   scripts/bench-hook.sh [RUNS]      (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-15}
DIR=${BENCH_DIR:-/tmp/stele-bench-hook}
STELE_CACHE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/stele-bench-cache.XXXXXX")
export STELE_CACHE_DIR
trap 'rm -rf "$STELE_CACHE_DIR"' EXIT

swift build -c release --product stele >/dev/null
STELE=$(swift build -c release --show-bin-path)/stele

rm -rf "$DIR" && mkdir -p "$DIR"
cd "$DIR"
# 10 modules of 100 files each, layered: module k imports module k-1.
{
  echo '// swift-tools-version:5.9'
  echo 'import PackageDescription'
  echo 'let package = Package(name: "Bench", targets: ['
  for k in $(seq 0 9); do
    if [ "$k" -eq 0 ]; then echo "  .target(name: \"M$k\"),"; else echo "  .target(name: \"M$k\", dependencies: [\"M$((k - 1))\"]),"; fi
  done
  echo '])'
} > Package.swift
for k in $(seq 0 9); do
  mkdir -p "Sources/M$k"
  for f in $(seq 0 99); do
    {
      echo "// File $f of module M$k."
      echo "import Foundation"
      [ "$k" -gt 0 ] && echo "import M$((k - 1))"
      for l in $(seq 1 40); do echo "public func m${k}f${f}_$l(_ x: Int) -> Int { x + $l } // \"import Nothing\""; done
    } > "Sources/M$k/F$f.swift"
  done
done
mkdir -p adr
cat > adr/0001-layers.md <<'ADR'
# 1. Layers

Status: Accepted

```stele
layers M9 > M8 > M7 > M6 > M5 > M4 > M3 > M2 > M1 > M0
no cycles
```
ADR
git init -q && git add -A && git -c user.name=b -c user.email=b@example.com commit -qm bench
echo "import M9" >> Sources/M0/F0.swift   # a layering violation, staged
git add Sources/M0/F0.swift

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

COLD_KIND="page cache warm"
if sync && (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then COLD_KIND="page cache dropped"; fi
start=$(now); "$STELE" check --staged >/dev/null 2>&1 || true; COLD=$(ms "$start" "$(now)")
CACHE_FILES=$(find "$STELE_CACHE_DIR" -type f | wc -l)
CACHE_SIZE=$(find "$STELE_CACHE_DIR" -type f -exec cat {} + | wc -c)
NOCACHE=$(for _ in $(seq "$RUNS"); do s=$(now); "$STELE" check --staged --no-cache >/dev/null 2>&1 || true; ms "$s" "$(now)"; done | median)
WARM=$(for _ in $(seq "$RUNS"); do s=$(now); "$STELE" check --staged >/dev/null 2>&1 || true; ms "$s" "$(now)"; done | median)
EDITED=$(for r in $(seq "$RUNS"); do
  echo "// edit $r" >> Sources/M0/F0.swift && git add Sources/M0/F0.swift
  s=$(now); "$STELE" check --staged >/dev/null 2>&1 || true; ms "$s" "$(now)"
done | median)
GIT=$(for _ in $(seq "$RUNS"); do s=$(now); git diff --cached --name-only >/dev/null; ms "$s" "$(now)"; done | median)
FOUND=$("$STELE" check --staged 2>/dev/null | head -1 || true)
SAME=$([ "$("$STELE" check --staged 2>&1)" = "$("$STELE" check --staged --no-cache 2>&1)" ] && echo "identical" || echo "DIFFERENT")

echo "repo:   $(find Sources -name '*.swift' | wc -l) Swift files, 1 staged ($DIR)"
echo "finds:  $FOUND"
echo "git:    ${GIT} ms (median of $RUNS, git diff --cached --name-only)"
echo "stele:  ${COLD} ms first run (${COLD_KIND}, empty facts cache: every file lexed, cache written: $CACHE_FILES file, $CACHE_SIZE bytes)"
echo "        ${NOCACHE} ms without the facts cache (median of $RUNS, --no-cache)"
echo "        ${WARM} ms with the facts cache (median of $RUNS, nothing changed)"
echo "        ${EDITED} ms with the facts cache, the staged file edited before each run (median of $RUNS: 1 file lexed, cache rewritten)"
echo "output: $SAME with and without the cache"
awk -v n="$NOCACHE" -v w="$WARM" -v g="$GIT" 'BEGIN { printf "ratio:  %.1fx git without the cache, %.1fx with it\n", (g > 0 ? n / g : 0), (g > 0 ? w / g : 0) }'

#!/usr/bin/env bash
# Times the pre-commit hook's command, `stele check --staged`, on a generated 1,000-file Swift
# repository with one staged file, against `git diff --cached --name-only` (the floor: any hook
# must at least ask git what is staged), in one run. Cold is a run after dropping the page cache
# (when this user may: root on Linux), else the first run; warm is the median of RUNS more.
#
#   scripts/bench-hook.sh [RUNS]      (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-15}
DIR=${BENCH_DIR:-/tmp/stele-bench-hook}

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

COLD_KIND="first run, page cache warm"
if sync && (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then COLD_KIND="page cache dropped"; fi
start=$(now); "$STELE" check --staged >/dev/null 2>&1 || true; COLD=$(ms "$start" "$(now)")
WARM=$(for _ in $(seq "$RUNS"); do s=$(now); "$STELE" check --staged >/dev/null 2>&1 || true; ms "$s" "$(now)"; done | median)
GIT=$(for _ in $(seq "$RUNS"); do s=$(now); git diff --cached --name-only >/dev/null; ms "$s" "$(now)"; done | median)
FOUND=$("$STELE" check --staged 2>/dev/null | head -1 || true)

echo "repo:   $(find Sources -name '*.swift' | wc -l) Swift files, 1 staged ($DIR)"
echo "finds:  $FOUND"
echo "git:    ${GIT} ms (median of $RUNS, git diff --cached --name-only)"
echo "stele:  ${COLD} ms cold (${COLD_KIND}), ${WARM} ms warm (median of $RUNS, stele check --staged)"
awk -v s="$WARM" -v g="$GIT" 'BEGIN { printf "ratio:  %.1fx git (warm)\n", (g > 0 ? s / g : 0) }'

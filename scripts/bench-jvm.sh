#!/usr/bin/env bash
# Times `stele check --no-cache` on a Java tree against `rg` pulling the header lines (`package`
# and `import` at a line's start) out of the same files, in one run, each RUNS times (median). The
# speed target of issue 14: within 1.5x of rg.
# Usage: [RULE='a.b must not depend on c.d'] scripts/bench-jvm.sh [TREE] [STELE] [RUNS]
# (the default rule is about java.base's packages: give one about the tree's own packages).
# Default TREE: java.base of the JDK 17 sources (Debian's openjdk-17-source), unzipped to
# /tmp/stele-jvm-corpus (3,000 files).
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=${1:-/tmp/stele-jvm-corpus}
STELE=$(realpath "${2:-.build/debug/stele}")
RUNS=${3:-7}
if [ ! -d "$TREE" ]; then
    mkdir -p "$TREE"
    unzip -q "$(dirname "$(realpath "$(command -v javac)")")/../lib/src.zip" 'java.base/*' -d "$TREE"
fi
mkdir -p "$TREE/rules"
# One package rule over every file: the scan, resolution and check all run.
printf '%s\n' "${RULE:-java.util must not depend on java.net}" > "$TREE/rules/bench.stele"
cd "$TREE"
FILES=$(rg --files -g '*.{java,kt,kts}' . | wc -l)
LINES=$(rg --files -g '*.{java,kt,kts}' . | xargs cat | wc -l)
time_ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
st=(); rg=()
for _ in $(seq "$RUNS"); do
    st+=("$(time_ms "$STELE" check --no-cache)")
    rg+=("$(time_ms rg -n --no-heading -g '*.{java,kt,kts}' '^\s*(package|import)\s' .)")
done
S=$(printf '%s\n' "${st[@]}" | median); R=$(printf '%s\n' "${rg[@]}" | median)
echo "$TREE: $FILES files, $LINES lines; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stele check --no-cache: ${S} ms (runs: ${st[*]}); rg import grep: ${R} ms (runs: ${rg[*]}); stele is $(python3 -c "print(f'{$S / max($R, 1):.2f}x')") rg"

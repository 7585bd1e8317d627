#!/usr/bin/env bash
# Times `stele check --no-cache` on a Go tree against `rg` pulling the import lines (`import` at a
# line's start, and the quoted paths of import groups) out of the same files, in one run, each
# RUNS times (median). The speed target of issue 14: within 1.5x of rg. Both leave `vendor/` out
# (Stele never lists it).
# Usage: [RULE='A must not depend on B'] scripts/bench-go.sh [TREE] [STELE] [RUNS]
# Default TREE: Go's own standard library (`$(go env GOROOT)/src`, Debian's golang-go), copied to
# /tmp/stele-go-corpus so that the rule file is written outside the installation.
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=${1:-/tmp/stele-go-corpus}
STELE=$(realpath "${2:-.build/debug/stele}")
RUNS=${3:-7}
if [ ! -d "$TREE" ]; then cp -r "$(realpath "$(go env GOROOT)/src")" "$TREE"; fi
mkdir -p "$TREE/rules"
# One import-level rule over every file: the scan, resolution and check all run.
# `net` and `database` are package names (each package below them) in Go's tree (module `std`).
printf '%s\n' "${RULE:-net must not depend on database}" > "$TREE/rules/bench.stele"
cd "$TREE"
# The rule must compile, or the check stops before the scan and times nothing.
status=0; "$STELE" check --no-cache > /dev/null 2>&1 || status=$?
if [ "$status" -gt 1 ]; then echo "stele check exits $status on $TREE: set RULE to a rule about its packages" >&2; exit 1; fi
FILES=$(rg --files -g '*.go' -g '!vendor/' . | wc -l)
LINES=$(rg --files -g '*.go' -g '!vendor/' . | xargs cat | wc -l)
time_ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
st=(); rg=()
for _ in $(seq "$RUNS"); do
    st+=("$(time_ms "$STELE" check --no-cache)")
    rg+=("$(time_ms rg -n --no-heading -g '*.go' -g '!vendor/' '^import\s|^\s+(\w+\s+|[._]\s+)?"[^"]+"\s*$' .)")
done
S=$(printf '%s\n' "${st[@]}" | median); R=$(printf '%s\n' "${rg[@]}" | median)
echo "$TREE: $FILES files, $LINES lines; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stele check --no-cache: ${S} ms (runs: ${st[*]}); rg import grep: ${R} ms (runs: ${rg[*]}); stele is $(python3 -c "print(f'{$S / max($R, 1):.2f}x')") rg"

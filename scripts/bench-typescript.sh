#!/usr/bin/env bash
# Times `stele check --no-cache` on a JavaScript/TypeScript tree against `rg` pulling the import
# lines (import/export at a line's start, require() anywhere) out of the same files, in one run,
# each RUNS times (median). The speed target of issue 14: within 1.5x of rg.
# Usage: scripts/bench-typescript.sh [TREE] [STELE] [RUNS]
# Default TREE: the corpus of scripts/differential-typescript.mjs (npm's sources and its bundled
# packages, copied to /tmp/stele-ts-corpus; made by that script if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=${1:-/tmp/stele-ts-corpus}
STELE=$(realpath "${2:-.build/debug/stele}")
RUNS=${3:-7}
if [ ! -d "$TREE" ]; then node --expose-internals scripts/differential-typescript.mjs "$TREE" "$STELE" > /dev/null || true; fi
mkdir -p "$TREE/rules"
# One import-level rule over every file: the scan, resolution and check all run.
# Both read the same files: Stele only the JavaScript/TypeScript ones (`scan`; the tree has some
# Python too), rg not the folders Stele never lists (node_modules, vendor).
printf 'component Npm = npm/**\ncomponent Deps = deps/**\nDeps must not depend on Npm\nscan **/*.js, **/*.mjs, **/*.cjs, **/*.jsx, **/*.ts, **/*.tsx, **/*.mts, **/*.cts\n' > "$TREE/rules/bench.stele"
SKIP=(-g '!node_modules' -g '!vendor')
cd "$TREE"
FILES=$(rg --files "${SKIP[@]}" -g '*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}' . | wc -l)
LINES=$(rg --files "${SKIP[@]}" -g '*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}' . | xargs cat | wc -l)
time_ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
st=(); rg=()
for _ in $(seq "$RUNS"); do
    st+=("$(time_ms "$STELE" check --no-cache)")
    rg+=("$(time_ms rg -n --no-heading "${SKIP[@]}" -g '*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}' '^\s*(import|export)\s|require\(' .)")
done
S=$(printf '%s\n' "${st[@]}" | median); R=$(printf '%s\n' "${rg[@]}" | median)
echo "$TREE: $FILES files, $LINES lines; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stele check --no-cache: ${S} ms (runs: ${st[*]}); rg import grep: ${R} ms (runs: ${rg[*]}); stele is $(python3 -c "print(f'{$S / max($R, 1):.2f}x')") rg"

#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz (one per parser of untrusted text) and runs them.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]    (default: all, 60 seconds each)
#
# The libraries are built in release mode with coverage and AddressSanitizer into .build-fuzz
# (git-ignored), with testing enabled, as the parsers are internal to their targets; each target
# is linked against them with `swiftc -sanitize=fuzzer,address`. Seeds come from this
# repository's own files (sources, ADRs, rules, manifests, fixtures). The corpus
# grows in .build-fuzz/corpus/TARGET; a crash is written to .build-fuzz/crashes/ and fails the run.
# FUZZ_MAX_LEN (default 65536) caps an input's size: seeds are real files of tens of KB, which
# AddressSanitizer makes slow (the python target ran 55 inputs a second; 1,570 with 4096).
# The -timeout is wall time: a fuzzer paused (kill -STOP, to time something else) for longer
# reports the input it was on as a timeout when it resumes; run it again alone before believing it.
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY=${1:-all}
SECONDS_EACH=${2:-60}
OUT=.build-fuzz
TARGETS="rules adr imports symbols python typescript go jvm manifest pbxproj json cache glob"

swift build -c release --scratch-path "$OUT" --target SteleScan -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing >/dev/null
swift build -c release --scratch-path "$OUT" --target SteleRules -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing >/dev/null
LIB="$OUT/release"
OBJECTS=$(ls "$LIB"/SteleCore.build/*.o "$LIB"/SteleFiles.build/*.o "$LIB"/SteleADR.build/*.o "$LIB"/SteleRules.build/*.o "$LIB"/SteleScan.build/*.o)

seed() { # TARGET FILES...: copies the files into the target's corpus (named by content, so repeats merge)
  local dir="$OUT/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(cksum < "$f" | tr ' ' '-')"; done
}

mkdir -p "$OUT/crashes" "$OUT/bin"
for t in $TARGETS; do
  [ "$ONLY" = all ] || [ "$ONLY" = "$t" ] || continue
  swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$LIB/Modules" "Tests/Fuzz/$t.swift" $OBJECTS -o "$OUT/bin/$t" 2>&1 \
    | grep -v "warning: Cannot export local symbol" || true
  case $t in
    rules) seed rules rules/*.stele Tests/Fixtures/*/rules/*.stele ;;
    adr) seed adr adr/*.md Tests/Fixtures/*/adr/*.md Tests/Fixtures/*/*/adr/*.md docs/rule-language.md ;;
    imports|symbols) seed "$t" $(git ls-files 'Sources/*.swift' 'Tests/Fixtures/*.swift' | head -300) ;;
    python) seed python $(git ls-files '*.py' 'Tests/Fixtures/*.py' '*pyproject.toml') ;;
    typescript) seed typescript $(git ls-files '*.ts' '*.tsx' '*.js' '*.mjs' '*package.json' '*tsconfig.json') ;;
    go) seed go $(git ls-files '*.go' '*go.mod') ;;
    jvm) seed jvm $(git ls-files '*.java' '*.kt' '*.kts' '*settings.gradle*' '*pom.xml') ;;
    manifest) seed manifest Package.swift $(git ls-files 'Tests/Fixtures/*Package.swift') ;;
    pbxproj) seed pbxproj $(git ls-files '*.pbxproj') ;;
    json) printf '{"version": 1, "entries": [{"fingerprint": "0123", "rule": "r", "file": "a.swift", "message": "m"}]}\n' > "$OUT/seed.json"
          seed json "$OUT/seed.json" ;;
    cache) printf 'x' > "$OUT/seed.cache"; seed cache "$OUT/seed.cache" ;;
    glob) printf 'Sources/{App,Kit}/*/**\nSources/App/UI/View.swift\nSources/Kit/x\n' > "$OUT/seed.glob"
          printf '**/*View*.swift\nA/B/LoginView.swift\n' > "$OUT/seed2.glob"
          seed glob "$OUT/seed.glob" "$OUT/seed2.glob" ;;
  esac
  echo "fuzz: $t for ${SECONDS_EACH}s"
  "$OUT/bin/$t" "$OUT/corpus/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-65536}" \
    -artifact_prefix="$OUT/crashes/$t-" -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+[[:space:]]+(INITED|DONE)|Done|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
  if ls "$OUT/crashes/$t-"* >/dev/null 2>&1; then
    echo "fuzz: $t found a crash: $(ls "$OUT/crashes/$t-"*)" >&2
    exit 1
  fi
done

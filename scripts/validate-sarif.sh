#!/usr/bin/env bash
# Validates Stele's SARIF against the official OASIS SARIF 2.1.0 JSON schema (scripts/validate-sarif.py).
#
#   scripts/validate-sarif.sh          (STELE=path/to/stele to use a binary already built)
#
# Runs `stele check --format sarif` on three trees: the shop fixture (errors and warnings), this
# repository (no finding), and a copy of the shop with a baseline, an inline suppression and a new
# violation in a file whose name needs percent-encoding. Then proves the validator can fail: two
# deliberately broken logs (a level "fatal", a URI with a space) must be rejected.
# Reports land in .build/sarif/. Python tools: pinned, in .build/sarif-venv (scripts/ci-venv.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ci-venv.sh

if [ -z "${STELE:-}" ]; then
    swift build --product stele >/dev/null   # already built by `swift test` in CI: a no-op there
    STELE="$(swift build --show-bin-path)/stele"
fi
out=.build/sarif
rm -rf "$out" && mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export STELE_TODAY=2026-01-01   # waivers with `until` are judged against a fixed date

# check TREE EXPECTED-STATUS NAME [ARGS...]: runs `stele check --format sarif`, insists on the status.
check() {
    local tree=$1 expected=$2 name=$3
    shift 3
    local status=0
    "$STELE" check "$tree" --format sarif --output "$out/$name.sarif" --quiet "$@" 2>"$out/$name.stderr" || status=$?
    if [ "$status" != "$expected" ]; then
        echo "error: stele check $tree $* exited $status, expected $expected:" >&2
        cat "$out/$name.stderr" >&2
        exit 1
    fi
}

check Tests/Fixtures/shop 1 shop                 # 3 errors, 2 warnings: exit 1 is expected
check . 0 self

# A baselined tree: today's findings accepted, then one suppressed inline and one new violation
# in "Sources/Domain/Ünïcode Order+Extras.swift" (the URI must be percent-encoded to be valid).
cp -R Tests/Fixtures/shop "$scratch/shop"
if ! "$STELE" baseline "$scratch/shop" --output "$scratch/baseline.json" >"$out/baseline.log" 2>&1; then
    echo "error: stele baseline failed:" >&2; cat "$out/baseline.log" >&2; exit 1
fi
printf 'import Foundation\n// stele:allow ADR-0002 -- kept until the store moves (#12)\nimport SwiftUI\n' \
    >"$scratch/shop/Sources/Domain/Money+UI.swift"
printf 'import UIKit\n' >"$scratch/shop/Sources/Domain/Ünïcode Order+Extras.swift"
check "$scratch/shop" 1 baselined --baseline "$scratch/baseline.json"

"$VENV_PYTHON" scripts/validate-sarif.py "$out/shop.sarif" "$out/self.sarif" "$out/baselined.sarif"

# What the reports must contain, so that "valid" is not the validity of an empty log.
"$VENV_PYTHON" - "$out" <<'PY'
import json, sys
out = sys.argv[1]
def results(name):
    return json.load(open(f"{out}/{name}.sarif"))["runs"][0]["results"]
shop, own, baselined = results("shop"), results("self"), results("baselined")
assert sorted(r["level"] for r in shop) == ["error"] * 3 + ["warning"] * 2, shop
assert own == [], own
uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in baselined]
assert uris == ["Sources/Domain/%C3%9Cn%C3%AFcode%20Order%2BExtras.swift"], uris
print(f"validate-sarif: contents as expected (shop {len(shop)} results, self {len(own)}, baselined {len(baselined)})")
PY

# The validator must be able to fail: each broken copy of the shop's log has to be rejected.
"$VENV_PYTHON" - "$out" <<'PY'
import json, sys
out = sys.argv[1]
log = json.load(open(f"{out}/shop.sarif"))
log["runs"][0]["results"][0]["level"] = "fatal"
json.dump(log, open(f"{out}/broken-level.sarif", "w"), indent=2)
log = json.load(open(f"{out}/shop.sarif"))
log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "Sources/My App.swift"
json.dump(log, open(f"{out}/broken-uri.sarif", "w"), indent=2)
PY
for broken in level:"'fatal' is not one of" uri:"is not a 'uri-reference'"; do
    name=${broken%%:*} expected=${broken#*:}
    status=0
    "$VENV_PYTHON" scripts/validate-sarif.py "$out/broken-$name.sarif" >"$out/broken-$name.txt" 2>&1 || status=$?
    if [ "$status" != 1 ] || ! grep -qF "$expected" "$out/broken-$name.txt"; then
        echo "error: the validator did not reject $out/broken-$name.sarif (exit $status; expected exit 1 and \"$expected\"):" >&2
        cat "$out/broken-$name.txt" >&2
        exit 1
    fi
    echo "validate-sarif: rejected as it must be: $(grep -F "$expected" "$out/broken-$name.txt")"
done
echo "validate-sarif: all SARIF logs conform to SARIF 2.1.0; the validator rejects broken ones"

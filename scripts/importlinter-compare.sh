#!/usr/bin/env bash
# Side by side on Django 5.1.4: import-linter's forbidden contracts (direct imports only:
# allow_indirect_imports = True) and the same rules in Stele. Compares the offending imports
# (importer module, imported module, line) and times `lint-imports --no-cache` against
# `stele check --no-cache`, and against `rg` pulling the import lines out of the same .py files
# (the speed target: within 1.5x of rg), in one run, each RUNS times (median).
#
# Usage: scripts/importlinter-compare.sh [STELE] [RUNS]
# Needs python3 and pip (import-linter goes into /tmp/stele-python/venv, Django's wheel into
# /tmp/stele-python). Exit status 1 when the offending imports differ.
set -euo pipefail
STELE=$(realpath "${1:-.build/release/stele}")
RUNS=${2:-5}
WORK=/tmp/stele-python
mkdir -p "$WORK"
[ -x "$WORK/venv/bin/lint-imports" ] || { python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q import-linter==2.17 grimp==3.20; }
if [ ! -d "$WORK/django/django" ]; then
    "$WORK/venv/bin/pip" download -q django==5.1.4 --no-deps -d "$WORK/dl"
    unzip -q -o "$WORK"/dl/[Dd]jango-5.1.4-py3-none-any.whl -d "$WORK/django"
fi
TREE="$WORK/compare"
rm -rf "$TREE" && cp -r "$WORK/django" "$TREE" && cd "$TREE"

# The contracts, once for each tool.
FORBIDDEN=(
    "django.db|django.http django.forms django.template"
    "django.forms|django.db django.template"
    "django.utils|django.db django.http django.forms django.core"
    "django.core|django.db django.contrib"
    "django.template|django.db django.forms django.contrib"
)
{
    echo "[importlinter]"; echo "root_package = django"
    n=0
    for c in "${FORBIDDEN[@]}"; do
        n=$((n + 1)); source=${c%%|*}; targets=${c#*|}
        echo; echo "[importlinter:contract:c$n]"; echo "name = $source must not import $targets"; echo "type = forbidden"
        echo "source_modules = $source"; echo "forbidden_modules ="; for t in $targets; do echo "    $t"; done
        echo "allow_indirect_imports = True"
    done
} > .importlinter
mkdir -p adr
{
    printf '# 1. Django'"'"'s layers\n\nDate: 2026-12-04\n\n## Status\n\nAccepted\n\n## Decision\n\n```stele\n'
    for c in "${FORBIDDEN[@]}"; do source=${c%%|*}; targets=${c#*|}; echo "$source must not depend on ${targets// /, }"; done
    printf '```\n'
} > adr/0001-django-layers.md

# Offending imports: "importer imported line" per line, sorted.
"$WORK/venv/bin/lint-imports" --no-cache > "$WORK/lint-imports.txt" || true
python3 - "$WORK/lint-imports.txt" > "$WORK/importlinter.found" <<'PY'
import re, sys
found = set()
# An entry is `-   importer -> imported (l.3, l.9)`, wrapped over lines when long.
entries, current = [], None
for line in open(sys.argv[1]):
    if line.startswith("-"):
        current = [line.strip()]
        entries.append(current)
    elif current is not None and line.strip():
        current.append(line.strip())
    else:
        current = None
for entry in entries:
    m = re.match(r"^-\s+(\S+)\s*->\s*(\S+)\s*\((.*)\)$", " ".join(entry))
    if m:
        for l in re.findall(r"l\.(\d+)", m.group(3)):
            found.add(f"{m.group(1)} {m.group(2)} {l}")
print("\n".join(sorted(found)))
PY
"$STELE" check --no-cache --format json > "$WORK/stele-check.json" || true
"$STELE" scan --no-cache --format json > "$WORK/stele-scan.json"
python3 - "$WORK/stele-check.json" "$WORK/stele-scan.json" > "$WORK/stele.found" <<'PY'
import json, sys
check, scan = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
files = {f["path"]: f for f in scan["files"]}
found = set()
for finding in check["findings"]:
    # The finding's imports: those at its line that land in the rule's target (the package or below).
    f, to = files[finding["file"]], finding["to"]
    for i in f["imports"]:
        if i["line"] == finding["line"] and (i["module"] == to or i["module"].startswith(to + ".")):
            found.add(f"{f['module']} {i['module']} {i['line']}")
print("\n".join(sorted(found)))
PY
echo "import-linter: $(wc -l < "$WORK/importlinter.found") offending imports; Stele: $(wc -l < "$WORK/stele.found")"
if diff "$WORK/importlinter.found" "$WORK/stele.found"; then echo "identical"; same=0; else same=1; fi

time_ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
li=(); st=(); rg=()
for _ in $(seq "$RUNS"); do
    li+=("$(time_ms "$WORK/venv/bin/lint-imports" --no-cache)")
    st+=("$(time_ms "$STELE" check --no-cache)")
    rg+=("$(time_ms rg -n --no-heading -g '*.py' '^\s*(import|from)\s' .)")
done
L=$(printf '%s\n' "${li[@]}" | median); S=$(printf '%s\n' "${st[@]}" | median); R=$(printf '%s\n' "${rg[@]}" | median)
echo "lint-imports --no-cache: ${L} ms (runs: ${li[*]}); stele check --no-cache: ${S} ms (runs: ${st[*]}); stele is $(python3 -c "print(f'{$L / max($S, 1):.1f}x')") faster"
echo "rg import grep: ${R} ms (runs: ${rg[*]}); stele check is $(python3 -c "print(f'{$S / max($R, 1):.2f}x')") rg"
exit $same

#!/usr/bin/env bash
# The SwiftPM command plugin, used as a package that depends on Stele would use it: a copy of the
# init-package fixture that depends on this checkout by path runs `swift package stele init`, then
# `swift package stele check` (passes), then checks again with an import that points up a layer
# (must fail with exit 1). Works in a scratch directory; builds Stele there once (about a minute).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stele-plugin-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cp -R "$REPO/Tests/Fixtures/init-package/." "$WORK/"
python3 - "$WORK/Package.swift" "$REPO" <<'PY'
import sys
path, repo = sys.argv[1], sys.argv[2]
text = open(path).read().replace("// swift-tools-version:5.9", "// swift-tools-version:6.0")
text = text.replace('    name: "Shop",\n', '    name: "Shop",\n    dependencies: [.package(path: "%s")],\n' % repo)
open(path, "w").write(text)
PY
cd "$WORK"
swift package stele init 2>&1 | tail -1
swift package stele check 2>&1 | tail -1
echo "import App" > Sources/Core/PointsUp.swift
set +e
swift package stele check > "$WORK/out.txt" 2>&1
status=$?
set -e
if [ "$status" -eq 0 ] || ! grep -q "Sources/Core/PointsUp.swift:1:1: error: \`Layer4\` imports \`App\`, a higher layer \[ADR-0002\]" "$WORK/out.txt"; then
  echo "plugin-smoke: an import pointing up a layer was not reported through the plugin (exit $status):" >&2
  cat "$WORK/out.txt" >&2
  exit 1
fi
echo "plugin-smoke: swift package stele init / check work in a package that depends on Stele"

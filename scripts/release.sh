#!/usr/bin/env bash
# Builds the release binary: one `stele` executable with the Swift runtime linked in
# (--static-swift-stdlib), so it runs on a machine without a Swift toolchain, and its SHA-256
# checksum. Writes to OUT (default .build/dist, git-ignored):
#   stele-VERSION-OS-ARCH          the binary
#   stele-VERSION-OS-ARCH.sha256   `sha256sum` format: check with `sha256sum -c`
# Then it proves the binary: it starts, prints its version, needs no libswift*.so, and checks this
# repository against its own ADRs.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-.build/dist}

swift build -c release --product stele --static-swift-stdlib
BIN=$(swift build -c release --product stele --static-swift-stdlib --show-bin-path)/stele
VERSION=$("$BIN" --version | awk '{print $2}')
OS=$(uname -s | tr '[:upper:]' '[:lower:]')
ARCH=$(uname -m)
NAME="stele-$VERSION-$OS-$ARCH"

mkdir -p "$OUT"
cp "$BIN" "$OUT/$NAME"
strip "$OUT/$NAME" 2>/dev/null || true
(cd "$OUT" && sha256sum "$NAME" > "$NAME.sha256")

# The proof.
if command -v ldd >/dev/null && ldd "$OUT/$NAME" | grep -q 'libswift'; then
  echo "release: $NAME still links the Swift runtime dynamically:" >&2
  ldd "$OUT/$NAME" | grep libswift >&2
  exit 1
fi
"$OUT/$NAME" --version
"$OUT/$NAME" check . --quiet
(cd "$OUT" && sha256sum -c "$NAME.sha256")
echo "release: $OUT/$NAME ($(du -h "$OUT/$NAME" | cut -f1))"

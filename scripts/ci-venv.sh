# Sourced by scripts/validate-sarif.sh and scripts/check-workflow.sh: creates (or reuses) the
# Python environment in .build/sarif-venv with the pinned tools of scripts/ci-requirements.txt,
# and sets VENV_PYTHON and VENV_BIN. Reinstalls only when the requirements file changes. Every
# package, dependencies included, is pinned there (--no-deps; `pip check` proves the set complete).
VENV=.build/sarif-venv
VENV_PYTHON=$VENV/bin/python
VENV_BIN=$VENV/bin
requirements=scripts/ci-requirements.txt
if ! cmp -s "$requirements" "$VENV/requirements.installed" 2>/dev/null; then
    python=$(command -v python3 || true)
    if [ -z "$python" ]; then
        echo "error: python3 is not installed; it is needed to validate SARIF and the workflow" >&2
        exit 2
    fi
    echo "Installing the pinned Python tools of $requirements into $VENV"
    rm -rf "$VENV"
    mkdir -p .build
    if ! "$python" -m venv "$VENV" >.build/sarif-venv.log 2>&1; then
        echo "error: \`python3 -m venv $VENV\` failed (on Debian: apt-get install python3-venv):" >&2
        tail -20 .build/sarif-venv.log >&2
        exit 2
    fi
    if ! "$VENV_PYTHON" -m pip install --disable-pip-version-check --no-input --timeout 30 --retries 2 \
            --only-binary=:all: --no-deps -r "$requirements" >>.build/sarif-venv.log 2>&1; then
        echo "error: pip could not install the pinned packages of $requirements." >&2
        echo "  Is PyPI reachable from this machine (network, proxy, PIP_INDEX_URL)? pip said:" >&2
        tail -20 .build/sarif-venv.log | sed 's/^/    /' >&2
        rm -rf "$VENV"
        exit 2
    fi
    if ! "$VENV_PYTHON" -m pip check >>.build/sarif-venv.log 2>&1; then
        echo "error: the pinned packages of $requirements are incomplete or conflict; pip check said:" >&2
        tail -20 .build/sarif-venv.log | sed 's/^/    /' >&2
        rm -rf "$VENV"
        exit 2
    fi
    cp "$requirements" "$VENV/requirements.installed"
fi

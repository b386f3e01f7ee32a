#!/usr/bin/env bash
# Builds the Python package (python/) into a virtual environment under
# target/ and runs its pytest tests. The tests compare the package with the
# command line, so the whosaid binary is built first. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/python-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# maturin builds the extension; pytest runs the tests. Nothing else: the
# package itself has no Python dependencies.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.9,<2" "pytest>=8"
cargo build --quiet --bin whosaid
# The binding crate is a workspace of its own, so the root's checks skip it.
cargo fmt --manifest-path python/Cargo.toml --check
PYO3_PYTHON="$PWD/$venv/bin/python" \
    cargo clippy --quiet --manifest-path python/Cargo.toml --all-targets -- -D warnings
# `develop` builds into the venv in place (debug: the tests need no speed).
VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH" \
    "$venv/bin/maturin" develop --quiet --manifest-path python/Cargo.toml
WHOSAID_BIN="$PWD/target/debug/whosaid" "$venv/bin/python" -m pytest -q python/tests "$@"

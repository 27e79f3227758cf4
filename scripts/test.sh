#!/usr/bin/env bash
# The test command (README; CI runs it through .ci/run): installs what is missing, then
# checks formatting, lints, and runs every test. Tests that need ../shared skip with a
# message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo fmt --check
cargo clippy --release --all-targets --quiet -- -D warnings
cargo test --release

#!/usr/bin/env bash
# The test command (README; CI runs it through .ci/run): installs what is missing, then
# checks formatting, lints, and runs every test. Tests that need ../shared skip with a
# message when it is absent. The Datasette test asks for Datasette and Chromium (the page
# check skips with a message where Chromium cannot be installed).
set -euo pipefail
cd "$(dirname "$0")/.."
export WHOSAID_NEED_DATASETTE=1 WHOSAID_NEED_CHROMIUM=1
. scripts/env.sh
cargo fmt --check
cargo clippy --release --all-targets --quiet -- -D warnings
cargo test --release

#!/usr/bin/env bash
# The main job: installs what is missing (libtorch through PyPI's torch wheel, once per
# user), builds whosaid, and runs it on the bundled corpus/ into output/.
# Extra arguments go to `whosaid extract` and replace the defaults, e.g.
#   scripts/extract.sh ../shared/corpus --out shared-out
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/whosaid"
if [ "$#" -eq 0 ]; then
    set -- corpus --out output
fi
exec "$bin" extract "$@"

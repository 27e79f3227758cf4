#!/usr/bin/env bash
# Scores whosaid with the reference scorer on the gold sets of ../shared (the dev releases and
# PolNeAR dev) and on the project's own demo gold (tests/gold). Extra arguments go to
# `whosaid extract` (e.g. --no-ner). Output tables land in ${SCORE_OUT:-target/score}/SET.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${WHOSAID_SHARED:-../shared}"
[ -d "$shared" ] || { echo "score.sh: $shared is absent; set WHOSAID_SHARED" >&2; exit 1; }
. scripts/env.sh
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/whosaid"
out="${SCORE_OUT:-target/score}"
for set in "eval/dev:$shared/eval/dev" "polnear-dev:$shared/data/polnear/dev" "demo:tests/gold"; do
    name="${set%%:*}"; gold="${set#*:}"
    # Exit status 1 only means some input was unusable (reported); 2 is a failed run.
    "$bin" extract "$gold" --out "$out/$name" --quiet "$@" || [ $? -eq 1 ]
    echo "== $name"
    python3 "$shared/eval/score.py" --gold "$gold" --pred "$out/$name" | tail -n 1
done

#!/usr/bin/env bash
# Trains the NER model shipped in models/ner (see models/ner/MODEL_CARD.md).
#
#   scripts/train-ner.sh dev   OUT_DIR [ARGS...]  train on CoNLL-2003 train, keep the epoch with the best dev F1
#   scripts/train-ner.sh final OUT_DIR [ARGS...]  train on train+dev with the recipe fixed on dev, keep the last epoch
#
# Extra ARGS go to `whosaid train-ner` (e.g. --epochs 1 --no-casing for the ablation).
# Needs the base checkpoint, which scripts/env.sh installs when WHOSAID_NEED_BASE_MODEL=1.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?usage: $0 dev|final OUT_DIR [ARGS...]}"
out="${2:?usage: $0 dev|final OUT_DIR [ARGS...]}"
shift 2
data="${CONLL_DIR:-../shared/data/conll2003}"
export WHOSAID_NEED_BASE_MODEL=1
scripts/env.sh cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/whosaid"
sha256sum "$data"/train.txt "$data"/dev.txt "$data"/test.txt
case "$mode" in
    dev) files=("$data/train.txt" --dev "$data/dev.txt") ;;
    final) files=("$data/train.txt" "$data/dev.txt") ;;
    *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
# shellcheck disable=SC2016
exec scripts/env.sh bash -c 'exec "$0" train-ner --base "$WHOSAID_BASE_MODEL" "$@"' "$bin" "${files[@]}" --out "$out" "$@"

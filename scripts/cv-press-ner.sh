#!/usr/bin/env bash
# Cross-validates the press-release head of the NER model (models/ner/MODEL_CARD.md) and
# trains the shipped one.
#
#   scripts/cv-press-ner.sh         K-fold cross-validation over ../shared/eval/train + dev
#   scripts/cv-press-ner.sh ship    trains models/ner/press.{json,safetensors} on eval/train,
#                                   then scores it on eval/dev (kept for checking)
#
# The data are the gold of each set projected onto its releases (`whosaid ner-data`).
# Folds are by release: the gold files of train + dev sorted by name, file i in fold
# i mod K (K = FOLDS, default 5), as in scripts/cv-speaker.sh; each fold's head is trained
# on the other folds' releases only, with a fixed recipe (no early stopping), and the
# span counts of the folds are pooled. Extra arguments go to `whosaid cv-press` /
# `train-press-head` (e.g. --layers 6). Work files go to ${CV_OUT:-target/cv-press}.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cv-setup.sh cv-press
mkdir -p "$out"
"$bin" ner-data "$shared/eval/train" --out "$out/train.jsonl" --precision f32
"$bin" ner-data "$shared/eval/dev" --out "$out/dev.jsonl" --precision f32

if [ "${1:-}" = ship ]; then
    shift
    "$bin" train-press-head "$out/train.jsonl" --out models/ner "$@"
    echo "== eval/dev, head trained on eval/train"
    "$bin" eval-press "$out/dev.jsonl"
    exit 0
fi

"$bin" cv-press "$out/train.jsonl" "$out/dev.jsonl" --folds "$folds" "$@"

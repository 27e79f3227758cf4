#!/usr/bin/env bash
# Cross-validates the speaker model (models/speaker/MODEL_CARD.md) and trains the shipped one.
#
#   scripts/cv-speaker.sh            K-fold cross-validation over ../shared/eval/train + dev
#   scripts/cv-speaker.sh ship       trains models/speaker/model.json (PolNeAR train + eval/train)
#
# Folds are by release: the gold files of train + dev sorted by name, file i in fold i mod K
# (K = FOLDS, default 5). Each fold's model is trained on PolNeAR train and the other folds'
# rows only; the fold is then extracted with that model and the outputs of all folds are
# pooled and scored by the reference scorer. Also prints PolNeAR dev with a model trained on
# PolNeAR train alone. Work files go to ${CV_OUT:-target/cv-speaker}.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cv-setup.sh cv-speaker
mkdir -p "$out"
rows() { # the labelled rows of one gold set, made once
    local name="${1//\//_}"
    [ -s "$out/rows-$name.jsonl" ] || "$bin" speaker-data "$shared/$1" --out "$out/rows-$name.jsonl"
    echo "$out/rows-$name.jsonl"
}
train_rows=$(rows eval/train); dev_rows=$(rows eval/dev); pn_rows=$(rows data/polnear/train)

if [ "${1:-}" = ship ]; then
    "$bin" train-speaker "$pn_rows" "$train_rows" --out models/speaker/model.json
    exit 0
fi

score() { python3 "$shared/eval/score.py" --gold "$1" --pred "$2" | tail -n 14; }

# PolNeAR dev with the model trained on PolNeAR train only.
"$bin" train-speaker "$pn_rows" --out "$out/polnear.json"
"$bin" extract "$shared/data/polnear/dev" --out "$out/polnear-dev" --quiet \
    --speaker-model "$out/polnear.json" || [ $? -eq 1 ]
echo "== PolNeAR dev, model trained on PolNeAR train"
score "$shared/data/polnear/dev" "$out/polnear-dev" | tail -n 1

. scripts/folds.sh
fold_files
for ((k = 0; k < folds; k++)); do
    make_fold "$k"
    "$bin" train-speaker "$pn_rows" "$train_rows" "$dev_rows" \
        --exclude "$out/fold$k/exclude.txt" --out "$out/fold$k/model.json"
    "$bin" extract "$out/fold$k/gold" --out "$out/fold$k/pred" --quiet \
        --speaker-model "$out/fold$k/model.json" || [ $? -eq 1 ]
done
pool_folds
echo "== $folds-fold cross-validation over eval/train + eval/dev (${#files[@]} releases)"
score "$out/gold" "$out/pred"

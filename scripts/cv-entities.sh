#!/usr/bin/env bash
# Cross-validates the entity tables with the press-release head of the NER model
# (models/ner/MODEL_CARD.md): the rules alone against the rules with the head's spans.
#
#   scripts/cv-entities.sh      K-fold cross-validation over ../shared/eval/train + dev
#
# Folds are by release, as in scripts/cv-speaker.sh (scripts/folds.sh). For fold k a press
# head is trained on the other folds' releases only (`train-press-head --exclude`, the
# shipped recipe) and the fold is extracted twice: with that head (`--press-head`) and
# without any (`--no-press`, the rules alone). The outputs of all folds are pooled and
# scored by the reference scorer, rules alone first. The training data are the gold of
# each set projected onto its releases (`whosaid ner-data`); they and the fold heads are
# made once (the rules can change between runs, the heads do not): remove $out to remake
# them. Work files go to ${CV_OUT:-target/cv-entities}.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cv-setup.sh cv-entities
mkdir -p "$out/heads"
data() { # the projected gold of one set, made once
    local file="$out/data-$1.jsonl"
    [ -s "$file" ] || "$bin" ner-data "$shared/eval/$1" --out "$file" --precision f32
    echo "$file"
}
train_data=$(data train); dev_data=$(data dev)

score() { python3 "$shared/eval/score.py" --gold "$1" --pred "$2" | tail -n 14; }

. scripts/folds.sh
fold_files
for ((k = 0; k < folds; k++)); do
    make_fold "$k"
    head="$out/heads/fold$k"
    [ -s "$head/press.safetensors" ] || "$bin" train-press-head "$train_data" "$dev_data" \
        --exclude "$out/fold$k/exclude.txt" --out "$head" > "$out/heads/fold$k.log" 2>&1
    "$bin" extract "$out/fold$k/gold" --out "$out/fold$k/rules" --quiet --no-cache \
        --no-press || [ $? -eq 1 ]
    "$bin" extract "$out/fold$k/gold" --out "$out/fold$k/pred" --quiet --no-cache \
        --press-head "$head" || [ $? -eq 1 ]
done
pool_folds rules
pool_folds pred
echo "== $folds-fold cross-validation over eval/train + eval/dev (${#files[@]} releases): rules alone"
score "$out/gold" "$out/rules"
echo "== the same folds, rules with each fold's press head (trained on the other folds)"
score "$out/gold" "$out/pred"

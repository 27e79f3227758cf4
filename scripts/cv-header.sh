#!/usr/bin/env bash
# Cross-validates the release headers (title and date) over ../shared/eval/train + dev.
#
#   scripts/cv-header.sh              the built whosaid
#   BIN=path/to/whosaid scripts/cv-header.sh    another binary (e.g. an older main), side by side
#
# Folds are by release, as scripts/cv-speaker.sh makes them: the gold files of train + dev
# sorted by name, file i in fold i mod K (K = FOLDS, default 5). Each fold is extracted on its
# own (so nothing a run gathers over its input, such as lines repeated across pages, crosses
# from one fold into another) and the outputs of all folds are pooled and scored by the
# reference scorer. Header choice has no fitted weights today: its rules were written from the
# failure classes seen on eval/train (never from dev), so the pooled figure is the held-out one
# only in the sense that no fold's output depends on the other folds; the plain dev figure is
# printed beside it. Titles and dates do not depend on the NER model, so runs use --no-ner.
# Work files go to ${CV_OUT:-target/cv-header}.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cv-setup.sh cv-header
BIN="$bin"
score() { # title and date accuracy lines of the reference scorer
    python3 "$shared/eval/score.py" --gold "$1" --pred "$2" --only release |
        grep -E '^(date_acc|title_acc) '
}

. scripts/folds.sh
fold_files
for ((k = 0; k < folds; k++)); do
    make_fold "$k"
    # Exit status 1 only means some input was unusable (reported); 2 is a failed run.
    "$BIN" extract "$out/fold$k/gold" --out "$out/fold$k/pred" --quiet --no-ner || [ $? -eq 1 ]
done
pool_folds
echo "== $folds-fold cross-validation over eval/train + eval/dev (${#files[@]} releases), pooled"
score "$out/gold" "$out/pred"
"$BIN" extract "$shared/eval/dev" --out "$out/dev" --quiet --no-ner || [ $? -eq 1 ]
echo "== eval/dev"
score "$shared/eval/dev" "$out/dev"

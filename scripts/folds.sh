# Folds by release over ../shared/eval/train + dev, shared by the cross-validation scripts
# (cv-speaker.sh, cv-header.sh, cv-entities.sh). Sourced, not run; needs $shared, $folds
# and $out set.
#
# The gold files of train + dev are sorted by name and file i goes to fold i mod $folds:
#   fold_files           sets the array `files` (the .txt paths, in that order)
#   make_fold K          links fold K's releases and gold into $out/foldK/gold, adds them to
#                        the pooled $out/gold, and lists their names in $out/foldK/exclude.txt
#   pool_folds [NAME]    concatenates the folds' tables $out/foldK/NAME (default pred) into
#                        $out/NAME

fold_files() {
    rm -rf "$out/gold" "$out/pred" "$out/fold"*
    mkdir -p "$out/gold" "$out/pred"
    mapfile -t files < <(for f in "$shared"/eval/train/*.txt "$shared"/eval/dev/*.txt; do
        echo "$(basename "$f") $f"; done | sort | cut -d' ' -f2)
}

make_fold() {
    local k="$1" i f g
    mkdir -p "$out/fold$k/gold"
    : > "$out/fold$k/exclude.txt"
    for i in "${!files[@]}"; do
        if (( i % folds == k )); then
            f="${files[$i]}"
            for g in "$f" "${f%.txt}.json"; do
                ln -s "$(realpath "$g")" "$out/fold$k/gold/"
                ln -sf "$(realpath "$g")" "$out/gold/"
            done
            basename "$f" >> "$out/fold$k/exclude.txt"
        fi
    done
}

pool_folds() {
    local name="${1:-pred}" t k
    mkdir -p "$out/$name"
    for t in releases entities quotes; do
        { head -n 1 "$out/fold0/$name/$t.csv"
          for ((k = 0; k < folds; k++)); do tail -n +2 "$out/fold$k/$name/$t.csv"; done
        } > "$out/$name/$t.csv"
    done
}

# The set-up the cross-validation scripts share. Sourced, not run, with the default name of
# the work folder as $1: checks that the shared data are there (../shared, or
# $WHOSAID_SHARED) and sets $shared, $folds (FOLDS, default 5) and $out (CV_OUT, default
# target/$1); then loads the project's environment, builds the release binary and sets $bin
# to it, unless $BIN names a binary to use instead.
shared="${WHOSAID_SHARED:-../shared}"
[ -d "$shared" ] || { echo "$(basename "$0"): $shared is absent; set WHOSAID_SHARED" >&2; exit 1; }
folds="${FOLDS:-5}"
out="${CV_OUT:-target/$1}"
if [ -n "${BIN:-}" ]; then
    bin="$BIN"
else
    . scripts/env.sh
    cargo build --release --quiet
    bin="${CARGO_TARGET_DIR:-target}/release/whosaid"
fi

#!/usr/bin/env bash
# Same output: speed work must change no result. Builds claimlens at BASE (a
# git revision, default HEAD) and as the working tree is now, runs both over
# the same inputs and compares their JSON Lines byte for byte:
#   - corpus-large raw (real EDGAR filings, HTML and submissions),
#   - the plain text of the same files (as `claimlens tokens --text` reads them),
#   - the corpus with its records (claims, verdicts, status findings),
#   - corpus-large against the corpus's records with each record's entities
#     replaced by "Company" and "Corporation", so that most filings choose a
#     record and tens of thousands of claims go through the check.
# Exits 1 and names the inputs whose output differs.
#
#   benches/same-output.sh [BASE] [CORPUS_DIR]
#
# The base is built in target/same-output (its dependencies once, then only
# the crate), from a temporary worktree.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-HEAD}"
corpus="${2:-../shared/corpus-large}"
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 2; }

work="$(mktemp -d)"
tree="$work/base-tree"
cleanup() { git worktree remove --force "$tree" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

cargo build --release --quiet
new="$PWD/target/release/claimlens"
git worktree add --quiet --detach "$tree" "$base"
(cd "$tree" && cargo build --release --quiet --target-dir "$OLDPWD/target/same-output")
old="$PWD/target/same-output/release/claimlens"

# The plain text of the corpus, and the records with their entities forced.
mkdir -p "$work/text" "$work/forced"
n=0
find "$corpus" -type f | sort | while IFS= read -r f; do
  n=$((n + 1))
  "$new" tokens --text "$f" > "$work/text/$n.txt" 2>/dev/null || true
done
for r in corpus/records/*.toml; do
  sed 's/^entities = .*/entities = ["Company", "Corporation"]/' "$r" > "$work/forced/$(basename "$r")"
done

run() { # BIN NAME ARGS...
  local bin=$1 name=$2; shift 2
  "$bin" check "$@" --format jsonl --threads 2 > "$work/$name" 2>/dev/null || true
}
status=0
compare() { # LABEL ARGS...
  local label=$1; shift
  run "$old" old.jsonl "$@"
  run "$new" new.jsonl "$@"
  if cmp -s "$work/old.jsonl" "$work/new.jsonl"; then
    printf 'same       %-44s %9d bytes\n' "$label" "$(wc -c < "$work/new.jsonl")"
  else
    printf 'DIFFERENT  %-44s (first difference at %s)\n' "$label" \
      "$(cmp "$work/old.jsonl" "$work/new.jsonl" 2>&1 | head -1 | sed 's/.* differ: //')"
    status=1
  fi
}
echo "base $(git rev-parse --short "$base") against the working tree"
compare "corpus-large, raw" "$corpus"
compare "corpus-large, plain text" "$work/text"
compare "corpus with its records" corpus/documents --record corpus/records
compare "corpus-large against forced records" "$corpus" --record "$work/forced"
exit $status

#!/usr/bin/env bash
# Whole-run throughput: `claimlens check --format jsonl` over a corpus (by
# default ../shared/corpus-large, real EDGAR filings) and over the plain text
# of the same files, each with 1 and 2 threads, next to a one-pass reference
# (`wc -w`) over the same bytes in the same run. Prints the median of RUNS
# runs (default 5), MB/s of input bytes, the ratio to the reference, and
# peak memory.
#
#   benches/whole-run.sh [CORPUS_DIR]        RUNS=7 benches/whole-run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus-large}"
runs="${RUNS:-5}"
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 2; }

cargo build --release --quiet
bin="$PWD/target/release/claimlens"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The files claimlens reads in a directory walk (documents by extension).
find "$corpus" -type f \( -name '*.txt' -o -name '*.htm' -o -name '*.html' -o -name '*.nc' -o -name '*.md' -o -name '*.markdown' \) \
  ! -name '*.notes.md' | sort > "$work/files"
raw_bytes=$(xargs -a "$work/files" -d '\n' cat | wc -c)

# The plain text of the same files, as claimlens reads them.
mkdir -p "$work/text"
n=0
while IFS= read -r f; do
  n=$((n + 1))
  "$bin" tokens --text "$f" > "$work/text/$n.txt" 2>/dev/null || true
done < "$work/files"
text_bytes=$(cat "$work/text"/*.txt | wc -c)

# tick: the time now, in $T. Bash 5's own $EPOCHREALTIME is read without
# starting a process: timing with `date` added the start of a `date` process
# (~1-2 ms) to every run, which weighs more on the short two-thread runs and
# understated their speed-up. `date` remains the fallback.
tick() { if [ -n "${EPOCHREALTIME:-}" ]; then T=${EPOCHREALTIME/,/.}; else T=$(date +%s.%N); fi; }
# time_of CMD...: seconds of one run (output discarded).
time_of() {
  local s
  tick; s=$T
  "$@" > /dev/null 2>&1 < /dev/null || true
  tick
  echo "$T - $s" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # label bytes CMD...
  local label=$1 bytes=$2; shift 2
  local t
  t=$(for _ in $(seq "$runs"); do time_of "$@"; done | median)
  printf '%-34s %8.3f s  %8.1f MB/s\n' "$label" "$t" "$(echo "$bytes / 1000000 / $t" | bc -l)" >&2
  echo "$t"
}
mem_of() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }

echo "corpus: $corpus ($(wc -l < "$work/files") files, $raw_bytes bytes raw, $text_bytes bytes of plain text), median of $runs runs" >&2
ref=$(measure "reference: wc -w (raw)" "$raw_bytes" xargs -a "$work/files" -d '\n' wc -w)
t1=$(measure "claimlens check, 1 thread (raw)" "$raw_bytes" "$bin" check "$corpus" --format jsonl --threads 1)
t2=$(measure "claimlens check, 2 threads (raw)" "$raw_bytes" "$bin" check "$corpus" --format jsonl --threads 2)
tt=$(measure "claimlens check, 1 thread (text)" "$text_bytes" "$bin" check "$work/text" --format jsonl --threads 1)
tt2=$(measure "claimlens check, 2 threads (text)" "$text_bytes" "$bin" check "$work/text" --format jsonl --threads 2)
reft=$(measure "reference: wc -w (text)" "$text_bytes" sh -c "cat '$work'/text/*.txt | wc -w")
largest=$(xargs -a "$work/files" -d '\n' ls -l | awk '{print $5}' | sort -n | tail -1)
mem=$(mem_of "$bin" check "$corpus" --format jsonl --threads 1)
mem2=$(mem_of "$bin" check "$corpus" --format jsonl --threads 2)
echo >&2
printf 'raw:   1 thread %.1f MB/s (%.2fx the time of wc -w), 2 threads %.1f MB/s (speed-up %.2fx)\n' \
  "$(echo "$raw_bytes / 1000000 / $t1" | bc -l)" "$(echo "$t1 / $ref" | bc -l)" \
  "$(echo "$raw_bytes / 1000000 / $t2" | bc -l)" "$(echo "$t1 / $t2" | bc -l)"
printf 'text:  1 thread %.1f MB/s (%.2fx the time of wc -w on the same text), 2 threads %.1f MB/s (speed-up %.2fx)\n' \
  "$(echo "$text_bytes / 1000000 / $tt" | bc -l)" "$(echo "$tt / $reft" | bc -l)" \
  "$(echo "$text_bytes / 1000000 / $tt2" | bc -l)" "$(echo "$tt / $tt2" | bc -l)"
printf 'peak memory %.1f MB (1 thread), %.1f MB (2 threads); largest input %.1f MB (limit: 2 x largest + 50 MB = %.1f MB)\n' \
  "$(echo "$mem / 1000" | bc -l)" "$(echo "$mem2 / 1000" | bc -l)" "$(echo "$largest / 1000000" | bc -l)" "$(echo "2 * $largest / 1000000 + 50" | bc -l)"

#!/usr/bin/env bash
# Fuzz claimlens with cargo-fuzz (libFuzzer): each target in turn, for
# SECONDS each (default 600), seeded from corpus/.
#
#   fuzz/run.sh [SECONDS-PER-TARGET] [TARGET...]
#
# Targets: load_analyze (any bytes as every format, through every stage and
# every report), record (any text as a TOML and a JSON deal record, then used
# for a check), number_grammar (short texts through the claim grammar and the
# check). Without TARGETs, all three.
#
# Environment:
#   FUZZ_PARALLEL=N   run N targets at once (default 1; each uses one core)
#   FUZZ_SANITIZER=S  address (default when the toolchain ships the ASan
#                     runtime) or none
#   FUZZ_TOOLCHAIN=T  a rustup toolchain to build with (e.g. nightly); by
#                     default the one cargo runs
#
# Toolchain: cargo-fuzz needs nightly compiler flags (-Z sanitizer, coverage
# instrumentation). No nightly is needed: the script sets RUSTC_BOOTSTRAP=1,
# which unlocks those flags on the stable compiler (and changes nothing on a
# nightly one). Tried on stable 1.95: `-s address` builds and runs (stable
# ships the ASan runtime, librustc-stable_rt.asan.a), and so does `-s none`.
#
# The seed corpora are copied from corpus/ at run time into fuzz/corpus/
# (ignored by git), together with what earlier runs found. A crash lands in
# fuzz/artifacts/TARGET/; reproduce it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-...
# and turn it into a regression test in tests/ (not here). Logs are in
# fuzz/logs/. CI does not run this script.
set -euo pipefail
cd "$(dirname "$0")"
fuzz_dir="$(pwd)"
repo="$(cd .. && pwd)"

seconds="${1:-600}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(load_analyze record number_grammar)
fi
parallel="${FUZZ_PARALLEL:-1}"

command -v cargo-fuzz >/dev/null || {
  echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
  exit 2
}

# The toolchain: the default one (or FUZZ_TOOLCHAIN), nightly flags unlocked.
toolchain=()
if [ -n "${FUZZ_TOOLCHAIN:-}" ]; then
  toolchain=("+$FUZZ_TOOLCHAIN")
fi
export RUSTC_BOOTSTRAP=1
echo "toolchain: $(rustc "${toolchain[@]}" --version) with RUSTC_BOOTSTRAP=1"

# The sanitizer: ASan when the toolchain's sysroot has its runtime.
sysroot="$(rustc "${toolchain[@]}" --print sysroot)"
if [ -n "${FUZZ_SANITIZER:-}" ]; then
  sanitizer="$FUZZ_SANITIZER"
elif ls "$sysroot"/lib/rustlib/*/lib/librustc-*_rt.asan.a >/dev/null 2>&1; then
  sanitizer=address
else
  sanitizer=none
fi
echo "sanitizer: $sanitizer"

# Seeds. Every document and record of the corpus, each record also cut into
# one small record per fact (small inputs mutate faster), a JSON record, and
# for the number grammar every line of the corpus and of the claim tables
# that holds a digit.
seed() {
  local target="$1"
  local dir="$fuzz_dir/corpus/$target"
  mkdir -p "$dir"
  case "$target" in
    load_analyze)
      # The first byte picks the format: 0 detects it, 2 is Markdown.
      for f in "$repo"/corpus/documents/*; do
        local pick='\000'
        case "$f" in *.md) pick='\002' ;; esac
        { printf "$pick"; cat "$f"; } > "$dir/seed-$(basename "$f")"
      done
      ;;
    record)
      for f in "$repo"/corpus/records/*.toml; do
        local name
        name="$(basename "$f" .toml)"
        cp "$f" "$dir/seed-$name.toml"
        # The header (id, title, entities) and one [[fact]] or [[event]].
        awk -v out="$dir/seed-$name" '
          /^\[\[/ { n++ }
          n == 0 { head = head $0 "\n"; next }
          /^\[\[/ { file = out "-" n ".toml"; printf "%s", head > file }
          { print >> file }
        ' "$f"
      done
      cat > "$dir/seed-record.json" <<'JSON'
{ "id": "acme-widget-2025", "title": "Acme to acquire Widget",
  "entities": ["Acme", "Widget"],
  "event": [ { "date": "2025-07-07", "status": "announced", "source": "8-K" } ],
  "fact": [ { "id": "price", "about": "price per share", "cues": ["per share"],
              "kind": "per_share", "value": 52.5, "unit": "USD/share",
              "qualifier": "exact", "source": "8-K" },
            { "id": "value", "about": "equity value", "cues": ["deal"],
              "kind": "money", "value": 9e9, "upper": 1e10, "unit": "USD",
              "qualifier": "range", "as_of": "2025-07-07", "source": "8-K" } ] }
JSON
      ;;
    number_grammar)
      local n=0
      while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "${line:0:500}" > "$dir/seed-line-$n"
      done < <(cat "$repo"/corpus/documents/*.txt | tr -s ' ' | grep '[0-9]' | head -n 2000;
               grep -v '^#' "$repo"/tests/data/claims.tsv "$repo"/tests/data/non_claims.tsv \
                 | cut -d: -f2- | cut -f1)
      ;;
  esac
}

dict_of() {
  case "$1" in
    load_analyze) echo "$fuzz_dir/dict/markup.dict" ;;
    record) echo "$fuzz_dir/dict/record.dict" ;;
    number_grammar) echo "$fuzz_dir/dict/number_grammar.dict" ;;
  esac
}

max_len_of() {
  case "$1" in
    load_analyze) echo 16384 ;;
    record) echo 32768 ;;
    number_grammar) echo 512 ;;
  esac
}

mkdir -p logs
echo "building ${targets[*]}"
for t in "${targets[@]}"; do
  cargo "${toolchain[@]}" fuzz build -s "$sanitizer" "$t"
done

run_one() {
  local t="$1"
  seed "$t"
  mkdir -p "artifacts/$t"
  local log="logs/$t.log"
  echo "fuzzing $t for ${seconds}s (log: fuzz/$log)"
  local started
  started=$(date +%s)
  # -timeout: an input that takes over 60 s is a hang and counts as a crash
  # (inputs take well under a second; the margin is for a shared machine,
  # where a 10 s limit flagged a 0.7 s input while other builds ran).
  # -rss_limit_mb: memory that grows past 2 GB is a crash too.
  set +e
  cargo "${toolchain[@]}" fuzz run -s "$sanitizer" "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
    -max_len="$(max_len_of "$t")" -dict="$(dict_of "$t")" \
    -print_final_stats=1 >"$log" 2>&1
  local rc=$?
  set -e
  local took=$(( $(date +%s) - started ))
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
  local found
  found=$(find "artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  printf '%s %s: %ss, %s executions, exit %s, %s artifacts in fuzz/artifacts/%s\n' \
    "$(date -u +%FT%TZ)" "$t" "$took" "${execs:-?}" "$rc" "$found" "$t" | tee -a logs/summary.txt
}

running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

status=0
for t in "${targets[@]}"; do
  if find "artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | grep -q .; then
    echo "open artifacts for $t:"; ls "artifacts/$t"
    status=1
  fi
done
exit "$status"

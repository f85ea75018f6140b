#!/usr/bin/env bash
# Runs one fuzz target for a given time and records the run in fuzz/LOG.md.
#
#   fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#
# Seeds fuzz/corpus/TARGET first when it is missing (fuzz/seed.py). Needs the nightly toolchain
# and cargo-fuzz (fuzz/ci.sh installs it). Findings land in fuzz/artifacts/TARGET/; minimise one
# with `cargo +nightly fuzz tmin TARGET ARTIFACT` and add it to tests/regressions.rs.
#
# FUZZ_SANITIZER (default none: the core is safe Rust, and without ASan the executions run
# several times faster) and FUZZ_JOBS (default 1) tune the run; FUZZ_TARGET_DIR builds
# somewhere other than fuzz/target.
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
cd "$(dirname "$0")"
[ -d "corpus/$target" ] || python3 seed.py "$target"
mkdir -p logs "artifacts/$target"
log="logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
before=$(find "artifacts/$target" -type f | wc -l)

jobs=${FUZZ_JOBS:-1}
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
rm -f fuzz-*.log
target_dir=()
[ -n "${FUZZ_TARGET_DIR:-}" ] && target_dir=(--target-dir "$FUZZ_TARGET_DIR")
nice -n 19 cargo +nightly fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" --debug-assertions \
  "${target_dir[@]}" "$target" "corpus/$target" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "${parallel[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One process: its own final stats. Parallel jobs: each job's log (fuzz-N.log), summed.
if [ "$jobs" -gt 1 ]; then
  sources=(fuzz-*.log)
else
  sources=("$log")
fi
executions=$(grep -h 'stat::number_of_executed_units' "${sources[@]}" 2>/dev/null |
  awk '{ sum += $2 } END { print sum + 0 }')
[ "$jobs" -gt 1 ] && cat fuzz-*.log >>"$log"
rm -f fuzz-*.log
after=$(find "artifacts/$target" -type f | wc -l)
findings=$((after - before))
if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then
  findings="run failed (exit $status), see $log"
fi
printf '| %s | %s | %s | %s | %s |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$target" "$seconds" \
  "$executions" "$findings" >>LOG.md
python3 totals.py
echo "==> $target: $executions executions in ${seconds}s, findings: $findings (logged in fuzz/LOG.md)"
[ "$status" -eq 0 ]

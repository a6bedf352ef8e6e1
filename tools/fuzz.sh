#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ (clang, ASan + UBSan) into
# ./build-fuzzer and runs each for a while, one after the other.
#
#   tools/fuzz.sh [--time SECONDS | --runs N] [TARGET…] [-- LIBFUZZER-OPTION…]
#
# TARGET is jsonl, gguf, tokenizer or chat (default: all four). --time is per
# target (default 60). New inputs go to build-fuzzer/corpus/TARGET (the
# committed seeds in tests/fuzz/corpus/TARGET are read, never written);
# a crash goes to build-fuzzer/artifacts/TARGET/ and the script fails,
# saying how to keep it as a regression test. Each run's log and final
# statistics are in build-fuzzer/logs/TARGET.log; a summary line per target
# is printed at the end. Runs at nice 15: it shares the machine.
set -euo pipefail
# Nothing reads the terminal (meson's compiler checks would read stdin).
exec </dev/null
cd "$(dirname "$0")/.."

build=build-fuzzer
time=60
runs=""
targets=()
extra=()
while (($#)); do
  case "$1" in
    --time) time=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(jsonl gguf tokenizer chat)

if [ ! -f "$build/build.ninja" ]; then
  # UBSan aborts at the first report, so libFuzzer keeps the input. clang
  # says it can't vectorise some `omp simd` loops under the sanitizers: true
  # and harmless here.
  CC=clang nice -n 10 meson setup "$build" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fno-sanitize-recover=undefined -Wno-pass-failed" \
    -Dc_link_args=-fno-sanitize-recover=undefined
fi
nice -n 10 meson compile -C "$build" "${targets[@]/#/fuzz-}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# One thread: the targets are single-threaded, and OpenMP's team would only
# take a core from whatever else runs.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
# GLib 2.74's slice allocator keeps freed blocks for reuse: leaks hide in it
# and libFuzzer's leak check (run whenever an input mallocs more than it
# frees) fires on nearly every input. Plain malloc avoids both.
export G_SLICE=always-malloc

status=0
summary=()
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t artifacts=$build/artifacts/$t log=$build/logs/$t.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seeds=(tests/fuzz/corpus/"$t")
  [ -d tests/fuzz/regressions/"$t" ] && seeds+=(tests/fuzz/regressions/"$t")
  limit=(-max_total_time="$time")
  [ -n "$runs" ] && limit=(-runs="$runs")
  options=(-dict=tests/fuzz/$t.dict)
  # A few lines exercise every rule; longer inputs only run slower.
  [ "$t" = jsonl ] && options+=(-max_len=1024)

  echo "fuzz-$t: ${limit[*]}"
  start=$(date +%s)
  # -timeout is wall-clock time per input: generous, since at nice 15 on a
  # busy machine an input can wait seconds for a core.
  if ! nice -n 15 "$build/tests/fuzz/fuzz-$t" "${limit[@]}" "${options[@]}" -timeout=60 \
       -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" \
       "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    status=1
  fi
  seconds=$(($(date +%s) - start))

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  # Crashes, leaks, timeouts and out-of-memory fail; an input slower than
  # -report_slow_units (10 s) is only reported.
  crashes=$(find "$artifacts" -type f ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$artifacts" -type f -name 'slow-unit-*' | wc -l)
  summary+=("fuzz-$t: ${execs:-?} executions, ${rate:-?} exec/s, ${cov:-cov: ?}, ${seconds} s, ${crashes} failing and ${slow} slow inputs in $artifacts")
  if ((crashes)); then
    status=1
    echo "fuzz-$t found a failure; see $log. Keep each input as a regression test:"
    echo "  mkdir -p tests/fuzz/regressions/$t && cp $artifacts/* tests/fuzz/regressions/$t/"
  fi
done

printf '%s\n' "${summary[@]}"
exit $status

#!/usr/bin/env bash
# Fuzzes the server with libFuzzer (clang; every library instrumented for coverage, ASan and
# UBSan, tests/fuzz/CMakeLists.txt): each target runs for a bounded time over its corpus, then
# the targets are listed with their executions and executions per second.
#   decoder_fuzz — request decoders   router_fuzz — raw HTTP through the router, in-process
#   apply_fuzz   — pushes through the merge into a SQLite store
# usage: scripts/fuzz.sh [--with-tests] [seconds per target, default 120] [target ...]   (default: all three)
#   --with-tests: first build the whole tree (domain, store, sync and server libraries, the
#   courtyard-server binary and their Qt Test suites, all instrumented) and run its tests; any
#   sanitizer report fails the test it happens in. scripts/test.sh (CI) runs it this way.
# The corpus grows in build-fuzz/corpus/<target> (seeded from the golden files on every run);
# an input that crashes is written to build-fuzz/artifacts/<target>/ and the script fails.
set -euo pipefail
cd "$(dirname "$0")/.."
with_tests=0
if [ "${1:-}" = --with-tests ]; then
  with_tests=1
  shift
fi
seconds=${1:-120}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decoder_fuzz router_fuzz apply_fuzz)
bash scripts/setup-deps.sh
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# clang from Debian 12 (clang 14); its libFuzzer runtime is in libclang-rt-14-dev (setup-deps).
# -O1 with line tables only, as OSS-Fuzz builds: the sanitizers' reports still name file and
# line, and the tree compiles about a quarter faster than at -O2 with full debug information.
# The tests are configured too (not built here): scripts/test.sh builds and runs them in this
# same instrumented tree, so CI compiles the libraries with the sanitizers once.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" \
      -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only -DNDEBUG" \
      -DBUILD_TESTING=ON -DCOURTYARD_BUILD_CLIENT=OFF \
      -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=OFF -DCOURTYARD_FUZZ=ON > /dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if [ $with_tests -eq 1 ]; then
  started=$SECONDS
  cmake --build build-fuzz -j"${COURTYARD_JOBS:-2}"
  echo "instrumented build: $((SECONDS - started)) s"
  started=$SECONDS
  ctest --test-dir build-fuzz --output-on-failure -j"${COURTYARD_JOBS:-2}" --timeout 2700
  echo "instrumented tests: $((SECONDS - started)) s"
else
  cmake --build build-fuzz -j"${COURTYARD_JOBS:-2}" --target "${targets[@]}"
fi

python3 scripts/fuzz-seeds.py build-fuzz/seeds > /dev/null
summary=()
failed=0
for t in "${targets[@]}"; do
  kind=${t%_fuzz}
  corpus=build-fuzz/corpus/$t
  artifacts=build-fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  cp build-fuzz/seeds/"$kind"/* "$corpus"/
  log=build-fuzz/$t.log
  echo "== $t for ${seconds}s (corpus $corpus, log $log)"
  status=0
  build-fuzz/tests/fuzz/"$t" -max_total_time="$seconds" -max_len=65536 -timeout=25 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" > "$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  files=$(find "$corpus" -type f | wc -l)
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "FAIL: $t exited $status; the input is in $artifacts/:" >&2
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -20 >&2
  fi
  summary+=("$(printf '%-13s %10s execs  %7s execs/s  coverage %6s  corpus %5s  peak RSS %5s MB  %s' \
    "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$files" "${rss:-?}" "$([ $status -eq 0 ] && echo clean || echo CRASH)")")
done
echo
echo "target        executions      rate       (${seconds}s each)"
printf '%s\n' "${summary[@]}"
exit $failed

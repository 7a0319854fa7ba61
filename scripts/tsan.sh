#!/usr/bin/env bash
# Looks for data races in the server with ThreadSanitizer (GCC): builds the server side
# instrumented in build-tsan/, then drives the real courtyard-server binary hard — 200 devices
# pushing at the same instant, 100 pushing and pulling, one device syncing 5,000 records — and
# runs the server-side Qt Test suites against the instrumented binaries. Any ThreadSanitizer
# report fails the script, and the reports are left in build-tsan/reports/. Not part of CI (the
# build alone takes about 20 minutes on 2 cores, the runs about 8); run it after changing
# anything that threads share: the HTTP server, the storage's writer and checkpoint threads,
# the disposer, a push's preparing thread.
# usage: scripts/tsan.sh [--no-tests]
set -euo pipefail
cd "$(dirname "$0")/.."
with_tests=1
[ "${1:-}" = --no-tests ] && with_tests=0
bash scripts/setup-deps.sh
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# The client is left out: Qt Quick is not instrumented. The benchmarks are in: bench_load and
# bench_sync are the load (their simulated devices are the real sync engine, instrumented too).
# COURTYARD_TSAN (the top-level CMakeLists.txt) instruments every target and triples the tests'
# time-outs, as COURTYARD_SANITIZE does for ASan + UBSan.
cmake -S . -B build-tsan -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DBUILD_TESTING=ON -DCOURTYARD_BUILD_CLIENT=OFF -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=ON \
      -DCOURTYARD_TSAN=ON > /dev/null
if [ $with_tests -eq 1 ]; then
  cmake --build build-tsan -j"${COURTYARD_JOBS:-2}"
else
  cmake --build build-tsan -j"${COURTYARD_JOBS:-2}" --target courtyard-server bench_load bench_sync
fi
reports="$(pwd)/build-tsan/reports"
rm -rf "$reports"
mkdir -p "$reports"
# One file a process that reported (tsan.<pid>). A process that reported exits with 66, so each
# step's failure is noted and the next step still runs: one run shows every report.
# die_after_fork=0: the tests start servers with QProcess from a process that has threads, and
# the child only calls exec. QtTest's own calls are not watched (scripts/tsan.supp says why).
export TSAN_OPTIONS="log_path=$reports/tsan second_deadlock_stack=1 halt_on_error=0 die_after_fork=0 suppressions=$(pwd)/scripts/tsan.supp"
export COURTYARD_INSECURE_FAST_PIN_HASH=1 QT_QPA_PLATFORM=offscreen TZ=UTC
server=build-tsan/server/courtyard-server
failed=0
echo "== 200 devices pushing at once"
build-tsan/bench/bench_load --server-bin "$server" --devices 200 --push-only | tail -4 || failed=1
echo "== 100 devices pushing, then pulling"
build-tsan/bench/bench_load --server-bin "$server" --devices 100 | tail -4 || failed=1
echo "== one device syncing 5,000 records"
build-tsan/bench/bench_sync --server-bin "$server" --records 5000 > /dev/null || failed=1
if [ $with_tests -eq 1 ]; then
  echo "== the server-side test suites"
  # Left out: escalation_pass_test forks the test process, which has threads, and runs servers
  # in the children without exec; ThreadSanitizer cannot follow such a child ("dup thread with
  # used id"). So several servers' escalation passes are not run instrumented.
  ctest --test-dir build-tsan --output-on-failure -j"${COURTYARD_JOBS:-2}" -E escalation_pass_test || failed=1
fi
if grep -l "WARNING: ThreadSanitizer" "$reports"/* 2> /dev/null; then
  echo "FAIL: ThreadSanitizer reports above (files in $reports)" >&2
  exit 1
fi
if [ $failed -ne 0 ]; then
  echo "FAIL: a step above failed without a ThreadSanitizer report" >&2
  exit 1
fi
echo "== no ThreadSanitizer report"

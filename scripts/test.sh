#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds everything and runs the whole test suite.
# This is README command 2; .ci/run calls it and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${COURTYARD_JOBS:-2}

echo "== 1/6 system packages"
bash scripts/setup-deps.sh

echo "== 2/6 build (client, server, tests, benchmarks) and qmllint"
# Installed under /usr, as the Debian packages built from this tree (step 5) install it.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
      -DCOURTYARD_BUILD_CLIENT=ON -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=ON \
      -DCMAKE_INSTALL_PREFIX=/usr
cmake --build build -j"$jobs"
# Any qmllint warning fails the run.
cmake --build build --target all_qmllint

echo "== 3/6 tests"
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900

echo "== 4/6 server-only build with Qt hidden: the server must not need or link Qt"
# Only linked to be inspected, so compiled without optimisation (about twice as fast).
cmake -S . -B build-noqt -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O0 -DBUILD_TESTING=OFF \
      -DCOURTYARD_BUILD_CLIENT=OFF -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=OFF \
      -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON
cmake --build build-noqt -j"$jobs" --target courtyard-server
if ldd build-noqt/server/courtyard-server | grep -i qt; then
  echo "FAIL: courtyard-server links Qt" >&2
  exit 1
fi
echo "courtyard-server links no Qt:"
ldd build-noqt/server/courtyard-server | sed 's/^/  /'

echo "== 5/6 Debian packages: built, unpacked into a temporary root, checked; the systemd unit verified"
bash scripts/check-packages.sh build
echo "== 6/6 sanitizers: the server side built with clang, ASan + UBSan, its tests, then each fuzz target for 60 s"
# One instrumented tree (build-fuzz) serves both: the libraries are compiled with the
# sanitizers once. The client is left out (Qt Quick itself is not instrumented).
started=$SECONDS
bash scripts/fuzz.sh --with-tests 60
echo "sanitizer step: $((SECONDS - started)) s"
echo "== all tests passed ($root)"

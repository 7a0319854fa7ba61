#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds everything and runs the whole test suite.
# This is README command 2; .ci/run calls it and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${COURTYARD_JOBS:-2}

echo "== 1/4 system packages"
bash scripts/setup-deps.sh

echo "== 2/4 build (client, server, tests, benchmarks) and qmllint"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
      -DCOURTYARD_BUILD_CLIENT=ON -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=ON
cmake --build build -j"$jobs"
# Any qmllint warning fails the run.
cmake --build build --target all_qmllint

echo "== 3/4 tests"
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900

echo "== 4/4 server-only build with Qt hidden: the server must not need or link Qt"
cmake -S . -B build-noqt -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
      -DCOURTYARD_BUILD_CLIENT=OFF -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=OFF \
      -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON
cmake --build build-noqt -j"$jobs" --target courtyard-server
if ldd build-noqt/server/courtyard-server | grep -i qt; then
  echo "FAIL: courtyard-server links Qt" >&2
  exit 1
fi
echo "courtyard-server links no Qt:"
ldd build-noqt/server/courtyard-server | sed 's/^/  /'
echo "== all tests passed ($root)"

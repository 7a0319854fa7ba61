#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds everything and runs the whole test suite.
# This is README command 2; .ci/run calls it and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${COURTYARD_JOBS:-2}

echo "== 1/5 system packages"
bash scripts/setup-deps.sh

echo "== 2/5 build (client, server, tests, benchmarks) and qmllint"
# Installed under /usr, as the Debian packages built from this tree (step 5) install it.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
      -DCOURTYARD_BUILD_CLIENT=ON -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=ON \
      -DCMAKE_INSTALL_PREFIX=/usr
cmake --build build -j"$jobs"
# Any qmllint warning fails the run.
cmake --build build --target all_qmllint

echo "== 3/5 tests"
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900

echo "== 4/5 server-only build with Qt hidden: the server must not need or link Qt"
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

echo "== 5/5 Debian packages: built, unpacked into a temporary root, checked; the systemd unit verified"
bash scripts/check-packages.sh build
echo "== all tests passed ($root)"

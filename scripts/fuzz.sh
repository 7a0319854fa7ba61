#!/usr/bin/env bash
# Fuzzes the server's request decoders with libFuzzer (clang, ASan + UBSan) for a while.
# usage: scripts/fuzz.sh [seconds, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
bash scripts/setup-deps.sh
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# The sanitizers must instrument everything, so the libraries are built before COURTYARD_FUZZ
# adds its flags only in a directory of their own.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DCOURTYARD_BUILD_CLIENT=OFF \
      -DCOURTYARD_BUILD_SERVER=OFF -DCOURTYARD_BUILD_BENCH=OFF -DCOURTYARD_FUZZ=ON
cmake --build build-fuzz -j"${COURTYARD_JOBS:-2}" --target push_decoder_fuzz
corpus=build-fuzz/corpus
mkdir -p "$corpus"
cp tests/data/golden/*.json "$corpus"/
for f in tests/data/fuzz/*.json; do [ -e "$f" ] && cp "$f" "$corpus"/; done
echo "fuzzing the request decoders for ${seconds}s …"
build-fuzz/tests/fuzz/push_decoder_fuzz -max_total_time="$seconds" -max_len=65536 -timeout=10 "$corpus"

#!/usr/bin/env bash
# README command 1: sets up the machine, builds, and runs the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
      -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=OFF
cmake --build build -j"${COURTYARD_JOBS:-2}" --target courtyard-server
echo
echo "The sync server and the Qt client are being built next (issues 4-6). What runs today is"
echo "the rules engine the server and tablets share. When is a complaint received on Friday"
echo "13 February 2026 at 16:00 Beijing time due?"
echo
echo '{"rule": "complaint_reply", "at": "2026-02-13T16:00:00+08:00", "urgent": false, "serious": true}' \
  | build/server/courtyard-server rules deadline

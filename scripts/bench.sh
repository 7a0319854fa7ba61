#!/usr/bin/env bash
# Builds the benchmarks and prints their figures (not part of CI: figures, not assertions).
#   rules   — deadlines per second over a year-long calendar; a 100k-household sample plan
#   sync    — push/pull records per second for 10k and 100k records (COURTYARD_BENCH_RECORDS),
#             over SQLite and over a throw-away PostgreSQL cluster, side by side with raw batched
#             inserts into each and with the same workload through pouchdb-server (npm)
#   load    — 500 simulated devices over real HTTP: latency percentiles, errors, server memory
#   client  — the tablet with 100k records: cold start to first frame, opening the list, memory
#   reports — the monthly report for 200 communities and 2 million records: time and memory,
#             side by side with loading the month's complaints into memory
#   cluster — three servers over PostgreSQL behind nginx, 500 devices pushing through it, one
#             server killed (SIGKILL) mid-run and restarted: nothing lost or duplicated, figures
#             beside one server over SQLite (not part of "all": it runs for some minutes; exits
#             non-zero if anything was lost or duplicated or a device kept unsent work)
#   soak    — 500 devices syncing for 10 minutes with the hostile-request list mixed in; the
#             server's memory every 30 s (not part of "all"; options after it go to bench_soak,
#             e.g. scripts/bench.sh soak --devices 50 --seconds 120)
# usage: scripts/bench.sh [rules|sync|load|client|reports|all|cluster [bench_cluster options]|soak [bench_soak options]]
#        (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
shift || true
bash scripts/setup-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOURTYARD_BUILD_BENCH=ON \
      -DCOURTYARD_BUILD_SERVER=ON > /dev/null
cmake --build build -j"${COURTYARD_JOBS:-2}" --target bench_rules bench_sync bench_load bench_client bench_reports bench_soak bench_cluster \
  courtyard courtyard-server
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"

if [ "$what" = client ] || [ "$what" = all ]; then
  echo; echo "== client (tablet with 100k complaints)"; build/bench/bench_client 100000
fi

if [ "$what" = rules ] || [ "$what" = all ]; then
  echo; echo "== rules"; build/bench/bench_rules
fi

if [ "$what" = sync ] || [ "$what" = all ]; then
  echo; echo "== sync throughput"
  pouch_args=()
  if command -v npm > /dev/null && command -v node > /dev/null; then
    (cd bench/pouchdb && npm install --no-audit --no-fund --loglevel=error > /dev/null)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    pouchdir=$(mktemp -d)
    # pouchdb-server writes its request log (log.txt) and config.json into the folder it starts
    # in: it starts in its temporary folder, which goes when the benchmark ends.
    pouchbin="$PWD/bench/pouchdb/node_modules/.bin/pouchdb-server"
    (cd "$pouchdir" && exec "$pouchbin" --host 127.0.0.1 --port "$port" --dir "$pouchdir" \
       > "$pouchdir/stdout" 2>&1) &
    pouchpid=$!
    trap 'kill $pouchpid 2>/dev/null || true; rm -rf "$pouchdir"' EXIT
    for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" > /dev/null 2>&1 && break; sleep 0.2; done
    pouch_args=(--pouch "http://127.0.0.1:$port" --pouch-replicate bench/pouchdb)
  else
    echo "(node/npm not found: the pouchdb-server peer is skipped)"
  fi
  pg_args=()
  if [ -x "${COURTYARD_PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ]; then
    pg_args=(--postgres)
  else
    echo "(PostgreSQL 15 not found: the PostgreSQL rows are skipped)"
  fi
  build/bench/bench_sync --server-bin build/server/courtyard-server --records "${COURTYARD_BENCH_RECORDS:-10000,100000}" \
    "${pg_args[@]}" "${pouch_args[@]}"
fi

if [ "$what" = load ] || [ "$what" = all ]; then
  echo; echo "== load: 500 devices, arriving over 10 seconds"
  build/bench/bench_load --server-bin build/server/courtyard-server --devices 500 --spread 10
  echo; echo "== load: 500 devices, all at the same instant"
  build/bench/bench_load --server-bin build/server/courtyard-server --devices 500
  echo; echo "== load: 500 devices, all pushing at the same instant, no pull after it"
  build/bench/bench_load --server-bin build/server/courtyard-server --devices 500 --push-only
fi

if [ "$what" = reports ] || [ "$what" = all ]; then
  echo; echo "== reports: 200 communities, 2 million records"
  build/bench/bench_reports --communities 200 --records 2000000 ${COURTYARD_BENCH_DATA:+--data "$COURTYARD_BENCH_DATA"}
fi

if [ "$what" = cluster ]; then
  echo; echo "== cluster: 3 servers over PostgreSQL behind nginx, one killed mid-run, beside 1 server over SQLite"
  build/bench/bench_cluster --server-bin build/server/courtyard-server "$@"
fi

if [ "$what" = soak ]; then
  echo; echo "== soak: devices syncing for a long time, hostile requests mixed in, server memory"
  build/bench/bench_soak --server-bin build/server/courtyard-server "$@"
fi

#!/usr/bin/env bash
# README command 1: sets up the machine, builds, and runs the main job — the sync server on its
# embedded SQLite data directory with the demo company, and a device talking to it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_BENCH=OFF > /dev/null
cmake --build build -j"${COURTYARD_JOBS:-2}" --target courtyard-server courtyard-device

data=${COURTYARD_DEMO_DATA:-demo-data}
port=${COURTYARD_PORT:-8080}
server=build/server/courtyard-server
device=build/sync/courtyard-device
if [ ! -f "$data/courtyard.db" ]; then
  echo "== loading the demo company into $data/"
  "$server" init --data "$data" --demo
  "$server" device add --data "$data" --role supervisor --community cm-sunshine --community cm-jadelake \
      --name "Demo tablet" --json > "$data/tablet.json"
  "$server" device add --data "$data" --role kiosk --community cm-sunshine \
      --name "Sunshine Garden lobby kiosk" --json > "$data/kiosk.json"
fi
token() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['token'])" "$1"; }

echo "== starting the sync server on http://127.0.0.1:$port"
"$server" serve --data "$data" --listen "127.0.0.1:$port" > "$data/server.out" 2> "$data/server.log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q listening "$data/server.out" 2>/dev/null && break; sleep 0.1; done

echo "== a headless tablet: sync, then take a complaint offline as 王敏 (staff 1001)"
db="$data/demo-tablet.db"
"$device" --db "$db" --server "http://127.0.0.1:$port" --token "$(token "$data/tablet.json")" sync
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "{\"community_id\":\"cm-sunshine\",\"channel\":\"phone\",\"category\":\"repairs\",
       \"unit_id\":\"cm-sunshine-b1-1-502\",\"content\":\"1栋1单元502 楼道灯不亮\",\"received_at\":\"$now\"}" \
  | "$device" --db "$db" --as 1001 --pin 1001 create complaint
echo "   its deadline on the tablet (provisional) and after sync (the server's):"
"$device" --db "$db" list --type complaint | python3 -c \
  "import json,sys; [print('   ', r['record']['reply_due']) for r in json.load(sys.stdin)[-1:]]"
"$device" --db "$db" sync
"$device" --db "$db" list --type complaint | python3 -c \
  "import json,sys; [print('   ', r['record']['reply_due']) for r in json.load(sys.stdin)[-1:]]"

cat <<TXT

The server keeps running on http://127.0.0.1:$port (data in $data/, logs in $data/server.log).
Staff sign in with their staff number as PIN: 1001 王敏 (staff), 2001 刘洋 (supervisor),
3001 郑华 (manager). Tokens for a tablet and a kiosk are in $data/tablet.json and kiosk.json.
Try: $device --db $db list --type complaint
The Qt tablet and kiosk client is being built next (issues 5 and 6).
Press Ctrl-C to stop the server.
TXT
wait $server_pid

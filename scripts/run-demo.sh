#!/usr/bin/env bash
# README command 1: sets up the machine, builds, and runs the main job — the sync server on its
# embedded SQLite data directory with the demo company, and the Qt client (the staff tablet;
# COURTYARD_FACE=kiosk for the lobby kiosk) enrolled with it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCOURTYARD_BUILD_SERVER=ON -DCOURTYARD_BUILD_CLIENT=ON -DCOURTYARD_BUILD_BENCH=OFF > /dev/null
cmake --build build -j"${COURTYARD_JOBS:-2}" --target courtyard-server courtyard-device courtyard

data=${COURTYARD_DEMO_DATA:-demo-data}
port=${COURTYARD_PORT:-8080}
server=build/server/courtyard-server
device=build/sync/courtyard-device
if [ ! -f "$data/courtyard.db" ]; then
  echo "== loading the demo company into $data/"
  "$server" init --data "$data" --demo --history 12   # a year of sample records for the reports
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
  | "$device" --db "$db" --as 1001 --pin 100100 create complaint
echo "   its deadline on the tablet (provisional) and after sync (the server's):"
"$device" --db "$db" list --type complaint | python3 -c \
  "import json,sys; [print('   ', r['record']['reply_due']) for r in json.load(sys.stdin)[-1:]]"
"$device" --db "$db" sync
"$device" --db "$db" list --type complaint | python3 -c \
  "import json,sys; [print('   ', r['record']['reply_due']) for r in json.load(sys.stdin)[-1:]]"

face=${COURTYARD_FACE:-tablet}
client=build/client/courtyard
cat <<TXT

The server runs on http://127.0.0.1:$port (data in $data/, logs in $data/server.log).
Staff sign in with staff number and PIN (the number followed by 00): 1001 / 100100 王敏 (staff),
2001 / 200100 刘洋 (supervisor), 3001 / 300100 郑华 (manager). A person's first sign-in on a tablet
needs the server; later ones work offline. The headless device: $device --db $db list --type complaint
TXT
if [ "$face" = kiosk ]; then
  args=(--kiosk --db "$data/kiosk-client.db" --admin-pin 2468)
  tokenfile="$data/kiosk.json"
  echo "The lobby kiosk: administrator PIN 2468 (tap the title five times)."
else
  args=(--db "$data/tablet-client.db")
  tokenfile="$data/tablet.json"
fi
args+=(--server "http://127.0.0.1:$port" --token "$(token "$tokenfile")")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # No screen here: show what the client shows, as pictures, and keep the server up.
  shots="$data/screenshots"
  echo "== no display: rendering the $face's pages to $shots/"
  QT_QPA_PLATFORM=offscreen "$client" "${args[@]}" --as 2001 --pin 200100 --screenshot "$shots" | sed 's/^/   /'
  echo "Press Ctrl-C to stop the server."
  wait $server_pid
else
  echo "== the $face (close the window to stop the server)"
  "$client" "${args[@]}"
fi

#!/usr/bin/env bash
# Renders every main page of the tablet (1280x800) and the kiosk (1080x1920 portrait) to PNG,
# in Chinese and in English, from a demo company served by the real sync server on 127.0.0.1;
# reports-pareto.png is the Reports page at the quarterly Pareto chart of complaint categories;
# tablet-complaint-photos is a record page at the photo another device took (downloaded);
# tablet-my-work-new is "My work" with the banner a sync raises when it brings new items;
# admin-* are the office's admin console (1280x900), signed in as the demo's administrator 9001.
#   scripts/screenshots.sh [out-dir]     (default docs/screenshots)
# Expects a build in build/ with the client (scripts/test.sh or run-demo.sh make one).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
build=${COURTYARD_BUILD:-build}
server=$build/server/courtyard-server
device=$build/sync/courtyard-device
client=$build/client/courtyard
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Qt's offscreen platform clamps windows to its screen (800x800 unless told): one screen per face.
screen() { echo "{\"screens\":[{\"name\":\"$1\",\"x\":0,\"y\":0,\"width\":$2,\"height\":$3,\"logicalDpi\":96,\"logicalBaseDpi\":96,\"dpr\":1}]}" > "$work/screen-$1.json"; }
export QT_QPA_PLATFORM=offscreen
"$server" init --data "$work/data" --demo > /dev/null
"$server" device add --data "$work/data" --role supervisor --community cm-sunshine --community cm-jadelake \
    --name "Screenshot tablet" --json > "$work/tablet.json"
"$server" device add --data "$work/data" --role kiosk --community cm-sunshine --name "Screenshot kiosk" \
    --json > "$work/kiosk.json"
"$server" device add --data "$work/data" --role admin --community cm-sunshine --community cm-jadelake \
    --name "Office console" --json > "$work/admin.json"
token() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['token'])" "$1"; }
"$server" serve --data "$work/data" --listen "127.0.0.1:$port" > "$work/server.out" 2> "$work/server.log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port"

# A little life in the demo: complaints at different stages, taken by the headless device.
"$device" --db "$work/seed.db" --server "$url" --token "$(token "$work/tablet.json")" sync > /dev/null
# A complaint taken by phone by the duty clerk (1001): file_complaint TEXT CATEGORY UNIT prints its id.
file_complaint() {
  echo "{\"community_id\":\"cm-sunshine\",\"channel\":\"phone\",\"category\":\"$2\",\"unit_id\":\"$3\",
         \"content\":\"$1\",\"received_at\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}" \
    | "$device" --db "$work/seed.db" --as 1001 --pin 100100 create complaint \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])"
}
# The customer-service head (2001) takes it on: it enters the department's work.
accept_complaint() {
  echo '{"resident_type":"venting"}' | "$device" --db "$work/seed.db" --as 2001 --pin 200100 transition "$1" accept > /dev/null
}
# The supervisor's tablet in LANG, every page to DIR.
tablet_shots() {
  QT_QPA_PLATFORM="offscreen:configfile=$work/screen-tablet.json" "$client" --db "$work/tablet-$1.db" --server "$url" \
      --token "$(token "$work/tablet.json")" --lang "$1" --as 2001 --pin 200100 --size 1280x800 --screenshot "$2"
}
for c in "1栋1单元502 楼道灯不亮，已经三天了|repairs|cm-sunshine-b1-1-502" \
         "2栋地下车库积水，车辆无法进出|vehicles|cm-sunshine-b2-1-101" \
         "夜间装修噪音影响休息|security|cm-sunshine-b1-2-301"; do
  IFS='|' read -r text cat unit <<< "$c"
  file_complaint "$text" "$cat" "$unit" >> "$work/ids"
done
# A photo the duty clerk took of the first one: the record page shows it, downloaded by the
# screenshot tablet from the server (a drawn picture: a stairwell wall with a dark ceiling lamp).
python3 - "$work/photo.png" <<'PY'
import struct, sys, zlib
w, h = 640, 480
rows = []
for y in range(h):
    row = bytearray([0])
    for x in range(w):
        shade = 200 - y // 8                        # the wall, darker towards the floor
        r = g = b = shade
        if 300 <= y < 312:                           # a skirting line
            r, g, b = 150, 140, 120
        if y > 312:                                  # stair treads
            r, g, b = (170, 160, 150) if (y // 28) % 2 else (140, 130, 120)
        if (x - 320) ** 2 / 110 ** 2 + (y - 90) ** 2 / 34 ** 2 < 1:   # the lamp, unlit
            r, g, b = 70, 70, 75
        if 316 <= x <= 324 and y < 60:               # its cable
            r, g, b = 40, 40, 40
        row += bytes((r, g, b))
    rows.append(bytes(row))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
photo=$("$device" --db "$work/seed.db" attach "$work/photo.png" image/png)
sha=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['sha256'])" "$photo")
size=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['size'])" "$photo")
echo "{\"sha256\":\"$sha\",\"kind\":\"photo\",\"mime\":\"image/png\",\"size\":$size,\"name\":\"stairwell-lamp.png\"}" \
  | "$device" --db "$work/seed.db" --as 1001 --pin 100100 append "$(head -1 "$work/ids")" attachments > /dev/null
# The supervisor takes on the first two (they enter the department's work); the third waits.
for id in $(head -2 "$work/ids"); do
  accept_complaint "$id"
done
# A quarter's worth for the Reports page: more complaints of several categories, taken on by
# customer service, so the supervisor's Pareto chart of categories has its vital few.
for c in "4|security|cm-sunshine-b1-1-402|夜间有陌生人进出单元门" "3|cleaning|cm-sunshine-b1-2-301|楼道垃圾清运不及时" \
         "1|vehicles|cm-sunshine-b2-1-101|消防通道被车辆占用" "1|landscaping|cm-sunshine-b1-1-501|草坪长期无人修剪"; do
  IFS='|' read -r n cat unit text <<< "$c"
  for i in $(seq "$n"); do
    accept_complaint "$(file_complaint "$text（$i）" "$cat" "$unit")"
  done
done
"$device" --db "$work/seed.db" sync > /dev/null

mkdir -p "$out"
screen tablet 1280 800
screen kiosk 1080 1920
screen admin 1280 900
for lang in zh_CN en; do
  tablet_shots "$lang" "$out"
  QT_QPA_PLATFORM="offscreen:configfile=$work/screen-kiosk.json" "$client" --kiosk --db "$work/kiosk-$lang.db" --server "$url" --token "$(token "$work/kiosk.json")" \
      --admin-pin 2468 --lang "$lang" --size 1080x1920 --screenshot "$out"
  QT_QPA_PLATFORM="offscreen:configfile=$work/screen-admin.json" "$client" --admin --db "$work/admin-$lang.db" --server "$url" \
      --token "$(token "$work/admin.json")" --lang "$lang" --as 9001 --pin 900100 --size 1280x900 --screenshot "$out"
done
# The banner a sync raises: two complaints reach the office while the tablets are closed; each
# tablet opens again (signed in offline), its first sync brings them, and "My work" says so.
for text in "电梯按钮失灵，3栋2单元|repairs|cm-sunshine-b1-2-301" "小区门口垃圾桶满溢|cleaning|cm-sunshine-b1-1-501"; do
  IFS='|' read -r content cat unit <<< "$text"
  accept_complaint "$(file_complaint "$content" "$cat" "$unit")"
done
"$device" --db "$work/seed.db" sync > /dev/null
for lang in zh_CN en; do
  tablet_shots "$lang" "$work/again" > /dev/null
  cp "$work/again/tablet-my-work-$lang.png" "$out/tablet-my-work-new-$lang.png"
done
# The README's picture of a report: the quarterly analysis at its Pareto chart, in Chinese.
cp "$out/tablet-reports-zh_CN.png" "$out/reports-pareto.png"
ls "$out"

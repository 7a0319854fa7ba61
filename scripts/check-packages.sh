#!/usr/bin/env bash
# Builds the Debian packages from a build tree and proves they are complete: each is unpacked
# into a temporary root (dpkg-deb -x, nothing installed on this machine), every file it must
# hold is there, the installed programs print the project's version, the installed server
# initialises a data directory with the installed config file and answers /healthz, the
# installed app loads every QML page offscreen, every dependency the packages declare is
# installed here (dpkg --dry-run), and the systemd unit passes `systemd-analyze verify`.
# usage: scripts/check-packages.sh [BUILD_DIR]   (default: build; configured with
#        -DCMAKE_INSTALL_PREFIX=/usr, as scripts/test.sh does)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
version=$(sed -n 's/^#define COURTYARD_VERSION "\(.*\)"$/\1/p' "$build/generated/courtyard/version.h")
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -f "$build"/courtyard-*.deb
(cd "$build" && cpack -G DEB > cpack.log) || { cat "$build/cpack.log" >&2; fail "cpack"; }
root=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$root"' EXIT
for name in courtyard-server courtyard-client; do
  deb="$build/${name}_${version}_$(dpkg --print-architecture).deb"
  [ -f "$deb" ] || fail "$deb was not built"
  echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB; depends: $(dpkg-deb -f "$deb" Depends)"
  dpkg-deb -x "$deb" "$root"
  # Every dependency is a package this machine has (setup-deps installs the run-time ones).
  dpkg --dry-run -i "$deb" > /dev/null 2> "$root/dry-run.err" ||
    { cat "$root/dry-run.err" >&2; fail "$name: dependencies not satisfiable"; }
done

for f in usr/bin/courtyard-server usr/bin/courtyard-device usr/bin/courtyard \
         usr/lib/systemd/system/courtyard-server.service etc/courtyard/courtyard-server.conf \
         usr/share/doc/courtyard-server/admin.md usr/share/applications/courtyard.desktop \
         usr/share/applications/courtyard-kiosk.desktop usr/share/icons/hicolor/scalable/apps/courtyard.svg; do
  [ -e "$root/$f" ] || fail "/$f is not in the packages"
done
for p in courtyard-server courtyard-device; do
  [ "$("$root/usr/bin/$p" --version)" = "$p $version" ] || fail "$p --version does not print $version"
done
[ "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/courtyard" --version)" = "courtyard $version" ] ||
  fail "courtyard --version does not print $version"
echo "installed programs print version $version"

# The installed server, with the installed settings file; the data directory inside the root.
export COURTYARD_DATA="$root/var/lib/courtyard" COURTYARD_INSECURE_FAST_PIN_HASH=1
conf="$root/etc/courtyard/courtyard-server.conf"
"$root/usr/bin/courtyard-server" init --config "$conf" --demo > /dev/null
COURTYARD_LISTEN=127.0.0.1:0 "$root/usr/bin/courtyard-server" serve --config "$conf" > "$root/serve.out" 2> /dev/null &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$root/serve.out" && break; sleep 0.1; done
address=$(sed -n 's/.*"listening":"\([^"]*\)".*/\1/p' "$root/serve.out")
[ -n "$address" ] || fail "the installed server did not start"
curl -fs "http://$address/healthz" | grep -q "\"version\":\"$version\"" || fail "/healthz of the installed server"
kill "$server_pid"; wait "$server_pid" || fail "the installed server did not stop cleanly"
echo "installed server: init --demo, serve, /healthz answered on $address"

# The installed app: every page loads from the resources compiled into it.
QT_QPA_PLATFORM=offscreen "$root/usr/bin/courtyard" --self-test --db "$root/selftest.db" > "$root/selftest.log" 2>&1 ||
  { tail -20 "$root/selftest.log" >&2; fail "the installed app's --self-test"; }
echo "installed app: --self-test passed"

# The unit as installed. ExecStart names /usr/bin/courtyard-server, which is in the root, not on
# this machine: a drop-in beside a copy points it there, and nothing else changes.
check="$root/unit-check"
mkdir -p "$check/courtyard-server.service.d"
cp "$root/usr/lib/systemd/system/courtyard-server.service" "$check/"
exec_start=$(sed -n 's|^ExecStart=/usr/bin/|ExecStart='"$root"'/usr/bin/|p' "$check/courtyard-server.service")
printf '[Service]\nExecStart=\n%s\n' "$exec_start" > "$check/courtyard-server.service.d/root.conf"
out=$(systemd-analyze verify "$check/courtyard-server.service" 2>&1) || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify warns: $out"
echo "systemd-analyze verify: courtyard-server.service is clean ($(systemd-analyze security --offline=yes \
  "$check/courtyard-server.service" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: //p'))"

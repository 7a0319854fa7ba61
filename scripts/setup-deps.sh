#!/usr/bin/env bash
# Installs every system package Courtyard needs to build, test and run, from Debian 12's
# archive only. Idempotent: packages already present are not touched, and when all of them
# are present the script does nothing and makes no network call.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # domain + server: JSON, SQLite, time zones (date/tz over the system tzdata), TLS/SHA-256,
  # Argon2id for PIN hashes, Boost.Beast/Asio (header-only)
  nlohmann-json3-dev libsqlite3-dev sqlite3 libhowardhinnant-date-dev tzdata
  libssl-dev openssl libargon2-dev libboost1.81-dev
  # the command lines of courtyard-server and courtyard-device (header-only)
  libcli11-dev
  # the PostgreSQL engine: libpq to build against, and the server binaries (initdb, pg_ctl) the
  # tests start a throw-away cluster with (the system service is not used)
  libpq-dev postgresql
  # client: Qt 6.4 Quick/Controls/Test/Charts/Multimedia/VirtualKeyboard, linguist tools
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev qt6-svg-dev
  qt6-multimedia-dev qt6-virtualkeyboard-dev libqt6sql6-sqlite libqt6opengl6-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtquick-dialogs qml6-module-qtquick-shapes qml6-module-qtcharts
  qml6-module-qttest qml6-module-qtmultimedia qml6-module-qtquick-virtualkeyboard
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtquick-particles qml6-module-qt-labs-folderlistmodel
  qml6-module-qt-labs-settings qml6-module-qtquick-localstorage
  # QR codes: decode checkpoint codes (ZXing-C++), print checkpoint sheets and show the admin
  # console's one-time enrolment codes (libqrencode)
  libzxing-dev libqrencode-dev
  # Chinese text on screen and in PDFs; PDF -> PNG for report tests
  fonts-wqy-microhei poppler-utils
  # kiosk typing: the input-context plugin QT_IM_MODULE=qtvirtualkeyboard loads (the QML
  # module alone draws no keyboard), and the Pinyin engine with its system dictionary
  # (libgooglepinyin0, pulled in by the -dev package)
  qt6-virtualkeyboard-plugin libgooglepinyin0-dev
  # the camera under Qt 6.4 Multimedia's GStreamer backend: v4l2src and jpegenc (good),
  # videoconvert/videoscale/appsink (base), jifmux for still pictures (bad); gst-inspect-1.0
  # (tools) for the test that checks they are all there
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-tools
  # fuzz.sh: Debian's clang (14) and its libFuzzer runtime (libclang_rt.fuzzer), which
  # Debian ships in libclang-rt-14-dev; ccache for the extra sanitizer builds of test.sh
  clang libclang-rt-14-dev ccache
  # run-demo.sh, screenshots.sh and bench.sh: JSON and free ports (python3), HTTP probes (curl);
  # bench.sh cluster: nginx as the load balancer in front of three servers (the system service
  # is not used: the benchmark runs its own in the foreground)
  python3 curl nginx
  # packages (check-packages.sh): cpack's dependency scan (dpkg-shlibdeps from dpkg-dev, file),
  # the server package's own dependency (adduser), systemd-analyze to verify the unit
  dpkg-dev file adduser systemd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup-deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

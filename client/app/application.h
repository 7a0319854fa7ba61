#pragma once
// The `courtyard` app: the tablet face, with --kiosk the lobby kiosk, with --admin the office's
// admin console. Also its test and documentation modes: --self-test loads every page offscreen
// and fails on any QML error; --screenshot DIR renders each main page to PNG.

namespace courtyard::client {

int runApp(int argc, char** argv);

} // namespace courtyard::client

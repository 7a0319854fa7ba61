#pragma once
// The courtyard-server command line: `serve`, `init`, `device …`, `rules …`, and friends.
// main.cpp only forwards argc/argv here.

namespace courtyard::server {

int runCli(int argc, char** argv);

} // namespace courtyard::server

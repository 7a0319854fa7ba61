#pragma once
// The courtyard-server command line (CLI11): `serve`, `init`, `device …`, `rules …`, and
// friends, each with its own --help; --version; settings from flags, environment variables
// and a config file. main.cpp only forwards argc/argv here.

namespace courtyard::server {

int runCli(int argc, char** argv);

} // namespace courtyard::server

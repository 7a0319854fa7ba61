// courtyard-server: the sync server and its administration commands (see server/cli/cli.cpp).
#include "server/cli/cli.h"

int main(int argc, char** argv) { return courtyard::server::runCli(argc, argv); }

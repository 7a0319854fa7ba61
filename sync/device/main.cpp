// courtyard-device: the headless device (see device_cli.cpp).
#include "sync/device/device_cli.h"

int main(int argc, char** argv) { return courtyard::sync::runDeviceCli(argc, argv); }

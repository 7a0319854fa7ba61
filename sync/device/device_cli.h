#pragma once
// courtyard-device: a device without a screen, over the same local store and sync engine as
// the Qt app. Scripts, demos, load and fault tests drive the server through it.

namespace courtyard::sync {

int runDeviceCli(int argc, char** argv);

} // namespace courtyard::sync

#include "client/qml_singletons.h"

namespace courtyard::client {

namespace {
// The one place the process remembers them: QML's create() hooks take no arguments of ours.
QmlSingletons g_exposed;
} // namespace

void exposeToQml(const QmlSingletons& singletons) { g_exposed = singletons; }

const QmlSingletons& exposedToQml() { return g_exposed; }

} // namespace courtyard::client

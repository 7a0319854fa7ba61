// libFuzzer target over the push apply path: the input is a push body (JSON). Decoded
// operations are made to reach the merge instead of stopping at the checks a device passes
// anyway: sequence numbers continue from the device's last applied one (a first seq that is a
// multiple of 8 replays that one instead, reaching the reused-sequence check), and an operation whose actor is signed in
// on the device gets that person's real proof. The push then goes through SyncService::push
// (authorization, merge, derived fields, storage) into the in-process server's SQLite store
// (fuzz_server.h), and the device pulls what changed, reading the stored JSON back. A body that
// does not decode is pushed as it is. A top-level "device" of "staff", "supervisor",
// "manager", "developer" or "kiosk" chooses who pushes (default staff). Any crash, sanitizer
// report or exception escaping is a bug. Built and run by scripts/fuzz.sh (clang).
#include "tests/fuzz/fuzz_server.h"

#include "shared/core/bounded_json.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace courtyard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& server = fuzz::FuzzServer::instance();
    server.tick(std::chrono::seconds(1));
    auto json = parseBoundedJson(std::string_view(reinterpret_cast<const char*>(data), size), JsonLimits::request());
    if (!json || !json->is_object())
        return 0;
    std::string device = "staff";
    if (auto it = json->find("device"); it != json->end() && it->is_string())
        device = it->get<std::string>();
    auto row = server.row(device);
    if (!row)
        return 0;

    // COURTYARD_FUZZ_VERBOSE=1 prints each answer: how far the corpus gets (applied or not).
    static const bool verbose = std::getenv("COURTYARD_FUZZ_VERBOSE") != nullptr;
    Json request = *json;
    if (auto push = sync::takePushRequest(Json(*json))) {
        // The first operation is the device's next one, or (when its seq is a multiple of 8) a
        // replay of its last one; the rest follow it one by one.
        std::int64_t seq = row->lastSeq - (!push->ops.empty() && push->ops[0].seq % 8 == 0 && row->lastSeq > 0 ? 1 : 0);
        for (auto& op : push->ops) {
            op.seq = ++seq;
            if (auto c = server.credential(device, op.actor))
                if (auto st = sync::signOperation(op, *c); !st && verbose)
                    std::fprintf(stderr, "not signed: %s\n", st.error().message.c_str());
        }
        request = *push;
        request["schema"] = sync::kSchemaVersion;
    }
    auto res = server.sync().push(*row, std::move(request));
    const std::string answer = res ? Json(*res).dump() : res.error().message;
    if (verbose)
        std::fprintf(stderr, "%s push: %s\n", device.c_str(), answer.substr(0, 600).c_str());

    static std::map<std::string, std::string> cursors;
    if (auto page = server.sync().pull(*row, cursors[device], 100)) {
        (void)sync::encodePullResponse(*page);
        cursors[device] = page->hasMore ? page->cursor : std::string();
    }
    return 0;
}

// Profiling aid: the server's push and pull paths in-process (no HTTP), so a profiler sees
// only what the sync service and storage cost. Prints records per second.
//   build/bench/bench_push_inproc 10000
//   valgrind --tool=callgrind --toggle-collect='courtyard::server::SyncService::push*' \
//       build/bench/bench_push_inproc 3000      (then callgrind_annotate --inclusive=yes)
// One person signs in with the demo PIN (hashed cheaply at import here) and signs every operation.
#include "server/demo/demo_company.h"
#include "server/service/admin_service.h"
#include "server/service/auth_service.h"
#include "server/service/sync_service.h"
#include "server/storage/sqlite_storage.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/proof.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

using namespace courtyard;
using namespace courtyard::server;

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 20000;
    const std::string dir = "/tmp/courtyard-inproc";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto storage = std::move(*SqliteStorage::open(dir + "/courtyard.db"));
    auto now = [] { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); };
    (void)importCompany(*storage, demoCompany(), now, {1024, 1});
    const auto dev = *addDevice(*storage, "p", "manager", {"cm-sunshine", "cm-jadelake"}, now);
    DeviceRow row;
    (void)storage->read([&](ReadUnit& u) -> Status {
        row = **u.device(dev.id);
        return {};
    });
    RulesCache rules;
    SyncService sync(*storage, rules, now);
    // The person signs in on the device, as a tablet does the first time: every operation then
    // carries their proof (schema 2), and the server checks it as it does for a real push.
    AuthService auth(*storage, rules, now);
    auto signedIn = auth.signIn(row, Json{{"schema", 2}, {"staff_number", "3001"}, {"pin", "300100"}});
    if (!signedIn) {
        std::fprintf(stderr, "sign-in: %s\n", signedIn.error().message.c_str());
        return 1;
    }
    const Json& c = signedIn->at("credential");
    const sync::Credential credential{c.at("id").get<std::string>(), c.at("staff_id").get<std::string>(),
                                      c.at("device_id").get<std::string>(),
                                      *sync::base64UrlDecode(c.at("secret").get<std::string>())};
    const std::string content = std::string("三号楼二单元楼道灯不亮已经三天了，晚上老人上下楼很不方便，请尽快安排维修，谢谢。") + "x";
    std::vector<Json> pushes;
    for (int i = 0; i < n; i += 500) {
        sync::PushRequest push;
        push.deviceTime = now();
        for (int j = i; j < std::min(n, i + 500); ++j) {
            sync::Operation op;
            op.seq = j + 1;
            op.kind = sync::OpKind::Create;
            op.type = "complaint";
            op.id = "p-" + std::to_string(j);
            op.hlc = std::to_string(toEpochMs(now())) + ".0000." + row.id;
            op.at = now();
            op.actor = "s-3001";
            op.body = {{"community_id", "cm-sunshine"}, {"channel", "phone"}, {"category", "repairs"},
                       {"content", content}, {"unit_id", "cm-sunshine-b1-1-502"}, {"received_at", formatInstant(now())}};
            if (auto st = sync::signOperation(op, credential); !st) {
                std::fprintf(stderr, "sign: %s\n", st.error().message.c_str());
                return 1;
            }
            push.ops.push_back(std::move(op));
        }
        pushes.push_back(Json(push));
    }
    auto t0 = std::chrono::steady_clock::now();
    int applied = 0;
    for (const auto& p : pushes) {
        auto r = sync.push(row, Json(p));
        if (!r) {
            std::fprintf(stderr, "push: %s\n", r.error().message.c_str());
            continue;
        }
        for (const auto& result : r->results)
            if (result.status == sync::OpStatus::Applied)
                ++applied;
            else if (result.error)
                std::fprintf(stderr, "op %lld: %s\n", static_cast<long long>(result.seq), result.error->message.c_str());
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("push: %.0f records/s (%d of %d applied)\n", applied / s, applied, n);
    t0 = std::chrono::steady_clock::now();
    std::string cursor;
    int pulled = 0;
    while (true) {
        auto page = sync.pull(row, cursor, 500);
        pulled += int(page->changes.size());
        cursor = page->cursor;
        const std::string text = Json(*page).dump(); // what the handler does next
        if (!page->hasMore)
            break;
    }
    s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("pull: %.0f records/s (%d)\n", pulled / s, pulled);
    storage->stop();
    return 0;
}

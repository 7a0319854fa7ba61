// Profiling aid: the server's push and pull paths in-process (no HTTP), so a profiler sees
// only what the sync service and storage cost. Prints records per second.
#include "server/demo/demo_company.h"
#include "server/service/admin_service.h"
#include "server/service/sync_service.h"
#include "server/storage/sqlite_storage.h"

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
    const std::string content = std::string("三号楼二单元楼道灯不亮已经三天了，晚上老人上下楼很不方便，请尽快安排维修，谢谢。") + "x";
    std::vector<Json> pushes;
    for (int i = 0; i < n; i += 500) {
        Json ops = Json::array();
        for (int j = i; j < std::min(n, i + 500); ++j)
            ops.push_back({{"seq", j + 1}, {"kind", "create"}, {"type", "complaint"}, {"id", "p-" + std::to_string(j)},
                           {"hlc", "1795000000000.0000.x"}, {"at", formatInstant(now())}, {"actor", "s-3001"},
                           {"body", {{"community_id", "cm-sunshine"}, {"channel", "phone"}, {"category", "repairs"},
                                     {"content", content}, {"unit_id", "cm-sunshine-b1-1-502"},
                                     {"received_at", formatInstant(now())}}}});
        pushes.push_back({{"schema", 1}, {"device_time", formatInstant(now())}, {"ops", ops}});
    }
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& p : pushes)
        if (auto r = sync.push(row, Json(p)); !r)
            std::fprintf(stderr, "push: %s\n", r.error().message.c_str());
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("push: %.0f records/s\n", n / s);
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

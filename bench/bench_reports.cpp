// The monthly report for a large company: 200 communities (10 offices) and about 2 million
// records, written through the server's storage (so the report facts are real), then the
// monthly complaint report computed for the company, an office and a community — each in a
// fresh process, so its peak memory is the report's and not the generator's. Side by side, in
// the same run, the same month computed the naive way: every complaint of the month loaded
// from the record store, decoded and counted in memory with the shared rules.
//
// usage: bench_reports [--communities 200] [--records 2000000] [--data DIR (kept for reuse)]
#include "server/demo/demo_company.h"
#include "server/demo/demo_history.h"
#include "server/reports/report_service.h"
#include "server/service/admin_service.h"
#include "server/storage/sqlite_storage.h"
#include "shared/domain/complaint.h"
#include "shared/rules/analysis.h"
#include "shared/store/database.h"
#include "shared/store/record_store.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace courtyard;
using namespace courtyard::server;
namespace fs = std::filesystem;

namespace {

double seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }
long peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

// The demo company's organisation, stretched to `communities` communities in offices of 20.
Json bigCompany(int communities) {
    Json c = demoCompany();
    Json offices = Json::array(), list = Json::array(), buildings = Json::array(), units = Json::array();
    for (int i = 0; i < communities; ++i) {
        char id[32], office[32];
        std::snprintf(id, sizeof id, "cm-%03d", i);
        std::snprintf(office, sizeof office, "o-%02d", i / 20);
        if (i % 20 == 0)
            offices.push_back({{"id", office}, {"name", std::string("管理处 Office ") + office}});
        list.push_back({{"id", id}, {"office_id", office}, {"name", std::string("小区 Community ") + id},
                        {"time_zone", "Asia/Shanghai"}, {"calendar_id", "cn-mainland"}});
        for (int b = 1; b <= 2; ++b) {
            const std::string bid = std::string(id) + "-b" + std::to_string(b);
            buildings.push_back({{"id", bid}, {"community_id", id}, {"name", std::to_string(b) + "栋"}});
            for (int floor = 1; floor <= 26; ++floor)
                for (int flat = 1; flat <= 2; ++flat) {
                    char number[16];
                    std::snprintf(number, sizeof number, "1-%d%02d", floor, flat);
                    units.push_back({{"id", bid + "-" + number},
                                     {"community_id", id},
                                     {"building_id", bid},
                                     {"number", number},
                                     {"floor", floor},
                                     {"occupied", true}});
                }
        }
    }
    c["offices"] = offices;
    c["communities"] = list;
    c["buildings"] = buildings;
    c["units"] = units;
    c["patrol_routes"] = Json::array(); // the demo's routes belong to the demo's communities
    for (auto& d : c["departments"])
        if (d.contains("office_id"))
            d["office_id"] = "o-00";
    for (auto& s : c["staff"])
        s["community_ids"] = Json::array(); // every community
    return c;
}

int measure(const std::string& db, const char* scope, const char* id, const std::string& period) {
    auto storage = SqliteStorage::open(db);
    if (!storage) {
        std::fprintf(stderr, "open: %s\n", storage.error().message.c_str());
        return 1;
    }
    reports::ReportRequest r;
    r.kind = "monthly";
    r.scope = scope;
    r.scopeId = id;
    r.period = period;
    reports::ReportService service(**storage, [] { return Instant{std::chrono::floor<Milliseconds>(
                                                         std::chrono::system_clock::now())}; });
    const long before = peakRssMb();
    double first = 0, best = 1e9;
    long long received = 0, onTimeNum = 0, onTimeDen = 0;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto out = service.compute(r);
        const double s = seconds(std::chrono::steady_clock::now() - t0);
        if (!out) {
            std::fprintf(stderr, "report: %s\n", out.error().message.c_str());
            return 1;
        }
        if (i == 0)
            first = s;
        best = std::min(best, s);
        for (const auto& sec : (*out)["sections"])
            if (sec["id"] == "headline")
                for (const auto& t : sec["tiles"]) {
                    if (t["key"] == "received")
                        received = t["value"].get<long long>();
                    if (t["key"] == "on_time_reply")
                        onTimeNum = t["numerator"].get<long long>(), onTimeDen = t["denominator"].get<long long>();
                }
    }
    std::printf("  monthly report, %-9s %-7s: first %.3f s, best of 3 %.3f s, %lld complaints, on time %lld/%lld, "
                "peak RSS %ld MB (%ld MB before)\n",
                scope, id, first, best, received, onTimeNum, onTimeDen, peakRssMb(), before);
    return 0;
}

// The same month's headline the naive way: load and decode every complaint of the month.
int measureNaive(const std::string& db, const std::string& period) {
    auto store = store::SqliteRecordStore::open(db);
    if (!store)
        return 1;
    const long before = peakRssMb();
    const auto t0 = std::chrono::steady_clock::now();
    // The period's instants were stored by the generator step (see main).
    auto from = (*store)->getMeta("bench_from");
    auto to = (*store)->getMeta("bench_to");
    if (!from || !*from || !to || !*to)
        return 1;
    store::RecordQuery q;
    q.types = {"complaint"};
    q.happenedFrom = fromEpochMs(std::stoll(**from));
    q.happenedTo = fromEpochMs(std::stoll(**to));
    auto rows = (*store)->query(q);
    if (!rows)
        return 1;
    std::vector<domain::Complaint> complaints;
    complaints.reserve(rows->size());
    for (const auto& r : *rows)
        complaints.push_back(r.body.get<domain::Complaint>());
    const auto now = Instant{std::chrono::floor<Milliseconds>(std::chrono::system_clock::now())};
    const auto onTime = rules::onTimeReplyRate(complaints, now);
    const auto visit = rules::visitRate(complaints, now);
    const double s = seconds(std::chrono::steady_clock::now() - t0);
    std::printf("  naive (load + decode + count in memory), company %s: %.3f s, %zu complaints, on time %lld/%lld, "
                "visits %lld/%lld, peak RSS %ld MB (%ld MB before)\n",
                period.c_str(), s, complaints.size(), onTime.numerator, onTime.denominator, visit.numerator,
                visit.denominator, peakRssMb(), before);
    return 0;
}

int child(const std::vector<std::string>& args) {
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv("/proc/self/exe", argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + argc);
    if (args.size() >= 5 && args[1] == "--measure")
        return measure(args[2], args[3].c_str(), args[4].c_str(), args.size() > 5 ? args[5] : "");
    if (args.size() >= 4 && args[1] == "--naive")
        return measureNaive(args[2], args[3]);

    int communities = 200;
    long long records = 2'000'000;
    std::string dir;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--communities")
            communities = std::stoi(args[i + 1]);
        else if (args[i] == "--records")
            records = std::stoll(args[i + 1]);
        else if (args[i] == "--data")
            dir = args[i + 1];
    }
    const bool keep = !dir.empty();
    if (dir.empty())
        dir = (fs::temp_directory_path() / ("courtyard-bench-reports-" + std::to_string(getpid()))).string();
    fs::create_directories(dir);
    const std::string db = (fs::path(dir) / "courtyard.db").string();
    // Months of history: 24, at a rate that makes `records` in all (one complaint brings about
    // 0.75 other records: suggestions, inspections, rectification items).
    constexpr int kMonths = 24;
    const int perMonth = std::max(1, int(double(records) / (1.75 * kMonths * communities)));

    auto clock = [] { return Instant{std::chrono::floor<Milliseconds>(std::chrono::system_clock::now())}; };
    {
        auto storage = SqliteStorage::open(db);
        if (!storage) {
            std::fprintf(stderr, "open: %s\n", storage.error().message.c_str());
            return 1;
        }
        std::int64_t existing = 0;
        (void)(*storage)->read([&](ReadUnit& u) -> Status {
            store::RecordQuery q;
            q.types = {"complaint"};
            auto n = u.count(q);
            existing = n ? *n : 0;
            return {};
        });
        if (existing == 0) {
            std::printf("generating %d communities, %d complaints per community and month over %d months …\n",
                        communities, perMonth, kMonths);
            const auto t0 = std::chrono::steady_clock::now();
            if (auto st = importCompany(**storage, bigCompany(communities), clock, {1024, 1}); !st) {
                std::fprintf(stderr, "import: %s\n", st.error().message.c_str());
                return 1;
            }
            HistoryOptions options;
            options.months = kMonths;
            options.complaintsPerMonth = perMonth;
            options.recordsPerTransaction = 5000;
            auto counts = seedHistory(**storage, options, clock);
            if (!counts) {
                std::fprintf(stderr, "history: %s\n", counts.error().message.c_str());
                return 1;
            }
            long long total = 0;
            for (const auto& [type, n] : *counts)
                total += n;
            std::printf("generated %lld records in %.0f s (%lld complaints)\n", total,
                        seconds(std::chrono::steady_clock::now() - t0), static_cast<long long>((*counts)["complaint"]));
        } else {
            std::printf("reusing %s (%lld complaints)\n", db.c_str(), static_cast<long long>(existing));
        }
        (*storage)->stop();
    }
    std::error_code ec;
    std::printf("database: %.1f GB\n", double(fs::file_size(db, ec)) / 1e9);

    // The last full month, in Shanghai time.
    const auto now = clock();
    const auto today = date::year_month_day{date::floor<date::days>(now + std::chrono::hours{8})};
    const date::year_month last = date::year_month{today.year(), today.month()} - date::months{1};
    char period[16];
    std::snprintf(period, sizeof period, "%04d-%02u", int(last.year()), unsigned(last.month()));
    {
        auto store = store::SqliteRecordStore::open(db);
        const auto from = date::sys_days{last / 1} - std::chrono::hours{8};
        const auto to = date::sys_days{(last + date::months{1}) / 1} - std::chrono::hours{8};
        (void)(*store)->setMeta("bench_from", std::to_string(toEpochMs(Instant{from})));
        (void)(*store)->setMeta("bench_to", std::to_string(toEpochMs(Instant{to})));
    }
    std::printf("monthly complaint report for %s (each in a fresh process):\n", period);
    int rc = 0;
    rc |= child({args[0], "--measure", db, "company", "", period});
    rc |= child({args[0], "--measure", db, "office", communities > 60 ? "o-03" : "o-00", period});
    rc |= child({args[0], "--measure", db, "community", communities > 42 ? "cm-042" : "cm-000", period});
    rc |= child({args[0], "--naive", db, period});
    if (!keep)
        fs::remove_all(dir, ec);
    return rc;
}

// The tablet with a full store: 100k complaints captured on the device (after a first sync of
// the demo company from the real server), then
//   - cold start to first frame of the real `courtyard` binary, with the small store and the
//     100k store side by side (alternating runs, medians),
//   - the time to open the 100k-record list (first page, total, overdue count), to scroll
//     twenty more pages (each page's median and slowest), and "My work" over the same store,
//   - resident memory of this process before and after opening those lists.
// usage: bench_client [records]   (default 100000)

#include "bench/bench_process.h"
#include "client/app_context.h"
#include "client/record_list_model.h"
#include "sync/client/sign_in.h"
#include "sync/client/sync_engine.h"
#include "sync/device/beast_transport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

using namespace courtyard;

namespace {
Instant wallNow() { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); }
}

namespace {

double residentMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// One cold start of the client on a store: milliseconds to its first frame (in-process
// figure) and to the process exiting (wall clock, including loading Qt and the libraries).
std::pair<double, double> coldStart(const QString& client, const QString& db) {
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    QElapsedTimer wall;
    wall.start();
    p.start(client, {"--db", db, "--as", "1001", "--pin", "100100", "--first-frame"});
    p.waitForFinished(60000);
    const double total = double(wall.elapsed());
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const auto at = out.indexOf("first frame after ");
    const double frame = at < 0 ? -1 : out.mid(at + 18).section(' ', 0, 0).toDouble();
    return {frame, total};
}

template <class F> double timeMs(F&& f) {
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const std::string binDir = COURTYARD_BINARY_DIR;
    const std::string server = binDir + "/server/courtyard-server";
    const QString client = QString::fromStdString(binDir + "/client/courtyard");
    const std::string dir = bench::makeTempDir("courtyard-bench-client");
    const std::string data = dir + "/server";

    bench::runCommand({server, "init", "--data", data, "--demo"});
    std::string out;
    bench::runCommand({server, "device", "add", "--data", data, "--role", "supervisor", "--community", "cm-sunshine",
                       "--name", "bench tablet", "--json"},
                      &out);
    const std::string token = Json::parse(out)["token"].get<std::string>();
    auto handle = bench::startServer(server, data);
    const std::string small = dir + "/small.db", big = dir + "/big.db";
    {
        auto store = std::move(*sync::DeviceStore::open(big));
        (void)store->setEnrollment(handle.url(), token);
        auto transport = std::move(*sync::BeastTransport::create(handle.url()));
        sync::SyncEngine engine(*store, *transport, [] { return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()); });
        const auto report = engine.syncOnce();
        if (!report.complete) {
            std::fprintf(stderr, "first sync failed\n");
            return 1;
        }
        // 1001's first sign-in on the tablet is online; every later one (below) is offline.
        if (auto a = sync::signIn(*store, &engine, "1001", "100100", wallNow()); !a) {
            std::fprintf(stderr, "sign-in failed: %s\n", a.error().message.c_str());
            return 1;
        }
    }
    bench::stopServer(handle);
    QFile::copy(QString::fromStdString(big), QString::fromStdString(small));

    // Captured on the tablet, as staff would: record + outbox operation, 1000 per transaction.
    double insertMs = 0;
    {
        auto store = std::move(*sync::DeviceStore::open(big));
        const auto actor = *sync::signInOffline(*store, "1001", "100100", wallNow());
        const Instant t0 =
            std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now()) - std::chrono::hours{24 * 200};
        const char* categories[] = {"housing", "security", "vehicles", "cleaning", "landscaping", "repairs"};
        insertMs = timeMs([&] {
            for (int i = 0; i < n; i += 1000)
                (void)store->records().transaction([&]() -> Status {
                    for (int j = i; j < std::min(n, i + 1000); ++j) {
                        const Instant at = t0 + std::chrono::minutes{j * 3};
                        auto id = store->create("complaint",
                                                Json{{"community_id", "cm-sunshine"},
                                                     {"channel", "phone"},
                                                     {"unit_id", "cm-sunshine-b1-1-502"},
                                                     {"category", categories[j % 6]},
                                                     {"content", "基准测试投诉 " + std::to_string(j)},
                                                     {"received_at", formatInstant(at)}},
                                                actor, at);
                        if (!id)
                            return id.error();
                    }
                    return {};
                });
        });
    }
    const double dbMiB = double(QFile(QString::fromStdString(big)).size()) / (1024.0 * 1024.0);

    std::printf("store: %d complaints captured in %.1f s (%.0f per second), database %.1f MiB\n", n,
                insertMs / 1000, n / (insertMs / 1000), dbMiB);

    // Cold start, alternating small and big stores; medians of five each.
    std::vector<double> smallFrame, bigFrame, smallWall, bigWall;
    (void)coldStart(client, QString::fromStdString(small)); // warm the page cache for both alike
    (void)coldStart(client, QString::fromStdString(big));
    for (int i = 0; i < 5; ++i) {
        auto s = coldStart(client, QString::fromStdString(small));
        auto b = coldStart(client, QString::fromStdString(big));
        smallFrame.push_back(s.first);
        smallWall.push_back(s.second);
        bigFrame.push_back(b.first);
        bigWall.push_back(b.second);
    }
    std::printf("cold start to first frame (median of 5, offscreen):\n");
    std::printf("  %-26s %7.0f ms in the app, %7.0f ms process start to exit\n", "demo store only:",
                median(smallFrame), median(smallWall));
    std::printf("  %-26s %7.0f ms in the app, %7.0f ms process start to exit  (ratio %.2f)\n",
                (std::to_string(n) + " complaints:").c_str(), median(bigFrame), median(bigWall),
                median(bigFrame) / std::max(1.0, median(smallFrame)));

    // The lists, in this process: the same models the pages use.
    const double before = residentMiB();
    auto store = std::move(*sync::DeviceStore::open(big));
    client::AppContext ctx(std::move(store), false);
    ctx.setActor(*sync::signInOffline(ctx.store(), "1001", "100100", wallNow()));
    client::RecordListModel all;
    all.setTypes({"complaint"});
    all.setPageSize(50);
    all.setOrder("due");
    const double openMs = timeMs([&] { all.reload(); });
    int overdue = 0;
    const double overdueMs = timeMs([&] { overdue = all.overdueCount(); });
    // Each further page on its own: what a fling costs when the view reaches the end (a frame
    // is 16 ms at 60 Hz).
    std::vector<double> pageMs;
    for (int i = 0; i < 20 && all.canFetchMore({}); ++i)
        pageMs.push_back(timeMs([&] { all.fetchMore({}); }));
    double scrollMs = 0;
    for (double p : pageMs)
        scrollMs += p;
    client::RecordListModel work;
    work.setTypes({"complaint"});
    work.setScope("work");
    work.setOpenOnly(true);
    work.setOrder("due");
    const double workMs = timeMs([&] { work.reload(); });
    const double after = residentMiB();
    std::printf("lists over %d complaints (RecordListModel, pages of 50 from SQLite):\n", n);
    std::printf("  open the list (first page + total %d):  %7.1f ms\n", all.property("total").toInt(), openMs);
    std::printf("  overdue count (%d):                      %7.1f ms\n", overdue, overdueMs);
    std::printf("  scroll 20 more pages (%d rows loaded):    %7.1f ms\n", all.rowCount(), scrollMs);
    std::printf("  each further page of 50 rows:            %7.1f ms median, %.1f ms slowest\n", median(pageMs),
                pageMs.empty() ? 0.0 : *std::max_element(pageMs.begin(), pageMs.end()));
    std::printf("  open My work (%d rows):                   %7.1f ms\n", work.rowCount(), workMs);
    std::printf("memory: %.0f MiB resident before opening the store, %.0f MiB with the lists open "
                "(database %.1f MiB on disk)\n",
                before, after, dbMiB);
    bench::runCommand({"rm", "-rf", dir});
    return 0;
}

// Profiling aid: the server's push and pull paths in-process (no HTTP), so a profiler sees
// only what the sync service and storage cost. Prints records per second, and beside them the
// storage limit measured in the same run: the very rows the push stored, inserted raw into a
// fresh database of the server's schema (500 per transaction, as bench_sync's raw figure), each
// also as CPU time a record (all threads; steadier than the rate on a shared machine); then
// the push's own storage floor: everything it stored (each record's row, its report fact row
// and its audit line; each push's results and the device's progress) copied raw into another
// fresh database. Then a comment pushed onto every record (updates, not inserts). Last,
// the escalation pass over the same complaints 30 days on, when every one is overdue: the first
// pass flags them all, the next ones find every flag at its top rung (a backlog's steady state).
//   build/bench/bench_push_inproc 10000
//   valgrind --tool=callgrind --toggle-collect='courtyard::server::SyncService::push*'
//       build/bench/bench_push_inproc 3000     (one command line; then callgrind_annotate --inclusive=yes)
//   A function named SyncService::push… called inside another one toggles counting off while it
//   runs, so what it does goes missing from the profile: keep such work out of lambdas in push().
// One person signs in with the demo PIN (hashed cheaply at import here) and signs every operation.
#include "server/demo/demo_company.h"
#include "server/service/admin_service.h"
#include "server/service/auth_service.h"
#include "server/service/escalation_service.h"
#include "server/service/sync_service.h"
#include "server/storage/sqlite_storage.h"
#include "shared/store/database.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/proof.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <sqlite3.h>
#include <string>
#include <vector>
#include <sys/resource.h>

using namespace courtyard;
using namespace courtyard::server;

namespace {
// CPU seconds used by this process, on all its threads (what the push costs whichever threads
// it runs on), or by the calling thread alone (the raw inserts, which run on it: the server's
// threads may still be finishing the last push meanwhile). Steadier than the wall clock on a
// shared machine.
double cpuSeconds(int who = RUSAGE_SELF) {
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// What storeAsPushStored measured, or why it could not.
struct Floor {
    double rate = 0;
    double cpuMicros = 0;
    std::size_t records = 0;
    std::string error;
};

// Reads every column of the rows `sql` selects, as SQLite holds them.
using Value = std::unique_ptr<sqlite3_value, decltype(&sqlite3_value_free)>;
std::vector<std::vector<Value>> readRows(store::Database& db, const std::string& sql) {
    std::vector<std::vector<Value>> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "%s: %s\n", sql.c_str(), sqlite3_errmsg(db.handle()));
        return rows;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::vector<Value> r;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            r.emplace_back(sqlite3_value_dup(sqlite3_column_value(stmt, c)), &sqlite3_value_free);
        rows.push_back(std::move(r));
    }
    sqlite3_finalize(stmt);
    return rows;
}

Floor storeAsPushStored(ServerStorage& storage, const std::string& dir, const std::string& deviceId) {
    Floor out;
    std::vector<std::vector<Value>> records, facts, audits, device, batches;
    (void)storage.read([&](ReadUnit& u) -> Status {
        auto& db = static_cast<store::SqliteRecordStore*>(u.nativeHandle())->database();
        records = readRows(db, "SELECT * FROM records WHERE id LIKE 'p-%' ORDER BY version");
        facts = readRows(db, "SELECT * FROM fact_complaints WHERE id LIKE 'p-%'");
        audits = readRows(db, "SELECT * FROM audit_log WHERE device_id = '" + deviceId +
                                  "' AND op_seq IS NOT NULL AND record_id LIKE 'p-%' ORDER BY id");
        device = readRows(db, "SELECT * FROM devices WHERE id = '" + deviceId + "'");
        batches = readRows(db, "SELECT * FROM op_batches WHERE device_id = '" + deviceId + "' ORDER BY first_seq");
        return {};
    });
    // The benchmark pushes 500 operations at a time: one stored batch of results each.
    if (records.empty() || facts.size() != records.size() || audits.size() != records.size() || device.size() != 1 ||
        batches.size() != (records.size() + 499) / 500) {
        out.error = "expected one fact row and one audit line a record and a batch of results a push, found " +
                    std::to_string(records.size()) + " records, " + std::to_string(facts.size()) + " fact rows, " +
                    std::to_string(audits.size()) + " audit lines, " + std::to_string(batches.size()) + " batches";
        return out;
    }
    std::filesystem::remove(dir + "/floor.db");
    auto db = std::move(*store::Database::open(dir + "/floor.db"));
    (void)migrateServerSchema(*db);
    auto insertSql = [](const char* table, std::size_t columns) {
        std::string sql = std::string("INSERT INTO ") + table + " VALUES (";
        for (std::size_t c = 0; c < columns; ++c)
            sql += c ? ",?" : "?";
        return sql + ")";
    };
    // Each statement prepared once and reused, as the server's statement cache does.
    using Stmt = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
    auto prepare = [&](const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db->handle(), sql.c_str(), -1, &st, nullptr);
        return Stmt(st, &sqlite3_finalize);
    };
    const Stmt recordInsert = prepare(insertSql("records", records[0].size()));
    const Stmt factInsert = prepare(insertSql("fact_complaints", facts[0].size()));
    const Stmt auditInsert = prepare(insertSql("audit_log", audits[0].size()));
    const Stmt batchInsert = prepare(insertSql("op_batches", batches[0].size()));
    const Stmt progress = prepare("UPDATE devices SET last_seq = ?, last_seen_at = ? WHERE id = ?");
    const Stmt deviceInsert = prepare(insertSql("devices", device[0].size()));
    if (!recordInsert || !factInsert || !auditInsert || !batchInsert || !progress || !deviceInsert) {
        out.error = std::string("cannot prepare the inserts: ") + sqlite3_errmsg(db->handle());
        return out;
    }
    auto insert = [&](const Stmt& st, const std::vector<Value>& values) {
        for (std::size_t c = 0; c < values.size(); ++c)
            sqlite3_bind_value(st.get(), int(c + 1), values[c].get());
        sqlite3_step(st.get());
        sqlite3_reset(st.get());
    };
    insert(deviceInsert, device[0]); // the device was enrolled before it pushed
    const auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = cpuSeconds(RUSAGE_THREAD);
    for (std::size_t i = 0; i < records.size(); i += 500) {
        (void)db->exec("BEGIN");
        for (std::size_t j = i; j < std::min(records.size(), i + 500); ++j) {
            insert(recordInsert, records[j]);
            insert(factInsert, facts[j]);
            insert(auditInsert, audits[j]);
        }
        // The push's results, kept for its retries, and the device's progress.
        const auto& batch = batches[i / 500];
        insert(batchInsert, batch);
        sqlite3_bind_value(progress.get(), 1, batch[2].get()); // last_seq
        sqlite3_bind_int64(progress.get(), 2, 1);
        sqlite3_bind_value(progress.get(), 3, batch[0].get()); // device_id
        sqlite3_step(progress.get());
        sqlite3_reset(progress.get());
        (void)db->exec("COMMIT");
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.records = records.size();
    out.rate = double(records.size()) / s;
    out.cpuMicros = (cpuSeconds(RUSAGE_THREAD) - cpu0) * 1e6 / double(records.size());
    auto count = db->queryOne("SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM fact_complaints) + "
                              "(SELECT count(*) FROM audit_log) + (SELECT count(*) FROM op_batches) + "
                              "(SELECT count(*) FROM devices WHERE last_seq > 0)",
                              [](store::Statement& q) { return q.int64(0); });
    if (!count || !*count || std::size_t(**count) != 3 * records.size() + batches.size() + 1)
        out.error = "the copy did not store every row";
    return out;
}
} // namespace

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
    // One operation on each of the n complaints, signed, 500 a push; `fill` says what it does.
    // Sequence numbers go on from `firstSeq`. Empty when signing failed.
    auto signedPushes = [&](std::int64_t firstSeq, const std::function<void(sync::Operation&, int)>& fill) {
        std::vector<Json> out;
        for (int i = 0; i < n; i += 500) {
            sync::PushRequest push;
            push.deviceTime = now();
            for (int j = i; j < std::min(n, i + 500); ++j) {
                sync::Operation op;
                op.seq = firstSeq + j;
                op.type = "complaint";
                op.id = "p-" + std::to_string(j);
                op.hlc = std::to_string(toEpochMs(now())) + ".0000." + row.id;
                op.at = now();
                op.actor = "s-3001";
                fill(op, j);
                if (auto st = sync::signOperation(op, credential); !st) {
                    std::fprintf(stderr, "sign: %s\n", st.error().message.c_str());
                    return std::vector<Json>{};
                }
                push.ops.push_back(std::move(op));
            }
            out.push_back(Json(push));
        }
        return out;
    };
    // Pushes them in turn; how many operations were applied.
    auto pushAll = [&](std::vector<Json>& list) {
        int applied = 0;
        for (auto& p : list) {
            // Moved, not copied: copying a push of 500 operations' tree was the benchmark's own
            // work inside the timed loop (a server gets each request's tree from its parser).
            auto r = sync.push(row, std::move(p));
            if (!r) {
                std::fprintf(stderr, "push: %s\n", r.error().message.c_str());
                continue;
            }
            for (const auto& result : r->results)
                if (result.status == sync::OpStatus::Applied)
                    ++applied;
                else if (result.error)
                    std::fprintf(stderr, "op %lld: %s\n", static_cast<long long>(result.seq),
                                 result.error->message.c_str());
        }
        return applied;
    };
    auto pushes = signedPushes(1, [&](sync::Operation& op, int) {
        op.kind = sync::OpKind::Create;
        op.body = {{"community_id", "cm-sunshine"}, {"channel", "phone"}, {"category", "repairs"},
                   {"content", content}, {"unit_id", "cm-sunshine-b1-1-502"}, {"received_at", formatInstant(now())}};
    });
    if (pushes.empty())
        return 1;
    auto t0 = std::chrono::steady_clock::now();
    double cpu0 = cpuSeconds();
    const int applied = pushAll(pushes);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double pushRate = applied / s;
    const double pushCpu = (cpuSeconds() - cpu0) * 1e6 / std::max(1, applied);
    std::printf("push: %.0f records/s (%d of %d applied), %.1f µs of CPU a record\n", pushRate, applied, n, pushCpu);
    // The same rows raw: id, index columns and body as the push stored them.
    struct RawRow {
        std::string id, community, state, unit, body;
        std::int64_t due, happened, version;
    };
    std::vector<RawRow> raw;
    (void)storage->read([&](ReadUnit& u) -> Status {
        auto& db = static_cast<store::SqliteRecordStore*>(u.nativeHandle())->database();
        auto q = *db.prepare("SELECT id, community_id, state, unit_id, coalesce(due_at, 0), coalesce(happened_at, 0), "
                             "version, body FROM records WHERE id LIKE 'p-%'");
        while (*q.step())
            raw.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(7), q.int64(4), q.int64(5), q.int64(6)});
        return {};
    });
    {
        std::filesystem::remove(dir + "/raw.db");
        auto db = std::move(*store::Database::open(dir + "/raw.db"));
        (void)migrateServerSchema(*db);
        t0 = std::chrono::steady_clock::now();
        cpu0 = cpuSeconds(RUSAGE_THREAD);
        for (std::size_t i = 0; i < raw.size(); i += 500) {
            (void)db->exec("BEGIN");
            for (std::size_t j = i; j < std::min(raw.size(), i + 500); ++j) {
                const auto& r = raw[j];
                auto st = db->prepare("INSERT INTO records (id, type, community_id, state, unit_id, due_at, "
                                      "happened_at, version, body) VALUES (?, 'complaint', ?, ?, ?, ?, ?, ?, ?)");
                st->bind(1, r.id).bind(2, r.community).bind(3, r.state).bind(4, r.unit).bind(5, r.due)
                    .bind(6, r.happened).bind(7, r.version).bind(8, r.body);
                (void)st->exec();
            }
            (void)db->exec("COMMIT");
        }
        s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double rawCpu =
            (cpuSeconds(RUSAGE_THREAD) - cpu0) * 1e6 / double(std::max<std::size_t>(1, raw.size()));
        const double rawRate = double(raw.size()) / s;
        std::printf("raw insert, same rows and schema: %.0f records/s (%zu), %.1f µs of CPU a record; push / raw = "
                    "%.2fx (by CPU: %.2fx)\n",
                    rawRate, raw.size(), rawCpu, pushRate / rawRate, rawCpu / pushCpu);
    }
    {
        // The push's own storage floor: everything it stored, copied value for value into a
        // fresh database of the same schema, 500 records a transaction: each record's row with
        // every column, its report fact row and its audit line, and each push's stored results
        // and the device's progress. What separates the push from this figure is the push's own
        // work; what separates this from the raw insert above is what the push must store
        // beyond the record.
        const auto floor = storeAsPushStored(*storage, dir, row.id);
        if (!floor.error.empty())
            std::fprintf(stderr, "storage floor: %s\n", floor.error.c_str());
        else
            std::printf("raw insert of all the push stored (record, fact row, audit line; results, progress): "
                        "%.0f records/s (%zu), "
                        "%.1f µs of CPU a record; push / this = %.2fx (by CPU: %.2fx)\n",
                        floor.rate, floor.records, floor.cpuMicros, pushRate / floor.rate,
                        floor.cpuMicros / pushCpu);
    }
    t0 = std::chrono::steady_clock::now();
    std::string cursor;
    int pulled = 0;
    std::size_t bytes = 0;
    while (true) {
        auto page = sync.pull(row, cursor, SyncService::kMaxPullPage);
        pulled += int(page->changes.size());
        cursor = page->cursor;
        const std::string text = sync::encodePullResponse(*page); // what the handler does next
        bytes += text.size();
        if (!page->hasMore)
            break;
    }
    s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("pull: %.0f records/s (%d, %zu bytes a record)\n", pulled / s, pulled,
                bytes / std::size_t(std::max(1, pulled)));
    {
        // Then a change to every one of those records: a comment on each, pushed 500 at a time,
        // as staff add notes through a shift. Each is an update of a stored row (and its report
        // facts), not an insert.
        auto comments = signedPushes(std::int64_t(n) + 1, [&](sync::Operation& op, int j) {
            op.kind = sync::OpKind::Append;
            op.list = "comments";
            op.item = {{"id", "n-" + std::to_string(j)}, {"at", formatInstant(now())}, {"author", "s-3001"},
                       {"text", "已联系电工，明天上午上门维修。"}};
        });
        if (comments.empty())
            return 1;
        t0 = std::chrono::steady_clock::now();
        cpu0 = cpuSeconds();
        const int changed = pushAll(comments);
        s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("push of changes (a comment on each record): %.0f records/s (%d of %d applied), %.1f µs of CPU "
                    "a record\n",
                    changed / s, changed, n, (cpuSeconds() - cpu0) * 1e6 / std::max(1, changed));
    }
    EscalationService escalation(*storage, rules, [&] { return now() + std::chrono::days(30); });
    for (int pass = 0; pass < 4; ++pass) {
        t0 = std::chrono::steady_clock::now();
        auto moved = escalation.runOnce();
        s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!moved) {
            std::fprintf(stderr, "escalation: %s\n", moved.error().message.c_str());
            break;
        }
        std::printf("escalation pass %d: %.0f ms, %d records moved, %.1f µs an overdue complaint\n", pass + 1,
                    s * 1000, *moved, s * 1e6 / n);
    }
    storage->stop();
    return 0;
}

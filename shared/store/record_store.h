#pragma once
// Persistence of records behind an interface, so a second engine (PostgreSQL, for companies
// that outgrow one server) can be added without touching callers. The SQLite implementation is
// the default on the server and the only one on devices.

#include "shared/core/json_util.h"
#include "shared/core/time.h"
#include "shared/records/record_type.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace courtyard::store {

class Database;
class Statement;
struct OpenOptions;

struct StoredRecord {
    std::string id;
    std::string type;
    Json body;
    Json stamps = Json::object(); // server: per-field HLC stamps
    std::int64_t version = 0;     // server change sequence; 0 = not yet confirmed by a server
    bool deleted = false;
    std::string originDevice;
    std::optional<Json> serverBody; // device: the server's version while local edits are pending
    // Who did what to the record, in order: a JSON array the server appends to with every
    // applied operation (docs/sync-protocol.md, "History"); "" when there is none yet.
    std::string history;
    // The index columns, when the caller has them already (put() computes them otherwise).
    // Must describe `body`; cleared by whoever changes the body.
    std::optional<records::IndexFields> index;
    // Reads with parseBodies=false: the body exactly as stored (and `body` left null), for
    // passing records on without parsing them.
    std::string rawBody;
    // Writes: the body already encoded by the caller (the sync fast path), used by put(); a
    // push's create leaves `body` null beside it. Whoever changes `body` clears it.
    std::optional<std::string> encodedBody;
    // Likewise the stamps (a device storing a pulled page's text), used instead of `stamps`.
    std::optional<std::string> encodedStamps;
};

// The index columns a record is stored with (its own `index`, or the record type's reading of
// its body), after the checks every engine makes before writing it: a known type and an id.
Result<records::IndexFields> indexFieldsFor(const StoredRecord& r);

struct RecordQuery {
    std::vector<std::string> types;        // empty: any type
    std::vector<std::string> communityIds; // empty: any community
    bool includeCompanyWide = false;       // with communityIds: also records with no community
    std::vector<std::string> states;       // empty: any state
    std::optional<std::string> unitId;
    std::optional<std::string> assignee;
    std::optional<std::string> departmentId;
    std::optional<std::string> originDevice;
    std::optional<Instant> happenedFrom; // inclusive
    std::optional<Instant> happenedTo;   // exclusive
    std::optional<std::int64_t> versionAfter;
    bool onlyWithDue = false;
    std::optional<Instant> dueBefore; // exclusive
    std::optional<std::string> text; // substring of the body (searching content, names)
    bool includeDeleted = false;

    enum class Order { Id, Version, DueAt, HappenedDesc, HappenedAsc };
    Order order = Order::Id;
    int limit = 0; // 0: no limit
    int offset = 0;
    // Keyset paging: only the records after this one in `order`, named by its id and its sort
    // key (the due or happened instant; none when it has none). Unlike `offset`, the database
    // seeks to it in an index instead of counting off every record before it. Not with an
    // offset, nor in Version order.
    struct After {
        std::string id;
        std::optional<Instant> key;
    };
    std::optional<After> after;
};

// What a list shows of a record: its index columns and a few top-level fields of its body,
// read without decoding the whole record.
struct RecordSummary {
    std::string id;
    std::string type;
    std::int64_t version = 0; // 0: not yet confirmed by a server
    bool localEdits = false;  // device: edited here since the server's version
    records::IndexFields index;
    Json fields = Json::object(); // the fields asked for that the body has
};

class RecordStore {
public:
    virtual ~RecordStore() = default;

    virtual Result<std::optional<StoredRecord>> get(std::string_view id) = 0;
    // Inserts or replaces; the index columns are extracted from the body by the record type.
    virtual Status put(const StoredRecord& record) = 0;
    // Removes a record outright (a device dropping a create the server refused). Servers keep
    // tombstones instead (`deleted`), so other devices learn of deletions.
    virtual Status remove(std::string_view id) = 0;
    virtual Result<std::vector<StoredRecord>> query(const RecordQuery& q) = 0;
    virtual Result<std::int64_t> count(const RecordQuery& q) = 0;
    // The records of `q` as summaries holding only `fields` of their bodies (top-level keys,
    // letters, digits and '_').
    virtual Result<std::vector<RecordSummary>> summaries(const RecordQuery& q,
                                                         const std::vector<std::string>& fields) = 0;

    // Runs `body` atomically: committed when it returns OK, rolled back when it returns an
    // error or throws. A nested call is a savepoint inside the outer transaction.
    virtual Status transaction(const std::function<Status()>& body) = 0;

    virtual Result<std::optional<std::string>> getMeta(std::string_view key) = 0;
    virtual Status setMeta(std::string_view key, std::string_view value) = 0;
};

class SqliteRecordStore final : public RecordStore {
public:
    // Opens or creates the file and brings its schema up to date.
    static Result<std::unique_ptr<SqliteRecordStore>> open(const std::string& path);
    static Result<std::unique_ptr<SqliteRecordStore>> open(const std::string& path,
                                                           const OpenOptions& options);
    explicit SqliteRecordStore(std::unique_ptr<Database> db);
    ~SqliteRecordStore() override;

    Result<std::optional<StoredRecord>> get(std::string_view id) override;
    Status put(const StoredRecord& record) override;
    Status remove(std::string_view id) override;
    Result<std::vector<StoredRecord>> query(const RecordQuery& q) override;
    Result<std::int64_t> count(const RecordQuery& q) override;
    Result<std::vector<RecordSummary>> summaries(const RecordQuery& q, const std::vector<std::string>& fields) override;
    Status transaction(const std::function<Status()>& body) override;
    Result<std::optional<std::string>> getMeta(std::string_view key) override;
    Status setMeta(std::string_view key, std::string_view value) override;

    Database& database() { return *m_db; }

    // Records matching a SQL condition (after WHERE, may end with ORDER BY / LIMIT), with `?`
    // parameters bound in order. For callers that need a query RecordQuery cannot express.
    using SqlArg = std::variant<std::string, std::int64_t>;
    // With `parseBodies` false, records carry only rawBody (for passing them on unparsed).
    Result<std::vector<StoredRecord>> select(const std::string& whereClause, const std::vector<SqlArg>& args,
                                             bool parseBodies = true);
    // count(*) of the records matching a WHERE clause, with `args` bound in order.
    Result<std::int64_t> countWhere(const std::string& whereClause, const std::vector<SqlArg>& args);

    // What get() or put() last saw of a row: its index columns, or that it was missing. put()
    // sets only the columns that changed since, and checks the others.
    struct KnownRow {
        std::string id;
        bool exists = false;
        std::string type;
        std::string originDevice;
        records::IndexFields index;
    };

private:
    // Runs q's SELECT of `columns`, a page at a time by key where it can (record_query_sql.h),
    // handing each row to `read`.
    Status walk(const RecordQuery& q, const std::string& columns, const std::function<Status(Statement&)>& read);

    std::unique_ptr<Database> m_db;
    int m_depth = 0;
    std::optional<KnownRow> m_known;
};

} // namespace courtyard::store

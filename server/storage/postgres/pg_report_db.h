#pragma once
// The reports' SQL on PostgreSQL (server/reports/report_sql.h). The report SQL is written once,
// with named parameters (":from", ":c0", …); here each name becomes a numbered parameter ($1,
// $2, … — one number per name, reused where the name repeats) and rows are read by column name.
// It runs inside the read unit's transaction, so a report sees one snapshot.

#include "server/reports/report_sql.h"
#include "server/storage/postgres/pg_connection.h"

#include <string>
#include <string_view>
#include <vector>

namespace courtyard::server::pg {

class PgReportDb final : public reports::ReportDb {
public:
    explicit PgReportDb(Connection& c) : m_c(c) {}
    store::detail::Dialect dialect() const override { return store::detail::Dialect::Postgres; }
    Status each(const std::string& sql, const reports::Params& params,
                const std::function<void(const reports::Row&)>& row) override;

private:
    Connection& m_c;
};

// `sql` with its ":name" parameters numbered; `names` receives the names (with their colon) in
// number order. Text in quotes and "::" casts are left as they are.
std::string numberedParameters(std::string_view sql, std::vector<std::string>& names);

} // namespace courtyard::server::pg

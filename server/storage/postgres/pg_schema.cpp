#include "server/storage/postgres/pg_schema.h"

#include <string>
#include <string_view>

namespace courtyard::server::pg {

namespace {

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

// Version 1: what the sync server keeps, as in SQLite's versions 1 and 3 (not the device-only
// tables). Instants are
// milliseconds since the Unix epoch, UTC. Text that is sorted on is COLLATE "C" so orders match
// SQLite's byte order whatever the database's locale.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE records (
  id            text COLLATE "C" PRIMARY KEY,
  type          text NOT NULL,
  community_id  text NOT NULL DEFAULT '',
  state         text NOT NULL DEFAULT '',
  unit_id       text NOT NULL DEFAULT '',
  assignee      text NOT NULL DEFAULT '',
  department_id text NOT NULL DEFAULT '',
  due_at        bigint,
  due_rule      text NOT NULL DEFAULT '',
  happened_at   bigint,
  origin_device text NOT NULL DEFAULT '',
  version       bigint NOT NULL,
  deleted       boolean NOT NULL DEFAULT false,
  body          text NOT NULL,
  stamps        text NOT NULL DEFAULT '{}',
  history       text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX records_version ON records(version);
CREATE INDEX records_community_version ON records(community_id, version);
CREATE INDEX records_type_community ON records(type, community_id, happened_at);
CREATE INDEX records_due ON records(due_at) WHERE due_at IS NOT NULL;
CREATE INDEX records_assignee ON records(assignee, due_at);
CREATE INDEX records_unit ON records(unit_id, type);
CREATE INDEX records_origin ON records(origin_device, version);

-- The last change version handed out (one row). Numbering is serialised by kWriteLock, taken
-- before this row is read (docs/architecture.md, "The change sequence").
CREATE TABLE change_counter (
  one   boolean PRIMARY KEY DEFAULT true CHECK (one),
  value bigint NOT NULL
);
INSERT INTO change_counter (value) VALUES (0);

CREATE TABLE meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE devices (
  id           text COLLATE "C" PRIMARY KEY,
  name         text NOT NULL,
  role         text NOT NULL,
  communities  text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  created_at   bigint NOT NULL,
  revoked_at   bigint,
  last_seq     bigint NOT NULL DEFAULT 0,
  last_seen_at bigint
);

CREATE TABLE op_batches (
  device_id text NOT NULL REFERENCES devices(id),
  first_seq bigint NOT NULL,
  last_seq  bigint NOT NULL,
  results   text NOT NULL,
  PRIMARY KEY (device_id, first_seq)
);

-- Attachments' upload state (the bytes are not in PostgreSQL yet).
CREATE TABLE blobs (
  sha256       text PRIMARY KEY,
  size         bigint NOT NULL,
  received     bigint NOT NULL DEFAULT 0,
  complete     boolean NOT NULL DEFAULT false,
  mime         text NOT NULL DEFAULT '',
  created_at   bigint NOT NULL,
  completed_at bigint
);
CREATE TABLE staff_pins (
  staff_id   text PRIMARY KEY,
  pin_hash   text NOT NULL,
  updated_at bigint NOT NULL
);

CREATE TABLE staff_credentials (
  id           text PRIMARY KEY,
  staff_id     text NOT NULL,
  device_id    text NOT NULL,
  secret       bytea NOT NULL,
  epoch        bigint NOT NULL,
  issued_at    bigint NOT NULL,
  expires_at   bigint NOT NULL,
  revoked_at   bigint,
  last_used_at bigint
);
CREATE INDEX staff_credentials_staff ON staff_credentials(staff_id);
CREATE INDEX staff_credentials_device ON staff_credentials(device_id);

CREATE TABLE sign_in_failures (
  subject         text PRIMARY KEY,
  failures        integer NOT NULL,
  last_failure_at bigint NOT NULL
);

CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            bigint NOT NULL,
  device_id     text NOT NULL,
  op_seq        bigint,
  kind          text NOT NULL,
  record_type   text NOT NULL DEFAULT '',
  record_id     text NOT NULL DEFAULT '',
  community_id  text NOT NULL DEFAULT '',
  actor         text NOT NULL DEFAULT '',
  credential_id text NOT NULL DEFAULT '',
  outcome       text NOT NULL,
  version       bigint,
  detail        text NOT NULL DEFAULT '{}',
  error_code    text NOT NULL DEFAULT '',
  error_message text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_record ON audit_log(record_id, id);
CREATE INDEX audit_log_actor ON audit_log(actor, at);

CREATE TABLE blob_refs (
  sha256    text NOT NULL,
  record_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (sha256, record_id)
);
)sql";

// Version 2: the report facts, as in SQLite's version 2 (server/reports/facts.h), with the same
// keys (the fact writer's ON CONFLICT targets, kFactKeys in server/reports/facts.cpp). SQLite's INTEGER is
// bigint here; text is COLLATE "C" so that report orders and groups match SQLite's byte order.
// postgres_storage.cpp fills them from `records` on the next start (meta 'report_facts').
constexpr std::string_view kV2 = R"sql(
CREATE TABLE fact_complaints (
  id               text COLLATE "C" PRIMARY KEY,
  community_id     text COLLATE "C" NOT NULL,
  department_id    text COLLATE "C" NOT NULL,
  handler_id       text COLLATE "C" NOT NULL,
  kind             text COLLATE "C" NOT NULL,
  channel          text COLLATE "C" NOT NULL,
  category         text COLLATE "C" NOT NULL,
  validity         text COLLATE "C" NOT NULL,
  cause            text COLLATE "C" NOT NULL,
  grade            bigint,
  state            text COLLATE "C" NOT NULL,
  open             bigint NOT NULL,
  received_at      bigint NOT NULL,
  reply_due        bigint,
  first_replied_at bigint,
  replied_at       bigint,
  visit_due        bigint,
  first_visit_at   bigint,
  active_due       bigint,
  escalated        bigint NOT NULL
);
CREATE INDEX fact_complaints_received ON fact_complaints(received_at);
CREATE INDEX fact_complaints_community ON fact_complaints(community_id, received_at);
CREATE INDEX fact_complaints_open ON fact_complaints(community_id, active_due) WHERE open = 1;

CREATE TABLE fact_suggestions (
  id           text COLLATE "C" PRIMARY KEY,
  community_id text COLLATE "C" NOT NULL,
  handler_id   text COLLATE "C" NOT NULL,
  state        text COLLATE "C" NOT NULL,
  received_at  bigint NOT NULL,
  reply_due    bigint,
  replied_at   bigint,
  adopted      bigint
);
CREATE INDEX fact_suggestions_received ON fact_suggestions(received_at);

CREATE TABLE fact_transfer_sheets (
  id                     text COLLATE "C" PRIMARY KEY,
  community_id           text COLLATE "C" NOT NULL,
  from_department_id     text COLLATE "C" NOT NULL,
  assigned_department_id text COLLATE "C" NOT NULL,
  complaint_id           text COLLATE "C" NOT NULL,
  subject                text COLLATE "C" NOT NULL,
  level                  text COLLATE "C" NOT NULL,
  state                  text COLLATE "C" NOT NULL,
  created_at             bigint NOT NULL,
  resolved_at            bigint
);
CREATE INDEX fact_transfer_sheets_created ON fact_transfer_sheets(created_at);

CREATE TABLE fact_survey_responses (
  id           text COLLATE "C" PRIMARY KEY,
  campaign_id  text COLLATE "C" NOT NULL,
  community_id text COLLATE "C" NOT NULL,
  unit_id      text COLLATE "C" NOT NULL,
  answered     bigint NOT NULL,
  answered_at  bigint NOT NULL
);
CREATE INDEX fact_survey_responses_campaign ON fact_survey_responses(campaign_id, unit_id);
CREATE INDEX fact_survey_responses_answered ON fact_survey_responses(answered_at);

CREATE TABLE fact_survey_scores (
  response_id text COLLATE "C" NOT NULL,
  category    text COLLATE "C" NOT NULL,
  score       bigint NOT NULL,
  PRIMARY KEY (response_id, category)
);

CREATE TABLE fact_inspection_items (
  inspection_id text COLLATE "C" NOT NULL,
  item_id       text COLLATE "C" NOT NULL,
  community_id  text COLLATE "C" NOT NULL,
  template_id   text COLLATE "C" NOT NULL,
  inspector_id  text COLLATE "C" NOT NULL,
  subject_staff text COLLATE "C" NOT NULL,
  submitted_at  bigint NOT NULL,
  item_title    text COLLATE "C" NOT NULL,
  grade         text COLLATE "C" NOT NULL,
  pass          bigint NOT NULL,
  finding       bigint NOT NULL,
  PRIMARY KEY (inspection_id, item_id)
);
CREATE INDEX fact_inspection_items_submitted ON fact_inspection_items(submitted_at);

CREATE TABLE fact_patrol_checkpoints (
  round_id        text COLLATE "C" NOT NULL,
  checkpoint_id   text COLLATE "C" NOT NULL,
  community_id    text COLLATE "C" NOT NULL,
  route_id        text COLLATE "C" NOT NULL,
  guard_id        text COLLATE "C" NOT NULL,
  started_at      bigint NOT NULL,
  checkpoint_name text COLLATE "C" NOT NULL,
  status          text COLLATE "C" NOT NULL,
  PRIMARY KEY (round_id, checkpoint_id)
);
CREATE INDEX fact_patrol_checkpoints_started ON fact_patrol_checkpoints(started_at);

CREATE TABLE fact_rectifications (
  id                     text COLLATE "C" PRIMARY KEY,
  community_id           text COLLATE "C" NOT NULL,
  found_by_department_id text COLLATE "C" NOT NULL,
  recorded_by            text COLLATE "C" NOT NULL,
  source                 text COLLATE "C" NOT NULL,
  state                  text COLLATE "C" NOT NULL,
  rounds                 bigint NOT NULL,
  developer              bigint NOT NULL,
  signed                 bigint NOT NULL,
  reported_at            bigint NOT NULL,
  accepted_at            bigint
);
CREATE INDEX fact_rectifications_reported ON fact_rectifications(reported_at);
)sql";

// Version 3: one-time enrolment codes (server/service/enrolment_codes.h), as in SQLite's
// version 7.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE enrolment_codes (
  code_hash   text PRIMARY KEY,
  name        text NOT NULL,
  role        text NOT NULL,
  communities text NOT NULL,
  created_by  text NOT NULL,
  created_at  bigint NOT NULL,
  expires_at  bigint NOT NULL,
  used_at     bigint,
  device_id   text NOT NULL DEFAULT ''
);
)sql";

// Version 4: attachments' bytes, shared by every server of the group (pg_blob_store.h). One
// row per blob whose bytes are here, finished or not: who started the upload (the per-device
// quota of unfinished bytes holds across servers), its size, how far it got and when it was last
// written (abandoned uploads are removed by that). Its bytes are chunks, one per PUT, keyed by
// their offset. Photos are compressed already: chunks are stored without trying to compress.
// (The older table `blobs` stays the upload state the services read and report.)
constexpr std::string_view kV4 = R"sql(
CREATE TABLE blob_data (
  sha256     text PRIMARY KEY,
  device_id  text NOT NULL,
  total      bigint NOT NULL,
  received   bigint NOT NULL DEFAULT 0,
  complete   boolean NOT NULL DEFAULT false,
  started_at bigint NOT NULL,
  written_at bigint NOT NULL
);
CREATE INDEX blob_data_pending_device ON blob_data(device_id) WHERE NOT complete;
CREATE INDEX blob_data_pending_written ON blob_data(written_at) WHERE NOT complete;

CREATE TABLE blob_chunks (
  sha256 text NOT NULL REFERENCES blob_data(sha256) ON DELETE CASCADE,
  at     bigint NOT NULL,
  data   bytea NOT NULL,
  PRIMARY KEY (sha256, at)
);
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
)sql";

// Version 5, as SQLite's version 5: a type's records in deadline order and in the order they
// happened, each an index walk that stops at a page's end instead of sorting every record of the
// type for every page (the daily retention pass reads finished records this way).
constexpr std::string_view kV5 = R"sql(
CREATE INDEX records_type_due ON records(type, due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX records_type_happened ON records(type, happened_at, id);
)sql";

// Version 6: the index of deadlines of any type, which SQLite keeps for a device's lists, no
// server reads, and every record written paid for. A server's deadline reads name the clocked
// types (records_type_due); SQLite's server drops it as it opens (migrateServerSchema).
constexpr std::string_view kV6 = R"sql(
DROP INDEX IF EXISTS records_due;
)sql";

constexpr Migration kMigrations[] = {
    {1, "records, change counter, devices, operation results, blob states, accountability", kV1},
    {2, "report facts", kV2},
    {3, "one-time enrolment codes", kV3},
    {4, "attachments' bytes in chunks", kV4},
    {5, "records by type in deadline and happened order", kV5},
    {6, "no index of deadlines of any type", kV6},
};

} // namespace

int currentSchemaVersion() { return std::end(kMigrations)[-1].version; }

Status migrate(Connection& c) {
    // A session lock, held across the migrations' own transactions; a second server waits here
    // and then finds nothing left to do.
    CY_TRY(c.exec("SELECT pg_advisory_lock($1)", {kMigrationLock}));
    auto body = [&]() -> Status {
        CY_TRY(c.run("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                     "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"));
        auto have = c.exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
        if (!have)
            return have.error();
        const auto version = have->int64(0, 0);
        if (version > currentSchemaVersion())
            return failedPrecondition("the PostgreSQL database has schema version " + std::to_string(version) +
                                      ", newer than this build (" + std::to_string(currentSchemaVersion()) +
                                      "): upgrade Courtyard");
        for (const auto& m : kMigrations) {
            if (m.version <= version)
                continue;
            CY_TRY(c.run("BEGIN"));
            Status st = c.run(m.sql);
            if (st)
                st = done(c.exec("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
                                 {m.version, std::string(m.description)}));
            if (st)
                st = c.run("COMMIT");
            if (!st) {
                (void)c.run("ROLLBACK");
                return Error{st.error().code, "migration " + std::to_string(m.version) + " (" +
                                                  std::string(m.description) + "): " + st.error().message};
            }
        }
        return {};
    };
    Status st = body();
    (void)c.exec("SELECT pg_advisory_unlock($1)", {kMigrationLock});
    return st;
}

} // namespace courtyard::server::pg

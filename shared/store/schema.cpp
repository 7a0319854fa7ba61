// Over 400 lines, knowingly: the SQLite schema's migrations (devices and server alike) in order,
// each the SQL it runs. A released migration is never edited, so the list only grows.

#include "shared/store/schema.h"

#include <string>

namespace courtyard::store {

namespace {

// Version 1. Tables used only by one side are simply empty on the other (one schema, fewer
// surprises). Instants are milliseconds since the Unix epoch, UTC. Indexes only a device reads
// are another matter, as each costs every record written: a server drops records_due and
// records_department (from version 5) when it opens (migrateServerSchema).
constexpr std::string_view kV1 = R"sql(
-- Every synced record, of every type. `body` is the record's JSON (the source of truth);
-- the other columns are extracted from it for indexing and scoping.
CREATE TABLE records (
  id            TEXT PRIMARY KEY,
  type          TEXT NOT NULL,
  community_id  TEXT NOT NULL DEFAULT '',
  state         TEXT NOT NULL DEFAULT '',
  unit_id       TEXT NOT NULL DEFAULT '',
  assignee      TEXT NOT NULL DEFAULT '',
  department_id TEXT NOT NULL DEFAULT '',
  due_at        INTEGER,
  due_rule      TEXT NOT NULL DEFAULT '',
  happened_at   INTEGER,
  origin_device TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 0, -- server: change sequence of the last change
  deleted       INTEGER NOT NULL DEFAULT 0,
  body          TEXT NOT NULL,
  stamps        TEXT NOT NULL DEFAULT '{}', -- server: per-field HLC stamps for merging
  server_body   TEXT                        -- device: the server's version under local edits
);
CREATE INDEX records_type_community ON records(type, community_id, happened_at);
CREATE INDEX records_community_version ON records(community_id, version);
CREATE INDEX records_version ON records(version);
CREATE INDEX records_due ON records(due_at) WHERE due_at IS NOT NULL;
CREATE INDEX records_assignee ON records(assignee, due_at);
CREATE INDEX records_unit ON records(unit_id, type);
CREATE INDEX records_origin ON records(origin_device, version);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Server: enrolled devices. The token is stored only as its SHA-256.
CREATE TABLE devices (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL,
  communities  TEXT NOT NULL,           -- JSON array of community ids
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_seq     INTEGER NOT NULL DEFAULT 0, -- the last operation sequence applied
  last_seen_at INTEGER
);

-- Server: the results of every push, one row per push (operations first_seq..last_seq),
-- written in the same transaction as their effects, so a retried push returns the stored
-- results and applies nothing twice.
CREATE TABLE op_batches (
  device_id TEXT NOT NULL REFERENCES devices(id),
  first_seq INTEGER NOT NULL,
  last_seq  INTEGER NOT NULL,
  results   TEXT NOT NULL, -- [{"digest": ..., "result": {...}}, ...] in sequence order
  PRIMARY KEY (device_id, first_seq)
) WITHOUT ROWID;

-- Server: content-addressed attachments; the bytes live in files under <data>/blobs.
CREATE TABLE blobs (
  sha256       TEXT PRIMARY KEY,
  size         INTEGER NOT NULL,
  received     INTEGER NOT NULL DEFAULT 0,
  complete     INTEGER NOT NULL DEFAULT 0,
  mime         TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  completed_at INTEGER
);

-- Device: operations waiting to be pushed, in the order they were made. `op` is the wire
-- form, sent as is; `actor` is who made it (kept to replay it onto newer server versions).
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY,
  record_id  TEXT NOT NULL,
  op         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX outbox_record ON outbox(record_id);

-- Device: operations the server refused, with its reason, kept until the user has seen them.
CREATE TABLE rejections (
  seq          INTEGER PRIMARY KEY,
  record_id    TEXT NOT NULL,
  op           TEXT NOT NULL,
  code         TEXT NOT NULL,
  message      TEXT NOT NULL,
  at           INTEGER NOT NULL,
  acknowledged INTEGER NOT NULL DEFAULT 0
);

-- Device: attachments captured here, kept in the database so a photo or signature is
-- committed together with the record that references it.
CREATE TABLE local_blobs (
  sha256   TEXT PRIMARY KEY,
  mime     TEXT NOT NULL DEFAULT '',
  size     INTEGER NOT NULL,
  data     BLOB NOT NULL,
  uploaded INTEGER NOT NULL DEFAULT 0 -- bytes the server has confirmed
);
)sql";

// Version 2. Server: report facts — a narrow projection of the records the reports count,
// written by the server's storage with every record (server/reports/facts.h) and rebuilt from
// `records` when the projection's own version (meta 'report_facts') changes. Reports aggregate
// these small indexed rows in SQL instead of parsing record bodies. Instants are epoch ms.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE fact_complaints (
  id               TEXT PRIMARY KEY,
  community_id     TEXT NOT NULL,
  department_id    TEXT NOT NULL,
  handler_id       TEXT NOT NULL,
  kind             TEXT NOT NULL, -- complaint | repair
  channel          TEXT NOT NULL,
  category         TEXT NOT NULL,
  validity         TEXT NOT NULL, -- undecided | valid | invalid
  cause            TEXT NOT NULL, -- '' until decided
  grade            INTEGER,
  state            TEXT NOT NULL,
  open             INTEGER NOT NULL,
  received_at      INTEGER NOT NULL,
  reply_due        INTEGER,
  first_replied_at INTEGER,
  replied_at       INTEGER,
  visit_due        INTEGER,
  first_visit_at   INTEGER, -- the first visit at or after the latest reply
  active_due       INTEGER, -- the deadline someone has to act on now
  escalated        INTEGER NOT NULL
);
CREATE INDEX fact_complaints_received ON fact_complaints(received_at);
CREATE INDEX fact_complaints_community ON fact_complaints(community_id, received_at);
CREATE INDEX fact_complaints_open ON fact_complaints(community_id, active_due) WHERE open = 1;

CREATE TABLE fact_suggestions (
  id           TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  handler_id   TEXT NOT NULL,
  state        TEXT NOT NULL,
  received_at  INTEGER NOT NULL,
  reply_due    INTEGER,
  replied_at   INTEGER,
  adopted      INTEGER -- NULL until replied
);
CREATE INDEX fact_suggestions_received ON fact_suggestions(received_at);

CREATE TABLE fact_transfer_sheets (
  id                     TEXT PRIMARY KEY,
  community_id           TEXT NOT NULL,
  from_department_id     TEXT NOT NULL,
  assigned_department_id TEXT NOT NULL,
  complaint_id           TEXT NOT NULL,
  subject                TEXT NOT NULL,
  level                  TEXT NOT NULL,
  state                  TEXT NOT NULL,
  created_at             INTEGER NOT NULL,
  resolved_at            INTEGER
);
CREATE INDEX fact_transfer_sheets_created ON fact_transfer_sheets(created_at);

CREATE TABLE fact_survey_responses (
  id           TEXT PRIMARY KEY,
  campaign_id  TEXT NOT NULL,
  community_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  answered     INTEGER NOT NULL, -- outcome 'answered' (not 'not at home' or 'refused')
  answered_at  INTEGER NOT NULL
);
CREATE INDEX fact_survey_responses_campaign ON fact_survey_responses(campaign_id, unit_id);
CREATE INDEX fact_survey_responses_answered ON fact_survey_responses(answered_at);

CREATE TABLE fact_survey_scores (
  response_id TEXT NOT NULL,
  category    TEXT NOT NULL,
  score       INTEGER NOT NULL,
  PRIMARY KEY (response_id, category)
) WITHOUT ROWID;

CREATE TABLE fact_inspection_items (
  inspection_id TEXT NOT NULL,
  item_id       TEXT NOT NULL,
  community_id  TEXT NOT NULL,
  template_id   TEXT NOT NULL,
  inspector_id  TEXT NOT NULL,
  subject_staff TEXT NOT NULL, -- the staff member checked (etiquette, service checks), or ''
  submitted_at  INTEGER NOT NULL,
  item_title    TEXT NOT NULL,
  grade         TEXT NOT NULL,
  pass          INTEGER NOT NULL,
  finding       INTEGER NOT NULL, -- a rectification item was raised from it
  PRIMARY KEY (inspection_id, item_id)
) WITHOUT ROWID;
CREATE INDEX fact_inspection_items_submitted ON fact_inspection_items(submitted_at);

CREATE TABLE fact_patrol_checkpoints (
  round_id        TEXT NOT NULL,
  checkpoint_id   TEXT NOT NULL,
  community_id    TEXT NOT NULL,
  route_id        TEXT NOT NULL,
  guard_id        TEXT NOT NULL,
  started_at      INTEGER NOT NULL,
  checkpoint_name TEXT NOT NULL,
  status          TEXT NOT NULL, -- on_time | late | missed
  PRIMARY KEY (round_id, checkpoint_id)
) WITHOUT ROWID;
CREATE INDEX fact_patrol_checkpoints_started ON fact_patrol_checkpoints(started_at);

CREATE TABLE fact_rectifications (
  id                     TEXT PRIMARY KEY,
  community_id           TEXT NOT NULL,
  found_by_department_id TEXT NOT NULL, -- '' for items found by residents
  recorded_by            TEXT NOT NULL, -- the staff member who recorded it (customer service)
  source                 TEXT NOT NULL,
  state                  TEXT NOT NULL,
  rounds                 INTEGER NOT NULL,
  developer              INTEGER NOT NULL, -- some round went to the developer
  signed                 INTEGER NOT NULL, -- accepted with the resident's signature
  reported_at            INTEGER NOT NULL,
  accepted_at            INTEGER
);
CREATE INDEX fact_rectifications_reported ON fact_rectifications(reported_at);
)sql";


// Version 3. Accountability: who acted is proven, not claimed (docs/sync-protocol.md, "Who
// acted"), and every operation leaves a trace.
constexpr std::string_view kV3 = R"sql(
-- Both: who did what to a record, in order (a JSON array the server appends to).
ALTER TABLE records ADD COLUMN history TEXT NOT NULL DEFAULT '';

-- Server: PIN hashes (Argon2id) live here and nowhere else; they are never synced.
CREATE TABLE staff_pins (
  staff_id   TEXT PRIMARY KEY,
  pin_hash   TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Server: a staff member's credential on one device, given at an online sign-in. The secret
-- is what their proofs are checked with; `epoch` is the staff record's credential_epoch
-- when it was given (a newer epoch withdraws it).
CREATE TABLE staff_credentials (
  id           TEXT PRIMARY KEY,
  staff_id     TEXT NOT NULL,
  device_id    TEXT NOT NULL,
  secret       BLOB NOT NULL,
  epoch        INTEGER NOT NULL,
  issued_at    INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_used_at INTEGER
);
CREATE INDEX staff_credentials_staff ON staff_credentials(staff_id);

-- Server: failed PIN attempts, per staff member ('staff:<id>') and per device
-- ('device:<id>'), for the growing delays between attempts.
CREATE TABLE sign_in_failures (
  subject         TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL
);

-- Server: every operation a device sent and every sign-in, applied or refused, with the
-- proven actor; kept for whoever must answer "who tried what".
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  device_id     TEXT NOT NULL,
  op_seq        INTEGER,
  kind          TEXT NOT NULL,
  record_type   TEXT NOT NULL DEFAULT '',
  record_id     TEXT NOT NULL DEFAULT '',
  community_id  TEXT NOT NULL DEFAULT '',
  actor         TEXT NOT NULL DEFAULT '',
  credential_id TEXT NOT NULL DEFAULT '',
  outcome       TEXT NOT NULL,
  version       INTEGER,
  detail        TEXT NOT NULL DEFAULT '{}',
  error_code    TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_record ON audit_log(record_id, id);
CREATE INDEX audit_log_actor ON audit_log(actor, at);

-- Server: which records refer to which attachment. A device may read a blob only when it may
-- read a record that refers to it.
CREATE TABLE blob_refs (
  sha256    TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (sha256, record_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO blob_refs (sha256, record_id)
  SELECT t.value, r.id FROM records r, json_tree(r.body) t
  WHERE t.key = 'sha256' AND t.type = 'text' AND length(t.value) = 64;

-- PIN hashes leave the staff records: kept in staff_pins on the server (a database without a
-- device token), dropped from the records on both sides.
INSERT OR IGNORE INTO staff_pins (staff_id, pin_hash, updated_at)
  SELECT id, json_extract(body, '$.pin_hash'), 0 FROM records
  WHERE type = 'staff' AND json_extract(body, '$.pin_hash') IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'token');
UPDATE records SET body = json_remove(body, '$.pin_hash')
  WHERE type = 'staff' AND json_extract(body, '$.pin_hash') IS NOT NULL;

-- Device: a staff credential per person who signed in here, sealed (AES-256-GCM) under a key
-- derived from their PIN (Argon2id with `kdf` parameters and `salt`). `failures` counts wrong
-- PINs since the last right one; it survives restarts.
CREATE TABLE credentials (
  staff_id        TEXT PRIMARY KEY,
  staff_number    TEXT NOT NULL UNIQUE,
  credential_id   TEXT NOT NULL,
  epoch           INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  kdf             TEXT NOT NULL,
  salt            BLOB NOT NULL,
  sealed          BLOB NOT NULL,
  failures        INTEGER NOT NULL DEFAULT 0,
  last_failure_at INTEGER
);

-- Device: an attachment the server refused (no record of ours refers to it any more): kept,
-- not retried, shown with the reason.
ALTER TABLE local_blobs ADD COLUMN refused TEXT NOT NULL DEFAULT '';
)sql";

// Version 4. Device: operations the server has answered (applied, no-op or refused), kept for a
// while after their answer (sync/client/sent_journal.h): when the server is restored from a
// backup that lacks some of them, the device sends them again.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE sent_ops (
  seq         INTEGER PRIMARY KEY,
  record_id   TEXT NOT NULL,
  op          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  answered_at INTEGER NOT NULL
);
CREATE INDEX sent_ops_answered ON sent_ops(answered_at);
)sql";

// Version 5. Lists read a page at a time by key (RecordQuery::after): a type's records in
// deadline order and in the order they happened, each an index walk that stops at the page's
// end instead of sorting every record of the type for every page; a department's work by
// deadline, as a person's is (records_assignee).
constexpr std::string_view kV5 = R"sql(
CREATE INDEX records_type_due ON records(type, due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX records_type_happened ON records(type, happened_at, id);
CREATE INDEX records_department ON records(department_id, due_at);
)sql";

// Version 6. Device: attachments downloaded from the server (sync/client/blob_cache.h), apart
// from the ones captured here (local_blobs), which are never evicted. A cache bounded in bytes:
// the least recently used (`used`, a counter) goes first. And what the server would not give
// (403, 404) or gave wrong: not asked again before `next_try_at` (epoch ms).
constexpr std::string_view kV6 = R"sql(
CREATE TABLE cached_blobs (
  sha256 TEXT PRIMARY KEY,
  mime   TEXT NOT NULL DEFAULT '',
  size   INTEGER NOT NULL,
  data   BLOB NOT NULL,
  used   INTEGER NOT NULL
);
CREATE INDEX cached_blobs_used ON cached_blobs(used);
CREATE TABLE blob_misses (
  sha256      TEXT PRIMARY KEY,
  status      INTEGER NOT NULL,
  message     TEXT NOT NULL DEFAULT '',
  attempts    INTEGER NOT NULL DEFAULT 1,
  next_try_at INTEGER NOT NULL
);
)sql";

// Version 7. Server: one-time enrolment codes (server/service/enrolment_codes.h), by the
// SHA-256 of the code; `communities` a JSON array as in devices.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE enrolment_codes (
  code_hash   TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL,
  communities TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER,
  device_id   TEXT NOT NULL DEFAULT ''
);
)sql";

// Version 8. Device: a new record the server refused stays here as a returned draft
// (sync/client/returned_drafts.h) until it is sent again or discarded: `seq` is its refusal in
// `rejections`. Never pushed by itself, never touched by a pull. And a refusal keeps the field
// it names (Error::field), so the draft's form shows the reason beside it.
constexpr std::string_view kV8 = R"sql(
ALTER TABLE rejections ADD COLUMN field TEXT NOT NULL DEFAULT '';
CREATE TABLE returned_drafts (
  record_id TEXT PRIMARY KEY,
  seq       INTEGER NOT NULL
);
)sql";

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1, "records, devices, operation results, blobs, outbox, rejections", kV1},
        {2, "report facts", kV2},
        {3, "proven actors: credentials, PIN hashes apart, audit log, history, blob references", kV3},
        {4, "sent operations kept for re-sending after a server restore", kV4},
        {5, "indexes for lists read a page at a time", kV5},
        {6, "downloaded attachments: a bounded cache, and what the server would not give", kV6},
        {7, "one-time enrolment codes", kV7},
        {8, "refused new records kept as returned drafts; the field a refusal names", kV8},
    };
    return all;
}

int currentSchemaVersion() { return migrations().back().version; }

Result<int> schemaVersion(Database& db) {
    auto stmt = db.prepare("PRAGMA user_version");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    return int(stmt->int64(0));
}

Status migrate(Database& db) {
    auto version = schemaVersion(db);
    if (!version)
        return version.error();
    if (*version > currentSchemaVersion())
        return failedPrecondition("database '" + db.path() + "' has schema version " +
                                  std::to_string(*version) + ", newer than this build (" +
                                  std::to_string(currentSchemaVersion()) + "): upgrade Courtyard");
    for (const auto& m : migrations()) {
        if (m.version <= *version)
            continue;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (auto st = db.exec(m.sql); !st)
            return Error{st.error().code, "migration " + std::to_string(m.version) + " (" +
                                              std::string(m.description) + "): " + st.error().message};
        if (auto st = db.exec("PRAGMA user_version = " + std::to_string(m.version)); !st)
            return st.error();
        CY_TRY(tx->commit());
    }
    return {};
}

} // namespace courtyard::store

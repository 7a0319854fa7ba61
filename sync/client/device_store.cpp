// Over 400 lines, knowingly: this is one class's state machine around the outbox. Local edits
// (write the record and its operation), rebasing pending edits onto the server's version, and
// applying push results and pull pages all read and write the outbox's private form
// (OutboxRow below) in the same transactions; split across files they would have to share it
// through a header for no reader's benefit. What stands apart does: the server's refusals
// (rejection_log.h), the attachment queue (blob_queue.h) and the sent journal (sent_journal.h).
#include "sync/client/device_store.h"

#include "shared/domain/organization.h"
#include "shared/store/database.h"
#include "shared/domain/attachment_refs.h"
#include "sync/client/blob_cache.h"
#include "sync/client/blob_queue.h"
#include "sync/client/rejection_log.h"
#include "sync/client/returned_drafts.h"
#include "sync/client/sent_journal.h"
#include "sync/protocol/crypto.h"
#include "sync/protocol/ids.h"
#include "sync/protocol/payload_text.h"
#include "sync/protocol/roles.h"

#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace courtyard::sync {

using store::StoredRecord;

namespace {

// The outbox keeps each operation in its wire form (sent as is) and who made it, so pending
// edits can be replayed onto a newer server version with the same role checks.
Json actorJson(const domain::Actor& actor) {
    return Json{{"staff_id", actor.staffId},
                {"role", actor.role},
                {"position", actor.position},
                {"department_id", actor.departmentId},
                {"name", actor.name}};
}

struct OutboxRow {
    Operation op;
    domain::Actor actor;
};

Result<OutboxRow> parseOutbox(const std::string& opText, const std::string& actorText) {
    auto j = parseJson(opText);
    auto aj = parseJson(actorText);
    if (!j || !aj)
        return internalError("an outbox entry is not JSON: the device database is damaged");
    try {
        OutboxRow row;
        row.op = j->get<Operation>();
        const Json& a = *aj;
        row.actor.staffId = stringAt(a, "staff_id");
        row.actor.role = a.at("role").get<domain::Role>();
        row.actor.position = a.at("position").get<domain::Position>();
        row.actor.departmentId = stringAt(a, "department_id");
        row.actor.name = stringAt(a, "name");
        return row;
    } catch (const std::exception& e) {
        return internalError(std::string("an outbox entry does not decode: ") + e.what());
    }
}

} // namespace

struct DeviceStore::RefusedCreate {
    std::int64_t seq = 0;
    Operation op;
    domain::Actor actor;
};

Result<std::unique_ptr<DeviceStore>> DeviceStore::open(const std::string& path) {
    // Residents' data and sealed credentials: readable by this app's user only. SQLite gives
    // its -wal and -shm files the database file's permissions.
    if (const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600); fd >= 0) {
        (void)::fchmod(fd, 0600);
        ::close(fd);
    }
    for (const char* suffix : {"-wal", "-shm"})
        (void)::chmod((path + suffix).c_str(), 0600);
    auto s = store::SqliteRecordStore::open(path);
    if (!s)
        return s.error();
    return std::make_unique<DeviceStore>(std::move(*s));
}

DeviceStore::DeviceStore(std::unique_ptr<store::SqliteRecordStore> store) : m_store(std::move(store)) {}

// ---- identity and state ---------------------------------------------------------------------

Result<DeviceState> DeviceStore::state() {
    DeviceState st;
    auto meta = [&](const char* key) -> std::string {
        auto v = m_store->getMeta(key);
        return v && *v ? **v : std::string();
    };
    st.serverUrl = meta("server_url");
    st.token = meta("token");
    st.deviceId = meta("device_id");
    st.name = meta("device_name");
    const auto role = meta("role");
    if (role == "kiosk")
        st.role = domain::Role::Resident;
    else if (!role.empty() && !fromString(role, st.role))
        st.role = domain::Role::Staff;
    if (auto c = parseJson(meta("communities")); c && c->is_array())
        st.communityIds = c->get<std::vector<std::string>>();
    st.cursor = meta("cursor");
    st.serverDatabase = meta("server_database");
    if (auto t = parseInstant(meta("last_sync_at")))
        st.lastSyncAt = *t;
    if (auto t = parseInstant(meta("last_server_time")))
        st.lastServerTime = *t;
    const auto seq = meta("last_seq");
    st.lastSeq = seq.empty() ? 0 : std::stoll(seq);
    const auto offset = meta("server_offset_ms");
    st.serverOffsetMs = offset.empty() ? 0 : std::stoll(offset);
    return st;
}

Status DeviceStore::setEnrollment(const std::string& serverUrl, const std::string& token) {
    return m_store->transaction([&]() -> Status {
        CY_TRY(m_store->setMeta("server_url", serverUrl));
        return m_store->setMeta("token", token);
    });
}

Status DeviceStore::setDeviceInfo(const DeviceInfo& info) {
    return m_store->transaction([&]() -> Status {
        auto previous = m_store->getMeta("device_id");
        if (previous && *previous && !(*previous)->empty() && **previous != info.deviceId)
            return failedPrecondition("this database belongs to device " + **previous +
                                      ", not " + info.deviceId + ": use a fresh database");
        CY_TRY(m_store->setMeta("device_id", info.deviceId));
        CY_TRY(m_store->setMeta("device_name", info.name));
        CY_TRY(m_store->setMeta("role", info.role));
        CY_TRY(m_store->setMeta("communities", Json(info.communityIds).dump()));
        return {};
    });
}

Status DeviceStore::setLastSync(Instant at) { return m_store->setMeta("last_sync_at", formatInstant(at)); }

Result<HlcClock> DeviceStore::loadClock() {
    auto id = m_store->getMeta("device_id");
    const std::string node = id && *id ? **id : "local";
    auto last = m_store->getMeta("hlc");
    if (last && *last)
        if (auto h = Hlc::parse(**last))
            return HlcClock(node, *h);
    return HlcClock(node);
}

Status DeviceStore::observeServerTime(Instant serverTime, Instant localNow) {
    return m_store->transaction([&]() -> Status {
        auto clock = loadClock();
        if (!clock)
            return clock.error();
        clock->observe(Hlc{toEpochMs(serverTime), 0, "server"}, toEpochMs(localNow), 5 * 60 * 1000);
        CY_TRY(m_store->setMeta("hlc", clock->last().toString()));
        CY_TRY(m_store->setMeta("server_offset_ms", std::to_string(toEpochMs(serverTime) - toEpochMs(localNow))));
        return m_store->setMeta("last_server_time", formatInstant(serverTime));
    });
}

// ---- rules ------------------------------------------------------------------------------------

const rules::RuleContext& DeviceStore::rulesFor(const std::string& communityId) {
    if (auto it = m_rules.find(communityId); it != m_rules.end())
        return *it->second.ctx;
    auto loaded = records::loadCommunityRules(communityId, [&](const std::string& id, std::string_view type) {
        auto r = m_store->get(id);
        return r && *r && (*r)->type == type ? std::optional<Json>((*r)->body) : std::nullopt;
    });
    RulesEntry entry;
    entry.rules = std::make_unique<records::CommunityRules>(std::move(loaded));
    entry.ctx = std::make_unique<rules::RuleContext>(rules::RuleContext{entry.rules->calendar, entry.rules->policy});
    auto& slot = m_rules[communityId] = std::move(entry);
    return *slot.ctx;
}

ApplyContext DeviceStore::contextFor(const Operation& op, const domain::Actor& actor) {
    ApplyContext ctx;
    ctx.actor = actor;
    ctx.at = op.at;
    ctx.hlc = op.hlc;
    auto id = m_store->getMeta("device_id");
    ctx.originDevice = id && *id ? **id : "local";
    ctx.opId = ctx.originDevice + ":" + std::to_string(op.seq);
    ctx.rulesFor = [this](const std::string& community) { return &rulesFor(community); };
    ctx.authoritative = false;
    return ctx;
}

// ---- local edits ------------------------------------------------------------------------------

Result<Operation> DeviceStore::makeOperation(OpKind kind, const std::string& type, const std::string& id,
                                             const domain::Actor& actor, Instant now) {
    auto clock = loadClock();
    if (!clock)
        return clock.error();
    auto seqText = m_store->getMeta("last_seq");
    if (!seqText)
        return seqText.error();
    Operation op;
    op.seq = (*seqText ? std::stoll(**seqText) : 0) + 1;
    op.kind = kind;
    op.type = type;
    op.id = id;
    op.hlc = clock->now(toEpochMs(now)).toString();
    op.at = now;
    op.actor = actor.staffId;
    CY_TRY(m_store->setMeta("last_seq", std::to_string(op.seq)));
    CY_TRY(m_store->setMeta("hlc", op.hlc));
    return op;
}

Status DeviceStore::writeLocal(const Operation& op, const domain::Actor& actor) {
    const auto* type = records::findRecordType(op.type);
    if (!type)
        return invalidArgument("unknown record type '" + op.type + "'");
    if (type->isReference())
        return permissionDenied("a " + op.type + " is company data, changed by an administrator");
    // A text with a NUL: the server would reject the edit (payload_text.h); refused here, with
    // the form still open.
    CY_TRY(refuseNulText(op));
    // The person's proof, made now while they are signed in: the server refuses an operation
    // that names a staff member without it.
    Operation signed_ = op;
    if (!actor.staffId.empty()) {
        if (!m_signer || m_signer->staffId != actor.staffId)
            return unauthenticated(actor.name + " is not signed in on this device: sign in again");
        CY_TRY(signOperation(signed_, *m_signer));
    }
    auto current = m_store->get(op.id);
    if (!current)
        return current.error();
    auto outcome = applyOperation(*current, op, contextFor(op, actor));
    if (!outcome)
        return outcome.error();
    StoredRecord rec = outcome->record;
    if (*current) {
        rec.version = (*current)->version;
        rec.serverBody = (*current)->serverBody;
        // First local edit of a server record: keep the server's version to rebase onto.
        if (!rec.serverBody && (*current)->version > 0)
            rec.serverBody = Json{{"body", (*current)->body}, {"stamps", (*current)->stamps}};
    }
    CY_TRY(m_store->put(rec));
    auto ins = m_store->database().prepare(
        "INSERT INTO outbox (seq, record_id, op, actor, created_at) VALUES (?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    ins->bind(1, op.seq).bind(2, op.id).bind(3, Json(signed_).dump()).bind(4, actorJson(actor).dump()).bind(5, toEpochMs(op.at));
    return ins->exec();
}

Result<std::string> DeviceStore::create(const std::string& type, Json body, const domain::Actor& actor,
                                        Instant now) {
    std::string id;
    if (body.contains("id") && body["id"].is_string() && !body["id"].get<std::string>().empty())
        id = body["id"].get<std::string>();
    else
        id = newUuidV7(now);
    body["id"] = id;
    auto st = m_store->transaction([&]() -> Status {
        auto op = makeOperation(OpKind::Create, type, id, actor, now);
        if (!op)
            return op.error();
        op->body = body;
        return writeLocal(*op, actor);
    });
    if (!st)
        return st.error();
    return id;
}

Status DeviceStore::transition(const std::string& id, const std::string& action, const Json& params,
                               const domain::Actor& actor, Instant now) {
    return m_store->transaction([&]() -> Status {
        auto current = m_store->get(id);
        if (!current)
            return current.error();
        if (!*current)
            return notFound("no record with id " + id);
        CY_TRY(refuseOnReturned(id));
        auto op = makeOperation(OpKind::Transition, (*current)->type, id, actor, now);
        if (!op)
            return op.error();
        op->action = action;
        op->params = params.is_null() ? Json::object() : params;
        return writeLocal(*op, actor);
    });
}

Status DeviceStore::update(const std::string& id, const Json& fields, const domain::Actor& actor, Instant now) {
    return m_store->transaction([&]() -> Status {
        auto current = m_store->get(id);
        if (!current)
            return current.error();
        if (!*current)
            return notFound("no record with id " + id);
        auto returned = ReturnedDrafts(*m_store).contains(id);
        if (!returned)
            return returned.error();
        if (*returned) {
            // The server has never accepted this record: the correction changes the draft only,
            // and goes to the server with it when the person sends it again. Checked and stamped
            // as any edit, so the form refuses here what it refuses elsewhere.
            auto clock = loadClock();
            if (!clock)
                return clock.error();
            Operation op;
            op.kind = OpKind::Update;
            op.type = (*current)->type;
            op.id = id;
            op.hlc = clock->now(toEpochMs(now)).toString();
            op.at = now;
            op.actor = actor.staffId;
            op.fields = fields;
            CY_TRY(refuseNulText(op));
            auto outcome = applyOperation(*current, op, contextFor(op, actor));
            if (!outcome)
                return outcome.error();
            StoredRecord rec = outcome->record;
            rec.version = 0;
            rec.serverBody.reset();
            CY_TRY(m_store->setMeta("hlc", op.hlc));
            return m_store->put(rec);
        }
        auto op = makeOperation(OpKind::Update, (*current)->type, id, actor, now);
        if (!op)
            return op.error();
        op->fields = fields;
        return writeLocal(*op, actor);
    });
}

Status DeviceStore::refuseOnReturned(const std::string& id) {
    auto returned = ReturnedDrafts(*m_store).contains(id);
    if (!returned)
        return returned.error();
    if (*returned)
        return failedPrecondition("the server refused this new record: correct it and send it again, or discard it");
    return {};
}

Result<std::optional<Rejection>> DeviceStore::returnedRefusal(const std::string& id) {
    return ReturnedDrafts(*m_store).find(id);
}

Status DeviceStore::sendAgain(const std::string& id, const domain::Actor& actor, Instant now) {
    return m_store->transaction([&]() -> Status {
        auto current = m_store->get(id);
        if (!current)
            return current.error();
        if (!*current)
            return notFound("no record with id " + id);
        auto refusal = ReturnedDrafts(*m_store).find(id);
        if (!refusal)
            return refusal.error();
        if (!*refusal) {
            auto queued = m_store->database().prepare("SELECT 1 FROM outbox WHERE record_id = ? LIMIT 1");
            if (!queued)
                return queued.error();
            queued->bind(1, id);
            auto row = queued->step();
            if (!row)
                return row.error();
            if (*row)
                return failedPrecondition("this record is already waiting to be sent: it goes with the next sync");
            return failedPrecondition("this record was not refused by the server: there is nothing to send again");
        }
        const auto* type = records::findRecordType((*current)->type);
        if (!type)
            return invalidArgument("unknown record type '" + (*current)->type + "'");
        // What the person wrote in the first place, with the plain fields as corrected since:
        // the rest of the stored body (state, derived deadlines, who and where from) is the
        // server's to compute again.
        Json body = (*refusal)->op.body.is_object() ? (*refusal)->op.body : Json::object();
        for (auto field : type->plainFields()) {
            const std::string key(field);
            if (auto it = (*current)->body.find(key); it != (*current)->body.end())
                body[key] = *it;
            else
                body.erase(key);
        }
        body["id"] = id;
        auto op = makeOperation(OpKind::Create, (*current)->type, id, actor, now);
        if (!op)
            return op.error();
        op->body = std::move(body);
        CY_TRY(ReturnedDrafts(*m_store).clear(id));
        CY_TRY(RejectionLog(*m_store).acknowledge((*refusal)->seq));
        return writeLocal(*op, actor);
    });
}

Status DeviceStore::discardReturned(const std::string& id) {
    return m_store->transaction([&]() -> Status {
        auto refusal = ReturnedDrafts(*m_store).find(id);
        if (!refusal)
            return refusal.error();
        if (!*refusal)
            return failedPrecondition("only a new record the server refused can be discarded");
        CY_TRY(ReturnedDrafts(*m_store).clear(id));
        CY_TRY(RejectionLog(*m_store).acknowledge((*refusal)->seq));
        return m_store->remove(id);
    });
}

Status DeviceStore::append(const std::string& id, const std::string& list, const Json& item,
                           const domain::Actor& actor, Instant now) {
    return m_store->transaction([&]() -> Status {
        auto current = m_store->get(id);
        if (!current)
            return current.error();
        if (!*current)
            return notFound("no record with id " + id);
        CY_TRY(refuseOnReturned(id));
        auto op = makeOperation(OpKind::Append, (*current)->type, id, actor, now);
        if (!op)
            return op.error();
        op->list = list;
        op->item = item;
        return writeLocal(*op, actor);
    });
}

Result<std::string> DeviceStore::putBlob(std::string_view bytes, const std::string& mime) {
    return BlobQueue(*m_store).put(bytes, mime);
}

Result<std::optional<std::string>> DeviceStore::blobData(const std::string& sha256) {
    return BlobQueue(*m_store).data(sha256);
}

// ---- reads ------------------------------------------------------------------------------------

Result<std::optional<StoredRecord>> DeviceStore::get(const std::string& id) { return m_store->get(id); }
Result<std::vector<StoredRecord>> DeviceStore::query(const store::RecordQuery& q) { return m_store->query(q); }
Result<std::int64_t> DeviceStore::count(const store::RecordQuery& q) { return m_store->count(q); }

// ---- sync support -----------------------------------------------------------------------------

Result<std::vector<std::pair<std::int64_t, std::string>>> DeviceStore::pendingOperationTexts(int limit,
                                                                                         std::size_t maxBytes) {
    auto s = m_store->database().prepare("SELECT seq, op FROM outbox ORDER BY seq LIMIT ?");
    if (!s)
        return s.error();
    s->bind(1, limit);
    std::vector<std::pair<std::int64_t, std::string>> out;
    std::size_t bytes = 0;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        std::string text = s->text(1);
        if (!out.empty() && bytes + text.size() > maxBytes)
            break;
        bytes += text.size();
        out.emplace_back(s->int64(0), std::move(text));
    }
    return out;
}

Result<std::vector<Operation>> DeviceStore::pendingOperations(int limit, std::size_t maxBytes) {
    auto texts = pendingOperationTexts(limit, maxBytes);
    if (!texts)
        return texts.error();
    std::vector<Operation> out;
    for (const auto& [seq, text] : *texts) {
        auto j = parseJson(text);
        if (!j)
            return internalError("an outbox entry is not JSON: the device database is damaged");
        auto op = decodeJson<Operation>(*j);
        if (!op)
            return internalError("an outbox entry does not decode: " + op.error().message);
        out.push_back(std::move(*op));
    }
    return out;
}

Result<std::int64_t> DeviceStore::pendingCount() {
    auto s = m_store->database().prepare("SELECT count(*) FROM outbox");
    if (!s)
        return s.error();
    CY_TRY(s->step());
    return s->int64(0);
}

Status DeviceStore::rebase(const std::string& recordId, const RefusedCreate* refusedCreate) {
    auto rec = m_store->get(recordId);
    if (!rec)
        return rec.error();
    if (!*rec)
        return {};
    if (!refusedCreate) {
        // A returned draft has no server version to rebase onto: a later edit of it refused
        // (one queued before the create came back) leaves it as it is.
        auto returned = ReturnedDrafts(*m_store).contains(recordId);
        if (!returned)
            return returned.error();
        if (*returned)
            return {};
    }
    std::optional<StoredRecord> current;
    if ((*rec)->serverBody) {
        StoredRecord base = **rec;
        base.encodedBody.reset();
        base.body = objectAt(*(*rec)->serverBody, "body");
        base.stamps = objectAt(*(*rec)->serverBody, "stamps");
        base.serverBody.reset();
        current = std::move(base);
    }
    // Replay what is still pending, in order, on top of the server's version.
    auto s = m_store->database().prepare("SELECT op, actor FROM outbox WHERE record_id = ? ORDER BY seq");
    if (!s)
        return s.error();
    s->bind(1, recordId);
    std::vector<OutboxRow> pending;
    while (true) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto parsed = parseOutbox(s->text(0), s->text(1));
        if (!parsed)
            return parsed.error();
        pending.push_back(std::move(*parsed));
    }
    for (const auto& p : pending) {
        auto outcome = applyOperation(current, p.op, contextFor(p.op, p.actor));
        if (outcome && outcome->changed)
            current = outcome->record; // an edit that no longer applies waits for the server's verdict
    }
    if (!current && refusedCreate) {
        // A create the server refused: the record stays here as a returned draft, rebuilt from
        // the create as it was sent, for the person to correct and send again or discard.
        auto draft =
            applyOperation(std::nullopt, refusedCreate->op, contextFor(refusedCreate->op, refusedCreate->actor));
        if (draft && draft->changed) {
            StoredRecord kept = draft->record;
            kept.version = 0;
            kept.serverBody.reset();
            kept.history = (*rec)->history;
            CY_TRY(m_store->put(kept));
            return ReturnedDrafts(*m_store).mark(recordId, refusedCreate->seq);
        }
    }
    if (!current)
        return m_store->remove(recordId); // nothing to rebuild it from: the rejection keeps it
    current->version = (*rec)->version;
    current->serverBody = pending.empty() ? std::nullopt : (*rec)->serverBody;
    return m_store->put(*current);
}

Status DeviceStore::applyPushResponse(const PushResponse& response, Instant localNow) {
    return m_store->transaction([&]() -> Status {
        CY_TRY(observeServerTime(response.serverTime, localNow));
        std::vector<std::string> touched;
        std::map<std::string, RefusedCreate> refusedCreates;
        SentJournal journal(*m_store);
        CY_TRY(journal.prune(localNow));
        for (const auto& r : response.results) {
            CY_TRY(journal.keep(r.seq, localNow));
            if (r.status == OpStatus::Applied) {
                // The pull brings the result; nothing to read back.
                auto del = m_store->database().prepare("DELETE FROM outbox WHERE seq = ?");
                if (!del)
                    return del.error();
                del->bind(1, r.seq);
                CY_TRY(del->exec());
                continue;
            }
            auto sel = m_store->database().prepare("SELECT record_id, op, actor FROM outbox WHERE seq = ?");
            if (!sel)
                return sel.error();
            sel->bind(1, r.seq);
            auto row = sel->step();
            if (!row)
                return row.error();
            if (!*row)
                continue; // already handled (a duplicated response)
            const std::string recordId = sel->text(0);
            const std::string entry = sel->text(1);
            const std::string actorText = sel->text(2);
            auto del = m_store->database().prepare("DELETE FROM outbox WHERE seq = ?");
            if (!del)
                return del.error();
            del->bind(1, r.seq);
            CY_TRY(del->exec());
            if (r.status == OpStatus::Rejected) {
                CY_TRY(RejectionLog(*m_store).add(r.seq, recordId, entry,
                                                  r.error.value_or(Error{ErrorCode::Internal, "rejected"}),
                                                  response.serverTime));
                auto sent = parseOutbox(entry, actorText);
                if (!sent)
                    return sent.error();
                // A resident at a kiosk has gone by the time the answer comes: nobody could
                // correct it there, so the kiosk keeps only the refusal.
                if (sent->op.kind == OpKind::Create && sent->actor.role != domain::Role::Resident)
                    refusedCreates[recordId] = RefusedCreate{r.seq, std::move(sent->op), std::move(sent->actor)};
            }
            touched.push_back(recordId);
        }
        for (const auto& id : touched) {
            const auto refused = refusedCreates.find(id);
            CY_TRY(rebase(id, refused == refusedCreates.end() ? nullptr : &refused->second));
        }
        return {};
    });
}

Status DeviceStore::applyPullPage(const PullResponse& page) {
    return m_store->transaction([&]() -> Status {
        // Records with edits still in the outbox: read once per page, not once per record.
        std::set<std::string> withPending;
        {
            auto s = m_store->database().prepare("SELECT DISTINCT record_id FROM outbox");
            if (!s)
                return s.error();
            while (true) {
                auto row = s->step();
                if (!row)
                    return row.error();
                if (!*row)
                    break;
                withPending.insert(s->text(0));
            }
        }
        auto returned = ReturnedDrafts(*m_store).ids();
        if (!returned)
            return returned.error();
        // Attachments of records purged under the retention policy: they go from this device
        // too, once the page is stored and no record here refers to them any more.
        std::set<std::string> purgedShas;
        for (const auto& c : page.changes) {
            if (!records::findRecordType(c.type))
                continue; // a newer server's record type: ignore until this app is updated
            if (returned->count(c.id))
                continue; // a returned draft is the person's until they send it again or discard it
            if (c.type == "calendar" || c.type == "policy" || c.type == "community")
                invalidateRules();
            const std::int64_t pending = withPending.count(c.id) ? 1 : 0;
            if (pending == 0 && c.deleted && c.record.is_object() && c.record.contains("purged_at")) {
                auto existing = m_store->get(c.id);
                if (!existing)
                    return existing.error();
                if (*existing && !(*existing)->deleted)
                    for (const auto& ref : domain::attachmentRefs((*existing)->body))
                        purgedShas.insert(ref.sha256);
            }
            StoredRecord rec;
            rec.id = c.id;
            rec.type = c.type;
            rec.version = c.version;
            rec.deleted = c.deleted;
            rec.originDevice = stringAt(c.record, "origin_device");
            rec.history = c.history;
            if (c.type == "staff")
                CY_TRY(forgetWithdrawnCredential(c.record));
            if (pending == 0) {
                // Stored as text: the page's tree is not copied only to be written out. A
                // server from before index columns in pages: the body indexes the record here.
                if (c.index) {
                    rec.index = c.index; // computed by the server when it stored the record
                    rec.encodedBody = c.rawRecord.empty() ? c.record.dump() : c.rawRecord;
                } else {
                    rec.body = c.record;
                }
                if (!c.rawStamps.empty())
                    rec.encodedStamps = c.rawStamps; // takePullPage keeps only an object's text
                else
                    rec.stamps = c.stamps.is_object() ? c.stamps : Json::object();
                CY_TRY(m_store->put(rec));
                continue;
            }
            auto existing = m_store->get(c.id);
            if (!existing)
                return existing.error();
            rec.body = *existing ? (*existing)->body : c.record;
            rec.stamps = *existing ? (*existing)->stamps : Json::object();
            rec.serverBody = Json{{"body", c.record}, {"stamps", c.stamps}};
            CY_TRY(m_store->put(rec));
            CY_TRY(rebase(c.id));
        }
        CY_TRY(forgetAttachments(std::move(purgedShas)));
        CY_TRY(m_store->setMeta("cursor", page.cursor));
        return m_store->setMeta("last_server_time", formatInstant(page.serverTime));
    });
}

namespace {

bool isHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// Removes from `shas` every one that `text` names: each run of 64 lowercase hex digits in it is
// looked up, so one pass over a record's text answers for every attachment at once.
void dropNamed(std::string_view text, std::set<std::string>& shas) {
    std::size_t i = 0;
    while (i < text.size() && !shas.empty()) {
        if (!isHexDigit(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && isHexDigit(text[end]))
            ++end;
        if (end - i == 64)
            shas.erase(std::string(text.substr(i, 64)));
        i = end;
    }
}

} // namespace

Status DeviceStore::forgetAttachments(std::set<std::string> shas) {
    if (shas.empty())
        return {};
    // One pass over the records' stored text, whatever the number of attachments: those still
    // named by a record here stay.
    auto s = m_store->database().prepare("SELECT body FROM records WHERE deleted = 0");
    if (!s)
        return s.error();
    while (!shas.empty()) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        dropNamed(s->text(0), shas);
    }
    for (const auto& sha : shas) {
        CY_TRY(BlobCache(*m_store).forget(sha));
        CY_TRY(BlobQueue(*m_store).forgetUploaded(sha));
    }
    return {};
}

Result<std::vector<Rejection>> DeviceStore::rejections(bool includeAcknowledged) {
    return RejectionLog(*m_store).list(includeAcknowledged);
}

Status DeviceStore::acknowledgeRejection(std::int64_t seq) { return RejectionLog(*m_store).acknowledge(seq); }

Result<std::vector<LocalBlob>> DeviceStore::blobsToUpload() { return BlobQueue(*m_store).toUpload(); }

Status DeviceStore::setBlobUploaded(const std::string& sha256, std::int64_t bytes) {
    return BlobQueue(*m_store).setUploaded(sha256, bytes);
}

Status DeviceStore::setBlobRefused(const std::string& sha256, const std::string& reason) {
    return BlobQueue(*m_store).setRefused(sha256, reason);
}

Status DeviceStore::forgetWithdrawnCredential(const Json& staff) {
    // A newer epoch (PIN changed or reset) or a deactivated person: their sign-in here is gone.
    auto s = m_store->database().prepare(
        "DELETE FROM credentials WHERE staff_id = ? AND (epoch < ? OR ? = 0)");
    if (!s)
        return s.error();
    s->bind(1, stringAt(staff, "id"))
        .bind(2, staff.value("credential_epoch", std::int64_t{0}))
        .bind(3, staff.value("active", true) ? 1 : 0);
    CY_TRY(s->exec());
    if (m_store->database().changes() > 0 && m_signer && m_signer->staffId == stringAt(staff, "id"))
        m_signer.reset();
    return {};
}

Status DeviceStore::wipe() {
    auto& db = m_store->database();
    // Freed pages are overwritten with zeros, so the erased records cannot be read back from
    // the file.
    CY_TRY(db.exec("PRAGMA secure_delete = ON"));
    CY_TRY(m_store->transaction([&]() -> Status {
        for (const char* table : {"records", "outbox", "sent_ops", "rejections", "returned_drafts", "local_blobs",
                                  "cached_blobs", "blob_misses", "credentials", "meta"})
            CY_TRY(db.exec(std::string("DELETE FROM ") + table));
        return {};
    }));
    m_signer.reset();
    m_rules.clear();
    CY_TRY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    return db.exec("VACUUM");
}

Status DeviceStore::setServerDatabase(const std::string& id) { return m_store->setMeta("server_database", id); }

Result<std::int64_t> DeviceStore::lastAnsweredSeq() { return SentJournal(*m_store).lastAnswered(); }

Result<int> DeviceStore::resendAfterRestore(std::int64_t serverLastSeq, const std::string& database) {
    int requeued = 0;
    CY_TRY(m_store->transaction([&]() -> Status {
        auto n = SentJournal(*m_store).requeueAfter(serverLastSeq);
        if (!n)
            return n.error();
        requeued = *n;
        CY_TRY(RejectionLog(*m_store).dropUnseenAfter(serverLastSeq));
        CY_TRY(ReturnedDrafts(*m_store).dropRequeuedAfter(serverLastSeq));
        // Whatever the restored server lacks of our attachments is found by asking it again.
        CY_TRY(BlobQueue(*m_store).resetAll());
        CY_TRY(m_store->setMeta("cursor", ""));
        return m_store->setMeta("server_database", database);
    }));
    return requeued;
}

} // namespace courtyard::sync

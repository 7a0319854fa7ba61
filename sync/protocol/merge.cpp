#include "sync/protocol/merge.h"

#include "shared/auth/access.h"
#include "sync/protocol/hlc.h"

#include <algorithm>

namespace courtyard::sync {

bool hlcNewer(std::string_view a, std::string_view b) {
    if (a.empty())
        return false;
    if (b.empty())
        return true;
    auto ha = Hlc::parse(a);
    auto hb = Hlc::parse(b);
    if (!ha || !hb)
        return a > b;
    return *hb < *ha;
}

std::string fieldStamp(const Json& stamps, const std::string& field) {
    if (!stamps.is_object())
        return {};
    if (auto it = stamps.find(field); it != stamps.end() && it->is_string())
        return it->get<std::string>();
    if (auto it = stamps.find("*"); it != stamps.end() && it->is_string())
        return it->get<std::string>();
    return {};
}

namespace {

const rules::RuleContext* rulesOf(const Json& body, const ApplyContext& ctx) {
    if (!ctx.rulesFor)
        return nullptr;
    return ctx.rulesFor(stringAt(body, "community_id"));
}

// Derives deadlines and computes the index columns in one decode of the record.
void derive(store::StoredRecord& r, const records::RecordType& type, const ApplyContext& ctx) {
    r.index = type.deriveAndIndex(r.body, rulesOf(r.body, ctx), {ctx.authoritative, false});
    r.encodedBody.reset();
}

void stampPlainFields(store::StoredRecord& r, const records::RecordType& type, const Json& before,
                      const std::string& hlc) {
    if (hlc.empty())
        return;
    if (before.is_null()) {
        r.stamps = Json::object(); // a new record: every plain field carries its creation stamp
        r.stamps["*"] = hlc;
        return;
    }
    if (!r.stamps.is_object())
        r.stamps = Json::object();
    for (auto field : type.plainFields()) {
        const std::string key(field);
        const bool changed = before.is_null() || before.value(key, Json()) != r.body.value(key, Json());
        if (changed)
            r.stamps[key] = hlc;
    }
}

Result<MergeOutcome> create(const std::optional<store::StoredRecord>& current, const Operation& op,
                            const records::RecordType& type, const ApplyContext& ctx) {
    if (op.body.contains("id") && op.body["id"] != Json(op.id))
        return invalidArgument("body.id: differs from the operation's id");
    auto prepareHere = [&]() -> Result<records::RecordType::Prepared> {
        Json body = op.body;
        body["id"] = op.id;
        if (!type.isReference()) {
            // Who and which device are the server's knowledge, not the device's claim.
            body["origin_device"] = ctx.originDevice;
            body["created_by"] = ctx.actor.staffId;
            body["created_at"] = ctx.at;
        }
        return type.prepareNewDerived(body, rulesOf(body, ctx), {ctx.authoritative, false},
                                      records::RecordType::BodyForm::Tree);
    };
    Result<records::RecordType::Prepared> prepared =
        ctx.prepared ? Result<records::RecordType::Prepared>(std::move(*ctx.prepared)) : prepareHere();
    if (!prepared)
        return prepared.error();
    if (current) {
        if (!current->deleted && current->originDevice == ctx.originDevice)
            return MergeOutcome{false, *current, {}, "already created"};
        return alreadyExists("a " + op.type + " with id " + op.id + " already exists");
    }
    MergeOutcome out;
    out.changed = true;
    out.record.id = op.id;
    out.record.type = op.type;
    out.record.body = std::move(prepared->body);
    out.record.index = std::move(prepared->index);
    if (!prepared->text.empty())
        out.record.encodedBody = std::move(prepared->text);
    out.record.originDevice = ctx.originDevice;
    stampPlainFields(out.record, type, Json(), ctx.hlc);
    return out;
}

Result<MergeOutcome> update(const store::StoredRecord& current, const Operation& op,
                            const records::RecordType& type, const ApplyContext& ctx) {
    MergeOutcome out;
    out.record = current;
    Json winners = Json::object();
    for (const auto& [key, value] : op.fields.items()) {
        const std::string stamp = fieldStamp(current.stamps, key);
        if (ctx.hlc.empty() || stamp.empty() || hlcNewer(ctx.hlc, stamp))
            winners[key] = value;
        else
            out.ignoredFields.push_back(key);
    }
    if (winners.empty()) {
        out.note = "a later edit from another device already set these fields";
        return out;
    }
    CY_TRY(type.update(out.record.body, winners));
    if (!out.record.stamps.is_object())
        out.record.stamps = Json::object();
    for (const auto& [key, value] : winners.items())
        if (!ctx.hlc.empty())
            out.record.stamps[key] = ctx.hlc;
    if (!out.ignoredFields.empty()) {
        out.note = "kept the later value of:";
        for (const auto& f : out.ignoredFields)
            out.note += " " + f;
    }
    derive(out.record, type, ctx);
    out.changed = out.record.body != current.body;
    return out;
}

Result<MergeOutcome> transition(const store::StoredRecord& current, const Operation& op,
                                const records::RecordType& type, const ApplyContext& ctx) {
    MergeOutcome out;
    out.record = current;
    domain::TransitionRequest req{op.action, op.params, ctx.actor, ctx.at, ctx.opId};
    auto result = type.transition(out.record.body, req);
    if (!result)
        return result.error();
    if (result->noop) {
        out.note = "already done";
        return out;
    }
    stampPlainFields(out.record, type, current.body, ctx.hlc);
    derive(out.record, type, ctx);
    out.changed = true;
    return out;
}

Result<MergeOutcome> append(const store::StoredRecord& current, const Operation& op,
                            const records::RecordType& type, const ApplyContext& ctx) {
    MergeOutcome out;
    out.record = current;
    auto changed = type.append(out.record.body, op.list, op.item);
    if (!changed)
        return changed.error();
    if (!*changed) {
        out.note = "already there";
        return out;
    }
    derive(out.record, type, ctx);
    out.changed = true;
    return out;
}

} // namespace

Result<MergeOutcome> applyOperation(const std::optional<store::StoredRecord>& current,
                                    const Operation& op, const ApplyContext& ctx) {
    const auto* type = records::findRecordType(op.type);
    if (!type)
        return invalidArgument("unknown record type '" + op.type + "'");
    if (current && current->type != op.type)
        return invalidArgument("record " + op.id + " is a " + current->type + ", not a " + op.type);
    // Who may do this, from the one table (transitions: the workflow checks its own roles).
    if (op.kind == OpKind::Create) {
        CY_TRY(auth::checkCreate(op.type, op.body, ctx.actor));
        return create(current, op, *type, ctx);
    }
    if (!current || current->deleted)
        return notFound("no " + op.type + " with id " + op.id);
    switch (op.kind) {
    case OpKind::Update:
        CY_TRY(auth::checkUpdate(op.type, op.fields, ctx.actor));
        return update(*current, op, *type, ctx);
    case OpKind::Transition:
        return transition(*current, op, *type, ctx);
    case OpKind::Append:
        CY_TRY(auth::checkAppend(op.type, op.list, ctx.actor));
        return append(*current, op, *type, ctx);
    case OpKind::Create:
        break;
    }
    return internalError("unreachable");
}

} // namespace courtyard::sync

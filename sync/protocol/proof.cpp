#include "sync/protocol/proof.h"

#include "shared/core/json_dump.h"
#include "sync/protocol/crypto.h"

#include <charconv>

namespace courtyard::sync {

namespace {

constexpr std::string_view kOpContext = "courtyard-op/2\n";
constexpr std::string_view kRequestContext = "courtyard-req/2\n";

// Whole numbers written as floats (5.0, as QML numbers arrive) become integers, so both ends
// sign the same text; a real fraction has no single text form every client agrees on, and no
// record field needs one: false.
bool wholeNumbers(Json& j) {
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (!(d >= -9007199254740992.0 && d <= 9007199254740992.0) || double(std::int64_t(d)) != d)
            return false;
        j = std::int64_t(d);
        return true;
    }
    if (j.is_structured())
        for (auto& v : j)
            if (!wholeNumbers(v))
                return false;
    return true;
}

std::string encodeSig(std::string_view raw) { return base64UrlEncode(raw); }

} // namespace

Result<std::string> operationSigningInput(std::string_view deviceId, const Operation& op) {
    Json j = op;
    j.erase("proof");
    if (!wholeNumbers(j))
        return invalidArgument("a signed operation may not contain numbers with fractions");
    try {
        return std::string(kOpContext) + std::string(deviceId) + "\n" + j.dump();
    } catch (const Json::exception&) {
        return invalidArgument("a signed operation must be valid UTF-8");
    }
}

Status signOperation(Operation& op, const Credential& credential) {
    op.proofCredential.clear();
    op.proofSig.clear();
    for (Json* payload : {&op.body, &op.fields, &op.params, &op.item})
        if (!wholeNumbers(*payload))
            return invalidArgument("a number with a fraction cannot be recorded; use whole numbers");
    auto input = operationSigningInput(credential.deviceId, op);
    if (!input)
        return input.error();
    op.proofCredential = credential.id;
    op.proofSig = encodeSig(hmacSha256(credential.secret, *input));
    return {};
}

Result<bool> operationProofValid(std::string_view deviceId, const Operation& op, std::string_view secret) {
    auto input = operationSigningInput(deviceId, op);
    if (!input)
        return input.error();
    return constantTimeEqual(encodeSig(hmacSha256(secret, *input)), op.proofSig);
}

bool signingInputProofValid(std::string_view signingInput, std::string_view sig, std::string_view secret) {
    return constantTimeEqual(encodeSig(hmacSha256(secret, signingInput)), sig);
}

namespace {

bool hasFloat(const Json& j) {
    if (j.is_number_float())
        return true;
    if (j.is_structured())
        for (const auto& v : j)
            if (hasFloat(v))
                return true;
    return false;
}

} // namespace

OperationEncoding encodeOperation(std::string_view deviceId, const Operation& op) {
    // The members of to_json(Operation), each encoded on its own and written in the order
    // nlohmann keeps keys (sorted), so the text is the encoding nlohmann gives the whole object
    // without copying the payload into a second tree. "proof" sorts between "params" and
    // "seq": the signed text (without it) and the canonical one (with it) share what comes
    // before it and what comes after.
    std::string head = "{";
    auto member = [&head](std::string_view key) {
        if (head.size() > 1)
            head += ',';
        head += '"';
        head += key;
        head += "\":";
    };
    auto text = [&](std::string_view key, const std::string& value) {
        member(key);
        appendJsonString(head, value);
    };
    auto value = [&](std::string_view key, const Json& v) {
        member(key);
        appendJson(head, v);
    };
    const Json* payload = nullptr; // the part a device may put numbers with fractions in
    if (op.kind == OpKind::Transition)
        text("action", op.action);
    text("actor", op.actor);
    value("at", Json(op.at));
    if (op.kind == OpKind::Create)
        value("body", *(payload = &op.body));
    if (op.kind == OpKind::Update)
        value("fields", *(payload = &op.fields));
    text("hlc", op.hlc);
    text("id", op.id);
    if (op.kind == OpKind::Append)
        value("item", *(payload = &op.item));
    value("kind", Json(op.kind));
    if (op.kind == OpKind::Append)
        text("list", op.list);
    if (op.kind == OpKind::Transition) {
        member("params");
        if (op.params.is_null())
            head += "{}";
        else
            appendJson(head, *(payload = &op.params));
    }
    std::string tail = ",\"seq\":" + std::to_string(op.seq) + ",\"type\":";
    appendJsonString(tail, op.type);
    tail += '}';
    OperationEncoding e;
    e.canonical = head;
    if (!op.proofCredential.empty()) {
        e.canonical += ",\"proof\":{\"credential\":";
        appendJsonString(e.canonical, op.proofCredential);
        e.canonical += ",\"sig\":";
        appendJsonString(e.canonical, op.proofSig);
        e.canonical += '}';
    }
    e.canonical += tail;
    // A number with a fraction point changes (or refuses) the signed form: the general path.
    const bool floats = payload && hasFloat(*payload);
    e.signingInput = floats ? operationSigningInput(deviceId, op)
                            : Result<std::string>(std::string(kOpContext) + std::string(deviceId) + "\n" + head + tail);
    return e;
}

std::string requestSigningInput(std::string_view deviceId, std::string_view method, std::string_view target,
                                std::int64_t timestampMs, std::string_view nonce) {
    std::string s(kRequestContext);
    s.append(deviceId).append("\n").append(method).append("\n").append(target).append("\n");
    s.append(std::to_string(timestampMs)).append("\n").append(nonce);
    return s;
}

std::string actorHeaderValue(const Credential& c, std::string_view method, std::string_view target,
                             std::int64_t timestampMs) {
    const auto raw = randomBytes(12);
    const std::string nonce = base64UrlEncode(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
    const std::string sig =
        encodeSig(hmacSha256(c.secret, requestSigningInput(c.deviceId, method, target, timestampMs, nonce)));
    return c.id + "." + std::to_string(timestampMs) + "." + nonce + "." + sig;
}

Result<RequestProof> parseActorHeader(std::string_view value) {
    const Error bad = unauthenticated(std::string(kActorHeader) +
                                      ": expected <credential>.<unix ms>.<nonce>.<signature>");
    RequestProof p;
    std::string_view parts[4];
    for (int i = 0; i < 4; ++i) {
        const auto dot = i < 3 ? value.find('.') : std::string_view::npos;
        if (i < 3 && dot == std::string_view::npos)
            return bad;
        parts[i] = value.substr(0, dot);
        if (parts[i].empty() || parts[i].size() > 128)
            return bad;
        if (i < 3)
            value.remove_prefix(dot + 1);
    }
    p.credential = std::string(parts[0]);
    const auto ts = parts[1];
    auto [ptr, ec] = std::from_chars(ts.data(), ts.data() + ts.size(), p.timestampMs);
    if (ec != std::errc() || ptr != ts.data() + ts.size() || p.timestampMs <= 0)
        return bad;
    p.nonce = std::string(parts[2]);
    p.sig = std::string(parts[3]);
    return p;
}

bool requestProofValid(const RequestProof& p, std::string_view deviceId, std::string_view method,
                       std::string_view target, std::string_view secret) {
    const std::string expected =
        encodeSig(hmacSha256(secret, requestSigningInput(deviceId, method, target, p.timestampMs, p.nonce)));
    return constantTimeEqual(expected, p.sig);
}

} // namespace courtyard::sync

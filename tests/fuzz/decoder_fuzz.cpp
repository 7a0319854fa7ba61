// libFuzzer target over what the server decodes from the network: the bounded JSON reader with
// request limits, a push request (the schema check, every operation) and each create's record
// body through the record-type registry, a pull page and whoami as a device decodes them (the
// texts a device keeps from a page must be exactly the values decoded beside them), and
// the input as an actor header, an instant, an id and a receipt code. The fast JSON encoder
// (shared/core/json_dump.h) must write nlohmann's text, or throw as nlohmann throws, for the
// input as one string (any bytes) and for what it parses to. Any crash, sanitizer report or
// exception escaping a decoder is a bug. The bounded reader must read what nlohmann's parser
// reads (the same values, the same types of number) and refuse what it refuses, apart from
// its limits (nesting, here), a member given twice and text after a NUL byte. Built and run
// by scripts/fuzz.sh (clang).
#include "shared/records/record_type.h"
#include "shared/core/bounded_json.h"
#include "shared/core/json_dump.h"
#include "sync/protocol/hlc.h"
#include "sync/protocol/ids.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/proof.h"
#include "tests/support/reads_as_nlohmann.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace courtyard;

namespace {

// What `encode` writes, or that it threw nlohmann's error (by its id).
template <typename Encode>
std::string outcome(Encode&& encode) {
    try {
        return encode();
    } catch (const Json::exception& e) {
        return "threw " + std::to_string(e.id);
    }
}

void readsAsNlohmann(std::string_view text) {
    JsonLimits roomy; // the limits beside the point: only the grammar is compared
    roomy.maxStringBytes = roomy.maxKeyBytes = roomy.maxArrayItems = roomy.maxObjectMembers = 1u << 30;
    roomy.maxDepth = 256; // the reader recurses; nlohmann's parser is iterative
    if (!test::disagreementWithNlohmann(text, roomy).empty())
        __builtin_trap();
}

void encodesAsNlohmann(const Json& v) {
    if (outcome([&] { return dumpJson(v); }) != outcome([&] { return v.dump(); }))
        __builtin_trap();
    if (outcome([&] { return dumpJson(v, InvalidUtf8::Replace); }) !=
        outcome([&] { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }))
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    encodesAsNlohmann(Json(std::string(text)));
    readsAsNlohmann(text);
    (void)sync::parseActorHeader(text);
    (void)parseInstant(text);
    (void)sync::Hlc::parse(text);
    (void)sync::isWireId(text);
    (void)sync::normalizeReceiptCode(text);
    (void)sync::errorFromBody(text, 400);
    auto json = parseBoundedJson(text, JsonLimits::request());
    if (!json)
        return 0;
    encodesAsNlohmann(*json);
    (void)sync::checkSchema(*json);
    (void)decodeJson<sync::PullResponse>(*json);
    // As a device takes a page: each text it keeps must hold exactly the value decoded beside it.
    if (auto page = sync::takePullPage(Json(*json), text))
        for (const auto& c : page->changes) {
            auto same = [](const std::string& kept, const Json& value) {
                if (kept.empty())
                    return;
                auto back = parseBoundedJson(kept, JsonLimits::request());
                if (!back || *back != value)
                    __builtin_trap();
            };
            same(c.rawRecord, c.record);
            same(c.rawStamps, c.stamps);
        }
    (void)decodeJson<sync::DeviceInfo>(*json);
    auto push = sync::takePushRequest(Json(*json));
    if (push) {
        for (const auto& op : push->ops) {
            const auto* type = records::findRecordType(op.type);
            if (!type)
                continue;
            if (op.kind == sync::OpKind::Create) {
                auto normal = type->prepareNew(op.body);
                if (normal) {
                    Json body = *normal;
                    (void)type->update(body, op.body);
                    (void)type->append(body, "comments", op.body);
                    (void)type->index(body);
                    (void)type->receiptView(body);
                }
            }
        }
    }
    // Any JSON object as a record of every type.
    for (const auto* type : records::allRecordTypes())
        (void)type->normalize(*json);
    return 0;
}

// libFuzzer target over what the server decodes from the network: a push request (its JSON,
// the schema check, every operation) and each create's record body through the record-type
// registry, plus a pull page and a cursor-like string. Any crash, sanitizer report or
// exception escaping a decoder is a bug. Built and run by scripts/fuzz.sh (clang).
#include "shared/records/record_type.h"
#include "sync/protocol/messages.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace courtyard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto json = parseJson(text);
    if (!json)
        return 0;
    (void)sync::checkSchema(*json);
    (void)decodeJson<sync::PullResponse>(*json);
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

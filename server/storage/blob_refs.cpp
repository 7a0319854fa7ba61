#include "server/storage/blob_refs.h"

#include "shared/domain/attachment_refs.h"

namespace courtyard::server {

namespace {

void collectShas(const Json& body, std::set<std::string>& out) {
    for (const auto& ref : domain::attachmentRefs(body))
        out.insert(ref.sha256);
}

} // namespace

std::set<std::string> attachmentShas(const store::StoredRecord& r) {
    std::set<std::string> shas;
    if (r.encodedBody) {
        // Most records refer to no attachment: a substring test spares them a parse.
        if (r.encodedBody->find("\"sha256\"") == std::string::npos)
            return shas;
        if (auto body = parseJson(*r.encodedBody))
            collectShas(*body, shas);
    } else {
        collectShas(r.body, shas);
    }
    return shas;
}

} // namespace courtyard::server

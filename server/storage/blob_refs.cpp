#include "server/storage/blob_refs.h"

#include "shared/domain/common.h"

namespace courtyard::server {

namespace {

void collectShas(const Json& j, std::set<std::string>& out) {
    if (j.is_object()) {
        if (auto it = j.find("sha256");
            it != j.end() && it->is_string() && domain::isSha256Hex(it->get_ref<const std::string&>()))
            out.insert(it->get<std::string>());
        for (const auto& [k, v] : j.items())
            if (v.is_structured())
                collectShas(v, out);
    } else if (j.is_array()) {
        for (const auto& v : j)
            collectShas(v, out);
    }
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

#include "shared/domain/attachment_refs.h"

#include <set>

namespace courtyard::domain {

namespace {

void collect(const Json& j, std::set<std::string>& seen, std::vector<AttachmentRef>& out) {
    if (j.is_object()) {
        if (auto it = j.find("sha256"); it != j.end() && it->is_string() &&
                                        isSha256Hex(it->get_ref<const std::string&>()) &&
                                        seen.insert(it->get<std::string>()).second) {
            AttachmentRef ref;
            ref.sha256 = it->get<std::string>();
            if (auto k = j.find("kind"); k != j.end() && k->is_string())
                (void)fromString(k->get<std::string>(), ref.kind);
            if (auto m = j.find("mime"); m != j.end() && m->is_string())
                ref.mime = m->get<std::string>();
            if (auto s = j.find("size"); s != j.end() && s->is_number_integer() && s->get<std::int64_t>() > 0)
                ref.size = s->get<std::int64_t>();
            out.push_back(std::move(ref));
        }
        for (const auto& [k, v] : j.items())
            if (v.is_structured())
                collect(v, seen, out);
    } else if (j.is_array()) {
        for (const auto& v : j)
            collect(v, seen, out);
    }
}

} // namespace

std::vector<AttachmentRef> attachmentRefs(const Json& body) {
    std::set<std::string> seen;
    std::vector<AttachmentRef> out;
    collect(body, seen, out);
    return out;
}

} // namespace courtyard::domain

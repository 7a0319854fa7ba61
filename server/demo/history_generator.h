#pragma once
// The demo history's record maker: one record of each kind (complaint, suggestion, inspection,
// patrol round, rectification item) at a given moment, in a state its age makes plausible,
// with deadlines computed by the shared rules. Internal to the courtyard_demo library.

#include "shared/core/time.h"
#include "shared/domain/complaint.h"
#include "shared/domain/inspection.h"
#include "shared/domain/patrol.h"
#include "shared/domain/rectification.h"
#include "shared/domain/suggestion.h"
#include "shared/rules/derive.h"

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace courtyard::server::demo {

// A category residents complain about, its weight among complaints, and the department that
// handles it.
struct CategoryMix {
    domain::Category category;
    int weight;
    const char* department;
};

// A deterministic generator; distributions are written out (std:: distributions differ between
// standard libraries, and the demo should be the same everywhere).
class Dice {
public:
    explicit Dice(std::uint64_t seed) : m_gen(seed) {}
    std::uint64_t below(std::uint64_t n) { return n ? m_gen() % n : 0; }
    bool chance(int percent) { return int(below(100)) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[std::size_t(below(v.size()))]; }

private:
    std::mt19937_64 m_gen;
};

// What the history is made from: the loaded company's communities, occupied units, staff by
// department, inspection templates and patrol routes.
struct CompanyRoster {
    std::vector<std::string> communities;
    std::map<std::string, std::string> officeOf;
    std::map<std::string, std::vector<std::string>> units; // community -> unit ids
    std::map<std::string, std::vector<std::string>> staffOf; // department -> staff ids
    std::vector<domain::InspectionTemplate> templates;
    std::map<std::string, domain::PatrolRoute> routes; // community -> a route
};

// Demo record ids ("demo-complaint-00000001"), and the header every demo record carries.
std::string idOf(const char* prefix, std::int64_t n);
void header(domain::RecordHeader& h, std::string id, const std::string& community, Instant at,
            const std::string& by);

// Records as staff would have made them; `serial` numbers their ids, `now` caps every step.
struct Generator {
    const CompanyRoster& company;
    const rules::RuleContext& rules;
    Dice dice;
    Instant now;
    std::int64_t serial = 0;

    std::string staff(const std::string& department);
    Instant randomIn(Instant from, Instant to);
    const CategoryMix& category();

    domain::Complaint complaint(const std::string& community, Instant at);
    domain::Suggestion suggestion(const std::string& community, Instant at);
    std::optional<domain::Inspection> inspection(const std::string& community, Instant at);
    std::optional<domain::PatrolRound> patrol(const std::string& community, Instant at);
    domain::RectificationItem rectification(const std::string& community, Instant at);
};

} // namespace courtyard::server::demo

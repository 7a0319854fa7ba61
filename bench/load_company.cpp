#include "bench/load_company.h"

#include "server/demo/demo_company.h"
#include "server/service/admin_service.h"

namespace courtyard::bench {

namespace {

void addCommunities(Json& c, int communities, const std::string& office) {
    for (int i = 0; i < communities; ++i) {
        const std::string cm = "cm-" + std::to_string(i);
        c["communities"].push_back({{"id", cm}, {"office_id", office}, {"name", "Community " + std::to_string(i)}});
        c["buildings"].push_back({{"id", cm + "-b1"}, {"community_id", cm}, {"name", "1"}});
        for (int u = 1; u <= 40; ++u)
            c["units"].push_back({{"id", cm + "-b1-" + std::to_string(u)}, {"community_id", cm},
                                  {"building_id", cm + "-b1"}, {"number", std::to_string(u)}});
    }
}

} // namespace

Json loadCompany(int communities) {
    Json c{{"id", "load"}, {"name", "Load test company"}};
    c["offices"] = Json::array({{{"id", "o-1"}, {"name", "Office"}}});
    c["communities"] = Json::array();
    c["buildings"] = Json::array();
    c["units"] = Json::array();
    addCommunities(c, communities, "o-1");
    c["departments"] = Json::array({{{"id", "d-cs"}, {"name", "CS"}, {"kind", "customer_service"}}});
    c["staff"] = Json::array({{{"id", "s-1001"}, {"number", "1001"}, {"name", "Wang"}, {"role", "staff"},
                               {"department_id", "d-cs"}, {"pin", "100100"}}});
    return c;
}

Json soakCompany(int communities) {
    Json c = server::demoCompany();
    addCommunities(c, communities, c["offices"][0]["id"].get<std::string>());
    c["staff"].push_back({{"id", "s-5001"}, {"number", "5001"}, {"name", "Soak"}, {"role", "staff"},
                          {"department_id", "d-cs"}, {"pin", "500100"}});
    return c;
}

} // namespace courtyard::bench

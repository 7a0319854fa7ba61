// The demo company: deterministic, so the README can name staff numbers and PINs, and tests can
// rely on it.
#include "server/demo/demo_company.h"

#include "shared/rules/calendar.h"

#include <cstdio>
#include <string>
#include <vector>

namespace courtyard::server {

namespace {

Json staff(const char* number, const char* name, const char* role, const char* position, const char* dept,
           std::vector<std::string> communities) {
    return Json{{"id", std::string("s-") + number},
                {"number", number},
                {"name", name},
                {"role", role},
                {"position", position},
                {"department_id", dept},
                {"community_ids", communities},
                {"pin", std::string(number) + "00"}}; // demo only: the staff number followed by 00
}

Json grades() {
    return Json::array({{{"id", "good"}, {"label", "良好 Good"}, {"pass", true}},
                        {{"id", "fair"}, {"label", "一般 Fair"}, {"pass", true}},
                        {{"id", "poor"}, {"label", "差 Poor"}, {"pass", false}}});
}

Json item(const char* id, const char* title, bool photoOnFail = false) {
    Json j{{"id", id}, {"title", title}};
    if (photoOnFail)
        j["photo_on_fail"] = true;
    return j;
}

} // namespace

Json demoCompany() {
    Json c{{"id", "demo"}, {"name", "示范物业服务有限公司 Demo Property Services"}};
    c["offices"] = Json::array({{{"id", "o-east"}, {"name", "东区管理处 East Management Office"}}});
    c["communities"] = Json::array({
        {{"id", "cm-sunshine"}, {"office_id", "o-east"}, {"name", "阳光花园 Sunshine Garden"},
         {"time_zone", "Asia/Shanghai"}, {"calendar_id", "cn-mainland"}},
        {{"id", "cm-jadelake"}, {"office_id", "o-east"}, {"name", "翠湖苑 Jade Lake Court"},
         {"time_zone", "Asia/Shanghai"}, {"calendar_id", "cn-mainland"}},
    });
    Json buildings = Json::array(), units = Json::array();
    int serial = 0;
    for (const char* community : {"cm-sunshine", "cm-jadelake"}) {
        for (int b = 1; b <= 3; ++b) {
            const std::string bid = std::string(community) + "-b" + std::to_string(b);
            buildings.push_back({{"id", bid}, {"community_id", community}, {"name", std::to_string(b) + "栋"}});
            // Two entrances, 13 floors, two flats per landing: 52 units per building.
            for (int entrance = 1; entrance <= 2; ++entrance)
                for (int floor = 1; floor <= 13; ++floor)
                    for (int flat = 1; flat <= 2; ++flat) {
                        char number[16];
                        std::snprintf(number, sizeof number, "%d-%d%02d", entrance, floor, flat);
                        ++serial;
                        Json u{{"id", bid + "-" + number},
                               {"community_id", community},
                               {"building_id", bid},
                               {"number", number},
                               {"floor", floor},
                               {"occupied", serial % 13 != 0}}; // about 8% vacant
                        if (serial % 13 != 0) {
                            u["owner_name"] = "住户" + std::to_string(serial);
                            char phone[32];
                            std::snprintf(phone, sizeof phone, "1390000%04d", serial);
                            u["owner_phone"] = phone;
                        }
                        units.push_back(u);
                    }
        }
    }
    c["buildings"] = buildings;
    c["units"] = units;
    c["departments"] = Json::array({
        {{"id", "d-cs"}, {"name", "客服中心 Customer Service"}, {"kind", "customer_service"}, {"office_id", "o-east"}},
        {{"id", "d-eng"}, {"name", "工程部 Engineering"}, {"kind", "engineering"}, {"office_id", "o-east"}},
        {{"id", "d-sec"}, {"name", "保安部 Security"}, {"kind", "security"}, {"office_id", "o-east"}},
        {{"id", "d-clean"}, {"name", "保洁部 Cleaning"}, {"kind", "cleaning"}, {"office_id", "o-east"}},
        {{"id", "d-land"}, {"name", "绿化部 Landscaping"}, {"kind", "landscaping"}, {"office_id", "o-east"}},
        {{"id", "d-mgmt"}, {"name", "公司管理层 Company Management"}, {"kind", "management"}},
        {{"id", "d-dev"}, {"name", "置业客服部 Developer Customer Service"}, {"kind", "developer_cs"}},
    });
    const std::vector<std::string> both{"cm-sunshine", "cm-jadelake"};
    c["staff"] = Json::array({
        staff("1001", "王敏 Wang Min", "staff", "staff", "d-cs", both),
        staff("1002", "李强 Li Qiang", "staff", "staff", "d-eng", both),
        staff("1003", "赵刚 Zhao Gang", "staff", "staff", "d-sec", {"cm-sunshine"}),
        staff("1004", "陈静 Chen Jing", "staff", "staff", "d-clean", both),
        staff("1005", "周丽 Zhou Li", "staff", "staff", "d-land", both),
        staff("1006", "钱亮 Qian Liang", "staff", "staff", "d-sec", {"cm-jadelake"}),
        staff("2001", "刘洋 Liu Yang", "supervisor", "department_head", "d-cs", both),
        staff("2002", "孙伟 Sun Wei", "supervisor", "department_head", "d-eng", both),
        staff("2003", "黄磊 Huang Lei", "supervisor", "department_head", "d-sec", both),
        staff("2010", "吴芳 Wu Fang", "supervisor", "office_director", "d-mgmt", both),
        staff("3001", "郑华 Zheng Hua", "manager", "cs_manager", "d-mgmt", {}),
        staff("3002", "马骏 Ma Jun", "manager", "deputy_gm", "d-mgmt", {}),
        staff("3003", "高峰 Gao Feng", "manager", "gm", "d-mgmt", {}),
        staff("4001", "冯晓 Feng Xiao", "developer_cs", "developer_cs", "d-dev", both),
        staff("9001", "系统管理员 Administrator", "admin", "admin", "d-mgmt", {}),
    });
    c["calendars"] = Json::array({Json::parse(rules::Calendar::chinaDefaultJson())});
    c["policy"] = Json::object(); // rules::Policy's defaults
    c["inspection_templates"] = Json::array({
        {{"id", "t-etiquette"}, {"name", "服务礼仪检查 Service etiquette"}, {"kind", "service_etiquette"},
         {"subject", "staff"}, {"scale", grades()},
         {"items", Json::array({item("hygiene", "个人卫生 Personal hygiene"),
                                item("badge", "工牌佩戴端正 Badge worn and straight"),
                                item("buttons", "制服扣好 Uniform buttoned"),
                                item("ironed", "制服熨烫平整 Uniform ironed"),
                                item("clean", "制服整洁 Uniform clean")})}},
        {{"id", "t-daily-cs"}, {"name", "客服日常检查 Daily customer-service check"}, {"kind", "daily_cs_check"},
         {"subject", "area"}, {"scale", grades()},
         {"items", Json::array({item("desk", "前台整洁 Front desk tidy"),
                                item("visitors", "来访登记完整 Visitor log complete"),
                                item("complaints", "投诉记录及时 Complaint records up to date"),
                                item("handover", "交接班记录 Shift handover recorded"),
                                item("phone", "电话三声内接听 Phone answered within three rings")})}},
        {{"id", "t-renovation"}, {"name", "装修巡查 Renovation patrol"}, {"kind", "renovation_patrol"},
         {"subject", "unit"}, {"scale", grades()},
         {"items", Json::array({item("permit", "装修许可证张贴 Permit displayed"),
                                item("hours", "施工时间符合规定 Working hours kept"),
                                item("waste", "垃圾及时清运 Waste removed", true),
                                item("fire", "消防器材配备 Fire extinguisher on site"),
                                item("structure", "未改动承重结构 No load-bearing changes", true)})}},
        {{"id", "t-handover"}, {"name", "验房 House-handover inspection"}, {"kind", "house_handover"},
         {"subject", "unit"}, {"scale", grades()},
         {"items", Json::array({item("walls", "墙面 Walls", true), item("floors", "地面 Floors", true),
                                item("windows", "门窗 Doors and windows", true),
                                item("utilities", "水电 Water and power", true),
                                item("waterproof", "卫生间防水 Bathroom waterproofing", true)})}},
        {{"id", "t-security"}, {"name", "安全巡查 Security patrol check"}, {"kind", "security_patrol"},
         {"subject", "area"}, {"scale", grades()},
         {"items", Json::array({item("exits", "消防通道畅通 Fire exits clear", true),
                                item("lights", "照明正常 Lighting works"),
                                item("doors", "门禁正常 Access doors work")})}},
    });
    Json routes = Json::array();
    for (const char* community : {"cm-sunshine", "cm-jadelake"}) {
        const std::string rid = std::string("route-") + (community + 3);
        Json cps = Json::array();
        const char* names[][2] = {{"gate", "北门岗亭 North gate"},       {"b1", "地下车库B1 Car park B1"},
                                  {"pumps", "水泵房 Pump room"},         {"power", "配电房 Switch room"},
                                  {"roof", "3栋楼顶天台 Roof of building 3"}};
        for (int i = 0; i < 5; ++i)
            cps.push_back({{"id", rid + "-" + names[i][0]},
                           {"name", names[i][1]},
                           {"code", "courtyard:cp:" + rid + "-" + names[i][0]},
                           {"due_after_minutes", i * 10},
                           {"tolerance_minutes", 10}});
        routes.push_back({{"id", rid}, {"community_id", community}, {"name", "夜间巡逻 Night patrol"},
                          {"department_id", "d-sec"}, {"checkpoints", cps},
                          {"schedule", {{"times", {"22:00", "02:00"}}, {"tolerance_minutes", 30}}}});
    }
    c["patrol_routes"] = routes;
    return c;
}

} // namespace courtyard::server

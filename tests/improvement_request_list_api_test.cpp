// The list of improvement requests with many rows (GET /api/v1/improvement-requests reads them in a fixed
// number of queries): 35 requests on the demo hospital's visit, listed on both sides, each row the same view
// as the request read alone.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "mamori/core/time.hpp"
#include "support/demo_server_test.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

std::string in_days(int days) {
    using namespace std::chrono;
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + std::chrono::days(days)));
}

const std::map<std::string, std::string> kPasswords = {{"hokenjo@demo.example", "hokenjo-demo-pass"},
                                                       {"hospital@demo.example", "hospital-demo-pass"}};

class ImprovementRequestListApi : public DemoServerTest {
  protected:
    ImprovementRequestListApi() : DemoServerTest(kPasswords) {}
    long long hospital_visit() {
        const int year = fiscal_year(japan_date(std::chrono::system_clock::now()));
        return scalar(
            "SELECT MIN(v.id) FROM inspection_visits v JOIN organisations o ON o.id = v.organisation_id "
            "WHERE o.name = 'デモ総合病院' AND v.fiscal_year = " + std::to_string(year));
    }
};

TEST_F(ImprovementRequestListApi, ThirtyFiveRequestsAreListedOnBothSidesEachAsReadAlone) {
    SessionClient inspector = persona("hokenjo@demo.example");
    SessionClient hospital = persona("hospital@demo.example");
    const long long visit = hospital_visit();
    ASSERT_GT(visit, 0);
    const auto items = inspector.get("/api/v1/inspections/visits/" + std::to_string(visit) + "/improvement-requests");
    ASSERT_EQ(items.status, 200) << items.body;
    const json item_list = items.json()["items"];
    ASSERT_FALSE(item_list.empty());
    const std::size_t before = inspector.get("/api/v1/improvement-requests").json()["requests"].size();

    std::map<long long, std::string> made;  // id → text
    for (int i = 0; i < 35; ++i) {
        const std::string text = "手順を定めること(" + std::to_string(i + 1) + ")";
        const auto r = inspector.post("/api/v1/improvement-requests",
                                      {{"visit_id", visit},
                                       {"canonical_id", item_list[i % item_list.size()]["canonical_id"]},
                                       {"text", text},
                                       {"due_on", in_days(10 + i)}});
        ASSERT_EQ(r.status, 201) << r.body;
        made[r.json()["id"].get<long long>()] = text;
    }

    for (auto* side : {&inspector, &hospital}) {
        const auto list = side->get("/api/v1/improvement-requests");
        ASSERT_EQ(list.status, 200) << list.body;
        const json rows = list.json()["requests"];
        EXPECT_EQ(rows.size(), before + made.size());
        std::size_t found = 0;
        for (const auto& row : rows) {
            // Every row, the demo's too, is the view of the request read alone, without its history.
            auto alone = side->get("/api/v1/improvement-requests/" + std::to_string(row["id"].get<long long>()));
            ASSERT_EQ(alone.status, 200) << alone.body;
            json expected = alone.json();
            expected["events"] = json::array();
            EXPECT_EQ(row, expected);
            const auto it = made.find(row["id"].get<long long>());
            if (it == made.end()) continue;
            ++found;
            EXPECT_EQ(row["text"], it->second);
            EXPECT_EQ(row["organisation_name"], "デモ総合病院");
            EXPECT_EQ(row["inspecting_organisation_name"], "デモ区保健所");
            EXPECT_FALSE(row["item_label"].get<std::string>().empty());
            EXPECT_EQ(row["side"], side == &inspector ? "inspector" : "institution");
        }
        EXPECT_EQ(found, made.size());
    }
}

}  // namespace
}  // namespace mamori::testing

// The plan's due list and summary on a real database (SQLite, or PostgreSQL with MAMORI_TEST_DATABASE):
// classes from kind and beds, the last completed inspection, the prefecture's own rules, the scope.
#include "mamori/services/inspection_plan.hpp"

#include <gtest/gtest.h>

#include <map>

#include "inspection_visit_records.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services::inspection_plan {
namespace {

using identity::OrgKind;
using identity::Role;

struct Fixture {
    testing::TempDatabase temp{2};
    std::map<std::string, long long> ids;

    long long insert(const std::string& kind, const std::string& name, const std::string& prefecture,
                     const std::string& municipality, int beds) {
        auto lease = temp.db().acquire();
        long long id = 0;
        soci::indicator beds_given = beds >= 0 ? soci::i_ok : soci::i_null;
        *lease << "INSERT INTO organisations (kind, name, prefecture_code, municipality_code, beds_total, created_at) "
                  "VALUES (:k, :n, :p, NULLIF(:m, ''), :b, '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(kind), soci::use(name), soci::use(prefecture), soci::use(municipality),
            soci::use(beds, beds_given), soci::into(id);
        return ids[name] = id;
    }

    Fixture() {
        insert("prefecture", "東京都", "13", "", -1);
        const auto centre = insert("health_centre", "保健所", "13", "131016", -1);
        insert("hospital", "病院", "13", "131016", 300);
        insert("clinic", "有床診療所", "13", "131016", 10);
        insert("clinic", "無床診療所", "13", "131016", 0);
        insert("pharmacy", "薬局", "13", "131016", -1);
        insert("clinic", "新宿の病院", "13", "131041", 120);
        insert("clinic", "大阪の診療所", "27", "271004", 0);
        auto lease = temp.db().acquire();
        const std::string m = "131016";
        *lease << "INSERT INTO jurisdictions (organisation_id, municipality_code) VALUES (:o, :m)", soci::use(centre),
            soci::use(m);
    }

    identity::Caller inspector() const {
        identity::Caller c;
        c.organisation = {ids.at("保健所"), OrgKind::health_centre, std::nullopt, "13", "131016"};
        c.roles = {Role::inspector};
        c.municipalities = {"131016"};
        return c;
    }
    identity::Caller prefecture() const {
        identity::Caller c;
        c.organisation = {ids.at("東京都"), OrgKind::prefecture, std::nullopt, "13", ""};
        c.roles = {Role::administrator};
        return c;
    }

    // visit: a visit of `name` in `fy` with `status`, as the on-site record would leave it.
    long long visit(const std::string& name, int fy, const std::string& status) {
        auto lease = temp.db().acquire();
        inspection_visits::VisitRecord v;
        v.organisation_id = ids.at(name);
        v.inspecting_organisation_id = ids.at("保健所");
        v.fiscal_year = fy;
        const long long id = inspection_visits::insert_visit(*lease, v, 0);
        *lease << "UPDATE inspection_visits SET status = :s WHERE id = :id", soci::use(status), soci::use(id);
        return id;
    }
};

std::map<std::string, DueRow> by_name(const DuePage& page) {
    std::map<std::string, DueRow> out;
    for (const auto& r : page.rows) out[r.name] = r;
    return out;
}

TEST(InspectionPlanService, TheDueListFollowsClassLastInspectionAndThePrefecturesRules) {
    Fixture f;
    f.visit("病院", 2025, "done");
    f.visit("有床診療所", 2024, "done");
    f.visit("有床診療所", 2025, "postponed");  // not completed: does not count
    const auto this_year = f.visit("病院", 2026, "planned");

    auto all = due_list(f.temp.db(), f.inspector(), {.fiscal_year = 2026, .due_only = false});
    ASSERT_TRUE(all) << all.error().message;
    auto rows = by_name(*all);
    ASSERT_EQ(rows.size(), 4u) << "the health centre's municipality only";
    EXPECT_EQ(rows["病院"].reason.due, inspection::Due::due);
    EXPECT_EQ(rows["病院"].reason.last_fiscal_year, 2025);
    EXPECT_EQ(rows["病院"].visit_id, this_year);
    EXPECT_EQ(rows["有床診療所"].reason.due, inspection::Due::not_due);
    EXPECT_EQ(rows["有床診療所"].reason.next_fiscal_year, 2027);
    EXPECT_EQ(rows["無床診療所"].reason.due, inspection::Due::on_cause);
    EXPECT_EQ(rows["薬局"].reason.due, inspection::Due::on_cause);

    // The prefecture makes pharmacies due every 2 years; the health centre's list follows.
    auto set = set_policy(f.temp.db(), f.prefecture(),
                          {{.inspection_class = inspection::InspectionClass::pharmacy, .every_years = 2}},
                          {"test", "t1"});
    ASSERT_TRUE(set) << set.error().message;
    auto due = due_list(f.temp.db(), f.inspector(), {.fiscal_year = 2026});
    ASSERT_TRUE(due);
    rows = by_name(*due);
    EXPECT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows.contains("病院"));
    EXPECT_TRUE(rows.contains("薬局"));
    auto unplanned = due_list(f.temp.db(), f.inspector(), {.fiscal_year = 2026, .unplanned_only = true});
    ASSERT_TRUE(unplanned);
    EXPECT_EQ(unplanned->total, 1);

    // The prefecture sees its whole prefecture, not Osaka's; a health centre may not set the policy.
    auto wide = due_list(f.temp.db(), f.prefecture(), {.fiscal_year = 2026, .due_only = false});
    ASSERT_TRUE(wide);
    EXPECT_EQ(wide->total, 5);
    EXPECT_FALSE(set_policy(f.temp.db(), f.inspector(), {}, {"test", "t2"}));
    auto bad = set_policy(f.temp.db(), f.prefecture(),
                          {{.inspection_class = inspection::InspectionClass::hospital, .every_years = 11}},
                          {"test", "t3"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().fields.front().field, "rules[0].every_years");
    auto page = due_list(f.temp.db(), f.prefecture(), {.fiscal_year = 2026, .due_only = false, .page = 2, .page_size = 2});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->rows.size(), 2u);
    EXPECT_FALSE(due_list(f.temp.db(), f.inspector(), {.fiscal_year = 2026, .page_size = 0}));
}

TEST(InspectionPlanService, TheSummaryCountsVisitsFindingsAndRequests) {
    Fixture f;
    const auto done = f.visit("病院", 2026, "done");
    f.visit("薬局", 2026, "planned");
    {
        auto lease = f.temp.db().acquire();
        const long long v = done;
        *lease << "INSERT INTO inspection_records (visit_id, checklist_of_record, status, started_at) "
                  "VALUES (:v, '{}', 'completed', '2026-11-01T00:00:00Z')",
            soci::use(v);
        *lease << "INSERT INTO inspection_record_lines (visit_id, canonical_id, row_key, verdict, finding, version, "
                  "updated_at) VALUES (:v, 'GOV-01', 'main', 'finding', 'バックアップが未整備', 1, "
                  "'2026-11-01T00:00:00Z')",
            soci::use(v);
        const long long org = f.ids.at("病院");
        for (const std::string due_on : {"2000-01-01", "2999-01-01"})
            *lease << "INSERT INTO improvement_requests (visit_id, organisation_id, text, due_on, status, created_at, "
                      "updated_at) VALUES (:v, :o, '改善', :d, 'open', 'x', 'x')",
                soci::use(v), soci::use(org), soci::use(due_on);
    }
    auto s = summary(f.temp.db(), f.inspector(), 2026, 0);
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->institutions, 4);
    EXPECT_EQ(s->inspected, 1);
    EXPECT_EQ(s->planned, 1);
    EXPECT_EQ(s->with_findings, 1);
    EXPECT_EQ(s->open_requests, 2);
    EXPECT_EQ(s->overdue_requests, 1);
    std::int64_t institutions = 0;
    for (const auto& k : s->submission) {
        institutions += k.institutions;
        EXPECT_EQ(k.submitted, 0);
    }
    EXPECT_EQ(institutions, 4);
    auto other = summary(f.temp.db(), f.prefecture(), 2026, 999);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().fields.front().field, "health_centre");
}

}  // namespace
}  // namespace mamori::services::inspection_plan

#include "inspection_visit_records.hpp"

#include <gtest/gtest.h>

#include "testing/temp_database.hpp"

namespace mamori::services::inspection_visits {
namespace {

using identity::OrgKind;
using identity::Role;
using inspection::Side;

// Two health centres' institutions: a clinic in 千代田区 (131016) and one in 新宿区 (131041).
struct Fixture {
    testing::TempDatabase temp{2};
    long long centre = 0, clinic = 0, other_clinic = 0;

    Fixture() {
        auto lease = temp.db().acquire();
        const auto insert = [&](const std::string& kind, const std::string& name, const char* municipality) {
            long long id = 0;
            const std::string m = municipality ? municipality : "";
            *lease
                << "INSERT INTO organisations (kind, name, prefecture_code, municipality_code, created_at) "
                   "VALUES (:k, :n, '13', NULLIF(:m, ''), '2026-01-01T00:00:00Z') RETURNING id",
                soci::use(kind), soci::use(name), soci::use(m), soci::into(id);
            return id;
        };
        centre = insert("health_centre", "デモ区保健所", "131016");
        clinic = insert("clinic", "さくら内科クリニック", "131016");
        other_clinic = insert("clinic", "新宿のクリニック", "131041");
    }

    identity::Caller inspector() const {
        identity::Caller c;
        c.user_id = 0;
        c.organisation = {centre, OrgKind::health_centre, std::nullopt, "13", "131016"};
        c.roles = {Role::inspector};
        c.municipalities = {"131016"};
        return c;
    }
    identity::Caller institution(long long id) const {
        identity::Caller c;
        c.organisation = {id, OrgKind::clinic, std::nullopt, "13", "131016"};
        c.roles = {Role::administrator};
        return c;
    }
    VisitRecord visit_of(long long organisation) const {
        VisitRecord v;
        v.organisation_id = organisation;
        v.inspecting_organisation_id = centre;
        v.fiscal_year = 2026;
        v.planned_on = "2026-12-20";
        return v;
    }
};

TEST(InspectionVisitRecords, AVisitIsStoredChangedOnItsVersionAndKeepsItsHistory) {
    Fixture f;
    auto lease = f.temp.db().acquire();
    const auto id = insert_visit(*lease, f.visit_of(f.clinic), 0);
    auto stored = find_visit(*lease, id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->status, inspection::VisitStatus::planned);
    EXPECT_EQ(stored->planned_on, "2026-12-20");
    EXPECT_EQ(stored->version, 1);

    auto next = *stored;
    next.status = inspection::VisitStatus::notified;
    next.checklist_due_on = "2026-12-15";
    next.version = 2;
    ASSERT_TRUE(update_visit(*lease, next, 0));
    auto stale = *stored;  // still version 1: someone else's change came first
    stale.status = inspection::VisitStatus::postponed;
    stale.version = 2;
    EXPECT_FALSE(update_visit(*lease, stale, 0));
    EXPECT_EQ(find_visit(*lease, id)->status, inspection::VisitStatus::notified);
    EXPECT_EQ(find_visit(*lease, id)->checklist_due_on, "2026-12-15");

    insert_visit_event(*lease, id, "notify", {{"checklist_due_on", "2026-12-15"}}, 0);
    const auto events = visit_events(*lease, id);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].action, "created");
    EXPECT_EQ(events[1].detail["checklist_due_on"], "2026-12-15");
    EXPECT_ANY_THROW(*lease << "UPDATE inspection_visit_events SET action = 'x'") << "events are append-only";
    EXPECT_ANY_THROW(*lease << "DELETE FROM inspection_visit_events");
}

TEST(InspectionVisitRecords, OnlyTheJurisdictionsInspectorsAndTheInstitutionOpenAVisit) {
    Fixture f;
    auto lease = f.temp.db().acquire();
    const auto visit = insert_visit(*lease, f.visit_of(f.clinic), 0);
    EXPECT_TRUE(open_visit(*lease, f.inspector(), visit, Side::inspector));
    EXPECT_TRUE(open_visit(*lease, f.institution(f.clinic), visit, Side::institution));
    for (const auto& [caller, side] : {std::pair{f.institution(f.clinic), Side::inspector},
                                       std::pair{f.institution(f.other_clinic), Side::institution},
                                       std::pair{f.inspector(), Side::institution}}) {
        const auto refused = open_visit(*lease, caller, visit, side);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::not_found);
    }
    const auto elsewhere = insert_visit(*lease, f.visit_of(f.other_clinic), 0);
    EXPECT_FALSE(open_visit(*lease, f.inspector(), elsewhere, Side::inspector))
        << "新宿区 is not this centre's";
    EXPECT_FALSE(open_visit(*lease, f.inspector(), elsewhere + 100, Side::inspector));
}

}  // namespace
}  // namespace mamori::services::inspection_visits

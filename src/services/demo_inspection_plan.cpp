// Demo content of the inspection plan: デモ区保健所's plan of this fiscal year — デモ総合病院 notified (the visit
// in three weeks, the checklist asked for a week before), さくら内科クリニック planned, ひまわり歯科医院
// postponed with its reason. Made through the plan's service, once.
#include <fmt/format.h>

#include <chrono>

#include "demo_records.hpp"
#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/inspection_plan.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;

std::int64_t organisation_named(soci::session& sql, const std::string& name) {
    for (const auto& r : store::query(sql, "SELECT MIN(id) FROM organisations WHERE name = :n", name))
        if (auto id = store::optional_int64_at(r, 0)) return *id;
    return 0;
}

}  // namespace

Status create_inspection_plan_demo(store::Database& db) {
    namespace plan = inspection_plan;
    const audit::Context context{"local", "demo"};
    identity::Caller inspector;
    std::int64_t hospital = 0, clinic = 0, dental = 0;
    {
        auto lease = db.acquire();
        auto user = records::find_user_by_login(*lease, "hokenjo@demo.example");
        if (!user) return {};
        inspector = records::caller_for(*lease, *user);
        long long existing = 0;
        const long long centre = inspector.organisation.id;
        for (const auto& r : store::query(*lease, "SELECT COUNT(*) FROM inspection_visits WHERE "
                                                  "inspecting_organisation_id = :c", centre))
            existing = store::int64_at(r, 0);
        if (existing > 0) return {};
        hospital = organisation_named(*lease, "デモ総合病院");
        clinic = organisation_named(*lease, "さくら内科クリニック");
        dental = organisation_named(*lease, "ひまわり歯科医院");
    }
    const auto today = sys_days(japan_date(system_clock::now()));
    const auto visit_day = year_month_day(today + days(21)), due_day = year_month_day(today + days(14));
    const int fy = fiscal_year(visit_day);
    const auto create = [&](std::int64_t org, std::optional<std::string> planned) -> Result<plan::VisitDetail> {
        plan::NewVisits v;
        v.organisation_ids = {org};
        v.fiscal_year = fy;
        v.planned_on = std::move(planned);
        v.inspectors = {inspector.user_id};
        auto ids = plan::create_visits(db, inspector, v, context);
        if (!ids) return fail(ids.error());
        return plan::visit(db, inspector, ids->front());
    };
    auto notified = create(hospital, to_iso_date(visit_day));
    if (!notified) return fail(notified.error());
    auto step = plan::step_visit(db, inspector, notified->visit.id,
                                 {.version = notified->visit.version,
                                  .action = inspection::VisitAction::notify,
                                  .planned_on = std::nullopt,
                                  .checklist_due_on = to_iso_date(due_day),
                                  .reason = ""},
                                 context);
    if (!step) return fail(step.error());
    const auto later = year_month_day(today + days(45));
    auto planned = create(clinic, fiscal_year(later) == fy ? std::optional<std::string>(to_iso_date(later))
                                                           : std::nullopt);
    if (!planned) return fail(planned.error());
    auto postponed = create(dental, to_iso_date(visit_day));
    if (!postponed) return fail(postponed.error());
    auto moved = plan::step_visit(db, inspector, postponed->visit.id,
                                  {.version = postponed->visit.version,
                                   .action = inspection::VisitAction::postpone,
                                   .planned_on = std::nullopt,
                                   .checklist_due_on = std::nullopt,
                                   .reason = "院長の申し出により日程を再調整中（院内改修のため）"},
                                  context);
    if (!moved) return fail(moved.error());
    return {};
}

}  // namespace mamori::services

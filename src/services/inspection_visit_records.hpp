// Row access for inspection visits (migration 0014), shared by the plan, the on-site record and the
// improvement requests: a visit, its inspectors, its append-only events, and `open_visit`, which finds a
// visit only for someone on one of its two sides (the jurisdiction's inspectors, the institution itself) and
// answers not_found to everyone else, exactly as for a visit that does not exist.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "identity_records.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/inspection/workflow.hpp"

namespace mamori::services::inspection_visits {

struct VisitRecord {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;             // the institution
    std::int64_t inspecting_organisation_id = 0;  // the health centre or prefecture that inspects
    int fiscal_year = 0;
    std::string reason = "regular";  // regular, cause
    std::optional<std::string> planned_on;
    inspection::VisitStatus status = inspection::VisitStatus::planned;
    std::optional<std::string> postponed_reason;
    std::optional<std::string> checklist_due_on;
    std::optional<std::string> notified_at;
    int version = 1;
    std::vector<std::int64_t> inspectors;  // user ids
    std::string created_at;
    std::string updated_at;
};

struct VisitEvent {
    std::string action;
    nlohmann::json detail;
    std::optional<std::int64_t> user_id;
    std::string at;
};

std::optional<VisitRecord> find_visit(soci::session& sql, std::int64_t id);
// lock_visit: a no-op UPDATE of the visit's row as the first statement of a transaction that changes it
// (see assessment_records::lock_assessment for why).
void lock_visit(soci::session& sql, std::int64_t id);
// `user_id` 0 (the CLI, the demo loader) is stored as no user.
// insert_visit: stores `visit` as version 1 with its inspectors and a "created" event; returns its id.
std::int64_t insert_visit(soci::session& sql, const VisitRecord& visit, std::int64_t user_id);
// update_visit: writes the mutable fields of `next` (date, status, reasons, notice) as version
// `next.version`, conditional on the stored version being `next.version - 1`; false, and nothing written,
// when someone else's change got there first. Inspectors are replaced when they differ.
[[nodiscard]] bool update_visit(soci::session& sql, const VisitRecord& next, std::int64_t user_id);
void insert_visit_event(soci::session& sql, std::int64_t visit_id, const std::string& action,
                        const nlohmann::json& detail, std::int64_t user_id);
std::vector<VisitEvent> visit_events(soci::session& sql, std::int64_t visit_id);

// OpenVisit: a visit with the institution it concerns.
struct OpenVisit {
    VisitRecord visit;
    records::OrganisationRecord institution;
};

// open_visit: the visit for `side`: inspectors who may inspect the institution (identity::can_inspect), or
// the institution's own users. not_found for anyone else.
Result<OpenVisit> open_visit(soci::session& sql, const identity::Caller& caller, std::int64_t visit_id,
                             inspection::Side side);

}  // namespace mamori::services::inspection_visits

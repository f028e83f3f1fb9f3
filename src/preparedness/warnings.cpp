// warnings: what an institution's preparedness records say is missing or stale (records.hpp).
#include <algorithm>
#include <set>

#include "mamori/core/time.hpp"
#include "mamori/preparedness/records.hpp"

namespace mamori::preparedness {

namespace {

using nlohmann::json;
using std::chrono::year_month_day;

// within_year: `date` (YYYY-MM-DD, or the day of a moment) is on or after the same day a year before today.
bool within_year(const json& date, year_month_day today) {
    if (!date.is_string() || date.get_ref<const std::string&>().size() < 10) return false;
    const auto day = parse_iso_date(std::string_view(date.get_ref<const std::string&>()).substr(0, 10));
    return day && std::chrono::sys_days(*day) >= std::chrono::sys_days(year_before(today));
}

Warning warning(std::string_view code, RecordKind kind, std::optional<std::int64_t> id,
                std::vector<std::string> details = {}) {
    return {std::string(code), std::string(to_string(kind)), id, std::move(details)};
}

// member: the member `key` of a record, or null.
const json& member(const json& body, const char* key) {
    static const json none;
    const auto it = body.find(key);
    return it == body.end() ? none : *it;
}

}  // namespace

year_month_day year_before(year_month_day day) {
    year_month_day out{day.year() - std::chrono::years(1), day.month(), day.day()};
    if (!out.ok()) out = year_month_day{out.year(), out.month(), std::chrono::day(28)};
    return out;
}

std::vector<Warning> warnings(std::span<const StoredRecord> records, const Reference& reference,
                              year_month_day today) {
    std::vector<Warning> out;
    const StoredRecord* chart = nullptr;
    std::set<std::string> roles, bodies;
    std::set<std::int64_t> tested;  // backups with a successful restore test in the last year
    bool drilled = false;
    for (const auto& r : records) {
        switch (r.kind) {
            case RecordKind::chart: chart = &r; break;
            case RecordKind::contact:
                if (r.body.value("kind", "") == "internal" && member(r.body, "role").is_string())
                    roles.insert(member(r.body, "role").get<std::string>());
                if (r.body.value("kind", "") == "external" && member(r.body, "body").is_string())
                    bodies.insert(member(r.body, "body").get<std::string>());
                break;
            case RecordKind::restore_test:
                if (r.body.value("result", "") == "success" &&
                    within_year(member(r.body, "tested_on"), today) &&
                    member(r.body, "backup_id").is_number_integer())
                    tested.insert(member(r.body, "backup_id").get<std::int64_t>());
                break;
            case RecordKind::drill:
                if (within_year(member(r.body, "held_on"), today)) drilled = true;
                break;
            default: break;
        }
    }
    // The contact chart first, then backups, drills and incidents, each in the records' order.
    const std::optional<std::int64_t> chart_id = chart ? std::optional(chart->id) : std::nullopt;
    std::vector<std::string> missing_roles, missing_bodies;
    for (const auto& c : reference.internal_roles)
        if (c.required && !roles.contains(c.code)) missing_roles.push_back(c.code);
    for (const auto& c : reference.external_bodies)
        if (c.required && !bodies.contains(c.code)) missing_bodies.push_back(c.code);
    if (!missing_roles.empty())
        out.push_back(warning(kContactRoleMissing, RecordKind::chart, chart_id, std::move(missing_roles)));
    if (!missing_bodies.empty())
        out.push_back(warning(kContactBodyMissing, RecordKind::chart, chart_id, std::move(missing_bodies)));
    if (!chart || !within_year(member(chart->body, "reviewed_on"), today))
        out.push_back(warning(kChartNotReviewed, RecordKind::chart, chart_id));
    for (const auto& r : records) {
        if (r.kind != RecordKind::backup) continue;
        if (r.body.value("offline_copy", false) != true)
            out.push_back(warning(kBackupWithoutOffline, RecordKind::backup, r.id));
        if (!tested.contains(r.id)) out.push_back(warning(kNoRecentRestoreTest, RecordKind::backup, r.id));
    }
    if (!drilled) out.push_back(warning(kNoRecentDrill, RecordKind::drill, std::nullopt));
    for (const auto& r : records) {
        if (r.kind != RecordKind::incident || r.body.value("status", "") != "open") continue;
        std::vector<std::string> undone;
        if (member(r.body, "checklist").is_array())
            for (const auto& item : member(r.body, "checklist"))
                if (item.value("done", false) != true) undone.push_back(item.value("item", ""));
        if (!undone.empty())
            out.push_back(warning(kIncidentFirstResponseOpen, RecordKind::incident, r.id, std::move(undone)));
    }
    return out;
}

}  // namespace mamori::preparedness

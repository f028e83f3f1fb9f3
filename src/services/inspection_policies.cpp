// The inspection plan: a prefecture's frequency policy and the institutions due in a fiscal year.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "identity_records.hpp"
#include "inspection_plan_scope.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/inspection/frequency_sql.hpp"
#include "mamori/services/inspection_plan.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::inspection_plan {

namespace {

using identity::OrgKind;
using inspection::InspectionClass;

constexpr std::string_view kOwnDecision = "都道府県の定め";

struct StoredRule {
    std::optional<int> every_years;
    std::string source;
    std::string updated_at;
};

std::map<std::string, StoredRule> stored_rules(soci::session& sql, const std::string& prefecture) {
    std::map<std::string, StoredRule> out;
    for (const auto& r : store::query(sql,
                                      "SELECT inspection_class, every_years, source, updated_at "
                                      "FROM inspection_policies WHERE prefecture_code = :p",
                                      prefecture)) {
        StoredRule rule;
        if (auto years = store::optional_int64_at(r, 1)) rule.every_years = static_cast<int>(*years);
        rule.source = r.get<std::string>(2);
        rule.updated_at = r.get<std::string>(3);
        out.emplace(r.get<std::string>(0), std::move(rule));
    }
    return out;
}

Policy read_policy(soci::session& sql, const identity::Caller& caller) {
    Policy out;
    out.prefecture_code = caller.organisation.prefecture_code;
    for (const auto& r :
         store::query(sql, "SELECT name_ja FROM prefectures WHERE code = :c", out.prefecture_code))
        out.prefecture_name = r.get<std::string>(0);
    const auto stored = stored_rules(sql, out.prefecture_code);
    for (const auto c : inspection::all_inspection_classes()) {
        PolicyRule rule;
        rule.rule = *inspection::default_policy().find(c);
        if (auto found = stored.find(std::string(inspection::to_string(c))); found != stored.end()) {
            rule.rule.every_years = found->second.every_years;
            rule.rule.source = found->second.source;
            rule.rule.confidence = catalog::Confidence::verified;  // the prefecture's own decision
            rule.prefecture_rule = true;
            rule.updated_at = found->second.updated_at;
        }
        out.rules.push_back(std::move(rule));
    }
    out.may_edit = caller.organisation.kind == OrgKind::prefecture && caller.has(identity::Role::administrator) &&
                   identity::allows_write(caller);
    return out;
}

}  // namespace

// effective_policy: the prefecture's policy with its own rules over the national default.
inspection::FrequencyPolicy effective_policy(soci::session& sql, const std::string& prefecture) {
    inspection::FrequencyPolicy policy = inspection::default_policy();
    for (const auto& [name, stored] : stored_rules(sql, prefecture)) {
        auto c = inspection::parse_inspection_class(name);
        if (!c) continue;
        for (auto& rule : policy.rules)
            if (rule.inspection_class == *c) {
                rule.every_years = stored.every_years;
                rule.source = stored.source;
            }
    }
    return policy;
}

Result<Policy> policy(store::Database& db, const identity::Caller& caller) {
    if (auto ok = check_planner(caller, false); !ok) return fail(ok.error());
    if (caller.organisation.prefecture_code.empty())
        return fail(ErrorCode::not_found, "your organisation belongs to no prefecture");
    auto lease = db.acquire();
    return read_policy(*lease, caller);
}

Result<Policy> set_policy(store::Database& db, const identity::Caller& caller,
                          const std::vector<PolicyChange>& changes, const audit::Context& context) {
    if (caller.organisation.kind != OrgKind::prefecture || !caller.has(identity::Role::administrator) ||
        !identity::allows_write(caller))
        return fail(ErrorCode::forbidden, "only the prefecture's administrators set its inspection frequency");
    if (changes.size() > inspection::all_inspection_classes().size())
        return fail(ErrorCode::invalid_input, "one change per class at most", "rules");
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& change = changes[i];
        if (change.every_years && (*change.every_years < 1 || *change.every_years > inspection::kMaxEveryYears))
            return fail(ErrorCode::invalid_input,
                        fmt::format("every_years must be between 1 and {} (or null: on cause only)",
                                    inspection::kMaxEveryYears),
                        fmt::format("rules[{}].every_years", i));
        if (change.source.size() > 500)
            return fail(ErrorCode::invalid_input, "the source must have at most 500 bytes",
                        fmt::format("rules[{}].source", i));
    }
    return db.transaction([&](soci::session& sql) -> Result<Policy> {
        records::lock_organisation(sql, caller.organisation.id);
        const auto prefecture = caller.organisation.prefecture_code;
        const auto before = stored_rules(sql, prefecture);
        const std::string now = records::iso_now();
        const std::optional<long long> user =
            caller.user_id > 0 ? std::optional<long long>(caller.user_id) : std::nullopt;
        for (const auto& change : changes) {
            const std::string name(inspection::to_string(change.inspection_class));
            const auto old = before.find(name);
            nlohmann::json was = old == before.end() ? nlohmann::json(nullptr)
                                                     : nlohmann::json{{"every_years", old->second.every_years
                                                                                          ? nlohmann::json(*old->second.every_years)
                                                                                          : nlohmann::json(nullptr)},
                                                                      {"source", old->second.source}};
            store::execute(sql, "DELETE FROM inspection_policies WHERE prefecture_code = :p AND inspection_class = :c",
                           prefecture, name);
            nlohmann::json now_json = nullptr;
            if (!change.use_default) {
                const std::string source = change.source.empty() ? std::string(kOwnDecision) : change.source;
                const std::optional<long long> years =
                    change.every_years ? std::optional<long long>(*change.every_years) : std::nullopt;
                store::execute(sql,
                               "INSERT INTO inspection_policies (prefecture_code, inspection_class, every_years, "
                               "source, updated_by, updated_at) VALUES (:p, :c, :y, :s, :u, :a)",
                               prefecture, name, years, source, user, now);
                now_json = {{"every_years", years ? nlohmann::json(*years) : nlohmann::json(nullptr)},
                            {"source", source}};
            }
            if (was == now_json) continue;
            audit::append(sql,
                          audit::caller_entry(caller, "inspection.policy_changed",
                                              fmt::format("inspection_policy:{}:{}", prefecture, name),
                                              {{"before", was}, {"after", now_json}}),
                          context);
        }
        return read_policy(sql, caller);
    });
}

Result<DuePage> due_list(store::Database& db, const identity::Caller& caller, const DueQuery& query) {
    if (auto ok = check_planner(caller, false); !ok) return fail(ok.error());
    if (auto ok = check_fiscal_year(query.fiscal_year); !ok) return fail(ok.error());
    if (auto ok = check_page(query.page, query.page_size, kMaxPageSize); !ok) return fail(ok.error());
    auto lease = db.acquire();
    auto& sql = *lease;
    if (auto ok = check_centre(sql, caller, query.health_centre_id); !ok) return fail(ok.error());
    const auto policy = effective_policy(sql, caller.organisation.prefecture_code);
    const int fy = query.fiscal_year;
    // The database keeps the due ones and cuts the page (due_condition says what due_in says, frequency_sql);
    // due_in then gives each row of the page its reason.
    Conditions where;
    where.values = {std::to_string(fy), std::to_string(fy)};  // kLastInspection's, then the year's visit's
    where.add(kInstitutionKinds);
    where.add(in_scope(caller, query.health_centre_id));
    if (query.due_only) where.add(due_conditions(policy, fy));
    if (query.unplanned_only) where.add("y.id IS NULL");
    const std::string joins = fmt::format(
        "FROM organisations o {} "
        "LEFT JOIN (SELECT y.organisation_id, MAX(y.id) AS id FROM inspection_visits y "
        "WHERE y.fiscal_year = :fy_visit GROUP BY y.organisation_id) y ON y.organisation_id = o.id",
        kLastInspection);
    DuePage out;
    out.page = query.page;
    out.page_size = query.page_size;
    out.fiscal_year = query.fiscal_year;
    with_values(where.values, [&](const auto&... v) {
        for (const auto& r : store::query(sql, fmt::format("SELECT COUNT(*) {} WHERE {}", joins, where.text), v...))
            out.total = store::int64_at(r, 0);
    });
    const long long limit = query.page_size, offset = static_cast<long long>(query.page - 1) * query.page_size;
    const std::string page = fmt::format(
        "SELECT o.id, o.name, o.kind, o.facility_id, o.beds_total, d.last, v.id, v.status {} "
        "LEFT JOIN inspection_visits v ON v.id = y.id WHERE {} ORDER BY o.name, o.id LIMIT :limit OFFSET :offset",
        joins, where.text);
    with_values(where.values, [&](const auto&... v) {
        for (const auto& r : store::query(sql, page, v..., limit, offset)) {
            DueRow row;
            row.organisation_id = store::int64_at(r, 0);
            row.name = r.template get<std::string>(1);
            row.kind = r.template get<std::string>(2);
            row.facility_id = store::optional_text_at(r, 3).value_or("");
            std::optional<int> beds;
            if (auto b = store::optional_int64_at(r, 4)) beds = static_cast<int>(*b);
            row.inspection_class = inspection::inspection_class(row.kind, beds);
            std::optional<int> last;
            if (auto l = store::optional_int64_at(r, 5)) last = static_cast<int>(*l);
            row.visit_id = store::optional_int64_at(r, 6);
            row.visit_status = store::optional_text_at(r, 7);
            if (row.inspection_class) row.reason = inspection::due_in(policy, *row.inspection_class, last, fy);
            else row.reason.last_fiscal_year = last;
            out.rows.push_back(std::move(row));
        }
    });
    return out;
}

}  // namespace mamori::services::inspection_plan

// ImprovementRequestService: the findings (指摘) of a visit's on-site record turned into improvement
// requests at once, each linked to its record line so that a finding becomes a request only once.
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <tuple>

#include "improvement_request_support.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/inspection/improvement.hpp"
#include "mamori/services/improvement_requests.hpp"

namespace mamori::services {

namespace {

namespace rec = improvement_records;
namespace sup = improvement_support;
using identity::Caller;
using inspection::Side;

constexpr std::size_t kMaxRowKeyBytes = 100;

// at: the error of one chosen finding, its field named as a JSON path (findings[2].due_on).
tl::unexpected<Error> at(std::size_t index, const Error& error, std::string_view field) {
    Error out{error.code, error.message, {}};
    out.fields.push_back(
        {fmt::format("findings[{}]{}{}", index, field.empty() ? "" : ".", field), error.message});
    return tl::unexpected<Error>(std::move(out));
}

Status check_choice(const FindingChoice& choice, std::chrono::year_month_day today) {
    static const std::regex item_id("[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,10}){0,3}");
    if (choice.canonical_id.size() > 40 || !std::regex_match(choice.canonical_id, item_id))
        return fail(ErrorCode::invalid_input, "canonical_id is not an item id", "canonical_id");
    if (choice.row_key.size() > kMaxRowKeyBytes)
        return fail(ErrorCode::invalid_input, "row_key is too long", "row_key");
    if (choice.text)
        if (auto ok = inspection::check_request_text(*choice.text, "text"); !ok) return ok;
    if (auto ok = inspection::check_due_on(choice.due_on, today); !ok)
        return fail(ErrorCode::invalid_input, ok.error().message, "due_on");
    return {};
}

FindingForRequest named(const rec::RecordFinding& f, const sup::ItemNames& names) {
    FindingForRequest out{f.canonical_id, f.row_key, {}, {}, f.finding, std::nullopt};
    if (auto found = names.by_id.find(f.canonical_id); found != names.by_id.end()) {
        out.label = found->second.label;
        out.item_text = found->second.text;
    }
    return out;
}

}  // namespace

Result<VisitFindings> ImprovementRequestService::findings(const Caller& caller, std::int64_t visit_id) {
    inspection_visits::OpenVisit open;
    {
        auto lease = db_.acquire();
        auto visit = inspection_visits::open_visit(*lease, caller, visit_id, Side::inspector);
        if (!visit) return fail(visit.error());
        open = std::move(*visit);
    }
    const auto names =
        sup::item_names(assessments_, caller, open.visit.organisation_id, open.visit.fiscal_year);
    auto lease = db_.acquire();
    VisitFindings out;
    out.visit_id = visit_id;
    out.organisation_name = open.institution.name;
    out.record_status = rec::record_status(*lease, visit_id);
    out.can_create = out.record_status.has_value() && sup::may_direct(caller, open.institution);
    for (const auto& f : rec::record_findings(*lease, visit_id)) {
        auto item = named(f, names);
        item.request_id = rec::request_of_line(*lease, visit_id, f.canonical_id, f.row_key);
        out.findings.push_back(std::move(item));
    }
    // In the checklist's order (1-①, 1-②, … 2-⑩), as the inspector recorded them, not by internal id.
    std::stable_sort(out.findings.begin(), out.findings.end(), [](const auto& a, const auto& b) {
        return std::tie(a.label, a.row_key) < std::tie(b.label, b.row_key);
    });
    return out;
}

Result<FromFindings> ImprovementRequestService::from_findings(const Caller& caller, std::int64_t visit_id,
                                                              const std::vector<FindingChoice>& choices,
                                                              const audit::Context& context) {
    if (choices.empty()) return fail(ErrorCode::invalid_input, "choose at least one finding", "findings");
    if (choices.size() > kMaxFindingsAtOnce)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} findings at once", kMaxFindingsAtOnce),
                    "findings");
    const auto today = japan_date(std::chrono::system_clock::now());
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (auto ok = check_choice(choices[i], today); !ok)
            return at(i, ok.error(), ok.error().fields.empty() ? "" : ok.error().fields.front().field);

    struct Made {
        std::vector<std::int64_t> created;
        std::vector<FindingForRequest> already;
        std::int64_t organisation_id = 0;
        int fiscal_year = 0;
    };
    auto made = db_.transaction([&](soci::session& sql) -> Result<Made> {
        auto visit = inspection_visits::open_visit(sql, caller, visit_id, Side::inspector);
        if (!visit) return fail(visit.error());
        if (!sup::may_direct(caller, visit->institution))
            return fail(ErrorCode::forbidden, "only the jurisdiction's inspectors may make a request");
        inspection_visits::lock_visit(sql, visit_id);
        if (!rec::record_status(sql, visit_id))
            return fail(ErrorCode::conflict, "the visit has no on-site record with findings yet");
        Made out;
        out.organisation_id = visit->visit.organisation_id;
        out.fiscal_year = visit->visit.fiscal_year;
        for (std::size_t i = 0; i < choices.size(); ++i) {
            const auto& choice = choices[i];
            auto line = rec::record_line_verdict(sql, visit_id, choice.canonical_id, choice.row_key);
            if (!line) return at(i, Error{ErrorCode::invalid_input, "the record has no such line", {}}, "");
            if (line->first != "finding")
                return at(i, Error{ErrorCode::invalid_input, "the line is not a finding (指摘)", {}}, "");
            const std::string text = choice.text.value_or(line->second);
            if (auto ok = inspection::check_request_text(text, "text"); !ok)
                return at(i, Error{ErrorCode::invalid_input, "the finding has no text to request", {}},
                          "text");
            if (auto existing = rec::request_of_line(sql, visit_id, choice.canonical_id, choice.row_key)) {
                out.already.push_back({choice.canonical_id, choice.row_key, {}, {}, line->second, *existing});
                continue;
            }
            rec::RequestRow row;
            row.visit_id = visit_id;
            row.organisation_id = out.organisation_id;
            row.canonical_id = choice.canonical_id;
            row.text = text;
            row.due_on = choice.due_on;
            row.record_row_key = choice.row_key;
            row.id = rec::insert_request(sql, row, caller.user_id);
            rec::insert_event(
                sql, {.request_id = row.id, .action = "created", .text = text, .user_id = caller.user_id});
            audit::append(sql,
                          audit::caller_entry(caller, "improvement_request.created",
                                              fmt::format("improvement_request:{}", row.id),
                                              {{"visit", visit_id},
                                               {"organisation", out.organisation_id},
                                               {"item", choice.canonical_id},
                                               {"record_line", choice.row_key},
                                               {"from_finding", true},
                                               {"due_on", choice.due_on}}),
                          context);
            out.created.push_back(row.id);
        }
        return out;
    });
    if (!made) return fail(made.error());

    const auto names = sup::item_names(assessments_, caller, made->organisation_id, made->fiscal_year);
    FromFindings out;
    auto lease = db_.acquire();
    for (const auto id : made->created)
        if (auto row = rec::find_request(*lease, id))
            out.created.push_back(sup::view(*lease, *row, names, Side::inspector, false));
    for (auto& a : made->already) {
        auto item = named({a.canonical_id, a.row_key, a.finding}, names);
        item.request_id = a.request_id;
        out.already.push_back(std::move(item));
    }
    return out;
}

}  // namespace mamori::services

// ImprovementRequestService: the request cycle (create, edit, the steps of both sides, evidence) and lists.
#include "mamori/services/improvement_requests.hpp"

#include <fmt/format.h>

#include <regex>

#include "assessment_records.hpp"
#include "improvement_request_support.hpp"
#include "mamori/assessment/evidence_rules.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/inspection/improvement.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

namespace rec = improvement_records;
namespace sup = improvement_support;
using identity::Caller;
using inspection::RequestAction;
using inspection::RequestStatus;
using inspection::Side;

tl::unexpected<Error> no_request(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no improvement request {}", id));
}

Status check_item(const std::string& canonical_id) {
    static const std::regex item_id("[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,10}){0,3}");
    if (canonical_id.empty())
        return fail(ErrorCode::invalid_input, "canonical_id names the item", "canonical_id");
    if (canonical_id.size() > 40 || !std::regex_match(canonical_id, item_id))
        return fail(ErrorCode::invalid_input, "canonical_id is not an item id", "canonical_id");
    return {};
}

std::chrono::year_month_day today() {
    return japan_date(std::chrono::system_clock::now());
}

// Loaded: a request with the institution it concerns and the caller's side, inside a transaction.
struct Loaded {
    rec::RequestRow row;
    records::OrganisationRecord institution;
    Side side = Side::inspector;
};

Result<Loaded> load(soci::session& sql, const Caller& caller, std::int64_t id) {
    auto row = rec::find_request(sql, id);
    if (!row) return no_request(id);
    auto institution = records::find_organisation(sql, row->organisation_id);
    if (!institution) return no_request(id);
    auto side = sup::side_of(caller, *institution);
    if (!side) return no_request(id);
    return Loaded{std::move(*row), std::move(*institution), *side};
}

Status check_version(const rec::RequestRow& row, int version) {
    if (version != row.version)
        return fail(ErrorCode::conflict,
                    fmt::format("the request changed meanwhile (version {}, not {}): reload it", row.version,
                                version),
                    "version");
    return {};
}

Status check_writer(const Caller& caller, const Loaded& loaded) {
    const bool allowed = loaded.side == Side::inspector ? sup::may_direct(caller, loaded.institution)
                                                        : sup::may_answer(caller, loaded.institution);
    if (!allowed)
        return fail(ErrorCode::forbidden,
                    loaded.side == Side::inspector
                        ? "only the jurisdiction's inspectors may change a request"
                        : "only the institution's administrators, security managers and "
                          "editors may answer a request");
    return {};
}

}  // namespace

ImprovementRequestService::ImprovementRequestService(store::Database& db, AssessmentService& assessments)
    : db_(db), assessments_(assessments) {}

Result<ImprovementRequest> ImprovementRequestService::create(const Caller& caller, const NewRequest& request,
                                                             const audit::Context& context) {
    if (auto ok = check_item(request.canonical_id); !ok) return fail(ok.error());
    if (auto ok = inspection::check_request_text(request.text, "text"); !ok) return fail(ok.error());
    if (auto ok = inspection::check_due_on(request.due_on, today()); !ok) return fail(ok.error());
    auto id = db_.transaction([&](soci::session& sql) -> Result<std::int64_t> {
        auto visit = inspection_visits::open_visit(sql, caller, request.visit_id, Side::inspector);
        if (!visit) return fail(visit.error());
        if (!sup::may_direct(caller, visit->institution))
            return fail(ErrorCode::forbidden, "only the jurisdiction's inspectors may make a request");
        inspection_visits::lock_visit(sql, request.visit_id);
        rec::RequestRow row;
        row.visit_id = request.visit_id;
        row.organisation_id = visit->visit.organisation_id;
        row.canonical_id = request.canonical_id;
        row.text = request.text;
        row.due_on = request.due_on;
        row.id = rec::insert_request(sql, row, caller.user_id);
        rec::insert_event(
            sql,
            {.request_id = row.id, .action = "created", .text = request.text, .user_id = caller.user_id});
        audit::append(sql,
                      audit::caller_entry(caller, "improvement_request.created",
                                          fmt::format("improvement_request:{}", row.id),
                                          {{"visit", request.visit_id},
                                           {"organisation", row.organisation_id},
                                           {"item", request.canonical_id},
                                           {"due_on", request.due_on}}),
                      context);
        return row.id;
    });
    if (!id) return fail(id.error());
    return get(caller, *id);
}

Result<ImprovementRequest> ImprovementRequestService::edit(const Caller& caller, std::int64_t id,
                                                           const RequestEdit& edit,
                                                           const audit::Context& context) {
    if (auto ok = check_item(edit.canonical_id); !ok) return fail(ok.error());
    if (auto ok = inspection::check_request_text(edit.text, "text"); !ok) return fail(ok.error());
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        rec::lock_request(sql, id);
        auto loaded = load(sql, caller, id);
        if (!loaded) return fail(loaded.error());
        if (loaded->side != Side::inspector)
            return fail(ErrorCode::forbidden, "only the jurisdiction's inspectors may edit a request");
        if (auto ok = check_writer(caller, *loaded); !ok) return fail(ok.error());
        if (loaded->row.status != RequestStatus::open)
            return fail(ErrorCode::conflict,
                        "the request can be edited only while it is open (not yet answered)", "status");
        if (auto ok = check_version(loaded->row, edit.version); !ok) return fail(ok.error());
        // A due date kept as it was may lie in the past; a new one may not.
        if (edit.due_on != loaded->row.due_on)
            if (auto ok = inspection::check_due_on(edit.due_on, today()); !ok) return fail(ok.error());
        auto next = loaded->row;
        next.canonical_id = edit.canonical_id;
        next.text = edit.text;
        next.due_on = edit.due_on;
        next.version = loaded->row.version + 1;
        if (!rec::update_request(sql, next))
            return fail(ErrorCode::conflict, "the request changed meanwhile: reload it");
        rec::insert_event(sql, {.request_id = id,
                                .action = "edited",
                                .text = fmt::format("{}\n（期限 {}）", edit.text, edit.due_on),
                                .user_id = caller.user_id});
        audit::append(
            sql,
            audit::caller_entry(
                caller, "improvement_request.edited", fmt::format("improvement_request:{}", id),
                {{"before",
                  {{"text", loaded->row.text},
                   {"due_on", loaded->row.due_on},
                   {"item", loaded->row.canonical_id.value_or("")}}},
                 {"after", {{"text", edit.text}, {"due_on", edit.due_on}, {"item", edit.canonical_id}}}}),
            context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

Result<ImprovementRequest> ImprovementRequestService::step(const Caller& caller, std::int64_t id,
                                                           const RequestStep& step,
                                                           const audit::Context& context) {
    const bool needs_text = step.action != RequestAction::close;
    if (needs_text || !step.text.empty())
        if (auto ok = inspection::check_request_text(step.text, "text"); !ok) return fail(ok.error());
    if (step.evidence_sha256 && step.action != RequestAction::report_completion)
        return fail(ErrorCode::invalid_input, "only a completion report carries evidence", "evidence");
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        rec::lock_request(sql, id);
        auto loaded = load(sql, caller, id);
        if (!loaded) return fail(loaded.error());
        auto next_status = inspection::request_transition(loaded->row.status, step.action, loaded->side);
        if (!next_status && next_status.error().code == ErrorCode::forbidden)
            return fail(next_status.error());
        if (auto ok = check_writer(caller, *loaded); !ok) return fail(ok.error());
        if (!next_status) return fail(next_status.error());
        if (auto ok = check_version(loaded->row, step.version); !ok) return fail(ok.error());
        std::optional<std::string> file_name;
        if (step.action == RequestAction::report_completion) {
            if (!step.evidence_sha256)
                return fail(ErrorCode::invalid_input, "a completion report needs its evidence (a file)",
                            "evidence");
            const std::string sha = *step.evidence_sha256;
            long long stored = 0;
            for (const auto& r :
                 store::query(sql, "SELECT COUNT(*) FROM evidence_blobs WHERE sha256 = :s", sha))
                stored = store::int64_at(r, 0);
            if (stored == 0)
                return fail(ErrorCode::invalid_input, "the evidence file was not uploaded", "evidence");
            auto name = assessment::clean_file_name(step.file_name.value_or("evidence"));
            if (!name) return fail(ErrorCode::invalid_input, name.error().message, "file_name");
            file_name = *name;
        }
        auto next = loaded->row;
        next.status = *next_status;
        next.version = loaded->row.version + 1;
        if (!rec::update_request(sql, next))
            return fail(ErrorCode::conflict, "the request changed meanwhile: reload it");
        rec::insert_event(sql, {.request_id = id,
                                .action = std::string(inspection::to_string(step.action)),
                                .text = step.text,
                                .evidence_sha256 = step.evidence_sha256,
                                .file_name = file_name,
                                .user_id = caller.user_id});
        audit::append(sql,
                      audit::caller_entry(
                          caller, fmt::format("improvement_request.{}", inspection::to_string(step.action)),
                          fmt::format("improvement_request:{}", id),
                          {{"from", inspection::to_string(loaded->row.status)},
                           {"to", inspection::to_string(*next_status)},
                           {"text", step.text},
                           {"evidence", step.evidence_sha256.value_or("")}}),
                      context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

Result<UploadedEvidence> ImprovementRequestService::upload_evidence(const Caller& caller, std::int64_t id,
                                                                    const std::string& file_name,
                                                                    const std::string& content,
                                                                    const audit::Context& context) {
    if (content.size() > kMaxRequestEvidenceBytes)
        return fail(ErrorCode::too_large,
                    fmt::format("the file is larger than {} MiB",
                                kMaxRequestEvidenceBytes / (std::size_t{1024} * 1024)),
                    "file");
    const std::string sha256 = identity::sha256_hex(content);
    return db_.transaction([&](soci::session& sql) -> Result<UploadedEvidence> {
        // Who may upload is decided before the file is looked at.
        auto loaded = load(sql, caller, id);
        if (!loaded) return fail(loaded.error());
        if (loaded->side != Side::institution)
            return fail(ErrorCode::forbidden, "evidence of completion comes from the institution");
        if (auto ok = check_writer(caller, *loaded); !ok) return fail(ok.error());
        if (!inspection::request_transition(loaded->row.status, RequestAction::report_completion,
                                            Side::institution))
            return fail(ErrorCode::conflict, "the request does not wait for a completion report now",
                        "status");
        if (content.empty()) return fail(ErrorCode::invalid_input, "the file is empty", "file");
        auto name = assessment::clean_file_name(file_name);
        if (!name) return fail(name.error());
        auto media_type = assessment::sniff_media_type(content, *name);
        if (!media_type) return fail(media_type.error());
        assessment_records::store_blob(sql, sha256, *media_type, content);
        audit::append(
            sql,
            audit::caller_entry(caller, "improvement_request.evidence_uploaded",
                                fmt::format("improvement_request:{}", id),
                                {{"sha256", sha256}, {"file_name", *name}, {"bytes", content.size()}}),
            context);
        return UploadedEvidence{sha256, *name, *media_type};
    });
}

Result<RequestFile> ImprovementRequestService::evidence_file(const Caller& caller, std::int64_t id,
                                                             std::int64_t event_id) {
    auto lease = db_.acquire();
    auto loaded = load(*lease, caller, id);
    if (!loaded) return fail(loaded.error());
    for (const auto& e : rec::events_of(*lease, id)) {
        if (e.id != event_id || !e.evidence_sha256) continue;
        auto content = assessment_records::blob_content(*lease, *e.evidence_sha256);
        if (!content) return fail(ErrorCode::internal, "the evidence file's content is missing");
        auto media_type = assessment::sniff_media_type(*content, e.file_name.value_or("evidence"));
        return RequestFile{e.file_name.value_or("evidence"), media_type.value_or("application/octet-stream"),
                           std::move(*content)};
    }
    return fail(ErrorCode::not_found, fmt::format("no evidence on step {} of request {}", event_id, id));
}

Result<ImprovementRequest> ImprovementRequestService::get(const Caller& caller, std::int64_t id) {
    std::int64_t organisation = 0;
    int fiscal_year = 0;
    {
        auto lease = db_.acquire();
        auto loaded = load(*lease, caller, id);
        if (!loaded) return fail(loaded.error());
        organisation = loaded->row.organisation_id;
        if (auto visit = inspection_visits::find_visit(*lease, loaded->row.visit_id))
            fiscal_year = visit->fiscal_year;
    }
    const auto names = sup::item_names(assessments_, caller, organisation, fiscal_year);
    auto lease = db_.acquire();
    auto loaded = load(*lease, caller, id);
    if (!loaded) return fail(loaded.error());
    return sup::view(*lease, loaded->row, names, loaded->side, true);
}

Result<std::vector<ImprovementRequest>> ImprovementRequestService::list(const Caller& caller,
                                                                        const RequestQuery& query) {
    const bool inspector = (caller.organisation.kind == identity::OrgKind::health_centre ||
                            caller.organisation.kind == identity::OrgKind::prefecture) &&
                           identity::names_institutions(caller);
    if (!inspector && !identity::is_institution(caller.organisation.kind))
        return fail(ErrorCode::forbidden, "improvement requests are for inspectors and institutions");
    // One joined query for the requests with their institutions and visits, one for the findings of their
    // visits' records: a fixed number of queries however long the list. Inspectors' lists are narrowed in the
    // database to the caller's prefecture; can_inspect (side_of) decides each institution.
    rec::RequestScope scope;
    if (inspector) scope.prefecture_code = caller.organisation.prefecture_code;
    else scope.organisation_id = caller.organisation.id;
    std::vector<rec::ListedRequest> rows;
    std::map<std::int64_t, std::vector<rec::RecordFinding>> findings;
    {
        auto lease = db_.acquire();
        rows = rec::listed_requests(*lease, scope);
        findings = rec::findings_of_listed(*lease, scope);
    }
    std::erase_if(rows, [&](const rec::ListedRequest& listed) {
        const auto& row = listed.row;
        return !sup::side_of(caller, listed.institution) || (query.status && row.status != *query.status) ||
               (query.open_only && !inspection::is_open(row.status)) ||
               (query.overdue_only && !inspection::is_overdue(row.status, row.due_on, today()));
    });
    // Item names come from the assessment service (its own connections), once per institution.
    std::map<std::int64_t, sup::ItemNames> names;
    for (const auto& listed : rows)
        if (!names.contains(listed.row.organisation_id))
            names.emplace(listed.row.organisation_id, sup::item_names(assessments_, caller, listed.row.organisation_id,
                                                                      fiscal_year(today()), true));
    std::vector<ImprovementRequest> out;
    for (const auto& listed : rows) {
        const auto found = findings.find(listed.row.visit_id);
        const sup::RequestContext context{listed.fiscal_year, listed.visit_on, listed.inspecting_organisation_name,
                                          listed.institution.name,
                                          found == findings.end() ? nullptr : &found->second};
        out.push_back(sup::view_of(listed.row, names.at(listed.row.organisation_id),
                                   *sup::side_of(caller, listed.institution), context));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.overdue != b.overdue) return a.overdue;
        if (inspection::is_open(a.status) != inspection::is_open(b.status))
            return inspection::is_open(a.status);
        return a.due_on < b.due_on;
    });
    return out;
}

}  // namespace mamori::services

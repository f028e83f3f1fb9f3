// The survey module's institution side: the questionnaires an institution is asked, its response with every
// revision, saving and submitting while a version is open (surveys.hpp).
#include <fmt/format.h>

#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/surveys.hpp"
#include "identity_records.hpp"
#include "survey_records.hpp"

namespace mamori::services {

namespace {

using identity::Caller;
namespace rec = survey_records;

constexpr std::string_view kNotYours = "surveys are answered by the institutions they are addressed to";

// institution_caller: a user of an institution (any of its roles); others have no survey of their own.
bool institution_caller(const Caller& caller) { return identity::is_institution(caller.organisation.kind); }

bool may_write(const Caller& caller) {
    return identity::can_edit_assessment(caller, caller.organisation) && identity::allows_write(caller);
}

struct Target {
    const survey::Questionnaire* questionnaire = nullptr;
    const survey::Version* version = nullptr;
};

// target: the version the caller's institution is asked; not_found for anyone else and for unknown ids.
Result<Target> target(const Caller& caller, const std::string& questionnaire, const std::string& version) {
    if (!institution_caller(caller)) return fail(ErrorCode::not_found, std::string(kNotYours));
    const auto* q = survey::find_questionnaire(survey::builtin_questionnaires(), questionnaire);
    if (!q || !q->targets(identity::to_string(caller.organisation.kind)))
        return fail(ErrorCode::not_found, fmt::format("no questionnaire {} for this institution", questionnaire));
    const auto* v = survey::find_version(*q, version);
    if (!v) return fail(ErrorCode::not_found, fmt::format("questionnaire {} has no version {}", questionnaire, version));
    return Target{q, v};
}

Error coded(ErrorCode code, std::string message, std::string_view reason, std::string field) {
    Error e{code, std::move(message), {}};
    e.fields.push_back({std::move(field), e.message, std::string(reason), ""});
    return e;
}

Error stale(int current, int given) {
    return coded(ErrorCode::conflict,
                 fmt::format("the response changed meanwhile (revision {}, not {}): reload it", current, given),
                 kStaleRevision, "revision");
}

Error incomplete(const std::vector<std::string>& missing) {
    Error e{ErrorCode::invalid_input,
            fmt::format("{} required question{} unanswered", missing.size(), missing.size() == 1 ? " is" : "s are"),
            {}};
    for (const auto& id : missing)
        e.fields.push_back({fmt::format("answers.{}", id), "this question must be answered", std::string(kSurveyIncomplete), id});
    return e;
}

}  // namespace

SurveyClock system_survey_clock() {
    return [] { return japan_date(std::chrono::system_clock::now()); };
}

Surveys::Surveys(store::Database& db, Statistics& statistics, SurveyClock today, int minimum_count)
    : db_(db), statistics_(statistics), today_(std::move(today)), minimum_count_(minimum_count) {}

Result<std::vector<SurveySummary>> Surveys::list(const Caller& caller) {
    if (!institution_caller(caller)) return fail(ErrorCode::not_found, std::string(kNotYours));
    const auto today = today_();
    std::vector<SurveySummary> out;
    auto lease = db_.acquire();
    for (const auto& q : survey::builtin_questionnaires()) {
        if (!q.targets(identity::to_string(caller.organisation.kind))) continue;
        for (const auto& v : q.versions) {
            SurveySummary s{&q, &v, v.open_on(today), {}};
            if (auto stored = rec::find(*lease, caller.organisation.id, q.id, v.id)) s.response = std::move(stored->response);
            out.push_back(std::move(s));
        }
    }
    return out;
}

Result<SurveyForm> Surveys::form(const Caller& caller, const std::string& questionnaire, const std::string& version) {
    auto t = target(caller, questionnaire, version);
    if (!t) return fail(t.error());
    SurveyForm out{t->questionnaire, t->version, t->version->open_on(today_()), false, {}};
    out.can_edit = out.open && may_write(caller);
    auto lease = db_.acquire();
    if (auto stored = rec::find(*lease, caller.organisation.id, questionnaire, version))
        out.response = std::move(stored->response);
    return out;
}

Result<SurveyForm> Surveys::save(const Caller& caller, const std::string& questionnaire, const std::string& version,
                                 int revision, const survey::Answers& answers, const audit::Context& context) {
    auto t = target(caller, questionnaire, version);
    if (!t) return fail(t.error());
    if (!may_write(caller))
        return fail(ErrorCode::forbidden, "only the institution's administrators, security managers and editors answer surveys");
    if (!t->version->open_on(today_()))
        return fail(coded(ErrorCode::conflict, "this questionnaire is not open for answers", kSurveyClosed, "version"));
    if (auto valid = survey::validate_answers(*t->version, answers); !valid) return fail(valid.error());
    auto written = db_.transaction([&](soci::session& sql) -> Result<int> {
        const auto stored = rec::find(sql, caller.organisation.id, questionnaire, version);
        const int current = stored ? stored->response.revision : 0;
        if (revision != current) return fail(stale(current, revision));
        const std::string status = stored ? stored->response.status : "draft";
        if (status == "submitted")
            if (auto missing = survey::missing_required(*t->version, answers); !missing.empty())
                return fail(incomplete(missing));
        const rec::Write write{status, answers, caller.user_id, records::iso_now(), "saved"};
        const bool ok = stored ? rec::update(sql, stored->id, revision, write)
                               : rec::insert_first(sql, caller.organisation.id, questionnaire, version, write);
        if (!ok) return fail(stale(current + 1, revision));
        rec::append_revision(sql, caller.organisation.id, questionnaire, version, revision + 1, write);
        nlohmann::json before = nlohmann::json::object(), after = nlohmann::json::object();
        if (stored)
            for (const auto& [q, o] : stored->response.answers) before[q] = o;
        for (const auto& [q, o] : answers) after[q] = o;
        audit::append(sql,
                      audit::caller_entry(caller, "survey.response_saved",
                                          fmt::format("survey:{}/{}", questionnaire, version),
                                          {{"revision", revision + 1}, {"status", status}, {"before", before},
                                           {"after", after}}),
                      context);
        return revision + 1;
    });
    if (!written) return fail(written.error());
    return form(caller, questionnaire, version);
}

Result<SurveyForm> Surveys::submit(const Caller& caller, const std::string& questionnaire, const std::string& version,
                                   int revision, const audit::Context& context) {
    auto t = target(caller, questionnaire, version);
    if (!t) return fail(t.error());
    if (!may_write(caller))
        return fail(ErrorCode::forbidden, "only the institution's administrators, security managers and editors answer surveys");
    if (!t->version->open_on(today_()))
        return fail(coded(ErrorCode::conflict, "this questionnaire is not open for answers", kSurveyClosed, "version"));
    auto written = db_.transaction([&](soci::session& sql) -> Result<int> {
        const auto stored = rec::find(sql, caller.organisation.id, questionnaire, version);
        const int current = stored ? stored->response.revision : 0;
        if (revision != current) return fail(stale(current, revision));
        const survey::Answers answers = stored ? stored->response.answers : survey::Answers{};
        if (auto missing = survey::missing_required(*t->version, answers); !missing.empty())
            return fail(incomplete(missing));
        if (auto valid = survey::validate_answers(*t->version, answers); !valid) return fail(valid.error());
        const rec::Write write{"submitted", answers, caller.user_id, records::iso_now(), "submitted"};
        // A version whose required questions are all conditional could be submitted empty, never saved.
        const bool ok = stored ? rec::update(sql, stored->id, revision, write)
                               : rec::insert_first(sql, caller.organisation.id, questionnaire, version, write);
        if (!ok) return fail(stale(current + 1, revision));
        rec::append_revision(sql, caller.organisation.id, questionnaire, version, revision + 1, write);
        audit::append(sql,
                      audit::caller_entry(caller, "survey.response_submitted",
                                          fmt::format("survey:{}/{}", questionnaire, version),
                                          {{"revision", revision + 1},
                                           {"was", stored ? stored->response.status : std::string("not_started")}}),
                      context);
        return revision + 1;
    });
    if (!written) return fail(written.error());
    return form(caller, questionnaire, version);
}

Result<std::vector<SurveyRevision>> Surveys::history(const Caller& caller, const std::string& questionnaire,
                                                     const std::string& version) {
    auto t = target(caller, questionnaire, version);
    if (!t) return fail(t.error());
    auto lease = db_.acquire();
    const auto stored = rec::find(*lease, caller.organisation.id, questionnaire, version);
    if (!stored) return std::vector<SurveyRevision>{};
    return rec::revisions(*lease, stored->id);
}

}  // namespace mamori::services

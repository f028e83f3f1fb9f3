#include "survey_handlers.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/core/json_null.hpp"
#include "statistics_files.hpp"
#include "statistics_json.hpp"
#include "mamori/core/time.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

constexpr std::size_t kMaxBodyBytes = 32 * 1024;
constexpr std::size_t kMaxIdBytes = 40;

// survey_problem: the problem of `error`; a stale revision, a closed version and an incomplete response carry
// their own code ("stale_revision", "closed", "incomplete"), the last with the questions it misses.
Response survey_problem(const Error& error, const Request& request) {
    auto response = problem(error, request);
    if (error.fields.empty()) return response;
    const auto& reason = error.fields.front().reason;
    if (reason != services::kStaleRevision && reason != services::kSurveyClosed &&
        reason != services::kSurveyIncomplete)
        return response;
    auto body = json::parse(response.body, nullptr, false);
    if (!body.is_object()) return response;
    body["code"] = reason;
    body["type"] = fmt::format("urn:mamori:problem:{}", reason);
    if (reason == services::kSurveyIncomplete) {
        json missing = json::array();
        for (const auto& f : error.fields) missing.push_back(f.value);
        body["missing"] = missing;
    }
    response.body = body.dump();
    return response;
}

// ids: the {questionnaire} and {version} of the path; an id that cannot exist is not found.
Result<std::pair<std::string, std::string>> ids(const Request& request) {
    const std::string questionnaire(request.param("questionnaire"));
    const std::string version(request.param("version"));
    if (questionnaire.empty() || questionnaire.size() > kMaxIdBytes || version.empty() || version.size() > kMaxIdBytes)
        return fail(ErrorCode::not_found, "no such questionnaire");
    return std::pair{questionnaire, version};
}

json answers_json(const survey::Answers& answers) {
    json out = json::object();
    for (const auto& [q, o] : answers) out[q] = o;
    return out;
}

json response_json(const services::SurveyResponse& r) {
    return {{"status", r.status},
            {"revision", r.revision},
            {"answers", answers_json(r.answers)},
            {"updated_at", or_null(r.updated_at)},
            {"updated_by", or_null(r.updated_by)},
            {"submitted_at", or_null(r.submitted_at)},
            {"submitted_by", or_null(r.submitted_by)}};
}

json version_head(const survey::Questionnaire& q, const survey::Version& v, bool open) {
    return {{"questionnaire", q.id},
            {"version", v.id},
            {"fiscal_year", v.fiscal_year},
            {"title_ja", q.title_ja},
            {"title_en", q.title_en},
            {"opens", to_iso_date(v.opens)},
            {"closes", to_iso_date(v.closes)},
            {"open", open}};
}

json option_json(const survey::Option& o) { return {{"id", o.id}, {"label_ja", o.label_ja}, {"label_en", o.label_en}}; }

json question_head(const survey::Question& q) {
    return {{"id", q.id},
            {"number", or_null(q.number)},
            {"text_ja", q.text_ja},
            {"text_en", q.text_en},
            {"wording", q.wording},
            {"confidence", q.confidence}};
}

json form_json(const services::SurveyForm& f) {
    json out = version_head(*f.questionnaire, *f.version, f.open);
    const auto& s = f.version->source;
    out["source"] = {{"url", or_null(s.url)},
                     {"confidence", s.confidence},
                     {"note_ja", s.note_ja},
                     {"note_en", s.note_en}};
    json questions = json::array();
    for (const auto& q : f.version->questions) {
        json question = question_head(q);
        question["source"] = or_null(q.source);
        question["note_en"] = q.note;
        question["required"] = q.required;
        json options = json::array();
        for (const auto& o : q.options) options.push_back(option_json(o));
        question["options"] = options;
        question["shown_if"] = q.shown_if ? json{{"question", q.shown_if->question}, {"options", q.shown_if->options}}
                                          : json(nullptr);
        question["indicator"] = or_null(q.indicator);
        questions.push_back(std::move(question));
    }
    out["questions"] = questions;
    out["response"] = response_json(f.response);
    out["can_edit"] = f.can_edit;
    return out;
}

// answers_body: {"q10": "monthly", "q11": null, …} — null or absent: unanswered. At most max_questions
// entries, ids and options of at most 40 bytes; a refusal names answers.<id>.
Result<survey::Answers> answers_body(const json& body) {
    const auto it = body.find("answers");
    if (it == body.end() || !it->is_object())
        return fail(ErrorCode::invalid_input, "answers: an object of question id → option id", "answers");
    if (it->size() > survey::max_questions)
        return fail(ErrorCode::invalid_input, fmt::format("answers: at most {} entries", survey::max_questions), "answers");
    survey::Answers out;
    for (const auto& [key, value] : it->items()) {
        if (key.empty() || key.size() > kMaxIdBytes)
            return fail(ErrorCode::invalid_input, "answers: a question id of 1 to 40 bytes", "answers");
        if (value.is_null()) continue;
        if (!value.is_string() || value.get<std::string>().empty() || value.get<std::string>().size() > kMaxIdBytes)
            return fail(ErrorCode::invalid_input, "an option id, or null", fmt::format("answers.{}", key));
        out[key] = value.get<std::string>();
    }
    return out;
}

Result<int> revision_body(const json& body) {
    auto revision = optional_int_field(body, "revision", 0, 1'000'000'000);
    if (!revision) return fail(revision.error());
    if (!*revision) return fail(ErrorCode::invalid_input, "revision is required (0 for a response never saved)", "revision");
    return static_cast<int>(**revision);
}

// ---- analysts ----

json share_of(const std::optional<std::int64_t>& count, const std::optional<std::int64_t>& total) {
    if (!count || !total || *total == 0) return nullptr;
    return static_cast<double>(*count) / static_cast<double>(*total);
}

json statistics_json(const services::SurveyStatisticsView& view) {
    json out = version_head(*view.questionnaire, *view.version, false);
    out.erase("open");
    out["query"] = {{"fiscal_year", view.version->fiscal_year},
                    {"minimum_count", view.minimum_count},
                    {"as_of", view.as_of},
                    {"prefecture", or_null(view.prefecture)},
                    {"by", view.by_bed_band ? "bed_band" : "none"}};
    out["denominator_ja"] = "この版に回答を提出した病院のうち、その設問が表示された病院";
    out["denominator_en"] = "hospitals that submitted this version and were shown the question";
    json questions = json::array();
    for (const auto& s : view.questions) {
        json question = question_head(*s.question);
        json groups = json::array();
        for (const auto& g : s.table.groups) {
            json group = g.key == "all" ? json{{"key", "all"}, {"label_ja", "全体"}, {"label_en", "All"}}
                                        : labelled_json(g.key, view.bed_bands);
            group["total"] = or_null(g.total);
            json options = json::array();
            for (std::size_t o = 0; o < s.question->options.size(); ++o) {
                json option = option_json(s.question->options[o]);
                option["count"] = or_null(g.options[o]);
                option["share"] = share_of(g.options[o], g.total);
                options.push_back(std::move(option));
            }
            group["options"] = options;
            groups.push_back(std::move(group));
        }
        question["groups"] = groups;
        if (s.checklist) {
            const auto& c = *s.checklist;
            question["checklist"] = {{"indicator", c.indicator},
                                     {"fiscal_year", view.version->fiscal_year},
                                     {"line_number", or_null(c.line_number)},
                                     {"share", c.yes ? or_null(c.yes->ratio()) : json(nullptr)},
                                     {"count", c.yes ? json(c.yes->count) : json(nullptr)},
                                     {"total", or_null(c.asked)}};
        } else {
            question["checklist"] = nullptr;
        }
        if (s.mhlw) {
            const auto& m = *s.mhlw;
            question["mhlw"] = {{"value", m.value},
                                {"survey_label_ja", m.survey_label_ja},
                                {"survey_label_en", m.survey_label_en},
                                {"survey_fiscal_year", m.survey_fiscal_year},
                                {"same_fiscal_year", m.same_fiscal_year},
                                {"source", or_null(m.source)},
                                {"confidence", m.confidence}};
        } else {
            question["mhlw"] = nullptr;
        }
        questions.push_back(std::move(question));
    }
    out["questions"] = questions;
    return out;
}

// statistics_sheet: one line per question, group and option: number | question | group | shown | option |
// count | share; a suppressed value is an empty cell.
statistics::Sheet statistics_sheet(const services::SurveyStatisticsView& view, statistics::Language language) {
    const bool ja = language == statistics::Language::ja;
    const auto text = [&](const std::string& j, const std::string& e) { return ja ? j : e; };
    statistics::Sheet sheet;
    sheet.name = ja ? "調査集計" : "Survey";
    sheet.title = ja ? fmt::format("{}（{}年度・{}版）", view.questionnaire->title_ja, view.version->fiscal_year,
                                   view.version->id)
                     : fmt::format("{} (FY{}, version {})", view.questionnaire->title_en, view.version->fiscal_year,
                                   view.version->id);
    const std::string as_of = view.as_of.size() >= 16
                                  ? fmt::format("{} {} (JST)", view.as_of.substr(0, 10), view.as_of.substr(11, 5))
                                  : view.as_of;
    sheet.notes.push_back(text("集計時点: ", "As of: ") + as_of);
    if (view.prefecture)
        sheet.notes.push_back(text("都道府県: ", "Prefecture: ") +
                              text(view.prefecture_label.ja, view.prefecture_label.en));
    sheet.notes.push_back(text("母数: この版に回答を提出した病院のうち、その設問が表示された病院",
                               "Denominator: hospitals that submitted this version and were shown the question"));
    sheet.notes.push_back(ja ? fmt::format("空欄は秘匿（{}件未満、またはそれを推計できる値）", view.minimum_count)
                             : fmt::format("An empty cell is suppressed (fewer than {}, or a value that would give "
                                           "one away)",
                                           view.minimum_count));
    sheet.notes.push_back(text("設問の文言はmamoriによる要約です（厚生労働省の原文ではありません）",
                               "The questions' wording is mamori's, not MHLW's"));
    sheet.header = ja ? std::vector<std::string>{"設問番号", "設問", "区分", "回答者数", "選択肢", "件数", "割合"}
                      : std::vector<std::string>{"Number", "Question", "Group", "Shown", "Option", "Count", "Share"};
    using statistics::SheetCell;
    const auto count_cell = [](const std::optional<std::int64_t>& v) {
        return v ? SheetCell::of_count(*v) : SheetCell::suppressed();
    };
    for (const auto& s : view.questions) {
        const auto& q = *s.question;
        for (const auto& g : s.table.groups) {
            std::string group = text("全体", "All");
            if (g.key != "all") {
                const auto it = view.bed_bands.find(g.key);
                group = it == view.bed_bands.end() ? g.key : text(it->second.ja, it->second.en);
            }
            for (std::size_t o = 0; o < q.options.size(); ++o) {
                const auto& count = g.options[o];
                std::vector<SheetCell> row = {SheetCell::of_text(q.number.value_or(text("不明", "unknown"))),
                                              SheetCell::of_text(text(q.text_ja, q.text_en)),
                                              SheetCell::of_text(group),
                                              count_cell(g.total),
                                              SheetCell::of_text(text(q.options[o].label_ja, q.options[o].label_en)),
                                              count_cell(count)};
                row.push_back(count && g.total && *g.total > 0
                                  ? SheetCell::of_ratio(static_cast<double>(*count) / static_cast<double>(*g.total))
                                  : SheetCell::suppressed());
                sheet.rows.push_back(std::move(row));
            }
        }
    }
    return sheet;
}

}  // namespace

void register_survey_routes(ApiRoutes& routes, services::Surveys& surveys) {
    auto* s = &surveys;
    routes.authenticated(Method::get, "/api/v1/surveys", [s](Request& request, const Caller& caller) {
        auto list = s->list(caller);
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& item : *list) {
            json entry = version_head(*item.questionnaire, *item.version, item.open);
            entry["status"] = item.response.status;
            entry["revision"] = item.response.revision;
            entry["updated_at"] = or_null(item.response.updated_at);
            entry["submitted_at"] = or_null(item.response.submitted_at);
            out.push_back(std::move(entry));
        }
        return Response::json(200, {{"surveys", out}});
    });
    routes.authenticated(Method::get, "/api/v1/surveys/{questionnaire}/{version}",
                         [s](Request& request, const Caller& caller) {
                             auto id = ids(request);
                             if (!id) return problem(id.error(), request);
                             auto form = s->form(caller, id->first, id->second);
                             if (!form) return problem(form.error(), request);
                             return Response::json(200, form_json(*form));
                         });
    routes.authenticated(
        Method::put, "/api/v1/surveys/{questionnaire}/{version}/response",
        [s](Request& request, const Caller& caller) {
            auto id = ids(request);
            if (!id) return problem(id.error(), request);
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto revision = revision_body(*body);
            if (!revision) return problem(revision.error(), request);
            auto answers = answers_body(*body);
            if (!answers) return problem(answers.error(), request);
            auto form = s->save(caller, id->first, id->second, *revision, *answers, audit_context(request));
            if (!form) return survey_problem(form.error(), request);
            return Response::json(200, form_json(*form));
        },
        {.max_body_bytes = kMaxBodyBytes});
    routes.authenticated(
        Method::post, "/api/v1/surveys/{questionnaire}/{version}/response/submit",
        [s](Request& request, const Caller& caller) {
            auto id = ids(request);
            if (!id) return problem(id.error(), request);
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto revision = revision_body(*body);
            if (!revision) return problem(revision.error(), request);
            auto form = s->submit(caller, id->first, id->second, *revision, audit_context(request));
            if (!form) return survey_problem(form.error(), request);
            return Response::json(200, form_json(*form));
        },
        {.max_body_bytes = kMaxBodyBytes});
    routes.authenticated(Method::get, "/api/v1/surveys/{questionnaire}/{version}/response/history",
                         [s](Request& request, const Caller& caller) {
                             auto id = ids(request);
                             if (!id) return problem(id.error(), request);
                             auto history = s->history(caller, id->first, id->second);
                             if (!history) return problem(history.error(), request);
                             json out = json::array();
                             for (const auto& r : *history)
                                 out.push_back({{"revision", r.revision},
                                                {"action", r.action},
                                                {"status", r.status},
                                                {"answers", answers_json(r.answers)},
                                                {"at", r.at},
                                                {"by", r.by}});
                             return Response::json(200, {{"revisions", out}});
                         });

    routes.authenticated(Method::get, "/api/v1/statistics/surveys", [s](Request& request, const Caller& caller) {
        auto list = s->statistics_list(caller);
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& item : *list) {
            json entry = version_head(*item.questionnaire, *item.version, false);
            entry.erase("open");
            entry["responses"] = or_null(item.responses);
            out.push_back(std::move(entry));
        }
        return Response::json(200, {{"surveys", out}});
    });
    routes.authenticated(Method::get, "/api/v1/statistics/surveys/{questionnaire}/{version}",
                         [s](Request& request, const Caller& caller) {
                             auto id = ids(request);
                             if (!id) return problem(id.error(), request);
                             const auto by = request.query_param("by").value_or("none");
                             if (by != "none" && by != "bed_band")
                                 return problem(Error{ErrorCode::invalid_input, "by: none or bed_band", {{"by", "by: none or bed_band", "", ""}}},
                                                request);
                             auto file = file_request(request);
                             if (!file) return problem(file.error(), request);
                             auto view = s->statistics_view(caller, id->first, id->second, by == "bed_band");
                             if (!view) return problem(view.error(), request);
                             if (file->format == StatisticsFormat::json)
                                 return Response::json(200, statistics_json(*view));
                             auto sent = sheet_file(statistics_sheet(*view, file->language),
                                                    fmt::format("statistics-survey-{}-{}-{}.{}", view->questionnaire->id,
                                                                view->version->id, by,
                                                                file->format == StatisticsFormat::csv ? "csv" : "xlsx"),
                                                    file->format);
                             if (!sent) return problem(sent.error(), request);
                             return std::move(*sent);
                         });
}

}  // namespace mamori::api

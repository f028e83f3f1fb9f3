#include "demo_requests.hpp"

#include <fmt/format.h>

#include <chrono>

#include "assessment_records.hpp"
#include "identity_records.hpp"
#include "improvement_request_records.hpp"
#include "inspection_visit_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/letter_pdf.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;
namespace rec = improvement_records;

std::string day(year_month_day date, int plus_days) {
    return to_iso_date(year_month_day(sys_days(date) + days(plus_days)));
}

// at: an instant on `date` (09:00 in Japan) for the demo's history.
std::string at(const std::string& date, int hour = 0) {
    return fmt::format("{}T{:02}:00:00Z", date, hour);
}

void record_with_findings(soci::session& sql, std::int64_t visit_id, std::int64_t inspector,
                          const std::string& on,
                          const std::vector<std::pair<std::string, std::string>>& findings) {
    const long long visit = visit_id, user = inspector;
    const std::string started = at(on, 1), completed = at(on, 6);
    const std::string summary =
        "チェックリストは提出済みで、記入内容と院内の資料はおおむね一致していました。2つの項目について改善を"
        "求めます。";
    store::execute(
        sql,
        "INSERT INTO inspection_records (visit_id, assessment_id, checklist_of_record, status, summary, "
        "version, started_by, started_at, completed_by, completed_at) VALUES (:v, NULL, '{}', "
        "'completed', :s, 2, :u, :a, :u2, :c)",
        visit, summary, user, started, user, completed);
    for (const auto& [canonical_id, finding] : findings) {
        const std::string row = "main", verdict = "finding", note = "院内メモ：担当者への聞き取りで確認";
        store::execute(
            sql,
            "INSERT INTO inspection_record_lines (visit_id, canonical_id, row_key, verdict, finding, note, "
            "evidence_seen, version, updated_by, updated_at) VALUES (:v, :c, :r, :vd, :f, :n, '', 1, :u, :a)",
            visit, canonical_id, row, verdict, finding, note, user, started);
        store::execute(
            sql,
            "INSERT INTO inspection_record_line_versions (visit_id, canonical_id, row_key, version, verdict, "
            "finding, note, evidence_seen, updated_by, updated_at) VALUES (:v, :c, :r, 1, :vd, :f, :n, '', "
            ":u, :a)",
            visit, canonical_id, row, verdict, finding, note, user, started);
    }
}

// event: an event of the demo's history, dated.
void event(soci::session& sql, std::int64_t request, const std::string& action, const std::string& text,
           std::int64_t user, const std::string& when, const std::optional<std::string>& sha = std::nullopt,
           const std::optional<std::string>& file = std::nullopt) {
    const long long id = request;
    const long long who = user;
    store::execute(
        sql,
        "INSERT INTO improvement_request_events (request_id, action, text, evidence_sha256, file_name, "
        "user_id, at) VALUES (:r, :a, :t, :e, :f, :u, :at)",
        id, action, text, sha, file, who, when);
}

void set_status(soci::session& sql, std::int64_t request, const std::string& status, int version) {
    const long long id = request;
    store::execute(sql, "UPDATE improvement_requests SET status = :s, version = :v WHERE id = :id", status,
                   version, id);
}

}  // namespace

Status create_request_demo(store::Database& db, AssessmentService& assessments) {
    const auto today = japan_date(system_clock::now());
    const int fy = fiscal_year(today);
    std::optional<records::UserRecord> hospital_user, inspector_user;
    identity::Caller hospital_caller;
    {
        auto lease = db.acquire();
        hospital_user = records::find_user_by_login(*lease, "hospital@demo.example");
        inspector_user = records::find_user_by_login(*lease, "hokenjo@demo.example");
        if (!hospital_user || !inspector_user) return {};
        const long long org = hospital_user->organisation_id;
        const int last = fy - 1;
        for (const auto& r :
             store::query(*lease,
                          "SELECT COUNT(*) FROM inspection_visits WHERE organisation_id = :o AND "
                          "fiscal_year = :y",
                          org, last))
            if (store::int64_at(r, 0) > 0) return {};
        hospital_caller = records::caller_for(*lease, *hospital_user);
    }
    const std::int64_t hospital = hospital_user->organisation_id, centre = inspector_user->organisation_id;
    // The items: two lines the hospital answers いいえ this year (the findings come back as its own gaps).
    std::vector<std::pair<std::string, std::string>> items;  // canonical id, item text
    if (auto list = assessments.list(hospital_caller, hospital); list && !list->assessments.empty())
        if (auto doc = assessments.document(hospital_caller, list->assessments.front().record.id))
            for (const auto& row : doc->rows)
                if (row.answer && row.answer->value == "no" && items.size() < 2 &&
                    (items.empty() || items.front().first != row.canonical_id))
                    items.emplace_back(row.canonical_id, row.text_ja);
    if (items.size() < 2) return {};  // the hospital's checklist has no いいえ to inspect

    const auto last_bounds = fiscal_year_bounds(fy - 1);
    const std::string visited_on = day(last_bounds.first, 220);  // in November of last fiscal year
    const std::string evidence_pdf = [] {
        documents::Letter letter{.date = "",
                                 .addressee = "デモ総合病院",
                                 .sender = "情報システム担当",
                                 .title = "情報セキュリティ対策手順書",
                                 .blocks = {documents::paragraph(
                                     "デモ用の証拠資料です。担当者、実施の頻度と記録の方法を定めています。")},
                                 .footer = "デモ用の証拠資料"};
        return documents::render_letter_pdf(letter).value_or(std::string());
    }();
    auto made = db.transaction([&](soci::session& sql) -> Result<int> {
        inspection_visits::VisitRecord visit;
        visit.organisation_id = hospital;
        visit.inspecting_organisation_id = centre;
        visit.fiscal_year = fy - 1;
        visit.planned_on = visited_on;
        visit.status = inspection::VisitStatus::done;
        visit.checklist_due_on = day(last_bounds.first, 200);
        visit.notified_at = at(day(last_bounds.first, 180));
        visit.inspectors = {inspector_user->id};
        const auto visit_id = inspection_visits::insert_visit(sql, visit, inspector_user->id);
        record_with_findings(
            sql, visit_id, inspector_user->id, visited_on,
            {{items[0].first,
              fmt::format("「{}」について、実施されていることを確認できなかった。", items[0].second)},
             {items[1].first,
              fmt::format("「{}」について、手順が文書化されておらず、担当者も決まっていない。",
                          items[1].second)}});

        // The first request: answered, completed with evidence and closed last fiscal year.
        rec::RequestRow closed;
        closed.visit_id = visit_id;
        closed.organisation_id = hospital;
        closed.canonical_id = items[0].first;
        closed.text =
            fmt::format("「{}」を実施し、その手順を文書化して職員に周知すること。", items[0].second);
        closed.due_on = day(last_bounds.first, 310);
        closed.id = rec::insert_request(sql, closed, inspector_user->id);
        event(sql, closed.id, "created", closed.text, inspector_user->id, at(day(last_bounds.first, 225), 2));
        event(sql, closed.id, "submit_plan", "1月末までに手順書を作成し、担当者を決めて職員研修で周知する。",
              hospital_user->id, at(day(last_bounds.first, 240), 3));
        std::optional<std::string> sha;
        if (!evidence_pdf.empty()) {
            sha = identity::sha256_hex(evidence_pdf);
            assessment_records::store_blob(sql, *sha, "application/pdf", evidence_pdf);
        }
        event(sql, closed.id, "report_completion",
              "手順書を作成し、職員研修で周知しました。手順書を添付します。", hospital_user->id,
              at(day(last_bounds.first, 290), 4), sha,
              sha ? std::optional<std::string>("手順書.pdf") : std::nullopt);
        event(sql, closed.id, "close", "手順書と研修の記録を確認しました。", inspector_user->id,
              at(day(last_bounds.first, 300), 5));
        set_status(sql, closed.id, "closed", 4);

        // The second: a plan submitted, due in two weeks.
        rec::RequestRow open;
        open.visit_id = visit_id;
        open.organisation_id = hospital;
        open.canonical_id = items[1].first;
        open.text = fmt::format("「{}」の手順を定めて担当者を決め、実施の記録を残すこと。", items[1].second);
        open.due_on = day(today, 14);
        open.id = rec::insert_request(sql, open, inspector_user->id);
        event(sql, open.id, "created", open.text, inspector_user->id, at(day(last_bounds.first, 225), 2));
        event(sql, open.id, "submit_plan",
              "情報システム委員会で手順を定め、担当者を任命し、実施記録の様式を作る。", hospital_user->id,
              at(day(last_bounds.first, 245), 3));
        set_status(sql, open.id, "plan_submitted", 2);

        // This year's visit, notified, when the plan made none.
        const long long org = hospital;
        long long this_year = 0;
        for (const auto& r : store::query(
                 sql,
                 "SELECT COUNT(*) FROM inspection_visits WHERE organisation_id = :o AND fiscal_year = :y",
                 org, fy))
            this_year = store::int64_at(r, 0);
        if (this_year == 0) {
            inspection_visits::VisitRecord next;
            next.organisation_id = hospital;
            next.inspecting_organisation_id = centre;
            next.fiscal_year = fy;
            next.planned_on = day(today, 21);
            next.status = inspection::VisitStatus::notified;
            next.checklist_due_on = day(today, 14);
            next.notified_at = to_iso_utc(system_clock::now());
            next.inspectors = {inspector_user->id};
            inspection_visits::insert_visit(sql, next, inspector_user->id);
        }
        return 0;
    });
    if (!made) return fail(made.error());
    return {};
}

}  // namespace mamori::services

#include "improvement_request_records.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/inspection/record.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::improvement_records {

namespace {

std::optional<long long> who(std::int64_t user_id) {
    return user_id > 0 ? std::optional<long long>(user_id) : std::nullopt;
}

constexpr std::string_view kColumns =
    "id, visit_id, organisation_id, canonical_id, text, due_on, status, version, created_by, created_at, "
    "updated_at, record_row_key";

// column_count: the number of columns of a comma-separated list, for reading what follows them in a row.
constexpr std::size_t column_count(std::string_view list) {
    return static_cast<std::size_t>(std::count(list.begin(), list.end(), ',')) + 1;
}

RequestRow read(const soci::row& r) {
    RequestRow out;
    out.id = store::int64_at(r, 0);
    out.visit_id = store::int64_at(r, 1);
    out.organisation_id = store::int64_at(r, 2);
    out.canonical_id = store::optional_text_at(r, 3);
    out.text = r.get<std::string>(4);
    out.due_on = r.get<std::string>(5);
    out.status =
        inspection::parse_request_status(r.get<std::string>(6)).value_or(inspection::RequestStatus::open);
    out.version = static_cast<int>(store::int64_at(r, 7));
    out.created_by = store::optional_int64_at(r, 8);
    out.created_at = r.get<std::string>(9);
    out.updated_at = r.get<std::string>(10);
    out.record_row_key = store::optional_text_at(r, 11);
    return out;
}

std::vector<RequestRow> where(soci::session& sql, std::string_view condition, long long value) {
    std::vector<RequestRow> out;
    for (const auto& r :
         store::query(sql,
                      fmt::format("SELECT {} FROM improvement_requests WHERE {} ORDER BY due_on, id",
                                  kColumns, condition),
                      value))
        out.push_back(read(r));
    return out;
}

}  // namespace

std::optional<RequestRow> find_request(soci::session& sql, std::int64_t id) {
    auto rows = where(sql, "id = :id", id);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

void lock_request(soci::session& sql, std::int64_t id) {
    const long long request = id;
    store::execute(sql, "UPDATE improvement_requests SET version = version WHERE id = :id", request);
}

std::vector<RequestRow> requests_of_visit(soci::session& sql, std::int64_t visit_id) {
    return where(sql, "visit_id = :v", visit_id);
}

std::vector<RequestRow> requests_of_organisation(soci::session& sql, std::int64_t organisation_id) {
    return where(sql, "organisation_id = :o", organisation_id);
}

std::vector<RequestRow> requests_of_organisations(soci::session& sql,
                                                  const std::vector<std::int64_t>& organisations) {
    std::vector<RequestRow> out;
    for (const auto org : organisations) {
        auto rows = requests_of_organisation(sql, org);
        out.insert(out.end(), rows.begin(), rows.end());
    }
    return out;
}

std::int64_t insert_request(soci::session& sql, const RequestRow& row, std::int64_t user_id) {
    const long long visit = row.visit_id, org = row.organisation_id;
    const auto user = who(user_id);
    const std::string status(inspection::to_string(row.status)), now = records::iso_now();
    long long id = 0;
    for (const auto& r : store::query(
             sql,
             "INSERT INTO improvement_requests (visit_id, organisation_id, canonical_id, "
             "text, due_on, status, version, created_by, created_at, updated_at, record_row_key) VALUES "
             "(:v, :o, :c, :t, :d, :s, 1, :u, :ca, :ua, :rk) RETURNING id",
             visit, org, row.canonical_id, row.text, row.due_on, status, user, now, now, row.record_row_key))
        id = store::int64_at(r, 0);
    return id;
}

bool update_request(soci::session& sql, const RequestRow& next) {
    const long long id = next.id, version = next.version, previous = next.version - 1;
    const std::string status(inspection::to_string(next.status)), now = records::iso_now();
    return store::execute(
               sql,
               "UPDATE improvement_requests SET canonical_id = :c, text = :t, due_on = :d, status = :s, "
               "version = :v, updated_at = :a WHERE id = :id AND version = :previous",
               next.canonical_id, next.text, next.due_on, status, version, now, id, previous) == 1;
}

void insert_event(soci::session& sql, const RequestEventRow& event) {
    const long long request = event.request_id;
    const auto user = who(event.user_id.value_or(0));
    const std::string now = records::iso_now();
    store::execute(
        sql,
        "INSERT INTO improvement_request_events (request_id, action, text, evidence_sha256, file_name, "
        "user_id, at) VALUES (:r, :a, :t, :e, :f, :u, :at)",
        request, event.action, event.text, event.evidence_sha256, event.file_name, user, now);
}

std::vector<RequestEventRow> events_of(soci::session& sql, std::int64_t request_id) {
    std::vector<RequestEventRow> out;
    const long long id = request_id;
    for (const auto& r : store::query(
             sql,
             "SELECT e.id, e.request_id, e.action, e.text, e.evidence_sha256, e.file_name, e.user_id, "
             "COALESCE(u.display_name, ''), e.at, u.organisation_id FROM improvement_request_events e LEFT "
             "JOIN users u ON u.id = "
             "e.user_id WHERE e.request_id = :r ORDER BY e.id",
             id)) {
        RequestEventRow e;
        e.id = store::int64_at(r, 0);
        e.request_id = store::int64_at(r, 1);
        e.action = r.get<std::string>(2);
        e.text = r.get<std::string>(3);
        e.evidence_sha256 = store::optional_text_at(r, 4);
        e.file_name = store::optional_text_at(r, 5);
        e.user_id = store::optional_int64_at(r, 6);
        e.user_name = r.get<std::string>(7);
        e.at = r.get<std::string>(8);
        e.user_organisation_id = store::optional_int64_at(r, 9);
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<std::string> record_status(soci::session& sql, std::int64_t visit_id) {
    const long long id = visit_id;
    for (const auto& r : store::query(sql, "SELECT status FROM inspection_records WHERE visit_id = :v", id))
        return r.get<std::string>(0);
    return std::nullopt;
}

std::string record_summary(soci::session& sql, std::int64_t visit_id) {
    const long long id = visit_id;
    for (const auto& r : store::query(sql, "SELECT summary FROM inspection_records WHERE visit_id = :v", id))
        return r.get<std::string>(0);
    return {};
}

std::optional<std::string> record_completed_at(soci::session& sql, std::int64_t visit_id) {
    const long long id = visit_id;
    for (const auto& r :
         store::query(sql, "SELECT completed_at FROM inspection_records WHERE visit_id = :v", id))
        return store::optional_text_at(r, 0);
    return std::nullopt;
}

std::optional<std::string> record_inspection_day(soci::session& sql, std::int64_t visit_id,
                                                const std::optional<std::string>& planned_on) {
    const long long id = visit_id;
    for (const auto& r : store::query(
             sql, "SELECT started_at, completed_at FROM inspection_records WHERE visit_id = :v", id)) {
        const auto started = parse_iso_utc(r.get<std::string>(0));
        if (!started) return std::nullopt;
        const auto completed = store::optional_text_at(r, 1);
        const auto completed_at = completed ? parse_iso_utc(*completed) : std::nullopt;
        return to_iso_date(inspection::inspection_day(
            planned_on ? parse_iso_date(*planned_on) : std::nullopt, japan_date(*started),
            completed_at ? std::optional(japan_date(*completed_at)) : std::nullopt,
            japan_date(std::chrono::system_clock::now())));
    }
    return std::nullopt;
}

std::vector<RecordFinding> record_findings(soci::session& sql, std::int64_t visit_id) {
    std::vector<RecordFinding> out;
    const long long id = visit_id;
    for (const auto& r :
         store::query(sql,
                      "SELECT canonical_id, row_key, finding FROM inspection_record_lines WHERE "
                      "visit_id = :v AND verdict = 'finding' ORDER BY canonical_id, row_key",
                      id))
        out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)});
    return out;
}

std::optional<std::pair<std::string, std::string>> record_line_verdict(soci::session& sql,
                                                                       std::int64_t visit_id,
                                                                       const std::string& canonical_id,
                                                                       const std::string& row_key) {
    const long long id = visit_id;
    for (const auto& r :
         store::query(sql,
                      "SELECT verdict, finding FROM inspection_record_lines WHERE visit_id = :v "
                      "AND canonical_id = :c AND row_key = :r",
                      id, canonical_id, row_key))
        return std::pair{r.get<std::string>(0), r.get<std::string>(1)};
    return std::nullopt;
}

std::optional<std::int64_t> request_of_line(soci::session& sql, std::int64_t visit_id,
                                            const std::string& canonical_id, const std::string& row_key) {
    const long long id = visit_id;
    for (const auto& r : store::query(sql,
                                      "SELECT id FROM improvement_requests WHERE visit_id = :v AND "
                                      "canonical_id = :c AND record_row_key = :r",
                                      id, canonical_id, row_key))
        return store::int64_at(r, 0);
    return std::nullopt;
}

namespace {

// scoped: the condition on requests `r` joined to their institution `o`, bound to `:scope`.
std::string scoped(const RequestScope& scope) {
    return scope.organisation_id ? "r.organisation_id = :scope" : "o.prefecture_code = :scope";
}

// each_row: `query` (with the condition of `scope`) run with the scope's value bound, `f` on every row.
template <typename F>
void each_row(soci::session& sql, const std::string& query, const RequestScope& scope, F f) {
    if (scope.organisation_id) {
        const long long id = *scope.organisation_id;
        for (const auto& r : store::query(sql, query, id)) f(r);
    } else {
        for (const auto& r : store::query(sql, query, scope.prefecture_code)) f(r);
    }
}

// institution_columns: kOrganisationColumns of the institution `o`.
std::string institution_columns() {
    std::string out = "o.";
    for (const char c : records::kOrganisationColumns) {
        out += c;
        if (c == ' ') out += "o.";
    }
    return out;
}

}  // namespace

std::vector<ListedRequest> listed_requests(soci::session& sql, const RequestScope& scope) {
    static const std::string columns = [] {
        std::string out = "r.";
        for (const char c : kColumns) {
            out += c;
            if (c == ' ') out += "r.";
        }
        return out;
    }();
    const std::string query = fmt::format(
        "SELECT {}, {}, v.fiscal_year, v.planned_on, COALESCE(i.name, '') FROM improvement_requests r "
        "JOIN organisations o ON o.id = r.organisation_id JOIN inspection_visits v ON v.id = r.visit_id "
        "LEFT JOIN organisations i ON i.id = v.inspecting_organisation_id WHERE {} ORDER BY r.due_on, r.id",
        columns, institution_columns(), scoped(scope));
    std::vector<ListedRequest> out;
    each_row(sql, query, scope, [&](const soci::row& r) {
        ListedRequest listed;
        listed.row = read(r);
        constexpr std::size_t institution = column_count(kColumns);
        constexpr std::size_t visit = institution + column_count(records::kOrganisationColumns);
        listed.institution = records::read_organisation(r, institution);
        listed.fiscal_year = static_cast<int>(store::int64_at(r, visit));
        listed.visit_on = store::optional_text_at(r, visit + 1);
        listed.inspecting_organisation_name = r.get<std::string>(visit + 2);
        out.push_back(std::move(listed));
    });
    return out;
}

std::map<std::int64_t, std::vector<RecordFinding>> findings_of_listed(soci::session& sql, const RequestScope& scope) {
    const std::string query = fmt::format(
        "SELECT l.visit_id, l.canonical_id, l.row_key, l.finding FROM inspection_record_lines l WHERE "
        "l.verdict = 'finding' AND l.visit_id IN (SELECT r.visit_id FROM improvement_requests r JOIN "
        "organisations o ON o.id = r.organisation_id WHERE {}) ORDER BY l.visit_id, l.canonical_id, l.row_key",
        scoped(scope));
    std::map<std::int64_t, std::vector<RecordFinding>> out;
    each_row(sql, query, scope, [&](const soci::row& r) {
        out[store::int64_at(r, 0)].push_back({r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3)});
    });
    return out;
}

}  // namespace mamori::services::improvement_records

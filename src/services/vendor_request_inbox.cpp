// VendorRequests, the vendor's side: the requests addressed to it (filtered, paged, counted by the database),
// its dashboard, and one customer's overrides.
#include <fmt/format.h>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/vendor_requests.hpp"
#include "mamori/store/like.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/vendors/vendor_request.hpp"
#include "query_conditions.hpp"
#include "vendor_request_support.hpp"

namespace mamori::services {

namespace {

namespace vs = vendor_support;
using identity::Caller;
using nlohmann::json;

constexpr std::string_view kScopeFrom = "FROM vendor_requests r JOIN systems s ON s.id = r.system_id ";
constexpr std::string_view kWithNames = "JOIN organisations i ON i.id = r.institution_organisation_id ";

// scope: requests addressed to `vendor` for systems it still runs for institutions that still link it.
Conditions scope(std::int64_t vendor) {
    Conditions c;
    c.add("r.vendor_organisation_id = :v AND s.vendor_organisation_id = r.vendor_organisation_id AND EXISTS "
          "(SELECT 1 FROM vendor_links l WHERE l.institution_organisation_id = r.institution_organisation_id AND "
          "l.vendor_organisation_id = r.vendor_organisation_id AND l.ended_at IS NULL)",
          {std::to_string(vendor)});
    return c;
}

constexpr std::string_view kOverdue = "r.status IN ('requested', 'returned') AND r.due_on < :today";

// counts: the requests matching `where` by status and overdue; `names`: `where` searches the institution's
// name (the join is left out otherwise).
VendorRequestCounts counts(soci::session& sql, const Conditions& where, const std::string& today, bool names) {
    VendorRequestCounts out;
    const std::string text = fmt::format(
        "SELECT r.status, CASE WHEN r.status IN ('requested', 'returned') AND r.due_on < :t THEN 1 ELSE 0 END, "
        "COUNT(*) {}{}WHERE {} GROUP BY 1, 2",
        kScopeFrom, names ? kWithNames : "", where.text);
    std::vector<std::string> values{today};
    values.insert(values.end(), where.values.begin(), where.values.end());
    with_values(values, [&](const auto&... v) {
        for (const soci::row& row : store::query(sql, text, v...))
            vs::count(out, row.get<std::string>(0), store::int64_at(row, 1) != 0, store::int64_at(row, 2));
    });
    return out;
}

Result<Conditions> filters(const VendorRequestQuery& q, const std::string& today) {
    Conditions c;
    if (q.product_id) c.add("r.vendor_product_id = :pid", {std::to_string(*q.product_id)});
    if (q.institution_id) c.add("r.institution_organisation_id = :iid", {std::to_string(*q.institution_id)});
    if (q.fiscal_year) c.add("r.fiscal_year = :fy", {std::to_string(*q.fiscal_year)});
    for (auto [value, condition, field] : {std::tuple{&q.due_from, "r.due_on >= :df", "due_from"},
                                           std::tuple{&q.due_to, "r.due_on <= :dt", "due_to"}}) {
        if (!*value) continue;
        if (!parse_iso_date(**value))
            return fail(ErrorCode::invalid_input, "must be a date (YYYY-MM-DD)", field);
        c.add(condition, {**value});
    }
    if (q.overdue) c.add(kOverdue, {today});
    if (!q.q.empty()) {
        const std::string pattern = fmt::format("%{}%", store::like_escaped(q.q));
        c.add("(i.name LIKE :q1 ESCAPE '!' OR s.name LIKE :q2 ESCAPE '!' OR s.product_name LIKE :q3 ESCAPE '!')",
              {pattern, pattern, pattern});
    }
    return c;
}

std::vector<NamedRef> named(soci::session& sql, const std::string& text, long long vendor) {
    std::vector<NamedRef> out;
    for (const auto& row : store::query(sql, text, vendor))
        out.push_back({store::int64_at(row, 0), row.get<std::string>(1)});
    return out;
}

}  // namespace

Result<VendorRequestPage> VendorRequests::inbox(const Caller& caller, const VendorRequestQuery& query) {
    if (!vs::vendor_reads(caller)) return fail(ErrorCode::not_found, "there are no vendor requests here");
    if (query.status && !vendors::parse_vendor_request_status(*query.status))
        return fail(ErrorCode::invalid_input, "status is not a request status", "status");
    const std::string today = to_iso_date(vs::today());
    auto filtered = filters(query, today);
    if (!filtered) return fail(filtered.error());
    Conditions where = scope(caller.organisation.id);
    if (!filtered->text.empty()) where.add(*filtered);

    VendorRequestPage out;
    out.page = query.page;
    out.per_page = query.per_page;
    auto lease = db_.acquire();
    auto& sql = *lease;
    out.counts = counts(sql, where, today, !query.q.empty());
    if (query.status) {
        const auto& c = out.counts;
        const auto& s = *query.status;
        out.total = s == "requested" ? c.requested
                    : s == "answered" ? c.answered
                    : s == "returned" ? c.returned
                    : s == "declined" ? c.declined
                                      : c.withdrawn;
        where.add("r.status = :st", {s});
    } else {
        const auto& c = out.counts;
        out.total = c.requested + c.answered + c.returned + c.declined + c.withdrawn;
    }
    const std::string page_text = vs::kRequestSelect + fmt::format("WHERE {} ORDER BY r.due_on, r.id LIMIT :lim OFFSET :off", where.text);
    const long long limit = query.per_page, offset = static_cast<long long>(query.page - 1) * query.per_page;
    const auto day = vs::today();
    with_values(where.values, [&](const auto&... v) {
        for (const auto& row : store::query(sql, page_text, v..., limit, offset))
            out.requests.push_back(vs::read_request(row, day));
    });
    const long long vendor = caller.organisation.id;
    out.institutions = named(sql,
                             "SELECT o.id, o.name FROM vendor_links l JOIN organisations o ON o.id = "
                             "l.institution_organisation_id WHERE l.vendor_organisation_id = :v AND l.ended_at IS "
                             "NULL ORDER BY o.name, o.id",
                             vendor);
    out.products = named(sql, "SELECT id, name FROM vendor_products WHERE vendor_organisation_id = :v ORDER BY name, id",
                         vendor);
    return out;
}

Result<VendorDashboard> VendorRequests::dashboard(const Caller& caller) {
    if (!vs::vendor_reads(caller)) return fail(ErrorCode::not_found, "there is no vendor dashboard here");
    const std::string today = to_iso_date(vs::today());
    VendorDashboard out;
    auto lease = db_.acquire();
    auto& sql = *lease;
    const Conditions where = scope(caller.organisation.id);
    out.counts = counts(sql, where, today, false);
    const long long vendor = caller.organisation.id;
    for (const auto& row : store::query(sql, "SELECT COUNT(*) FROM vendor_products WHERE vendor_organisation_id = :v",
                                        vendor))
        out.products = store::int64_at(row, 0);
    for (const auto& row : store::query(sql,
                                        "SELECT COUNT(*) FROM vendor_links WHERE vendor_organisation_id = :v AND "
                                        "ended_at IS NULL",
                                        vendor))
        out.customers = store::int64_at(row, 0);
    const std::string text =
        vs::kRequestSelect +
        fmt::format("WHERE {} AND r.status IN ('requested', 'returned') ORDER BY r.due_on, r.id LIMIT 10", where.text);
    const auto day = vs::today();
    with_values(where.values, [&](const auto&... v) {
        for (const auto& row : store::query(sql, text, v...)) out.due_soon.push_back(vs::read_request(row, day));
    });
    return out;
}

Result<VendorRequestDetail> VendorRequests::set_overrides(const Caller& caller, std::int64_t id, int version,
                                                          const VendorAnswerLines& lines,
                                                          const audit::Context& context) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        store::execute(sql, "UPDATE vendor_requests SET version = version WHERE id = :id", static_cast<long long>(id));
        auto current = vs::request_by_id(sql, id);
        if (!current || !vs::vendor_reads(caller) || !vs::vendor_sees(sql, caller.organisation.id, *current))
            return fail(ErrorCode::not_found, fmt::format("no vendor request {}", id));
        if (!vs::vendor_writes(caller)) return fail(ErrorCode::forbidden, "you may read this request but not change it");
        if (current->version != version)
            return fail(ErrorCode::conflict,
                        fmt::format("the request changed meanwhile (version {}, not {}): reload it", current->version,
                                    version),
                        "version");
        if (current->status == "withdrawn")
            return fail(ErrorCode::conflict, "the institution withdrew this request", "status");
        const auto catalog = catalog_.snapshot()->catalog_ptr();
        const auto* form = vs::vendor_form(*catalog, current->edition_id, current->edition_revision);
        if (!form) return fail(ErrorCode::conflict, "the request's form is not in the catalog", "edition_id");
        auto answers = vs::check_lines(*form, current->fiscal_year, lines);
        if (!answers) return fail(answers.error());
        vendors::VendorAnswers before;
        for (const auto& row : store::query(sql, "SELECT answers FROM vendor_request_overrides WHERE request_id = :r",
                                            static_cast<long long>(id)))
            before = vs::answers_from_text(row.get<std::string>(0));
        const std::string now = records::iso_now();
        const auto user = vs::user_or_null(caller.user_id);
        store::execute(sql, "DELETE FROM vendor_request_overrides WHERE request_id = :r", static_cast<long long>(id));
        if (!answers->empty())
            store::execute(sql,
                           "INSERT INTO vendor_request_overrides (request_id, answers, updated_by, updated_at) VALUES "
                           "(:r, :a, :u, :at)",
                           static_cast<long long>(id), vs::answers_text(*answers), user, now);
        store::execute(sql,
                       "UPDATE vendor_requests SET version = version + 1, updated_by = :u, updated_at = :at WHERE id = "
                       ":id",
                       user, now, static_cast<long long>(id));
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_request.overrides_set", fmt::format("vendor_request:{}", id),
                                          {{"before", vs::answers_json(before)}, {"after", vs::answers_json(*answers)}}),
                      context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id, 0, true);
}

}  // namespace mamori::services

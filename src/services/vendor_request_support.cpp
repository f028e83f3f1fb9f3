#include "vendor_request_support.hpp"

#include <fmt/format.h>

#include <set>

#include "assessment_state.hpp"
#include "mamori/assessment/checklist.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/vendors/vendor_request.hpp"

namespace mamori::services::vendor_support {

using identity::Caller;
using identity::Role;
using nlohmann::json;

bool institution_reads(const Caller& caller) {
    return identity::is_institution(caller.organisation.kind) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor) ||
            caller.has(Role::viewer));
}

bool institution_writes(const Caller& caller) {
    return institution_reads(caller) && identity::allows_write(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor));
}

bool vendor_reads(const Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::vendor &&
           (caller.has(Role::administrator) || caller.has(Role::vendor_respondent));
}

bool vendor_writes(const Caller& caller) {
    return vendor_reads(caller) && identity::allows_write(caller);
}

std::chrono::year_month_day today() {
    return japan_date(std::chrono::system_clock::now());
}

namespace {

json date_json(const std::optional<std::chrono::year_month_day>& d) {
    return d ? json(to_iso_date(*d)) : json(nullptr);
}

std::optional<std::chrono::year_month_day> date_at(const json& line, const char* field) {
    const auto it = line.find(field);
    if (it == line.end() || !it->is_string()) return std::nullopt;
    return parse_iso_date(it->get<std::string>());
}

}  // namespace

json answer_json(const assessment::Answer& a) {
    json out = {{"value", assessment::to_string(a.value)},
                {"confirmed_on", date_json(a.confirmed_on)},
                {"target_date", date_json(a.target_date)},
                {"note", a.note}};
    if (a.reason) out["reason"] = assessment::to_string(*a.reason);
    if (a.second)
        out["second"] = {{"value", assessment::to_string(a.second->value)},
                         {"confirmed_on", to_iso_date(a.second->confirmed_on)}};
    return out;
}

json answers_json(const vendors::VendorAnswers& answers) {
    json out = json::array();
    for (const auto& [key, answer] : answers) {
        json line = {{"canonical_id", key.canonical_id}, {"row_key", key.row}};
        line.update(answer_json(answer));
        out.push_back(std::move(line));
    }
    return out;
}

std::string answers_text(const vendors::VendorAnswers& answers) {
    return answers_json(answers).dump();
}

vendors::VendorAnswers answers_from_text(const std::string& text) {
    vendors::VendorAnswers out;
    const json lines = json::parse(text, nullptr, false);
    if (!lines.is_array()) return out;
    for (const auto& line : lines) {
        if (!line.is_object() || !line.contains("canonical_id") || !line.contains("row_key")) continue;
        const auto value = assessment::parse_answer_value(line.value("value", ""));
        if (!value) continue;
        assessment::Answer a;
        a.value = *value;
        if (line.contains("reason") && line["reason"].is_string())
            a.reason = assessment::parse_not_required_reason(line["reason"].get<std::string>());
        a.confirmed_on = date_at(line, "confirmed_on");
        a.target_date = date_at(line, "target_date");
        if (const auto s = line.find("second"); s != line.end() && s->is_object()) {
            const auto v = assessment::parse_answer_value(s->value("value", ""));
            const auto on = date_at(*s, "confirmed_on");
            if (v && on) a.second = assessment::SecondConfirmation{*v, *on};
        }
        a.note = line.value("note", "");
        out.insert_or_assign(assessment::RowKey{line["canonical_id"].get<std::string>(),
                                                line["row_key"].get<std::string>()},
                             std::move(a));
    }
    return out;
}

std::size_t character_count(std::string_view text) {
    std::size_t n = 0;
    for (const unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

Result<vendors::VendorAnswers> check_lines(const catalog::Form& form, int fiscal_year,
                                           const VendorAnswerLines& lines) {
    Error error{ErrorCode::invalid_input, "the answers are not valid", {}};
    if (lines.size() > kMaxVendorAnswerLines)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} answer lines", kMaxVendorAnswerLines),
                    "answers");
    vendors::VendorAnswers out;
    const auto day = today();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& [key, answer] = lines[i];
        const auto path = [&](std::string_view field) { return fmt::format("answers[{}].{}", i, field); };
        const auto row = assessment::find_row(form, key);
        if (!row || row->is_gate()) {
            error.fields.push_back(
                {path(form.find(key.canonical_id) ? "row_key" : "canonical_id"),
                 fmt::format("the vendor form has no line {} {}", key.canonical_id, key.row)});
            continue;
        }
        if (out.contains(key)) {
            error.fields.push_back({path("row_key"), fmt::format("{} {} is given twice", key.canonical_id, key.row)});
            continue;
        }
        if (!answer) continue;
        if (character_count(answer->note) > kMaxVendorNoteCharacters)
            error.fields.push_back({path("note"), fmt::format("at most {} characters", kMaxVendorNoteCharacters)});
        const auto context = assessment::answer_context(form, *row, fiscal_year, false, true);
        if (auto ok = assessment::check_answer(*answer, context, day); !ok)
            for (const auto& f : ok.error().fields) error.fields.push_back({path(f.field), f.message});
        out.insert_or_assign(key, *answer);
    }
    if (!error.fields.empty()) return fail(std::move(error));
    return out;
}

const catalog::Form* vendor_form(const catalog::Catalog& catalog, const std::string& edition, int revision) {
    const auto* revisions = catalog.revisions(edition);
    if (!revisions) return nullptr;
    const auto* e = revisions->find(revision);
    return e ? e->find("vendor") : nullptr;
}

const catalog::Edition* edition_for_year(const catalog::Catalog& catalog, int fiscal_year) {
    const auto* e = assessment_state::edition_for(catalog, fiscal_year);
    return e && e->find("vendor") ? e : nullptr;
}

const std::string kRequestSelect =
    "SELECT r.id, r.version, r.institution_organisation_id, i.name, r.vendor_organisation_id, v.name, "
    "r.system_id, s.name, s.kind, s.product_name, s.product_version, r.vendor_product_id, COALESCE(p.name, ''), "
    "r.fiscal_year, r.edition_id, r.edition_revision, r.form_id, r.due_on, r.status, r.asks_disclosure, "
    "r.message, r.reason, r.latest_version, CASE WHEN o.request_id IS NULL THEN 0 ELSE 1 END, r.requested_at, "
    "COALESCE(u.display_name, ''), r.updated_at "
    "FROM vendor_requests r JOIN organisations i ON i.id = r.institution_organisation_id "
    "JOIN organisations v ON v.id = r.vendor_organisation_id JOIN systems s ON s.id = r.system_id "
    "LEFT JOIN vendor_products p ON p.id = r.vendor_product_id "
    "LEFT JOIN vendor_request_overrides o ON o.request_id = r.id "
    "LEFT JOIN users u ON u.id = r.requested_by ";

VendorRequestRecord read_request(const soci::row& row, std::chrono::year_month_day day) {
    VendorRequestRecord r;
    r.id = store::int64_at(row, 0);
    r.version = static_cast<int>(store::int64_at(row, 1));
    r.institution_id = store::int64_at(row, 2);
    r.institution_name = row.get<std::string>(3);
    r.vendor_id = store::int64_at(row, 4);
    r.vendor_name = row.get<std::string>(5);
    r.system_id = store::int64_at(row, 6);
    r.system_name = row.get<std::string>(7);
    r.system_kind = row.get<std::string>(8);
    r.system_product_name = row.get<std::string>(9);
    r.system_product_version = row.get<std::string>(10);
    r.product_id = store::optional_int64_at(row, 11);
    r.product_name = row.get<std::string>(12);
    r.fiscal_year = static_cast<int>(store::int64_at(row, 13));
    r.edition_id = row.get<std::string>(14);
    r.edition_revision = static_cast<int>(store::int64_at(row, 15));
    r.form_id = row.get<std::string>(16);
    r.due_on = row.get<std::string>(17);
    r.status = row.get<std::string>(18);
    r.asks_disclosure = store::int64_at(row, 19) != 0;
    r.message = row.get<std::string>(20);
    r.reason = row.get<std::string>(21);
    r.latest_version = static_cast<int>(store::int64_at(row, 22));
    r.has_overrides = store::int64_at(row, 23) != 0;
    r.requested_at = row.get<std::string>(24);
    r.requested_by_name = row.get<std::string>(25);
    r.updated_at = row.get<std::string>(26);
    const auto status = vendors::parse_vendor_request_status(r.status);
    const auto due = parse_iso_date(r.due_on);
    r.outstanding = status && vendors::is_outstanding(*status);
    r.overdue = status && due && vendors::is_overdue(*status, *due, day);
    return r;
}

std::optional<VendorRequestRecord> request_by_id(soci::session& sql, std::int64_t id) {
    const long long key = id;
    for (const auto& row : store::query(sql, kRequestSelect + "WHERE r.id = :id", key))
        return read_request(row, today());
    return std::nullopt;
}

bool vendor_sees(soci::session& sql, std::int64_t vendor, const VendorRequestRecord& request) {
    if (request.vendor_id != vendor) return false;
    for (const auto& row : store::query(sql,
                                        "SELECT 1 FROM systems s JOIN vendor_links l ON l.institution_organisation_id "
                                        "= s.organisation_id AND l.vendor_organisation_id = s.vendor_organisation_id "
                                        "AND l.ended_at IS NULL WHERE s.id = :s AND s.vendor_organisation_id = :v",
                                        static_cast<long long>(request.system_id), static_cast<long long>(vendor))) {
        (void)row;
        return true;
    }
    return false;
}

std::optional<long long> user_or_null(std::int64_t user_id) {
    return user_id > 0 ? std::optional<long long>(user_id) : std::nullopt;
}

void add_event(soci::session& sql, std::int64_t request, std::string_view action, std::optional<std::string> from,
               std::string_view to, const std::string& reason, std::int64_t user, const std::string& at) {
    store::execute(sql,
                   "INSERT INTO vendor_request_events (request_id, action, from_status, to_status, reason, "
                   "user_id, at) VALUES (:r, :a, :f, :t, :reason, :u, :at)",
                   static_cast<long long>(request), std::string(action), from, std::string(to), reason,
                   user_or_null(user), at);
}

void count(VendorRequestCounts& c, const std::string& status, bool overdue, long long n) {
    if (status == "requested") c.requested += n;
    if (status == "answered") c.answered += n;
    if (status == "returned") c.returned += n;
    if (status == "declined") c.declined += n;
    if (status == "withdrawn") c.withdrawn += n;
    if (status == "requested" || status == "returned") c.outstanding += n;
    if (overdue) c.overdue += n;
}

json request_json(const VendorRequestRecord& r) {
    return {{"id", r.id},
            {"version", r.version},
            {"institution", {{"id", r.institution_id}, {"name", r.institution_name}}},
            {"vendor", {{"id", r.vendor_id}, {"name", r.vendor_name}}},
            {"system",
             {{"id", r.system_id},
              {"name", r.system_name},
              {"kind", r.system_kind},
              {"product_name", r.system_product_name},
              {"product_version", r.system_product_version}}},
            {"product", r.product_id ? json{{"id", *r.product_id}, {"name", r.product_name}} : json(nullptr)},
            {"fiscal_year", r.fiscal_year},
            {"edition_id", r.edition_id},
            {"edition_revision", r.edition_revision},
            {"form_id", r.form_id},
            {"due_on", r.due_on},
            {"status", r.status},
            {"outstanding", r.outstanding},
            {"overdue", r.overdue},
            {"asks_disclosure", r.asks_disclosure},
            {"message", r.message},
            {"reason", r.reason},
            {"latest_version", r.latest_version},
            {"has_overrides", r.has_overrides},
            {"requested_at", r.requested_at},
            {"requested_by_name", r.requested_by_name},
            {"updated_at", r.updated_at}};
}

}  // namespace mamori::services::vendor_support

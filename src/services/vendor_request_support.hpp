// What the vendor request services share: who may read and write on each side, the stored answers (compact
// JSON of answer lines) and their checks against the vendor form, and the request row as both sides read it.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mamori/services/vendor_requests.hpp"

namespace mamori::services::vendor_support {

// Sides: the institution's own users (writers: administrators, security managers, editors) and the vendor
// organisation's users (writers: administrators and vendor respondents).
bool institution_reads(const identity::Caller& caller);
bool institution_writes(const identity::Caller& caller);
bool vendor_reads(const identity::Caller& caller);
bool vendor_writes(const identity::Caller& caller);

std::chrono::year_month_day today();

// answers_json: answer lines in row order ({canonical_id, row_key, value, reason?, confirmed_on, target_date,
// second?, note}); answers_text: the same compact, as stored.
nlohmann::json answers_json(const vendors::VendorAnswers& answers);
std::string answers_text(const vendors::VendorAnswers& answers);
nlohmann::json answer_json(const assessment::Answer& answer);
// answers_from_text: stored answers back (lines that do not parse are skipped: the text was written by us).
vendors::VendorAnswers answers_from_text(const std::string& text);

// check_lines: every line names a row of `form` once and follows the checklist's answer rules for
// `fiscal_year`; errors name answers[i].field. Notes at most kMaxVendorNoteCharacters characters.
Result<vendors::VendorAnswers> check_lines(const catalog::Form& form, int fiscal_year,
                                           const VendorAnswerLines& lines);

// vendor_form: the vendor form of `edition` revision `revision`, or nullptr.
const catalog::Form* vendor_form(const catalog::Catalog& catalog, const std::string& edition, int revision);
// edition_for_year: the edition (newest revision) the catalog gives for `fiscal_year`, with a vendor form.
const catalog::Edition* edition_for_year(const catalog::Catalog& catalog, int fiscal_year);

// character_count: UTF-8 characters of `text`.
std::size_t character_count(std::string_view text);

// kRequestSelect: the request's columns with the names of its institution, vendor, system, product and
// requester, read by read_request; callers append WHERE / ORDER BY.
extern const std::string kRequestSelect;
VendorRequestRecord read_request(const soci::row& row, std::chrono::year_month_day today);

// request_by_id: request `id` (no scope check).
std::optional<VendorRequestRecord> request_by_id(soci::session& sql, std::int64_t id);

// vendor_sees: the vendor organisation `vendor` may see `request` now (addressed to it, for a system it runs
// for an institution that links it).
bool vendor_sees(soci::session& sql, std::int64_t vendor, const VendorRequestRecord& request);

// add_event: one line of the request's history.
void add_event(soci::session& sql, std::int64_t request, std::string_view action, std::optional<std::string> from,
               std::string_view to, const std::string& reason, std::int64_t user, const std::string& at);

std::optional<long long> user_or_null(std::int64_t user_id);

// counts_of: requests by status of a query's rows (status, overdue flag).
void count(VendorRequestCounts& counts, const std::string& status, bool overdue, long long n);

// request_json: a request in the contract's shape (for audit entries and the API).
nlohmann::json request_json(const VendorRequestRecord& r);

}  // namespace mamori::services::vendor_support

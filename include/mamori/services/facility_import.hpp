/// @file
/// @brief Importing the facility master: the MHLW 医療情報ネット facility files (施設票) into `organisations`
/// and the code4fukui municipality list into `municipalities`, idempotently. Institutions are keyed by their
/// facility ID: a new ID creates an institution, a changed row updates it in place, an identical row is left
/// alone. Rows are written in batches, one transaction each, with one audit entry per file in the
/// transaction of its last batch. A bad row is reported with its line, column and reason, and skipped; the
/// import goes on.
///
///     auto known = load_municipality_codes(db);                  // empty: check digits only
///     auto report = import_facility_file(db, "01-1_hospital_facility_info_20251201.csv", *known, {}, ctx);
///     fmt::print("{} created, {} errors\n", report.created, report.errors);
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/feeds/csv.hpp"
#include "mamori/feeds/facility_rows.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// ImportProblem: one row that was not imported: the line its record starts on, the 1-based column (0: the
// row as a whole) with its header name, and the reason.
struct ImportProblem {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string column_name;
    std::string reason;
};

// ImportReport: what importing one file did. The counts add up:
// rows = created + updated + refreshed + unchanged + kept_newer + errors, where
// - refreshed: same content, only the release date (source_updated) moved on;
// - kept_newer: the database holds the row from a newer release, so the older file does not overwrite it.
// Counts of written rows include only committed batches.
struct ImportReport {
    std::string file;
    std::string kind;  // "hospital", "clinic", "dental_clinic", "pharmacy", "municipalities"; empty: unknown
    std::optional<std::string> source_updated;  // release date from the file name, YYYY-MM-DD
    std::size_t rows = 0, created = 0, updated = 0, refreshed = 0, unchanged = 0, kept_newer = 0, errors = 0;
    std::vector<ImportProblem> problems;  // the first ImportOptions::max_problems
    // failure: set when the file could not be opened or read to its end, its header is unknown, or writing
    // failed. Batches committed before the failure stay.
    std::optional<Error> failure;
};

// ImportOptions: batch size, how many problems to keep per file, reader limits and the audit actor.
struct ImportOptions {
    std::size_t batch_size = 5000;
    std::size_t max_problems = 20;
    feeds::CsvLimits limits;
    std::string actor = "cli";
};

// load_municipality_codes: every code in `municipalities` (empty when none are loaded).
Result<feeds::MunicipalityCodes> load_municipality_codes(store::Database& db);

// import_facilities: imports the facility file read from `in`; `file` names it in reports and the audit
// log, and its `_YYYYMMDD` suffix gives the release date. Municipality codes are looked up in `known`
// unless it is empty.
ImportReport import_facilities(store::Database& db, std::istream& in, const std::string& file,
                               const feeds::MunicipalityCodes& known, const ImportOptions& options,
                               const audit::Context& context);

// import_facility_file: import_facilities on the file at `path`; a file larger than
// options.limits.max_input_bytes is refused before reading.
ImportReport import_facility_file(store::Database& db, const std::string& path,
                                  const feeds::MunicipalityCodes& known, const ImportOptions& options,
                                  const audit::Context& context);

// import_municipalities: creates or updates rows of `municipalities` (keyed by code) from a code4fukui
// localgovjp list read from `in`; every code's check digit is verified.
ImportReport import_municipalities(store::Database& db, std::istream& in, const std::string& file,
                                   const ImportOptions& options, const audit::Context& context);

// import_municipality_file: import_municipalities on the file at `path`.
ImportReport import_municipality_file(store::Database& db, const std::string& path,
                                      const ImportOptions& options, const audit::Context& context);

}  // namespace mamori::services

// `mamori import facilities FILE…` and `mamori import municipalities FILE`: loading the MHLW 医療情報ネット
// facility master and the municipality code list, with a per-file summary and the first errors by line.
#include <fmt/format.h>

#include <iostream>

#include "mamori/services/facility_import.hpp"
#include "settings.hpp"

namespace mamori::cli {

namespace {

// counts: "rows read 10, created 8, …"; the rarer counts only when they are not zero.
std::string counts(const services::ImportReport& r) {
    std::string text = fmt::format("rows read {}, created {}, updated {}, unchanged {}", r.rows, r.created,
                                   r.updated, r.unchanged);
    if (r.refreshed > 0) text += fmt::format(", refreshed (release date only) {}", r.refreshed);
    if (r.kept_newer > 0) text += fmt::format(", kept (newer release in the database) {}", r.kept_newer);
    return text + fmt::format(", errors {}", r.errors);
}

// print_report: one file's outcome: counts, then the problems kept, then how many more there were.
void print_report(const services::ImportReport& r) {
    std::string heading = r.file;
    if (!r.kind.empty()) heading += fmt::format(" ({}", r.kind);
    if (!r.kind.empty()) heading += r.source_updated ? fmt::format(", release {})", *r.source_updated) : ")";
    std::cout << heading << "\n";
    if (r.failure && r.rows == 0 && r.kind.empty()) {
        std::cout << fmt::format("  not imported: {}\n", r.failure->message);
        return;
    }
    std::cout << "  " << counts(r) << "\n";
    for (const auto& p : r.problems) {
        const std::string where = p.column == 0
                                      ? fmt::format("line {}", p.line)
                                      : fmt::format("line {}, column {} {}", p.line, p.column, p.column_name);
        std::cout << fmt::format("  {}: {}\n", where, p.reason);
    }
    if (r.errors > r.problems.size())
        std::cout << fmt::format("  … and {} more errors (only the first {} are listed)\n",
                                 r.errors - r.problems.size(), r.problems.size());
    if (r.failure) std::cout << fmt::format("  stopped: {}\n", r.failure->message);
}

}  // namespace

int import_facilities_command(const CommonSettings& common, const std::vector<std::string>& files,
                              bool strict) {
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    auto known = services::load_municipality_codes(*db);
    if (!known) return report_errors(known.error(), "cannot read the municipality list");
    if (known->empty())
        std::cout
            << "municipality list: none loaded (see `mamori import municipalities`); municipality codes "
               "get their check digit but are not looked up\n";
    else
        std::cout << fmt::format(
            "municipality list: {} codes; every facility's municipality code must be in it\n", known->size());

    const auto context = cli_context();
    services::ImportReport total;
    bool any_failed = false;
    for (const auto& file : files) {
        const auto report = services::import_facility_file(*db, file, *known, {}, context);
        print_report(report);
        any_failed = any_failed || report.failure.has_value();
        total.rows += report.rows;
        total.created += report.created;
        total.updated += report.updated;
        total.refreshed += report.refreshed;
        total.unchanged += report.unchanged;
        total.kept_newer += report.kept_newer;
        total.errors += report.errors;
    }
    if (files.size() > 1) std::cout << fmt::format("total of {} files: {}\n", files.size(), counts(total));
    if (any_failed) {
        std::cerr << "mamori: some files were not imported completely (see above)\n";
        return 1;
    }
    if (strict && total.errors > 0) {
        std::cerr << fmt::format("mamori: --strict: {} rows had errors (the other rows were imported)\n",
                                 total.errors);
        return 2;
    }
    return 0;
}

int import_municipalities_command(const CommonSettings& common, const std::string& file) {
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    const auto report = services::import_municipality_file(*db, file, {}, cli_context());
    print_report(report);
    if (report.failure) {
        std::cerr << "mamori: the municipality list was not imported\n";
        return 1;
    }
    return 0;
}

}  // namespace mamori::cli

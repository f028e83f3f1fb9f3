// `mamori catalog validate FILE` and `mamori catalog import FILE`: loading a new edition (e.g. 令和8年度版)
// or a corrected revision without a release.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/services/catalog_service.hpp"
#include "settings.hpp"

namespace mamori::cli {

namespace {

// read_catalog_file: the file's bytes; a file over the catalog limit is refused before it is read.
Result<std::string> read_catalog_file(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return fail(ErrorCode::invalid_input, fmt::format("cannot read {}: {}", path, ec.message()), path);
    if (size > catalog::kMaxFileBytes)
        return fail(ErrorCode::too_large,
                    fmt::format("{} is {} bytes; catalog files may be at most {} bytes (8 MiB)", path, size,
                                catalog::kMaxFileBytes),
                    path);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return fail(ErrorCode::invalid_input, fmt::format("cannot read {}", path), path);
    return text.str();
}

void print_summary(const services::CatalogSummary& s) {
    for (const auto& f : s.forms)
        std::cout << fmt::format("  form {}: {} items ({} unconfirmed, confidence I)\n", f.form, f.items,
                                 f.unconfirmed);
    for (const auto& m : s.mappings) std::cout << fmt::format("  mapping {}\n", m);
    if (!s.new_canonical_ids.empty())
        std::cout << fmt::format("  new canonical ids: {}\n", fmt::join(s.new_canonical_ids, ", "));
    if (!s.new_guideline_entries.empty())
        std::cout << fmt::format("  new guideline entries: {}\n", fmt::join(s.new_guideline_entries, ", "));
    for (const auto& w : s.warnings) std::cout << fmt::format("  warning: {}\n", w);
}

// open_catalog_database: the database whose imported revisions `validate` checks against, opened without
// migrating; null (and a note) when the SQLite file does not exist yet.
Result<std::unique_ptr<store::Database>> open_catalog_database(const CommonSettings& common) {
    auto url = store::parse_database_url(common.database_url());
    if (!url) return fail(url.error());
    if (url->dialect == store::Dialect::sqlite && !std::filesystem::exists(url->target)) {
        std::cout << fmt::format("(no database at {}: checking against the embedded catalog only)\n",
                                 url->target);
        return std::unique_ptr<store::Database>{};
    }
    auto db = store::Database::open(*url, 1);
    if (!db) return fail(db.error());
    return std::move(*db);
}

}  // namespace

int report_errors(const Error& error, std::string_view heading) {
    std::cerr << fmt::format("mamori: {}: {}\n", heading, error.message);
    for (const auto& f : error.fields)
        if (f.message != error.message || error.fields.size() > 1)
            std::cerr << fmt::format("  {}: {}\n", f.field, f.message);
    return 1;
}

int catalog_validate_command(const CommonSettings& common, const std::string& file) {
    auto text = read_catalog_file(file);
    if (!text) return report_errors(text.error(), fmt::format("{} is not a valid catalog file", file));
    auto db = open_catalog_database(common);
    if (!db) return report_errors(db.error(), "cannot open the database");
    auto service = services::CatalogService::load(embedded::catalog_files(), db->get());
    if (!service) return report_errors(service.error(), "the catalog in use is invalid");
    auto summary = (*service)->validate_file(file, *text);
    if (!summary) return report_errors(summary.error(), fmt::format("{} is not a valid catalog file", file));
    std::cout << fmt::format("{} is valid: edition {} ({}, FY{})\n", file, summary->edition_id,
                             summary->title_ja, summary->fiscal_year);
    if (summary->next_revision == 0)
        std::cout << fmt::format("  import would change nothing: the content equals {} revision {}\n",
                                 summary->edition_id, summary->current_revision);
    else if (summary->current_revision == 0)
        std::cout << fmt::format("  import would create revision {} (a new edition)\n",
                                 summary->next_revision);
    else
        std::cout << fmt::format(
            "  import would create revision {} (the current revision is {}; it stays readable)\n",
            summary->next_revision, summary->current_revision);
    print_summary(*summary);
    return 0;
}

int catalog_import_command(const CommonSettings& common, const std::string& file) {
    auto text = read_catalog_file(file);
    if (!text) return report_errors(text.error(), fmt::format("{} is not a valid catalog file", file));
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    auto service = services::CatalogService::load(embedded::catalog_files(), db.get());
    if (!service) return report_errors(service.error(), "the catalog in use is invalid");
    const std::string source = fmt::format("cli: {}", std::filesystem::absolute(file).string());
    auto report = (*service)->import_file(*db, file, *text, source, {.actor = "cli"}, cli_context());
    if (!report) return report_errors(report.error(), fmt::format("{} was not imported", file));
    if (!report->imported) {
        std::cout << fmt::format("{} has the same content as {} revision {}: nothing imported\n", file,
                                 report->summary.edition_id, report->revision);
        return 0;
    }
    std::cout << fmt::format("imported {} revision {} from {} (sha256 {})\n", report->summary.edition_id,
                             report->revision, file, report->sha256);
    print_summary(report->summary);
    std::cout << "running mamori servers serve it within 10 seconds\n";
    return 0;
}

}  // namespace mamori::cli

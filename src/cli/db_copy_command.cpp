// `mamori db copy --from URL --to URL`: a whole installation into a new database, e.g. a clinic's SQLite file
// into PostgreSQL (src/backup/database_copy.cpp does the work and every check).
#include <fmt/format.h>

#include <iostream>

#include "mamori/backup/database_copy.hpp"
#include "settings.hpp"

namespace mamori::cli {

namespace {

// for_option: `error` with the option it concerns named in front of it.
Error for_option(Error error, std::string_view option) {
    error.message = fmt::format("{}: {}", option, error.message);
    error.fields = {{std::string(option), error.message}};
    return error;
}

// open_url: the database behind one option; errors name the option.
Result<std::unique_ptr<store::Database>> open_url(const std::string& text, std::string_view option,
                                                  store::Access access) {
    auto url = store::parse_database_url(text);
    if (!url) return fail(for_option(url.error(), option));
    auto db = store::Database::open(*url, 1, access);
    if (!db) return fail(for_option(db.error(), option));
    return db;
}

}  // namespace

int db_copy_command(const DbCopyOptions& options) {
    auto source = open_url(options.from, "--from", store::Access::read_only);
    if (!source) return report_errors(source.error(), "copy refused");
    auto target = open_url(options.to, "--to", store::Access::read_write);
    if (!target) return report_errors(target.error(), "copy refused");
    std::cout << fmt::format("copying {} into {}\n", store::redacted((*source)->url()),
                             store::redacted((*target)->url()));
    auto copied = backup::copy_database(**source, **target, [](const backup::TableCopied& table) {
        std::cout << fmt::format("  {}: {} row{}\n", table.table, table.rows, table.rows == 1 ? "" : "s")
                  << std::flush;
    });
    if (!copied) {
        const auto code = copied.error().code;
        const bool refused = code == ErrorCode::conflict || code == ErrorCode::invalid_input;
        return report_errors(copied.error(), refused ? "copy refused" : "copy failed");
    }
    std::cout << fmt::format(
        "copied {} tables, {} rows in {:.2f} s; row counts match the source table by table\n"
        "audit log intact: {} rows\n",
        copied->tables.size(), copied->rows, copied->seconds, copied->audit_rows);
    return 0;
}

}  // namespace mamori::cli

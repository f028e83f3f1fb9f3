#include "mamori/store/sqlite_checks.hpp"

#include <fmt/format.h>

#include <vector>

#include "mamori/store/migrations.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/table_queries.hpp"

namespace mamori::store {

namespace {

constexpr std::size_t kProblemsQuoted = 10;

tl::unexpected<Error> unreadable(std::string_view where, std::string_view what, const std::exception& e) {
    return fail(ErrorCode::invalid_input, fmt::format("{}: cannot {}: {}", where, what, e.what()),
                std::string(where));
}

}  // namespace

Status integrity_check(soci::session& sql, std::string_view where) {
    try {
        std::vector<std::string> problems;
        soci::rowset<std::string> rows =
            (sql.prepare << fmt::format("PRAGMA integrity_check({})", kProblemsQuoted));
        for (const auto& line : rows) problems.push_back(line);
        if (problems.size() == 1 && problems.front() == "ok") return {};
        return fail(ErrorCode::invalid_input,
                    fmt::format("{} fails PRAGMA integrity_check: {}", where, fmt::join(problems, "; ")),
                    std::string(where));
    } catch (const std::exception& e) {
        return unreadable(where, "run PRAGMA integrity_check", e);
    }
}

Status foreign_key_check(soci::session& sql, std::string_view where) {
    try {
        std::vector<std::string> problems;
        std::size_t total = 0;
        soci::rowset<soci::row> rows = (sql.prepare << "PRAGMA foreign_key_check");
        for (const auto& row : rows) {
            ++total;
            if (problems.size() >= kProblemsQuoted) continue;
            const auto rowid = optional_int64_at(row, 1);
            problems.push_back(fmt::format("{} row {} points to a missing {} row", row.get<std::string>(0),
                                           rowid ? std::to_string(*rowid) : "?", row.get<std::string>(2)));
        }
        if (total == 0) return {};
        return fail(ErrorCode::invalid_input,
                    fmt::format("{} fails PRAGMA foreign_key_check: {} rows break a foreign key: {}", where,
                                total, fmt::join(problems, "; ")),
                    std::string(where));
    } catch (const std::exception& e) {
        return unreadable(where, "run PRAGMA foreign_key_check", e);
    }
}

Result<int> recorded_schema_version(soci::session& sql, std::string_view where) {
    try {
        int tables = 0;
        sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
            soci::into(tables);
        return tables == 0 ? 0 : applied_version(sql);
    } catch (const std::exception& e) {
        return unreadable(where, "read the schema version", e);
    }
}

Result<std::map<std::string, std::int64_t>> table_row_counts(soci::session& sql, std::string_view where) {
    try {
        std::map<std::string, std::int64_t> counts;
        for (const auto& table : table_names(sql, Dialect::sqlite)) counts[table] = count_rows(sql, table);
        return counts;
    } catch (const std::exception& e) {
        return unreadable(where, "count the rows of its tables", e);
    }
}

}  // namespace mamori::store

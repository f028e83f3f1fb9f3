#include "mamori/backup/database_copy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "copy_schema.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/backup/row_counts.hpp"
#include "mamori/store/migrations.hpp"
#include "table_rows.hpp"
#include "table_writer.hpp"

namespace mamori::backup {

namespace {

constexpr std::string_view kSchemaTable = "schema_migrations";

// Snapshot: what was read from the source before anything is written.
struct Snapshot {
    std::vector<TableSchema> tables;  // in copy order, schema_migrations left out
    RowCounts counts;
    std::int64_t audit_rows = 0;
};

bool same_database(const store::DatabaseUrl& a, const store::DatabaseUrl& b) {
    if (a.dialect != b.dialect) return false;
    if (a.dialect == store::Dialect::postgresql) return a.target == b.target;
    std::error_code ec;
    return std::filesystem::weakly_canonical(a.target, ec) == std::filesystem::weakly_canonical(b.target, ec);
}

std::vector<TableSchema> without_schema_table(std::vector<TableSchema> tables) {
    std::erase_if(tables, [](const TableSchema& t) { return t.name == kSchemaTable; });
    return tables;
}

// unlimited_statements: a COPY of a large table is one statement; the pool's 30 s limit is for requests.
void unlimited_statements(soci::session& sql, store::Dialect dialect) {
    if (dialect == store::Dialect::postgresql) sql << "SET LOCAL statement_timeout = 0";
}

Status check_source_version(soci::session& sql, const store::Database& source,
                            const std::vector<TableSchema>& tables) {
    auto migrations = store::embedded_migrations(source.dialect());
    if (!migrations) return fail(migrations.error());
    const int newest = migrations->empty() ? 0 : migrations->back().version;
    const bool has_schema_table =
        std::any_of(tables.begin(), tables.end(), [](const auto& t) { return t.name == kSchemaTable; });
    const int version = has_schema_table ? store::applied_version(sql) : 0;
    const auto url = store::redacted(source.url());
    if (version < newest)
        return fail(ErrorCode::conflict,
                    fmt::format("the source {} is at schema version {}; this mamori knows version {}: run "
                                "'mamori migrate --database {}' first",
                                url, version, newest, url),
                    "from");
    if (version > newest)
        return fail(ErrorCode::conflict,
                    fmt::format("the source {} is at schema version {}, newer than this mamori binary knows "
                                "({}); copy it with a newer mamori",
                                url, version, newest),
                    "from");
    return {};
}

Result<Snapshot> read_source(soci::session& sql, const store::Database& source) {
    auto tables = read_schema(sql, source.dialect());
    if (auto ok = check_source_version(sql, source, tables); !ok) return fail(ok.error());
    auto ordered = copy_order(without_schema_table(std::move(tables)));
    if (!ordered) return fail(ordered.error());
    auto chain = audit::verify(sql);
    if (!chain) return fail(chain.error());
    if (!chain->intact)
        return fail(ErrorCode::invalid_input,
                    fmt::format("the audit log of the source {} is broken: {}; nothing was copied",
                                store::redacted(source.url()), chain->problem),
                    "from");
    Snapshot snapshot{std::move(*ordered), {}, chain->rows};
    snapshot.counts = count_rows(sql, snapshot.tables);
    return snapshot;
}

Status refuse_data(soci::session& sql, const store::Database& target) {
    const auto holding = tables_holding_data(count_rows(sql, read_schema(sql, target.dialect())));
    if (holding.empty()) return {};
    return fail(ErrorCode::conflict,
                fmt::format("the target {} already holds data ({}); nothing was copied. Copy into a new, "
                            "empty database",
                            store::redacted(target.url()), fmt::join(holding, ", ")),
                "to");
}

Status check_same_tables(const std::vector<TableSchema>& source, std::vector<TableSchema> target) {
    std::map<std::string, std::vector<std::string>> columns;
    for (auto& t : without_schema_table(std::move(target))) {
        std::sort(t.columns.begin(), t.columns.end());
        columns[t.name] = std::move(t.columns);
    }
    std::vector<std::string> differences;
    for (const auto& t : source) {
        auto sorted = t.columns;
        std::sort(sorted.begin(), sorted.end());
        const auto found = columns.find(t.name);
        if (found == columns.end())
            differences.push_back(fmt::format("{} is missing", t.name));
        else if (found->second != sorted)
            differences.push_back(fmt::format("{} has other columns", t.name));
        if (found != columns.end()) columns.erase(found);
    }
    for (const auto& [name, unused] : columns) differences.push_back(fmt::format("{} is extra", name));
    if (differences.empty()) return {};
    return fail(ErrorCode::internal,
                fmt::format("the migrated target's tables differ from the source's: {}",
                            fmt::join(differences, "; ")),
                "to");
}

// is_trigger_written: a table that triggers fill when other tables change (the statistics change log,
// migration 0027); copied after all others.
bool is_trigger_written(std::string_view table) {
    return table == "statistics_changes";
}

// advance_sequences: identity columns were given explicit values, which PostgreSQL's sequences do not see;
// without this the next INSERT would take id 1 and collide.
void advance_sequences(soci::session& sql, const std::vector<TableSchema>& tables) {
    std::vector<std::pair<std::string, std::string>> columns;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT table_name::text, column_name::text FROM information_schema.columns WHERE "
                        "table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE "
                        "'nextval(%')");
    for (const auto& r : rows) columns.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
    for (const auto& identity : columns) {
        const std::string& table = identity.first;
        const std::string& column = identity.second;
        if (std::none_of(tables.begin(), tables.end(), [&](const auto& t) { return t.name == table; }))
            continue;
        const std::string quoted_table = store::quoted_identifier(table);
        long long next = 0;
        sql << fmt::format(
            "SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX({}), 0) + 1, false) FROM {}",
            store::quoted_identifier(column), quoted_table),
            soci::use(quoted_table), soci::use(column), soci::into(next);
    }
}

std::int64_t copy_table(soci::session& from, store::Dialect from_dialect, soci::session& to,
                        store::Dialect to_dialect, const TableSchema& table) {
    try {
        auto writer = open_table_writer(to, to_dialect, table);
        const auto rows =
            for_each_row(from, from_dialect, table, [&](const RowValues& row) { writer->write(row); });
        writer->finish();
        return rows;
    } catch (const std::exception& e) {
        throw std::runtime_error(fmt::format("copying table {}: {}", table.name, one_line(e.what())));
    }
}

Result<CopyReport> write_target(soci::session& from, store::Dialect from_dialect, soci::session& to,
                                store::Database& target, const Snapshot& snapshot,
                                const CopyProgress& progress) {
    unlimited_statements(to, target.dialect());
    if (auto ok = check_same_tables(snapshot.tables, read_schema(to, target.dialect())); !ok)
        return fail(ok.error());
    if (auto ok = refuse_data(to, target); !ok) return fail(ok.error());
    // Only rows that migrations seed (the prefectures) are here; the source's own replace them.
    for (auto t = snapshot.tables.rbegin(); t != snapshot.tables.rend(); ++t)
        to << "DELETE FROM " + store::quoted_identifier(t->name);
    CopyReport report;
    const auto copy = [&](const TableSchema& table) {
        const auto rows = copy_table(from, from_dialect, to, target.dialect(), table);
        report.tables.push_back({table.name, rows});
        report.rows += rows;
        if (progress) progress(report.tables.back());
    };
    for (const auto& table : snapshot.tables)
        if (!is_trigger_written(table.name)) copy(table);
    // Triggers on the target wrote their own rows while the other tables were copied: the source's replace them.
    for (const auto& table : snapshot.tables)
        if (is_trigger_written(table.name)) {
            to << "DELETE FROM " + store::quoted_identifier(table.name);
            copy(table);
        }
    if (target.dialect() == store::Dialect::postgresql) advance_sequences(to, snapshot.tables);
    if (const auto diffs = row_count_differences(snapshot.counts, count_rows(to, snapshot.tables));
        !diffs.empty())
        return fail(ErrorCode::internal,
                    fmt::format("the target's row counts differ from the source's, nothing was kept: {}",
                                fmt::join(diffs, "; ")),
                    "to");
    auto chain = audit::verify(to);
    if (!chain) return fail(chain.error());
    if (!chain->intact || chain->rows != snapshot.audit_rows)
        return fail(
            ErrorCode::internal,
            fmt::format("the audit log does not verify on the target ({} of {} rows): {}; nothing was kept",
                        chain->rows, snapshot.audit_rows, chain->problem),
            "to");
    report.audit_rows = chain->rows;
    return report;
}

}  // namespace

Result<CopyReport> copy_database(store::Database& source, store::Database& target,
                                 const CopyProgress& progress) {
    const auto started = std::chrono::steady_clock::now();
    if (same_database(source.url(), target.url()))
        return fail(ErrorCode::invalid_input,
                    fmt::format("the source and the target are the same database ({})",
                                store::redacted(source.url())),
                    "to");
    try {
        auto copied = source.snapshot([&](soci::session& from) -> Result<CopyReport> {
            unlimited_statements(from, source.dialect());
            auto snapshot = read_source(from, source);
            if (!snapshot) return fail(snapshot.error());
            // Refused before migrating, so a target holding data is never touched at all.
            if (auto ok = refuse_data(*target.acquire(), target); !ok) return fail(ok.error());
            auto migrations = store::embedded_migrations(target.dialect());
            if (!migrations) return fail(migrations.error());
            if (auto migrated = store::migrate(target, *migrations); !migrated) return fail(migrated.error());
            return target.transaction([&](soci::session& to) {
                return write_target(from, source.dialect(), to, target, *snapshot, progress);
            });
        });
        if (copied)
            copied->seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return copied;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable,
                    fmt::format("the copy failed and nothing was kept: {}", e.what()));
    }
}

}  // namespace mamori::backup

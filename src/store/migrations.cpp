#include "mamori/store/migrations.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mamori/core/log.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::store {

namespace {

constexpr std::string_view kCreateSchemaTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";

Status ensure_schema_table(Database& db) {
    try {
        auto lease = db.acquire();
        *lease << std::string(kCreateSchemaTable);
        return {};
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot create the schema table: {}", e.what()));
    }
}

}  // namespace

Result<std::vector<Migration>> load_migrations(std::span<const embedded::File> files, Dialect dialect) {
    const std::string prefix = dialect == Dialect::sqlite ? "sqlite/" : "postgres/";
    std::vector<Migration> out;
    for (const auto& f : files) {
        if (f.path.rfind(prefix, 0) != 0) continue;
        const std::string_view file = f.path.substr(prefix.size());
        const bool shaped =
            file.size() > 9 && file[4] == '_' && file.substr(file.size() - 4) == ".sql" &&
            std::all_of(file.begin(), file.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
        if (!shaped)
            return fail(ErrorCode::internal,
                        fmt::format("migration file '{}' is not named NNNN_name.sql", f.path),
                        std::string(f.path));
        out.push_back({std::stoi(std::string(file.substr(0, 4))),
                       std::string(file.substr(0, file.size() - 4)), f.data});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].version != static_cast<int>(i) + 1)
            return fail(
                ErrorCode::internal,
                fmt::format("migration {} is out of sequence: expected number {}", out[i].name, i + 1),
                out[i].name);
    }
    return out;
}

Result<std::vector<Migration>> embedded_migrations(Dialect dialect) {
    return load_migrations(embedded::migrations(), dialect);
}

int applied_version(soci::session& sql) {
    soci::indicator ind = soci::i_ok;
    int version = 0;
    sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_null ? 0 : version;
}

Result<int> current_version(Database& db) {
    if (auto ok = ensure_schema_table(db); !ok) return fail(ok.error());
    try {
        return applied_version(*db.acquire());
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot read the schema version: {}", e.what()));
    }
}

Result<MigrationReport> migrate(Database& db, std::span<const Migration> migrations, const DataSteps& steps) {
    auto version = current_version(db);
    if (!version) return fail(version.error());
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    MigrationReport report{*version, *version, {}};
    if (*version > newest)
        return fail(
            ErrorCode::conflict,
            fmt::format("the database schema is at version {}, newer than this mamori binary knows ({}); "
                        "run a newer mamori or restore a matching backup",
                        *version, newest),
            "database");
    for (const auto& m : migrations) {
        if (m.version <= report.to_version) continue;
        try {
            auto applied = db.transaction([&](soci::session& sql) -> Result<int> {
                // Re-check inside the write lock: another process may have migrated meanwhile. PostgreSQL
                // has no database-wide write lock, so migrating processes queue on an advisory lock.
                serialize(sql, SerialWork::migrations);
                if (const int now = applied_version(sql); now >= m.version) return now;
                db.execute_script(sql, m.sql);
                if (const auto step = steps.find(m.version); step != steps.end()) step->second(sql);
                const std::string at = to_iso_utc(std::chrono::system_clock::now());
                sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
                    soci::use(m.version), soci::use(m.name), soci::use(at);
                return m.version;
            });
            if (!applied) return fail(applied.error());
            if (*applied == m.version) {
                report.applied.push_back(m.name);
                log_event(spdlog::level::info, "migration applied", {{"migration", m.name}});
            }
            report.to_version = std::max(report.to_version, *applied);
        } catch (const std::exception& e) {
            return fail(ErrorCode::internal, fmt::format("migration {} failed: {}", m.name, e.what()),
                        m.name);
        }
    }
    return report;
}

}  // namespace mamori::store

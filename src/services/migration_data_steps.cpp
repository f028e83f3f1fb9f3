#include "mamori/services/migration_data_steps.hpp"

#include <fmt/format.h>

#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/log.hpp"
#include "mamori/identity/login_name.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

constexpr int kOneLoginMigration = 8;          // 0008_one_login_one_first_administrator
constexpr int kFormFromCatalogMigration = 11;  // 0011_assessment_form_from_catalog
constexpr std::string_view kFixedForms = "CHECK (form IN ('medical', 'pharmacy', 'vendor'))";
constexpr std::string_view kAnyForm = "CHECK (length(form) BETWEEN 1 AND 64)";

struct StoredLogin {
    long long user_id = 0;
    long long organisation_id = 0;
    std::string login;
};

}  // namespace

store::DataSteps migration_data_steps() {
    return {{kOneLoginMigration, normalise_existing_logins},
            {kFormFromCatalogMigration, allow_any_catalog_form}};
}

void allow_any_catalog_form(soci::session& sql) {
    if (sql.get_backend_name() != "sqlite3") return;  // PostgreSQL alters the constraint in the migration
    int schema_version = 0;
    sql << "PRAGMA schema_version", soci::into(schema_version);
    const std::string fixed(kFixedForms), any(kAnyForm);
    sql << "PRAGMA writable_schema=ON";
    sql << "UPDATE sqlite_schema SET sql = replace(sql, :fixed, :any) WHERE type = 'table' AND name = "
           "'assessments'",
        soci::use(fixed), soci::use(any);
    sql << fmt::format("PRAGMA schema_version={}", schema_version + 1);
    sql << "PRAGMA writable_schema=OFF";
    std::string table;
    sql << "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'assessments'", soci::into(table);
    if (table.find(any) == std::string::npos)
        throw std::runtime_error(
            "the assessments table does not have the CHECK on form this migration rewrites");
    std::string integrity;
    sql << "PRAGMA quick_check", soci::into(integrity);
    if (integrity != "ok") throw std::runtime_error("the database fails PRAGMA quick_check: " + integrity);
}

void normalise_existing_logins(soci::session& sql) {
    std::vector<StoredLogin> users;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, organisation_id, login FROM users ORDER BY id");
    for (const auto& row : rows)
        users.push_back({store::int64_at(row, 0), store::int64_at(row, 1), row.get<std::string>(2)});

    std::set<std::string> taken;
    for (const auto& user : users)
        if (auto normal = identity::normalise_login(user.login); normal && *normal == user.login)
            taken.insert(user.login);

    const audit::Context context{"local", "migration-0008"};
    for (const auto& user : users) {
        auto normal = identity::normalise_login(user.login);
        if (!normal) {
            log_event(spdlog::level::warn, "login left as it was: it has no normal form",
                      {{"user_id", user.user_id}, {"reason", normal.error().message}});
            continue;
        }
        if (*normal == user.login) continue;
        std::string next = *normal;
        if (taken.count(next) > 0) next = fmt::format("{}#{}", *normal, user.user_id);
        if (next.size() > identity::kMaxLoginBytes || taken.count(next) > 0) {
            log_event(spdlog::level::warn, "login left as it was: its normal form is taken",
                      {{"user_id", user.user_id}});
            continue;
        }
        sql << "UPDATE users SET login = :l WHERE id = :i", soci::use(next), soci::use(user.user_id);
        taken.insert(next);
        audit::append(sql,
                      {.organisation_id = user.organisation_id,
                       .actor = "cli",
                       .action = "user.login_normalised",
                       .target = fmt::format("user:{}", user.user_id),
                       .detail = {{"before", user.login}, {"after", next}}},
                      context);
    }
}

}  // namespace mamori::services

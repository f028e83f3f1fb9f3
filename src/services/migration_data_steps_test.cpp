#include "mamori/services/migration_data_steps.hpp"

#include <gtest/gtest.h>

#include <map>

#include "mamori/audit/audit_log.hpp"
#include "mamori/store/row_values.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using testing::TempDatabase;

// migrated_to: the embedded migrations up to `version` applied to `db`.
void migrate_to(store::Database& db, int version) {
    auto all = *store::embedded_migrations(db.dialect());
    all.resize(static_cast<std::size_t>(version));
    ASSERT_TRUE(store::migrate(db, all));
}

void add_user(store::Database& db, long long id, const std::string& login) {
    auto lease = db.acquire();
    *lease << "INSERT INTO users (id, organisation_id, login, display_name, password_hash, created_at, "
              "updated_at, password_changed_at) VALUES (:i, 1, :l, 'someone', 'x', '2026-01-01T00:00:00Z', "
              "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        soci::use(id), soci::use(login);
}

std::map<long long, std::string> logins(store::Database& db) {
    std::map<long long, std::string> out;
    auto lease = db.acquire();
    soci::rowset<soci::row> rows = (lease->prepare << "SELECT id, login FROM users");
    for (const auto& row : rows) out[store::int64_at(row, 0)] = row.get<std::string>(1);
    return out;
}

TEST(MigrationDataSteps, MigrationEightRewritesLoginsInTheirNormalFormAndKeepsEveryAccount) {
    TempDatabase temp(2, TempDatabase::Schema::empty);
    auto& db = temp.db();
    migrate_to(db, 7);
    *db.acquire() << "INSERT INTO organisations (id, kind, name, created_at) "
                     "VALUES (1, 'clinic', 'さくらクリニック', '2026-01-01T00:00:00Z')";
    add_user(db, 1, "Viewer@Sakura.example");        // older, not in normal form
    add_user(db, 2, "viewer@sakura.example");        // already in normal form: keeps it
    add_user(db, 3, "ＥＤＩＴＯＲ@sakura.example");  // full-width, alone
    add_user(db, 4, "VIEWER@SAKURA.EXAMPLE ");       // a third spelling
    add_user(db, 5, "admin@sakura.example");

    auto report = store::migrate(db, *store::embedded_migrations(db.dialect()), migration_data_steps());
    ASSERT_TRUE(report) << report.error().message;

    EXPECT_EQ(logins(db), (std::map<long long, std::string>{{1, "viewer@sakura.example#1"},
                                                            {2, "viewer@sakura.example"},
                                                            {3, "editor@sakura.example"},
                                                            {4, "viewer@sakura.example#4"},
                                                            {5, "admin@sakura.example"}}));
    auto chain = audit::verify(db);
    ASSERT_TRUE(chain) << chain.error().message;
    int changes = 0;
    *db.acquire() << "SELECT COUNT(*) FROM audit_log WHERE action = 'user.login_normalised'",
        soci::into(changes);
    EXPECT_EQ(changes, 3);
}

void add_assessment(store::Database& db, long long id, int fiscal_year, const std::string& form) {
    *db.acquire() << "INSERT INTO assessments (id, organisation_id, fiscal_year, form, edition, "
                     "edition_revision, status, created_at) VALUES (:i, 1, :fy, :f, 'r7', 1, 'draft', "
                     "'2026-01-01T00:00:00Z')",
        soci::use(id), soci::use(fiscal_year), soci::use(form);
}

TEST(MigrationDataSteps, MigrationElevenLetsAChecklistUseAnyCatalogFormAndKeepsEveryRow) {
    TempDatabase temp(2, TempDatabase::Schema::empty);
    auto& db = temp.db();
    migrate_to(db, 10);
    *db.acquire() << "INSERT INTO organisations (id, kind, name, created_at) "
                     "VALUES (1, 'pharmacy', 'あおば薬局', '2026-01-01T00:00:00Z')";
    add_assessment(db, 1, 2025, "pharmacy");
    *db.acquire() << "INSERT INTO assessment_events (assessment_id, kind, at) "
                     "VALUES (1, 'created', '2026-01-01T00:00:00Z')";
    EXPECT_ANY_THROW(add_assessment(db, 2, 2026, "institution")) << "version 10 knows three forms only";

    auto report = store::migrate(db, *store::embedded_migrations(db.dialect()), migration_data_steps());
    ASSERT_TRUE(report) << report.error().message;

    add_assessment(db, 2, 2026, "institution");  // the merged form of 令和8年度版
    EXPECT_ANY_THROW(add_assessment(db, 3, 2027, "")) << "a form id is never empty";
    EXPECT_ANY_THROW(add_assessment(db, 4, 2027, std::string(65, 'x'))) << "nor longer than 64 bytes";
    std::map<long long, std::string> forms;
    {
        auto lease = db.acquire();
        soci::rowset<soci::row> rows = (lease->prepare << "SELECT id, form FROM assessments ORDER BY id");
        for (const auto& row : rows) forms[store::int64_at(row, 0)] = row.get<std::string>(1);
    }
    EXPECT_EQ(forms, (std::map<long long, std::string>{{1, "pharmacy"}, {2, "institution"}}));
    int events = 0;
    *db.acquire() << "SELECT COUNT(*) FROM assessment_events WHERE assessment_id = 1", soci::into(events);
    EXPECT_EQ(events, 1) << "rows referring to a checklist keep their checklist";
}

}  // namespace
}  // namespace mamori::services

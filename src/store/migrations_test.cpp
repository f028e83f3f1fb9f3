#include "mamori/store/migrations.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "testing/temp_database.hpp"

namespace mamori::store {
namespace {

using testing::TempDatabase;

// empty_database: a database without the embedded schema, on the backend the tests run on.
std::unique_ptr<TempDatabase> empty_database() {
    return std::make_unique<TempDatabase>(2, TempDatabase::Schema::empty);
}

// table_exists: whether `name` is a table, asked in the database's own catalog.
bool table_exists(Database& db, const std::string& name) {
    auto lease = db.acquire();
    int tables = 0;
    if (db.dialect() == Dialect::sqlite) {
        *lease << "SELECT COUNT(*) FROM sqlite_master WHERE name = :n", soci::use(name), soci::into(tables);
    } else {
        *lease << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :n", soci::use(name),
            soci::into(tables);
    }
    return tables > 0;
}

TEST(Migrations, EmbeddedSetsAreNumberedWithoutGapsForBothDialects) {
    auto sqlite = embedded_migrations(Dialect::sqlite);
    auto postgres = embedded_migrations(Dialect::postgresql);
    ASSERT_TRUE(sqlite) << sqlite.error().message;
    ASSERT_TRUE(postgres) << postgres.error().message;
    ASSERT_FALSE(sqlite->empty());
    // Both dialects must describe the same schema history.
    ASSERT_EQ(sqlite->size(), postgres->size());
    for (std::size_t i = 0; i < sqlite->size(); ++i) EXPECT_EQ((*sqlite)[i].name, (*postgres)[i].name);
}

TEST(Migrations, RejectsBadNamesAndGaps) {
    const embedded::File gap[] = {{"sqlite/0001_a.sql", "SELECT 1"}, {"sqlite/0003_c.sql", "SELECT 1"}};
    auto r = load_migrations(gap, Dialect::sqlite);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("0003_c"), std::string::npos);

    const embedded::File badly_named[] = {{"sqlite/1_a.sql", "SELECT 1"}};
    EXPECT_FALSE(load_migrations(badly_named, Dialect::sqlite));
}

TEST(Migrations, AppliesInOrderOnceAndRecordsThem) {
    auto temp = empty_database();
    auto* db = &temp->db();
    const embedded::File files[] = {
        {"sqlite/0002_b.sql", "ALTER TABLE t ADD COLUMN b TEXT; CREATE INDEX t_b ON t (b);"},
        {"sqlite/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
        {"postgres/0002_b.sql", "ALTER TABLE t ADD COLUMN b TEXT; CREATE INDEX t_b ON t (b);"},
        {"postgres/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
    };
    auto migrations = load_migrations(files, db->dialect());
    ASSERT_TRUE(migrations);
    auto first = migrate(*db, *migrations);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->from_version, 0);
    EXPECT_EQ(first->to_version, 2);
    EXPECT_EQ(first->applied, (std::vector<std::string>{"0001_a", "0002_b"}));

    auto second = migrate(*db, *migrations);
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->applied.empty());
    EXPECT_EQ(*current_version(*db), 2);
}

TEST(Migrations, OnlyTheDatabasesOwnDialectRuns) {
    auto temp = empty_database();
    auto* db = &temp->db();
    const embedded::File files[] = {
        {"sqlite/0001_a.sql", db->dialect() == Dialect::sqlite ? "CREATE TABLE t (a INTEGER);" : "not SQL"},
        {"postgres/0001_a.sql",
         db->dialect() == Dialect::postgresql ? "CREATE TABLE t (a INTEGER);" : "not SQL"},
    };
    auto applied = migrate(*db, *load_migrations(files, db->dialect()));
    ASSERT_TRUE(applied) << applied.error().message;
    EXPECT_TRUE(table_exists(*db, "t"));
}

TEST(Migrations, AFailingMigrationChangesNothing) {
    auto temp = empty_database();
    auto* db = &temp->db();
    const embedded::File files[] = {
        {"sqlite/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
        {"sqlite/0002_b.sql", "CREATE TABLE u (x INTEGER); INSERT INTO nowhere VALUES (1);"},
        {"postgres/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
        {"postgres/0002_b.sql", "CREATE TABLE u (x INTEGER); INSERT INTO nowhere VALUES (1);"},
    };
    auto result = migrate(*db, *load_migrations(files, db->dialect()));
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("0002_b"), std::string::npos);
    EXPECT_EQ(*current_version(*db), 1);
    EXPECT_FALSE(table_exists(*db, "u")) << "table u from the failed migration must be rolled back";
}

TEST(Migrations, ADataStepRunsOnceInItsMigrationsTransaction) {
    auto temp = empty_database();
    auto* db = &temp->db();
    const embedded::File files[] = {
        {"sqlite/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
        {"sqlite/0002_b.sql", "ALTER TABLE t ADD COLUMN b INTEGER;"},
        {"postgres/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
        {"postgres/0002_b.sql", "ALTER TABLE t ADD COLUMN b INTEGER;"},
    };
    const auto migrations = *load_migrations(files, db->dialect());
    int runs = 0;
    const DataSteps failing = {{2, [&](soci::session& sql) {
                                    ++runs;
                                    sql << "INSERT INTO t (a, b) VALUES (1, 2)";
                                    throw std::runtime_error("the step gave up");
                                }}};
    auto refused = migrate(*db, migrations, failing);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("the step gave up"), std::string::npos);
    EXPECT_EQ(*current_version(*db), 1) << "a failing step undoes its migration";

    const DataSteps steps = {{2, [&](soci::session& sql) {
                                  ++runs;
                                  sql << "INSERT INTO t (a, b) VALUES (1, 2)";
                              }}};
    ASSERT_TRUE(migrate(*db, migrations, steps));
    ASSERT_TRUE(migrate(*db, migrations, steps));
    EXPECT_EQ(runs, 2) << "once failed, once applied, not again";
    int rows = 0;
    *db->acquire() << "SELECT COUNT(*) FROM t", soci::into(rows);
    EXPECT_EQ(rows, 1);
}

TEST(Migrations, RefusesADatabaseNewerThanTheBinary) {
    auto temp = empty_database();
    auto* db = &temp->db();
    const embedded::File files[] = {{"sqlite/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
                                    {"postgres/0001_a.sql", "CREATE TABLE t (a INTEGER);"}};
    auto migrations = *load_migrations(files, db->dialect());
    ASSERT_TRUE(migrate(*db, migrations));
    {
        auto lease = db->acquire();
        *lease << "INSERT INTO schema_migrations VALUES (7, '0007_future', '2030-01-01T00:00:00.000Z')";
    }
    auto refused = migrate(*db, migrations);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::conflict);
    EXPECT_NE(refused.error().message.find("newer"), std::string::npos);
}

TEST(Database, SqliteRunsInWalModeWithForeignKeys) {
    auto temp = empty_database();
    auto* db = &temp->db();
    if (db->dialect() != Dialect::sqlite) GTEST_SKIP() << "SQLite only";
    auto lease = db->acquire();
    std::string mode;
    int fk = 0;
    *lease << "PRAGMA journal_mode", soci::into(mode);
    *lease << "PRAGMA foreign_keys", soci::into(fk);
    EXPECT_EQ(mode, "wal");
    EXPECT_EQ(fk, 1);
}

TEST(Database, PostgresqlSessionsRunInUtcWithAStatementTimeout) {
    auto temp = empty_database();
    auto* db = &temp->db();
    if (db->dialect() != Dialect::postgresql) GTEST_SKIP() << "PostgreSQL only";
    auto lease = db->acquire();
    std::string zone, timeout;
    *lease << "SHOW TIME ZONE", soci::into(zone);
    *lease << "SHOW statement_timeout", soci::into(timeout);
    EXPECT_EQ(zone, "UTC");
    EXPECT_EQ(timeout, "30s");
}

TEST(Database, TransactionRollsBackOnErrorAndException) {
    auto temp = empty_database();
    auto* db = &temp->db();
    {
        auto lease = db->acquire();
        *lease << "CREATE TABLE t (a INTEGER)";
    }

    auto failed = db->transaction([](soci::session& sql) -> Result<int> {
        sql << "INSERT INTO t VALUES (1)";
        return fail(ErrorCode::invalid_input, "no");
    });
    EXPECT_FALSE(failed);
    EXPECT_THROW(db->transaction([](soci::session& sql) -> Result<int> {
        sql << "INSERT INTO t VALUES (2)";
        throw std::runtime_error("boom");
    }),
                 std::runtime_error);
    auto ok = db->transaction([](soci::session& sql) -> Result<int> {
        sql << "INSERT INTO t VALUES (3)";
        return 3;
    });
    EXPECT_TRUE(ok);
    auto lease = db->acquire();
    int count = 0, value = 0;
    *lease << "SELECT COUNT(*), MAX(a) FROM t", soci::into(count), soci::into(value);
    EXPECT_EQ(count, 1);
    EXPECT_EQ(value, 3);
}

TEST(DatabaseUrl, ParsesSqliteAndPostgresqlAndRefusesTheRest) {
    auto a = parse_database_url("sqlite:/var/lib/mamori/m.db");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->target, "/var/lib/mamori/m.db");
    EXPECT_EQ(parse_database_url("sqlite://rel/m.db")->target, "rel/m.db");
    EXPECT_FALSE(parse_database_url("sqlite:"));
    EXPECT_FALSE(parse_database_url("mysql://x"));
    const auto mistyped = parse_database_url("postgress://u:s3cret@h/db");
    ASSERT_FALSE(mistyped);
    EXPECT_EQ(mistyped.error().message.find("s3cret"), std::string::npos) << mistyped.error().message;
    auto pg = parse_database_url("postgresql://u:pw@localhost:5432/db?sslmode=require");
    ASSERT_TRUE(pg);
    EXPECT_EQ(pg->dialect, Dialect::postgresql);
    EXPECT_EQ(pg->target, "postgresql://u:pw@localhost:5432/db?sslmode=require");
    EXPECT_EQ(parse_database_url("postgres://u@h/db")->dialect, Dialect::postgresql);
    EXPECT_FALSE(parse_database_url("postgresql://"));
    EXPECT_EQ(redacted(*pg), "postgresql://u:***@localhost:5432/db?sslmode=require");
    EXPECT_EQ(redacted(*parse_database_url("postgresql://u@h/db")), "postgresql://u@h/db");
    EXPECT_EQ(redacted(*parse_database_url("postgresql://u@h/db?sslmode=require&password=s3cret&x=1")),
              "postgresql://u@h/db?sslmode=require&password=***&x=1");
    EXPECT_EQ(redacted(*parse_database_url("postgresql://h/db?password=s3cret")),
              "postgresql://h/db?password=***");
    EXPECT_EQ(redacted(*a), "sqlite:/var/lib/mamori/m.db");
}

}  // namespace
}  // namespace mamori::store

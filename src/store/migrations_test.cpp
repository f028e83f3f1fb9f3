#include "mamori/store/migrations.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace mamori::store {
namespace {

class TempDatabase {
  public:
    TempDatabase()
        : dir_(std::filesystem::temp_directory_path() /
               ("mamori-unit-" + std::to_string(std::random_device{}()))) {
        std::filesystem::create_directories(dir_);
    }
    ~TempDatabase() { std::filesystem::remove_all(dir_); }
    std::unique_ptr<Database> open() {
        return std::move(*Database::open({Dialect::sqlite, (dir_ / "t.db").string()}, 2));
    }

  private:
    std::filesystem::path dir_;
};

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
    TempDatabase temp;
    auto db = temp.open();
    const embedded::File files[] = {
        {"sqlite/0002_b.sql", "ALTER TABLE t ADD COLUMN b TEXT; CREATE INDEX t_b ON t (b);"},
        {"sqlite/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
        {"postgres/0001_a.sql", "this is not run"},
    };
    auto migrations = load_migrations(files, Dialect::sqlite);
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

TEST(Migrations, AFailingMigrationChangesNothing) {
    TempDatabase temp;
    auto db = temp.open();
    const embedded::File files[] = {
        {"sqlite/0001_a.sql", "CREATE TABLE t (a INTEGER);"},
        {"sqlite/0002_b.sql", "CREATE TABLE u (x INTEGER); INSERT INTO nowhere VALUES (1);"},
    };
    auto result = migrate(*db, *load_migrations(files, Dialect::sqlite));
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("0002_b"), std::string::npos);
    EXPECT_EQ(*current_version(*db), 1);
    auto lease = db->acquire();
    int tables = 0;
    *lease << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'u'", soci::into(tables);
    EXPECT_EQ(tables, 0) << "table u from the failed migration must be rolled back";
}

TEST(Migrations, RefusesADatabaseNewerThanTheBinary) {
    TempDatabase temp;
    auto db = temp.open();
    const embedded::File files[] = {{"sqlite/0001_a.sql", "CREATE TABLE t (a INTEGER);"}};
    auto migrations = *load_migrations(files, Dialect::sqlite);
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
    TempDatabase temp;
    auto db = temp.open();
    auto lease = db->acquire();
    std::string mode;
    int fk = 0;
    *lease << "PRAGMA journal_mode", soci::into(mode);
    *lease << "PRAGMA foreign_keys", soci::into(fk);
    EXPECT_EQ(mode, "wal");
    EXPECT_EQ(fk, 1);
}

TEST(Database, TransactionRollsBackOnErrorAndException) {
    TempDatabase temp;
    auto db = temp.open();
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

TEST(DatabaseUrl, ParsesSqliteAndRefusesTheRest) {
    auto a = parse_database_url("sqlite:/var/lib/mamori/m.db");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->target, "/var/lib/mamori/m.db");
    EXPECT_EQ(parse_database_url("sqlite://rel/m.db")->target, "rel/m.db");
    EXPECT_FALSE(parse_database_url("sqlite:"));
    EXPECT_FALSE(parse_database_url("mysql://x"));
    auto pg = parse_database_url("postgresql://u@localhost/db");
    ASSERT_FALSE(pg);
    EXPECT_NE(pg.error().message.find("PostgreSQL"), std::string::npos);
}

}  // namespace
}  // namespace mamori::store

// Integration tests of `mamori backup` and `mamori restore` on the real binary: a consistent copy of a
// database that is being written meanwhile, a restore with identical row counts and an intact audit chain,
// and every refusal (altered, truncated, newer schema, missing manifest, target holding data, existing FILE).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "mamori/audit/audit_log.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/store/database.hpp"
#include "support/audit_writer.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

namespace fs = std::filesystem;
using Counts = std::map<std::string, long long>;

std::string sqlite_url(const fs::path& db) {
    return "sqlite:" + db.string();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

Counts row_counts(const fs::path& db) {
    soci::session sql(soci::sqlite3, "db=\"" + db.string() + "\"");
    std::vector<std::string> tables;
    soci::rowset<std::string> names =
        (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    for (const auto& name : names) tables.push_back(name);
    Counts counts;
    for (const auto& table : tables) {
        long long rows = 0;
        sql << "SELECT COUNT(*) FROM \"" + table + "\"", soci::into(rows);
        counts[table] = rows;
    }
    return counts;
}

Counts manifest_counts(const fs::path& backup) {
    const auto manifest = nlohmann::json::parse(read_file(backup.string() + ".manifest.json"));
    Counts counts;
    for (const auto& [table, rows] : manifest.at("row_counts").items()) counts[table] = rows.get<long long>();
    return counts;
}

bool aside_file_exists(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(dir))
        if (contains(entry.path().filename().string(), ".before-restore-")) return true;
    return false;
}

// append_audit_rows: `n` valid rows at the end of the audit chain of `db` (demo data writes none).
void append_audit_rows(const fs::path& db, int n) {
    auto database = store::Database::open({store::Dialect::sqlite, db.string()}, 1);
    ASSERT_TRUE(database) << database.error().message;
    for (int i = 0; i < n; ++i)
        ASSERT_TRUE((*database)->transaction([&](soci::session& sql) -> Result<int> {
            audit::append(sql, {.actor = "cli", .action = "test.write", .target = "backup_test"},
                          {"local", "backup-test"});
            return 0;
        }));
}

class Backup : public ::testing::Test {
  protected:
    // demo_database: a database with the demo organisations (no users, an empty audit log), made by `mamori
    // demo --organisations-only`.
    fs::path demo_database(const std::string& name = "source.db") {
        const auto db = dir_.path() / name;
        const auto r = mamori({"demo", "--organisations-only", "--database", sqlite_url(db)});
        EXPECT_EQ(r.code, 0) << r.output;
        return db;
    }

    // backup_of: `mamori backup` of `db` into dir/backups/<name>; the test fails unless it succeeds.
    fs::path backup_of(const fs::path& db, const std::string& name = "mamori.db") {
        fs::create_directories(dir_.path() / "backups");
        const auto file = dir_.path() / "backups" / name;
        const auto r = mamori({"backup", "--database", sqlite_url(db), "--to", file.string()});
        EXPECT_EQ(r.code, 0) << r.output;
        return file;
    }

    CommandRun restore(const fs::path& backup, const fs::path& db, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"restore", "--from", backup.string(), "--database", sqlite_url(db)};
        args.insert(args.end(), extra.begin(), extra.end());
        return mamori(args);
    }

    TempDir dir_;
};

// sqlite_server: a server on the SQLite file `db` whichever backend the rest of the suite runs on (backups
// are of SQLite files).
ServerLaunch sqlite_server(const std::filesystem::path& db, std::vector<std::string> extra = {}) {
    ServerLaunch launch{
        {"serve", "--listen", "127.0.0.1:0", "--database", "sqlite:" + db.string()}, {}, db.parent_path()};
    launch.args.insert(launch.args.end(), extra.begin(), extra.end());
    return launch;
}

TEST_F(Backup, CopiesADatabaseWhileTheServerServesAndItIsWritten) {
    const auto db = dir_.path() / "live.db";
    ServerProcess server(sqlite_server(db, {"--demo"}));
    ASSERT_TRUE(server.wait_for_log("\"msg\":\"demo data loaded\"", 10000)) << server.log();

    // A second writer appends to the audit log as fast as it can while the server answers requests.
    AuditWriter writer(db, "backup_test", [&server] {
        EXPECT_EQ(request(server.host(), server.port(), "GET", "/readyz").status, 200);
    });
    ASSERT_TRUE(writer.wait_for(5));
    const auto audit_before = row_counts(db).at("audit_log");
    fs::create_directories(dir_.path() / "backups");
    const auto file = dir_.path() / "backups" / "live-backup.db";
    const auto backup = mamori({"backup", "--database", sqlite_url(db), "--to", file.string()});
    writer.wait_for(writer.writes() + 5);
    writer.stop();
    EXPECT_EQ(request(server.host(), server.port(), "GET", "/healthz").status, 200)
        << "the server kept running";

    ASSERT_EQ(backup.code, 0) << backup.output;
    EXPECT_TRUE(contains(backup.output, "backup written: " + file.string())) << backup.output;
    EXPECT_TRUE(contains(backup.output, "integrity ok")) << backup.output;
    EXPECT_TRUE(fs::exists(file.string() + ".manifest.json"));
    EXPECT_FALSE(fs::exists(file.string() + "-wal")) << "the backup is one self-contained file";
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        EXPECT_FALSE(contains(entry.path().filename().string(), ".tmp-")) << entry.path();

    const auto recorded = manifest_counts(file);
    EXPECT_GE(recorded.at("audit_log"), audit_before);
    EXPECT_LT(recorded.at("audit_log"), row_counts(db).at("audit_log")) << "writes continued after the copy";
    EXPECT_GT(recorded.at("organisations"), 0);

    const auto restored = dir_.path() / "restored" / "mamori.db";
    const auto r = restore(file, restored);
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "audit log intact")) << r.output;
    EXPECT_EQ(row_counts(restored), recorded);
    const auto verified = mamori({"audit", "verify", "--database", sqlite_url(restored)});
    EXPECT_EQ(verified.code, 0) << verified.output;
    EXPECT_TRUE(contains(verified.output, "audit log intact")) << verified.output;
}

TEST_F(Backup, RestoreIntoANewPathGivesIdenticalRowCountsAndAnIntactAuditLog) {
    const auto db = demo_database();
    append_audit_rows(db, 3);
    const auto file = backup_of(db);
    const auto restored = dir_.path() / "new" / "mamori.db";
    const auto r = restore(file, restored);
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "restored " + file.string())) << r.output;
    EXPECT_TRUE(contains(r.output, "row counts match the manifest")) << r.output;
    EXPECT_TRUE(contains(r.output, "audit log intact (3 rows)")) << r.output;
    EXPECT_EQ(row_counts(restored), row_counts(db));
    EXPECT_EQ(mamori({"audit", "verify", "--database", sqlite_url(restored)}).code, 0);
    EXPECT_FALSE(aside_file_exists(restored.parent_path()));
    const auto serve_ready = mamori({"migrate", "--database", sqlite_url(restored)});
    EXPECT_EQ(serve_ready.code, 0) << serve_ready.output;
}

TEST_F(Backup, AFlippedByteIsRefusedNamingTheHashMismatch) {
    const auto file = backup_of(demo_database());
    auto bytes = read_file(file);
    bytes[bytes.size() / 2] ^= 0x01;
    write_file(file, bytes);
    const auto restored = dir_.path() / "r.db";
    const auto r = restore(file, restored);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "SHA-256 mismatch")) << r.output;
    EXPECT_TRUE(contains(r.output, file.string())) << r.output;
    EXPECT_FALSE(fs::exists(restored));
    for (const auto& entry : fs::directory_iterator(dir_.path()))
        EXPECT_FALSE(contains(entry.path().filename().string(), ".tmp-")) << "left behind: " << entry.path();
}

TEST_F(Backup, ATruncatedBackupIsRefused) {
    const auto file = backup_of(demo_database());
    const auto bytes = read_file(file);
    write_file(file, bytes.substr(0, bytes.size() / 2));
    const auto restored = dir_.path() / "r.db";
    const auto r = restore(file, restored);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "truncated")) << r.output;
    EXPECT_TRUE(contains(r.output, std::to_string(bytes.size() / 2) + " bytes")) << r.output;
    EXPECT_FALSE(fs::exists(restored));
}

TEST_F(Backup, ABackupWithoutItsManifestIsRefused) {
    const auto file = backup_of(demo_database());
    fs::remove(file.string() + ".manifest.json");
    const auto r = restore(file, dir_.path() / "r.db");
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "manifest")) << r.output;
    EXPECT_FALSE(fs::exists(dir_.path() / "r.db"));
}

TEST_F(Backup, AnAlteredAuditLogIsRefusedEvenWithARecomputedManifest) {
    const auto db = demo_database();
    append_audit_rows(db, 3);
    const auto file = backup_of(db);
    {
        soci::session sql(soci::sqlite3, "db=\"" + file.string() + "\"");
        sql << "DROP TRIGGER audit_log_no_update";
        sql << "UPDATE audit_log SET target = 'someone else' WHERE seq = 1";
    }
    auto manifest = nlohmann::json::parse(read_file(file.string() + ".manifest.json"));
    const auto digest = read_file(file);
    manifest["bytes"] = digest.size();
    manifest["sha256"] = identity::sha256_hex(digest);
    write_file(file.string() + ".manifest.json", manifest.dump());
    const auto r = restore(file, dir_.path() / "r.db");
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "audit log")) << r.output;
    EXPECT_TRUE(contains(r.output, "row 1 was changed")) << r.output;
    EXPECT_FALSE(fs::exists(dir_.path() / "r.db"));
}

TEST_F(Backup, ABackupOfANewerSchemaIsRefused) {
    const auto db = dir_.path() / "newer.db";
    ASSERT_EQ(mamori({"migrate", "--database", sqlite_url(db)}).code, 0);
    {
        soci::session sql(soci::sqlite3, "db=\"" + db.string() + "\"");
        sql << "INSERT INTO schema_migrations (version, name, applied_at) "
               "VALUES (999, '0999_from_the_future', '2099-01-01T00:00:00Z')";
    }
    const auto file = backup_of(db);
    EXPECT_EQ(nlohmann::json::parse(read_file(file.string() + ".manifest.json")).at("schema_version"), 999);
    const auto r = restore(file, dir_.path() / "r.db");
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "schema version 999, newer than this mamori binary knows")) << r.output;
    EXPECT_FALSE(fs::exists(dir_.path() / "r.db"));
}

TEST_F(Backup, RestoreIntoADatabaseHoldingDataNeedsForceAndMovesItAside) {
    const auto file = backup_of(demo_database());
    const auto target = dir_.path() / "target" / "mamori.db";
    fs::create_directories(target.parent_path());
    ASSERT_EQ(mamori({"demo", "--database", sqlite_url(target)}).code, 0);
    const auto before = row_counts(target);

    const auto refused = restore(file, target);
    EXPECT_EQ(refused.code, 1) << refused.output;
    EXPECT_TRUE(contains(refused.output, "already holds data")) << refused.output;
    EXPECT_TRUE(contains(refused.output, "--force")) << refused.output;
    EXPECT_EQ(row_counts(target), before) << "nothing changed";
    EXPECT_FALSE(aside_file_exists(target.parent_path()));

    const auto forced = restore(file, target, {"--force"});
    ASSERT_EQ(forced.code, 0) << forced.output;
    EXPECT_TRUE(contains(forced.output, "the previous database was moved to")) << forced.output;
    EXPECT_EQ(row_counts(target), manifest_counts(file));
    fs::path aside;
    for (const auto& entry : fs::directory_iterator(target.parent_path()))
        if (contains(entry.path().filename().string(), ".before-restore-") &&
            !contains(entry.path().filename().string(), "-wal") &&
            !contains(entry.path().filename().string(), "-shm"))
            aside = entry.path();
    ASSERT_FALSE(aside.empty());
    EXPECT_EQ(row_counts(aside), before) << "the previous database is kept whole";
}

TEST_F(Backup, RestoreUnderARunningServerIsRefusedEvenWithForce) {
    const auto db = demo_database();
    const auto file = backup_of(db);
    ServerProcess server(sqlite_server(db));
    ASSERT_EQ(request(server.host(), server.port(), "GET", "/readyz").status, 200);
    const auto before = row_counts(db);
    const auto r = restore(file, db, {"--force"});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "in use by another process")) << r.output;
    EXPECT_FALSE(aside_file_exists(dir_.path()));
    EXPECT_EQ(row_counts(db), before);
    EXPECT_EQ(request(server.host(), server.port(), "GET", "/readyz").status, 200);
}

TEST_F(Backup, RestoreIntoAFreshlyMigratedDatabaseNeedsNoForce) {
    const auto file = backup_of(demo_database());
    const auto target = dir_.path() / "fresh.db";
    ASSERT_EQ(mamori({"migrate", "--database", sqlite_url(target)}).code, 0);
    const auto r = restore(file, target);
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "moved to")) << "the old file is moved aside, never deleted";
    EXPECT_EQ(row_counts(target), manifest_counts(file));
}

TEST_F(Backup, AnExistingBackupFileIsNotOverwrittenWithoutForce) {
    const auto db = demo_database();
    const auto file = backup_of(db);
    const auto first = read_file(file);
    const auto again = mamori({"backup", "--database", sqlite_url(db), "--to", file.string()});
    EXPECT_EQ(again.code, 1) << again.output;
    EXPECT_TRUE(contains(again.output, file.string() + " already exists")) << again.output;
    EXPECT_EQ(read_file(file), first);

    const auto forced = mamori({"backup", "--database", sqlite_url(db), "--to", file.string(), "--force"});
    EXPECT_EQ(forced.code, 0) << forced.output;
    EXPECT_EQ(restore(file, dir_.path() / "r.db").code, 0);
}

TEST_F(Backup, AnOlderBackupIsMigratedOnlyWithMigrate) {
    // A database one migration behind this binary, as an older mamori left it.
    const auto db = dir_.path() / "older.db";
    const int newest = create_older_sqlite_database(db);
    const auto file = backup_of(db);

    const auto plain = restore(file, dir_.path() / "plain.db");
    ASSERT_EQ(plain.code, 0) << plain.output;
    EXPECT_TRUE(
        contains(plain.output, fmt::format("schema is at version {}; this binary knows version {}: run "
                                           "'mamori migrate",
                                           newest - 1, newest)))
        << plain.output;
    EXPECT_EQ(row_counts(dir_.path() / "plain.db").at("schema_migrations"), newest - 1);

    const auto migrated = restore(file, dir_.path() / "migrated.db", {"--migrate"});
    ASSERT_EQ(migrated.code, 0) << migrated.output;
    EXPECT_TRUE(
        contains(migrated.output, fmt::format("migrated from schema version {} to {}", newest - 1, newest)))
        << migrated.output;
    EXPECT_EQ(row_counts(dir_.path() / "migrated.db").at("schema_migrations"), newest);
}

TEST_F(Backup, TheBackupCannotBeTheDatabaseItself) {
    const auto db = demo_database();
    const auto before = row_counts(db);
    const auto backup = mamori({"backup", "--database", sqlite_url(db), "--to", db.string(), "--force"});
    EXPECT_EQ(backup.code, 1) << backup.output;
    EXPECT_TRUE(contains(backup.output, "is the database itself")) << backup.output;
    EXPECT_EQ(row_counts(db), before);
    EXPECT_FALSE(fs::exists(db.string() + ".manifest.json"));
    const auto file = backup_of(db);
    const auto restore_onto_itself = restore(file, file, {"--force"});
    EXPECT_EQ(restore_onto_itself.code, 1) << restore_onto_itself.output;
    EXPECT_TRUE(contains(restore_onto_itself.output, "is the database itself")) << restore_onto_itself.output;
}

TEST_F(Backup, AMissingDatabaseIsAnErrorAndCreatesNothing) {
    const auto absent = dir_.path() / "absent.db";
    const auto r =
        mamori({"backup", "--database", sqlite_url(absent), "--to", (dir_.path() / "b.db").string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "no database file at " + absent.string())) << r.output;
    EXPECT_FALSE(fs::exists(absent));
    EXPECT_FALSE(fs::exists(dir_.path() / "b.db"));
}

}  // namespace
}  // namespace mamori::testing

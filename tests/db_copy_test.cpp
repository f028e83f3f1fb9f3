// Integration tests of `mamori db copy` on the real binary: a clinic's SQLite file with users, an assessment
// with answers and evidence, and audit rows copied into PostgreSQL (always, starting a private cluster on a
// SQLite run) and into the suite's own database; the copy serves logins and writes; and every refusal
// (target holding data, older source schema, missing source, bad URLs, tampered audit row) and a failure
// half-way leave the target as it was.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <map>

#include "mamori/core/time.hpp"
#include "mamori/store/database.hpp"
#include "support/audit_writer.hpp"
#include "support/postgres_cluster.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

namespace fs = std::filesystem;
using Counts = std::map<std::string, long long>;
using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kLogin = "admin@clinic.example";
const std::string kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const std::string kAwkwardNote = "tab\there, newline\nthere, CR\r, backslash \\ and \\N, 引用 \"x\"";

CommandRun mamori(const std::vector<std::string>& args) {
    return testing::mamori(args, {}, 120000);
}

CommandRun copy(const std::string& from, const std::string& to) {
    return mamori({"db", "copy", "--from", from, "--to", to});
}

std::string sqlite_url(const fs::path& db) {
    return "sqlite:" + db.string();
}

std::string today() {
    return to_iso_date(japan_date(std::chrono::system_clock::now()));
}

// row_counts: COUNT(*) of every table of the database at `url` (none when it has no tables yet).
Counts row_counts(const std::string& url) {
    auto parsed = store::parse_database_url(url);
    EXPECT_TRUE(parsed);
    auto db = store::Database::open(*parsed, 1);
    EXPECT_TRUE(db) << db.error().message;
    auto sql = (*db)->acquire();
    std::vector<std::string> tables;
    soci::rowset<std::string> names =
        (sql->prepare
         << (parsed->dialect == store::Dialect::sqlite
                 ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                 : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = "
                   "current_schema() AND table_type = 'BASE TABLE'"));
    for (const auto& name : names) tables.push_back(name);
    Counts counts;
    for (const auto& table : tables) {
        long long rows = 0;
        *sql << "SELECT COUNT(*) FROM \"" + table + "\"", soci::into(rows);
        counts[table] = rows;
    }
    return counts;
}

// without_seeded: `counts` without the rows every migrated database has (what a copy must not leave).
Counts data_rows(Counts counts) {
    counts.erase("schema_migrations");
    counts.erase("prefectures");
    std::erase_if(counts, [](const auto& entry) { return entry.second == 0; });
    return counts;
}

ServerLaunch server_on(const std::string& url, const fs::path& log_directory) {
    return {{"serve", "--listen", "127.0.0.1:0", "--database", url}, {}, log_directory};
}

// Clinic: what the source's server was used for, to check on the copy.
struct Clinic {
    std::string totp_secret;
    std::string assessment_path;
    std::string evidence_id;
};

class DbCopy : public ::testing::Test {
  protected:
    // clinic_database: the demo data plus a clinic set up over HTTP: an administrator with TOTP, this year's
    // checklist with answers (one with an awkward note), a PDF as evidence, and the audit rows all that
    // wrote.
    fs::path clinic_database(Clinic& clinic) {
        const auto db = dir_.path() / "clinic.db";
        EXPECT_EQ(mamori({"demo", "--organisations-only", "--database", sqlite_url(db)}).code, 0);
        ServerProcess server(server_on(sqlite_url(db), dir_.path()));
        SessionClient admin(server.host(), server.port());
        const auto set_up = admin.set_up_clinic(server.setup_code(), kLogin, kPassword);
        clinic.totp_secret = set_up.totp_secret;
        const auto org = set_up.organisation_id;
        const int year = fiscal_year(japan_date(std::chrono::system_clock::now()));
        auto created =
            admin.post(fmt::format("/api/v1/organisations/{}/assessments", org), {{"fiscal_year", year}});
        EXPECT_EQ(created.status, 201) << created.body;
        clinic.assessment_path = fmt::format("/api/v1/assessments/{}", created.json()["id"].get<long long>());
        auto answered =
            admin.put(clinic.assessment_path + "/answers/GOV-01/main",
                      {{"value", "yes"}, {"confirmed_on", today()}, {"note", "first"}, {"version", 0}});
        EXPECT_EQ(answered.status, 200) << answered.body;
        auto again =
            admin.put(clinic.assessment_path + "/answers/GOV-01/main",
                      {{"value", "yes"}, {"confirmed_on", today()}, {"note", kAwkwardNote}, {"version", 1}});
        EXPECT_EQ(again.status, 200) << again.body;
        auto up = admin.send("POST", clinic.assessment_path + "/answers/GOV-01/main/evidence?file_name=a.pdf",
                             kPdf, "application/pdf");
        EXPECT_EQ(up.status, 201) << up.body;
        clinic.evidence_id = std::to_string(up.json()["id"].get<long long>());
        return db;
    }

    // expect_served: a server on the copy logs the administrator in and saves: new sessions, answers and
    // audit rows take ids after the copied ones.
    void expect_served(const std::string& url, const Clinic& clinic) {
        ServerProcess server(server_on(url, dir_.path()));
        SessionClient admin(server.host(), server.port());
        auto login = admin.login(kLogin, kPassword, clinic.totp_secret);
        ASSERT_EQ(login.status, 200) << login.body;
        auto state = admin.get(clinic.assessment_path);
        ASSERT_EQ(state.status, 200) << state.body;
        bool found = false;
        const json assessment = state.json();
        for (const auto& item : assessment["items"])
            for (const auto& row : item["rows"])
                if (item["canonical_id"] == "GOV-01" && row["key"] == "main") {
                    EXPECT_EQ(row["answer"]["note"], kAwkwardNote);
                    EXPECT_EQ(row["answer"]["version"], 2);
                    found = true;
                }
        EXPECT_TRUE(found) << "GOV-01/main is answered on the copy";
        auto evidence = admin.get("/api/v1/evidence/" + clinic.evidence_id + "/content");
        EXPECT_EQ(evidence.status, 200);
        EXPECT_EQ(evidence.body, kPdf);
        auto updated = admin.put(
            clinic.assessment_path + "/answers/GOV-01/main",
            {{"value", "no"},
             {"confirmed_on", today()},
             {"target_date",
              fmt::format("{}-03-31", fiscal_year(japan_date(std::chrono::system_clock::now())) + 1)},
             {"version", 2}});
        EXPECT_EQ(updated.status, 200) << updated.body;
        auto added = admin.put(clinic.assessment_path + "/answers/IR-01/main",
                               {{"value", "yes"}, {"confirmed_on", today()}, {"version", 0}});
        EXPECT_EQ(added.status, 200) << added.body;
        auto link = admin.post(clinic.assessment_path + "/answers/GOV-01/main/links",
                               {{"url", "https://intranet.example/policy"}, {"title", "規程"}});
        EXPECT_EQ(link.status, 201) << link.body;
    }

    // copies_and_serves: the whole story into `target`.
    void copies_and_serves(const std::string& target) {
        Clinic clinic;
        const auto source = sqlite_url(clinic_database(clinic));
        const auto before = row_counts(source);
        ASSERT_GT(before.at("audit_log"), 3);
        ASSERT_GT(before.at("users"), 0);
        ASSERT_GT(before.at("evidence_blobs"), 0);
        ASSERT_EQ(before.at("answer_versions"), 2);

        const auto r = copy(source, target);
        ASSERT_EQ(r.code, 0) << r.output;
        EXPECT_TRUE(contains(r.output, fmt::format("audit log intact: {} rows", before.at("audit_log"))))
            << r.output;
        EXPECT_TRUE(contains(r.output, "  organisations: ")) << r.output;
        EXPECT_FALSE(contains(r.output, "mamori-test-password")) << "no password is printed";
        EXPECT_EQ(row_counts(target), before);
        EXPECT_EQ(row_counts(source), before) << "the source is not written";
        const auto verified = mamori({"audit", "verify", "--database", target});
        EXPECT_EQ(verified.code, 0) << verified.output;

        expect_served(target, clinic);
        const auto after = mamori({"audit", "verify", "--database", target});
        EXPECT_EQ(after.code, 0) << after.output;
        EXPECT_GT(row_counts(target).at("audit_log"), before.at("audit_log"));
    }

    TempDir dir_;
};

TEST_F(DbCopy, ASqliteInstallationMovesToPostgresqlAndServes) {
    FreshDatabase target(postgres_server_url());
    copies_and_serves(target.url());
}

TEST_F(DbCopy, ASqliteInstallationMovesToTheSuiteDatabaseAndServes) {
    copies_and_serves(database_url(dir_.path() / "target.db"));
}

TEST_F(DbCopy, ACopyWhileTheSourceIsWrittenIsOneConsistentSnapshot) {
    const auto db = dir_.path() / "busy.db";
    ASSERT_EQ(mamori({"demo", "--database", sqlite_url(db)}).code, 0);
    AuditWriter writer(db, "db_copy_test");
    ASSERT_TRUE(writer.wait_for(20));
    const auto target = database_url(dir_.path() / "target.db");
    const auto r = copy(sqlite_url(db), target);
    writer.stop();
    ASSERT_EQ(r.code, 0) << r.output;
    const auto copied = row_counts(target).at("audit_log");
    EXPECT_GE(copied, 20);
    EXPECT_TRUE(contains(r.output, fmt::format("audit log intact: {} rows", copied))) << r.output;
    EXPECT_LT(copied, row_counts(sqlite_url(db)).at("audit_log")) << "writes went on after the snapshot";
    EXPECT_EQ(mamori({"audit", "verify", "--database", target}).code, 0);
}

TEST_F(DbCopy, ATargetHoldingDataIsRefusedAndLeftAsItWas) {
    const auto source = sqlite_url(dir_.path() / "source.db");
    ASSERT_EQ(mamori({"demo", "--database", source}).code, 0);
    const auto target = database_url(dir_.path() / "target.db");
    ASSERT_EQ(mamori({"demo", "--database", target}).code, 0);
    const auto before = row_counts(target);
    const auto r = copy(source, target);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "already holds data")) << r.output;
    // The demo's ten organisations, the vendor its operator registers (demo_vendor_links.cpp) and the
    // national sample for statistics (demo_statistics.cpp).
    EXPECT_GT(before.at("organisations"), 11 + 4000);
    EXPECT_TRUE(contains(r.output, fmt::format("organisations ({} rows)", before.at("organisations"))))
        << r.output;
    EXPECT_EQ(row_counts(target), before);
}

TEST_F(DbCopy, ASourceAtAnOlderSchemaIsRefusedAndNotMigrated) {
    const auto db = dir_.path() / "older.db";
    const int newest = create_older_sqlite_database(db);
    const auto target = database_url(dir_.path() / "target.db");
    const auto r = copy(sqlite_url(db), target);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(
        contains(r.output, fmt::format("is at schema version {}; this mamori knows version {}: run 'mamori "
                                       "migrate --database {}' first",
                                       newest - 1, newest, sqlite_url(db))))
        << r.output;
    EXPECT_EQ(row_counts(sqlite_url(db)).at("schema_migrations"), newest - 1) << "the source is not migrated";
    EXPECT_TRUE(data_rows(row_counts(target)).empty());
}

TEST_F(DbCopy, AMissingSourceIsAnErrorAndNoFileIsCreated) {
    const auto absent = dir_.path() / "absent.db";
    const auto r = copy(sqlite_url(absent), database_url(dir_.path() / "target.db"));
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "--from")) << r.output;
    EXPECT_TRUE(contains(r.output, "no such file")) << r.output;
    EXPECT_FALSE(fs::exists(absent));
}

TEST_F(DbCopy, BadUrlsNameTheirOption) {
    const auto source = sqlite_url(dir_.path() / "source.db");
    ASSERT_EQ(mamori({"migrate", "--database", source}).code, 0);
    const auto bad_from = copy("mysql://clinic/db", sqlite_url(dir_.path() / "t.db"));
    EXPECT_EQ(bad_from.code, 1) << bad_from.output;
    EXPECT_TRUE(contains(bad_from.output, "--from: unsupported database URL scheme 'mysql'"))
        << bad_from.output;
    const auto bad_to = copy(source, "postgresql://");
    EXPECT_EQ(bad_to.code, 1) << bad_to.output;
    EXPECT_TRUE(contains(bad_to.output, "--to: the PostgreSQL URL names no server")) << bad_to.output;
    const auto missing = mamori({"db", "copy", "--from", source});
    EXPECT_NE(missing.code, 0);
    EXPECT_TRUE(contains(missing.output, "--to")) << missing.output;
    EXPECT_FALSE(fs::exists(dir_.path() / "t.db"));
}

TEST_F(DbCopy, ASourceWithATamperedAuditRowIsRefusedNamingTheRow) {
    Clinic clinic;
    const auto db = clinic_database(clinic);
    {
        soci::session sql(soci::sqlite3, "db=\"" + db.string() + "\"");
        sql << "DROP TRIGGER audit_log_no_update";
        sql << "UPDATE audit_log SET target = 'someone else' WHERE seq = 2";
    }
    const auto target = database_url(dir_.path() / "target.db");
    const auto r = copy(sqlite_url(db), target);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "audit log of the source")) << r.output;
    EXPECT_TRUE(contains(r.output, "row 2 was changed")) << r.output;
    EXPECT_TRUE(data_rows(row_counts(target)).empty());
}

// A row the target's foreign keys refuse (SQLite enforces them only on connections that turn them on, so an
// old or hand-edited file can hold one) fails the copy after most tables were written: nothing is kept.
void a_failure_half_way_leaves_the_target_empty(const fs::path& dir, const std::string& target) {
    const auto db = dir / "dangling.db";
    ASSERT_EQ(mamori({"demo", "--database", sqlite_url(db)}).code, 0);
    {
        soci::session sql(soci::sqlite3, "db=\"" + db.string() + "\"");
        sql << "INSERT INTO assessment_events (assessment_id, kind, at) VALUES (999999, 'created', "
               "'2026-11-25T00:00:00.000Z')";
    }
    const auto organisations = row_counts(sqlite_url(db)).at("organisations");
    const auto r = copy(sqlite_url(db), target);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, fmt::format("  organisations: {} rows", organisations)))
        << "tables before it were written: " << r.output;
    EXPECT_TRUE(contains(r.output, "copying table assessment_events")) << r.output;
    EXPECT_TRUE(contains(r.output, "nothing was kept")) << r.output;
    const auto after = row_counts(target);
    EXPECT_TRUE(data_rows(after).empty()) << "rolled back";
    EXPECT_EQ(after.at("prefectures"), 47) << "the seeded rows are back";
}

TEST_F(DbCopy, AFailureHalfWayLeavesAPostgresqlTargetEmpty) {
    FreshDatabase target(postgres_server_url());
    a_failure_half_way_leaves_the_target_empty(dir_.path(), target.url());
}

TEST_F(DbCopy, AFailureHalfWayLeavesTheSuiteDatabaseEmpty) {
    a_failure_half_way_leaves_the_target_empty(dir_.path(), database_url(dir_.path() / "target.db"));
}

TEST_F(DbCopy, TheSourceCannotBeTheTarget) {
    const auto source = sqlite_url(dir_.path() / "source.db");
    ASSERT_EQ(mamori({"migrate", "--database", source}).code, 0);
    const auto r = copy(source, source);
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "the same database")) << r.output;
}

}  // namespace
}  // namespace mamori::testing

// Integration tests of the `mamori` command line: help, version, migrate, demo, and configuration by
// flags > MAMORI_* environment > config file. Every child runs without the test's own MAMORI_* variables.
#include <gtest/gtest.h>
#include <signal.h>
#include <soci/soci.h>

#include <cctype>
#include <fstream>
#include <regex>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

std::vector<int> schema_versions(const std::filesystem::path& db) {
    DatabaseSession direct(db);
    soci::session& sql = *direct;
    std::vector<int> versions;
    soci::rowset<int> rows = (sql.prepare << "SELECT version FROM schema_migrations ORDER BY version");
    for (int v : rows) versions.push_back(v);
    return versions;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// ---------------------------------------------------------------------------------------------------------
// Help and version

TEST(CliHelp, HelpListsEveryCommand) {
    const auto r = mamori({"--help"});
    EXPECT_EQ(r.code, 0) << r.output;
    for (const char* command : {"serve", "migrate", "demo", "setup-code", "version"})
        EXPECT_TRUE(std::regex_search(r.output, std::regex(std::string("\\n\\s+") + command + "\\s")))
            << command << r.output;
}

TEST(CliHelp, EveryCommandHasHelp) {
    for (const char* command : {"serve", "migrate", "demo", "setup-code", "version"}) {
        SCOPED_TRACE(command);
        const auto r = mamori({command, "--help"});
        EXPECT_EQ(r.code, 0) << r.output;
        EXPECT_TRUE(contains(r.output, std::string("Usage: mamori ") + command)) << r.output;
        EXPECT_TRUE(contains(r.output, "--help")) << r.output;
    }
}

TEST(CliHelp, ServeHelpListsEveryOptionWithItsEnvironmentVariable) {
    const auto r = mamori({"serve", "--help"});
    ASSERT_EQ(r.code, 0) << r.output;
    const std::pair<const char*, const char*> options[] = {
        {"--config", "MAMORI_CONFIG"},
        {"--data-dir", "MAMORI_DATA_DIR"},
        {"--database", "MAMORI_DATABASE"},
        {"--log-level", "MAMORI_LOG_LEVEL"},
        {"--listen", "MAMORI_LISTEN"},
        {"--demo", "MAMORI_DEMO"},
        {"--demo-institutions", "MAMORI_DEMO_INSTITUTIONS"},
        {"--threads", "MAMORI_THREADS"},
        {"--database-pool", "MAMORI_DATABASE_POOL"},
        {"--max-header-bytes", "MAMORI_MAX_HEADER_BYTES"},
        {"--max-body-bytes", "MAMORI_MAX_BODY_BYTES"},
        {"--request-timeout-ms", "MAMORI_REQUEST_TIMEOUT_MS"},
        {"--max-connections", "MAMORI_MAX_CONNECTIONS"},
        {"--shutdown-grace-ms", "MAMORI_SHUTDOWN_GRACE_MS"},
        {"--trusted-proxies", "MAMORI_TRUSTED_PROXIES"},
    };
    for (const auto& [flag, env] : options) {
        SCOPED_TRACE(flag);
        // The flag and its variable are on the same line: "--listen TEXT=127.0.0.1:8080 (Env:MAMORI_LISTEN)".
        const std::regex line(std::string("\\n\\s+") + flag + "[ =:][^\\n]*\\(Env:" + env + "\\)");
        EXPECT_TRUE(std::regex_search(r.output, line)) << r.output;
    }
    EXPECT_TRUE(contains(r.output, "127.0.0.1:8080")) << "the default listen address is documented";

    // Options added later must follow suit: every --flag-name has MAMORI_FLAG_NAME.
    const std::regex option_line(R"(\n\s+(?:-\w,)?--([a-z0-9-]+)([^\n]*))");
    int seen = 0;
    for (std::sregex_iterator it(r.output.begin(), r.output.end(), option_line), end; it != end; ++it) {
        const std::string name = (*it)[1];
        if (name == "help") continue;
        ++seen;
        std::string env = "MAMORI_";
        for (char c : name)
            env += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        EXPECT_TRUE(contains((*it)[2].str(), "(Env:" + env + ")")) << "--" << name << " has no " << env;
    }
    EXPECT_GE(seen, 13);
}

TEST(CliHelp, MigrateAndDemoHelpListTheDatabaseOptions) {
    for (const char* command : {"migrate", "demo"}) {
        SCOPED_TRACE(command);
        const auto r = mamori({command, "--help"});
        ASSERT_EQ(r.code, 0) << r.output;
        for (const char* env : {"MAMORI_CONFIG", "MAMORI_DATA_DIR", "MAMORI_DATABASE", "MAMORI_LOG_LEVEL"})
            EXPECT_TRUE(contains(r.output, std::string("(Env:") + env + ")")) << env << r.output;
        EXPECT_FALSE(contains(r.output, "--listen")) << r.output;
    }
}

TEST(CliHelp, VersionPrintsTheVersion) {
    const auto r = mamori({"version"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.output, std::string("mamori ") + MAMORI_VERSION + "\n");
    const auto flag = mamori({"--version"});
    EXPECT_EQ(flag.code, 0);
    EXPECT_TRUE(contains(flag.output, MAMORI_VERSION)) << flag.output;
}

TEST(CliHelp, MissingOrUnknownCommandIsAnError) {
    const auto none = mamori({});
    EXPECT_NE(none.code, 0);
    EXPECT_TRUE(contains(none.output, "subcommand")) << none.output;
    const auto unknown = mamori({"frobnicate"});
    EXPECT_NE(unknown.code, 0);
    const auto bad_flag = mamori({"migrate", "--no-such-flag"});
    EXPECT_NE(bad_flag.code, 0);
    EXPECT_TRUE(contains(bad_flag.output, "--no-such-flag")) << bad_flag.output;
}

// ---------------------------------------------------------------------------------------------------------
// migrate

TEST(CliMigrate, CreatesTheSchemaAndIsIdempotent) {
    TempDir dir;
    const auto db = dir.path() / "m.db";
    const auto first = mamori({"migrate", "--database", database_url(db)});
    ASSERT_EQ(first.code, 0) << first.output;
    const auto versions = schema_versions(db);
    ASSERT_FALSE(versions.empty());
    for (std::size_t i = 0; i < versions.size(); ++i) EXPECT_EQ(versions[i], static_cast<int>(i) + 1);
    if (!testing_postgres()) {  // the SQLite file, in WAL mode
        ASSERT_TRUE(std::filesystem::exists(db));
        DatabaseSession direct(db);
        soci::session& sql = *direct;
        std::string mode;
        sql << "PRAGMA journal_mode", soci::into(mode);
        EXPECT_EQ(mode, "wal");
        int tables = 0;
        sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'organisations'",
            soci::into(tables);
        EXPECT_EQ(tables, 1);
    }
    EXPECT_TRUE(contains(first.output, "migration applied")) << first.output;

    const auto second = mamori({"migrate", "--database", database_url(db)});
    EXPECT_EQ(second.code, 0) << second.output;
    EXPECT_EQ(schema_versions(db), versions);
    EXPECT_FALSE(contains(second.output, "migration applied")) << second.output;
}

TEST(CliMigrate, DefaultDatabaseIsUnderTheDataDirectory) {
    if (testing_postgres()) GTEST_SKIP() << "the default database is a SQLite file";
    TempDir dir;
    const auto data = dir.path() / "nested" / "data";
    const auto r = mamori({"migrate", "--data-dir", data.string()});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(data / "mamori.db"));
    EXPECT_FALSE(schema_versions(data / "mamori.db").empty());
}

TEST(CliMigrate, ADatabaseNewerThanTheBinaryIsRefusedByMigrateAndServe) {
    TempDir dir;
    const auto db = dir.path() / "newer.db";
    ASSERT_EQ(mamori({"migrate", "--database", database_url(db)}).code, 0);
    {
        DatabaseSession direct(db);
        soci::session& sql = *direct;
        sql << "INSERT INTO schema_migrations (version, name, applied_at) "
               "VALUES (999, '0999_from_the_future', '2099-01-01T00:00:00Z')";
    }
    const auto migrate = mamori({"migrate", "--database", database_url(db)});
    EXPECT_EQ(migrate.code, 1) << migrate.output;
    EXPECT_TRUE(contains(migrate.output, "newer")) << migrate.output;
    EXPECT_TRUE(contains(migrate.output, "999")) << migrate.output;

    const auto serve = mamori({"serve", "--listen", "127.0.0.1:0", "--database", database_url(db)});
    EXPECT_EQ(serve.code, 1) << serve.output;
    EXPECT_TRUE(contains(serve.output, "newer")) << serve.output;
    EXPECT_FALSE(contains(serve.output, "running at")) << serve.output;
    EXPECT_EQ(schema_versions(db).back(), 999);  // untouched
}

// ---------------------------------------------------------------------------------------------------------
// Databases

TEST(CliDatabase, AnUnreachablePostgresqlServerIsReportedWithoutItsPassword) {
    for (const char* command : {"migrate", "demo", "serve"}) {
        SCOPED_TRACE(command);
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        const auto r = mamori(
            {command, "--database", "postgresql://mamori:s3cret-word@127.0.0.1:1/mamori?connect_timeout=2"});
        EXPECT_EQ(r.code, 1) << r.output;
        EXPECT_TRUE(contains(r.output, "cannot open database postgresql://mamori:***@127.0.0.1:1/mamori"))
            << r.output;
        EXPECT_FALSE(contains(r.output, "s3cret-word")) << r.output;
    }
}

TEST(CliDatabase, APostgresqlUrlWithoutAServerIsRefused) {
    const auto r = mamori({"migrate", "--database", "postgresql://"});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "names no server")) << r.output;
}

TEST(CliDatabase, ServeKeepsTheConfiguredNumberOfDatabaseConnections) {
    if (!testing_postgres()) GTEST_SKIP() << "counts PostgreSQL's connections";
    TempDir dir;
    const auto db = dir.path() / "pool.db";
    ServerProcess server(db, {"--database-pool", "3"});
    DatabaseSession direct(db);
    int connections = 0;
    *direct << "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND "
               "pid <> pg_backend_pid()",
        soci::into(connections);
    EXPECT_EQ(connections, 3);
}

TEST(CliDatabase, UnknownUrlSchemeIsRefused) {
    const auto r = mamori({"migrate", "--database", "mysql://localhost/x"});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "scheme 'mysql'")) << r.output;
    EXPECT_TRUE(contains(r.output, "sqlite:PATH or postgresql://")) << r.output;
}

// ---------------------------------------------------------------------------------------------------------
// demo

TEST(CliDemo, LoadsDemoDataOnceThenLoadsNothing) {
    TempDir dir;
    const auto db = dir.path() / "demo.db";
    const auto first = mamori({"demo", "--database", database_url(db)});
    ASSERT_EQ(first.code, 0) << first.output;
    std::smatch loaded;
    ASSERT_TRUE(
        std::regex_search(first.output, loaded, std::regex(R"(demo data loaded: (\d+) organisations)")))
        << first.output;
    // The personas' content adds one vendor organisation, registered by the operator (demo_vendor_links.cpp).
    const int organisations = std::stoi(loaded[1]) + 1;
    EXPECT_GT(organisations, 1);

    const auto second = mamori({"demo", "--database", database_url(db)});
    EXPECT_EQ(second.code, 0) << second.output;
    EXPECT_TRUE(contains(second.output, "already has " + std::to_string(organisations) + " organisations"))
        << second.output;
    EXPECT_TRUE(contains(second.output, "nothing loaded")) << second.output;

    DatabaseSession direct(db);
    soci::session& sql = *direct;
    int count = 0;
    sql << "SELECT COUNT(*) FROM organisations", soci::into(count);
    EXPECT_EQ(count, organisations);
}

TEST(CliDemo, ServeWithDemoLoadsAnEmptyDatabase) {
    TempDir dir;
    const auto db = dir.path() / "serve-demo.db";
    {
        ServerProcess server(db, {"--demo"});
        EXPECT_TRUE(server.wait_for_log("\"msg\":\"demo data loaded\"", 5000)) << server.log();
        // Once a request has been answered the server is running (and handles SIGTERM; see
        // Server.SigtermRightAfterStartIsGraceful for the window before that).
        EXPECT_EQ(request(server.host(), server.port(), "GET", "/healthz").status, 200);
        server.signal(SIGTERM);
        EXPECT_EQ(server.wait_exit(5000), 0) << server.log();
    }
    ServerProcess again(db, {"--demo"});
    EXPECT_TRUE(again.wait_for_log("demo data skipped", 5000)) << again.log();
}

// ---------------------------------------------------------------------------------------------------------
// Configuration precedence: flag > MAMORI_* environment > config file. The listen address is the observable
// setting; each source names a different loopback address (port 0), so there is no port to race for.

class CliConfig : public ::testing::Test {
  protected:
    void SetUp() override {
        config_ = dir_.path() / "mamori.conf";
        write_file(config_,
                   "# mamori test configuration\n"
                   "listen = \"127.0.0.2:0\"\n"
                   "\n"
                   "database = " +
                       database_url(dir_.path() / "config.db") +
                       "\n"
                       "request-timeout-ms = 5000\n");
    }

    std::unique_ptr<ServerProcess> start(std::vector<std::string> args, Environment env = {}) {
        return std::make_unique<ServerProcess>(ServerLaunch{std::move(args), std::move(env), dir_.path()});
    }

    TempDir dir_;
    std::filesystem::path config_;
};

TEST_F(CliConfig, TheConfigFileSetsTheListenAddress) {
    auto server = start({"serve", "--config", config_.string()});
    EXPECT_EQ(server->host(), "127.0.0.2");
    EXPECT_EQ(request(server->host(), server->port(), "GET", "/healthz").status, 200);
    EXPECT_FALSE(schema_versions(dir_.path() / "config.db").empty())
        << "the database setting came from the file";
}

TEST_F(CliConfig, TheConfigFileCanBeNamedInTheEnvironment) {
    auto server = start({"serve"}, {{"MAMORI_CONFIG", config_.string()}});
    EXPECT_EQ(server->host(), "127.0.0.2");
}

TEST_F(CliConfig, EnvironmentOverridesTheConfigFile) {
    auto server = start({"serve", "--config", config_.string()}, {{"MAMORI_LISTEN", "127.0.0.3:0"}});
    EXPECT_EQ(server->host(), "127.0.0.3");
    EXPECT_EQ(request(server->host(), server->port(), "GET", "/healthz").status, 200);
}

TEST_F(CliConfig, FlagOverridesEnvironmentAndConfigFile) {
    auto server = start({"serve", "--config", config_.string(), "--listen", "127.0.0.4:0"},
                        {{"MAMORI_LISTEN", "127.0.0.3:0"}});
    EXPECT_EQ(server->host(), "127.0.0.4");
    EXPECT_EQ(request(server->host(), server->port(), "GET", "/healthz").status, 200);
}

TEST_F(CliConfig, EnvironmentAloneSetsTheListenAddress) {
    auto server = start({"serve", "--database", database_url(dir_.path() / "env.db")},
                        {{"MAMORI_LISTEN", "127.0.0.5:0"}});
    EXPECT_EQ(server->host(), "127.0.0.5");
}

TEST_F(CliConfig, UnknownKeyIsAnErrorNamingTheFileAndLine) {
    write_file(config_, "listen = 127.0.0.1:0\n# comment\ncolour = blue\n");
    const auto r = mamori({"serve", "--config", config_.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, config_.string() + " line 3")) << r.output;
    EXPECT_TRUE(contains(r.output, "colour")) << r.output;
    EXPECT_FALSE(contains(r.output, "running at")) << r.output;
}

// One /etc/mamori/mamori.conf for serve and the maintenance commands: they ignore serve's settings.
TEST_F(CliConfig, OtherCommandsReadTheServersConfigFileAndIgnoreItsServeSettings) {
    const auto migrated = mamori({"migrate", "--config", config_.string()});
    EXPECT_EQ(migrated.code, 0) << migrated.output;
    EXPECT_FALSE(schema_versions(dir_.path() / "config.db").empty())
        << "the database setting came from the file";
    const auto verified = mamori({"audit", "verify", "--config", config_.string()});
    EXPECT_EQ(verified.code, 0) << verified.output;

    write_file(config_, "listen = 127.0.0.1:0\ncolour = blue\n");
    const auto unknown = mamori({"migrate", "--config", config_.string()});
    EXPECT_EQ(unknown.code, 1) << unknown.output;
    EXPECT_TRUE(contains(unknown.output, config_.string() + " line 2")) << unknown.output;
}

TEST_F(CliConfig, LineWithoutEqualsSignIsAnErrorNamingTheLine) {
    write_file(config_, "listen 127.0.0.1:0\n");
    const auto r = mamori({"migrate", "--config", config_.string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, config_.string() + " line 1")) << r.output;
}

TEST_F(CliConfig, BadListenValueFailsNamingListen) {
    write_file(config_, "listen = nope\ndatabase = " + database_url(dir_.path() / "bad.db") + "\n");
    const auto from_file = mamori({"serve", "--config", config_.string()});
    EXPECT_EQ(from_file.code, 1) << from_file.output;
    EXPECT_TRUE(contains(from_file.output, "listen")) << from_file.output;
    EXPECT_TRUE(contains(from_file.output, "nope")) << from_file.output;

    const auto bad_port =
        mamori({"serve", "--listen", "127.0.0.1:99999", "--database", database_url(dir_.path() / "bad.db")});
    EXPECT_EQ(bad_port.code, 1) << bad_port.output;
    EXPECT_TRUE(contains(bad_port.output, "listen port '99999'")) << bad_port.output;
}

TEST_F(CliConfig, BadValueForACheckedSettingNamesTheFileLineAndKey) {
    write_file(config_, "log-level = loud\n");
    const auto r =
        mamori({"migrate", "--config", config_.string(), "--database", database_url(dir_.path() / "x.db")});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, config_.string() + " line 1")) << r.output;
    EXPECT_TRUE(contains(r.output, "log-level")) << r.output;
}

TEST_F(CliConfig, BadEnvironmentValueIsAnError) {
    const auto r = mamori({"serve", "--database", database_url(dir_.path() / "x.db")},
                          {{"MAMORI_MAX_CONNECTIONS", "0"}, {"MAMORI_LISTEN", "127.0.0.1:0"}});
    EXPECT_NE(r.code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "max-connections")) << r.output;
}

TEST_F(CliConfig, ABadTrustedProxyIsRefusedNamingTheEntry) {
    const auto database = database_url(dir_.path() / "x.db");
    const auto flag = mamori({"serve", "--listen", "127.0.0.1:0", "--database", database, "--trusted-proxies",
                              "127.0.0.1, 10.0.0.0/8, 10.0.0.300"});
    EXPECT_NE(flag.code, 0) << flag.output;
    EXPECT_TRUE(contains(flag.output, "'10.0.0.300'")) << flag.output;
    EXPECT_FALSE(contains(flag.output, "running at")) << flag.output;

    const auto env = mamori({"serve", "--listen", "127.0.0.1:0", "--database", database},
                            {{"MAMORI_TRUSTED_PROXIES", "::1/129"}});
    EXPECT_NE(env.code, 0) << env.output;
    EXPECT_TRUE(contains(env.output, "'::1/129'")) << env.output;

    write_file(config_, "listen = 127.0.0.1:0\ntrusted-proxies = 127.0.0.1, proxy.example\n");
    const auto file = mamori({"serve", "--config", config_.string(), "--database", database});
    EXPECT_EQ(file.code, 1) << file.output;
    EXPECT_TRUE(contains(file.output, config_.string() + " line 2")) << file.output;
    EXPECT_TRUE(contains(file.output, "'proxy.example'")) << file.output;
}

TEST_F(CliConfig, TrustedProxiesComeFromTheConfigFile) {
    write_file(config_, "listen = 127.0.0.1:0\ndatabase = " + database_url(dir_.path() / "proxy.db") +
                            "\ntrusted-proxies = 127.0.0.0/8, ::1\n");
    auto server = start({"serve", "--config", config_.string()});
    const auto r =
        request(server->host(), server->port(), "GET", "/healthz", "", {{"X-Forwarded-For", "192.0.2.44"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(server->wait_for_log("\"remote\":\"192.0.2.44\"", 5000)) << server->log();
}

TEST_F(CliConfig, MissingConfigFileIsAnError) {
    const auto r = mamori({"migrate", "--config", (dir_.path() / "absent.conf").string()});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "absent.conf")) << r.output;
}

}  // namespace
}  // namespace mamori::testing

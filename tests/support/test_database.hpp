// Which database the tests run against, and a database for each test on it. MAMORI_TEST_DATABASE=postgres
// runs them on PostgreSQL (anything else, or unset: SQLite files in the test's temporary directory). On
// PostgreSQL each test gets a fresh database in a private cluster: the one named by
// MAMORI_TEST_POSTGRES_URL (started around a whole test run by `with_postgres_cluster`), else one this
// process starts on first use and removes at exit.
//
//     ServerProcess server(dir.path() / "x.db");          // serves database_url(dir.path() / "x.db")
//     run_mamori({"demo", "--database", database_url(dir.path() / "x.db")}, out);
#pragma once

#include <filesystem>
#include <string>

namespace mamori::testing {

// testing_postgres: MAMORI_TEST_DATABASE=postgres.
bool testing_postgres();

// postgres_server_url: a URL of the private cluster through which databases are created (see above).
std::string postgres_server_url();

// database_url: "sqlite:<path>" on SQLite; on PostgreSQL the URL of a fresh database that stands for
// `path` in this process (the same path always gives the same database), dropped at exit.
std::string database_url(const std::filesystem::path& path);

}  // namespace mamori::testing

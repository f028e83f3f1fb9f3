// Settings of the CLI commands, filled by CLI11 from flags, environment and the config file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/services/demo.hpp"
#include "mamori/store/database.hpp"

namespace mamori::cli {

// CommonSettings: what every command that touches the database needs.
struct CommonSettings {
    std::string config;
    std::string data_dir = "data";
    std::string database;  // empty: sqlite:<data_dir>/mamori.db
    std::string log_level = "info";

    std::string database_url() const {
        return database.empty() ? "sqlite:" + data_dir + "/mamori.db" : database;
    }
};

// ServeSettings: the server's address, limits and start-up data.
struct ServeSettings {
    std::string listen = "127.0.0.1:8080";
    bool demo = false;
    bool demo_organisations_only = false;  // with demo: no personas (tests of first-run setup)
    std::size_t demo_institutions = 0;
    bool demo_without_statistics_sample = false;  // with demo: no synthetic national sample (tests)
    std::size_t threads = 0;
    std::size_t workers = 0;        // 0: half the cores
    std::size_t database_pool = 0;  // 0: two connections per I/O thread
    std::size_t max_header_bytes = std::size_t{16} * 1024;
    std::size_t max_body_bytes = std::size_t{1024} * 1024;
    std::size_t request_timeout_ms = 30'000;
    std::size_t max_connections = 4096;
    std::size_t shutdown_grace_ms = 10'000;
    bool secure_cookies = false;
    std::size_t session_idle_minutes = 30;
    std::size_t session_absolute_hours = 12;
    std::string trusted_proxies;  // empty: X-Forwarded-For is never believed
    std::string allowed_hosts;    // names a request's Host may give beyond the server's own addresses
    std::string statistics_database;  // a read replica for statistics; empty: the main database
    std::size_t statistics_minimum_count = 10;  // k of small-cell suppression
    std::string survey_date;  // YYYY-MM-DD: the Japan date surveys open and close by; empty: today
};

// BackupOptions: `mamori backup --to FILE [--force]`.
struct BackupOptions {
    std::string to;
    bool force = false;
};

// RestoreOptions: `mamori restore --from FILE [--force] [--migrate]`.
struct RestoreOptions {
    std::string from;
    bool force = false;
    bool migrate = false;
};

// DbCopyOptions: `mamori db copy --from URL --to URL`.
struct DbCopyOptions {
    std::string from;
    std::string to;
};

// open_migrated_database: opens the database, applies pending migrations and logs what happened. Prints a
// plain error and returns nullptr on failure.
std::unique_ptr<store::Database> open_migrated_database(const CommonSettings& common, std::size_t pool_size);

// cli_context: the audit context of one command run: remote "local" and a random run id.
audit::Context cli_context();

// report_errors: prints `heading: message` and each field error (file and JSON path for the catalog) to
// stderr; returns exit code 1.
int report_errors(const Error& error, std::string_view heading);

// catalog_validate_command: `mamori catalog validate FILE`; 0 with a summary, 1 with every error.
int catalog_validate_command(const CommonSettings& common, const std::string& file);

// catalog_import_command: `mamori catalog import FILE`; stores the next revision of the file's edition.
int catalog_import_command(const CommonSettings& common, const std::string& file);

// import_facilities_command: `mamori import facilities FILE…`; 0 when every file was read (even with row
// errors), 1 when a file is unreadable or has an unknown header, 2 with `strict` when any row failed.
int import_facilities_command(const CommonSettings& common, const std::vector<std::string>& files,
                              bool strict);

// import_municipalities_command: `mamori import municipalities FILE`; 1 when the file is not imported.
int import_municipalities_command(const CommonSettings& common, const std::string& file);

// feeds_import_command: `mamori feeds import kev|nvd|cpe|jvn PATH`; prints the counts; 1 with the error
// (file, record and field) when the input is refused, the database then holding nothing of the bad file.
int feeds_import_command(const CommonSettings& common, const std::string& feed, const std::string& path);

// backup_command: `mamori backup`; 0 when the backup and its manifest are written, 1 otherwise.
int backup_command(const CommonSettings& common, const BackupOptions& options);

// restore_command: `mamori restore`; 0 when the backup was verified and restored, 1 when it was refused.
int restore_command(const CommonSettings& common, const RestoreOptions& options);

// db_copy_command: `mamori db copy`; 0 when everything was copied and verified, 1 when nothing was.
int db_copy_command(const DbCopyOptions& options);

// setup_code_command: `mamori setup-code`; prints a new first-run setup code (0), or 1 when set up already.
int setup_code_command(const CommonSettings& common);

// announce_setup_code: at `serve` start on a database without users, makes the setup code if none is stored
// and prints (and logs) where to enter it.
Status announce_setup_code(store::Database& db, const std::string& url);

// VendorRegisterOptions: `mamori vendors register`.
struct VendorRegisterOptions {
    std::string name;
    std::string corporate_number;
    bool confirm_new = false;
};

// vendors_register_command: `mamori vendors register`; 0 when registered, 1 when refused (a vendor with the
// same 法人番号, or the same name without --confirm-new, is named).
int vendors_register_command(const CommonSettings& common, const VendorRegisterOptions& options);

// exposure_check_command: `mamori exposure check --cpe …`; 0 with one line per matching CVE (" KEV" after
// the id when in KEV), 2 when a --cpe is not a CPE name (the error names it).
int exposure_check_command(const CommonSettings& common, const std::vector<std::string>& cpes);
// exposure_match_command: `mamori exposure match`; every asset matched again, with the counts and times.
int exposure_match_command(const CommonSettings& common);

// user_reset_command: `mamori user reset-mfa LOGIN` (and its alias reset-password); prints a one-time code.
int user_reset_command(const CommonSettings& common, const std::string& login);

// serve: runs the server until SIGINT/SIGTERM; returns the exit code.
int serve(const CommonSettings& common, const ServeSettings& settings);

// demo_personas_text: the console's list of demo personas (organisation, role, login, password), for
// `mamori demo` and for `serve` on a demo database; empty when there are none.
std::string demo_personas_text(const std::vector<services::DemoPersona>& personas,
                               const std::string& url = "");

// start_demo: `serve --demo`: installs demo mode (or only the organisations); false after printing why not.
bool start_demo(store::Database& db, services::CatalogService& catalog, const ServeSettings& settings);

// announce_demo_personas: on a demo database, logs and prints the personas with the URL to sign in at.
Status announce_demo_personas(store::Database& db, const std::string& url);

}  // namespace mamori::cli

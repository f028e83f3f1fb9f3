#include "mamori/cli/cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <iostream>

#include "config_file.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/core/log.hpp"
#include "mamori/http/forwarded_address.hpp"
#include "mamori/http/host_check.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/services/demo.hpp"
#include "mamori/services/migration_data_steps.hpp"
#include "mamori/store/migrations.hpp"
#include "settings.hpp"

namespace mamori::cli {

namespace {

spdlog::level::level_enum log_level(const std::string& name) {
    return spdlog::level::from_str(name);
}

void add_common_options(CLI::App& command, CommonSettings& s) {
    command
        .add_option("--config", s.config, "Config file of 'key = value' lines (keys: the long flag names)")
        ->envname("MAMORI_CONFIG");
    command.add_option("--data-dir", s.data_dir, "Directory for the default SQLite database")
        ->envname("MAMORI_DATA_DIR")
        ->capture_default_str();
    command
        .add_option("--database", s.database,
                    "Database URL: sqlite:PATH (default: sqlite:<data-dir>/mamori.db) or postgresql://…")
        ->envname("MAMORI_DATABASE");
    command.add_option("--log-level", s.log_level, "Log level: trace, debug, info, warn, error")
        ->envname("MAMORI_LOG_LEVEL")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
        ->capture_default_str();
}

void add_serve_options(CLI::App& command, ServeSettings& s) {
    command.add_option("--listen", s.listen, "Address to listen on, HOST:PORT (port 0 picks a free port)")
        ->envname("MAMORI_LISTEN")
        ->capture_default_str();
    command
        .add_flag(
            "--demo", s.demo,
            "Demo mode: load the demo organisations, personas (ready users) and checklists into an empty "
            "or demo database")
        ->envname("MAMORI_DEMO");
    command
        .add_flag("--demo-organisations-only", s.demo_organisations_only,
                  "With --demo: only the demo organisations, no users (then first-run setup, as in tests)")
        ->envname("MAMORI_DEMO_ORGANISATIONS_ONLY");
    command
        .add_option("--demo-institutions", s.demo_institutions,
                    "With --demo: also generate this many synthetic clinics (load tests)")
        ->envname("MAMORI_DEMO_INSTITUTIONS")
        ->check(CLI::Range(0, 1'000'000))
        ->capture_default_str();
    command
        .add_flag("--demo-without-statistics-sample", s.demo_without_statistics_sample,
                  "With --demo: leave out the synthetic national sample of about 4,500 institutions that "
                  "gives the statistics numbers (tests that count national figures of their own)")
        ->envname("MAMORI_DEMO_WITHOUT_STATISTICS_SAMPLE");
    command.add_option("--threads", s.threads, "I/O threads (0: one per core)")
        ->envname("MAMORI_THREADS")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
    command
        .add_option("--workers", s.workers,
                    "Threads for slow requests (password checks, documents); 0: half the cores, at least one")
        ->envname("MAMORI_WORKERS")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
    command
        .add_option("--database-pool", s.database_pool,
                    "Database connections this server keeps open (0: two per I/O thread); with PostgreSQL, "
                    "all app servers together must stay under the server's max_connections")
        ->envname("MAMORI_DATABASE_POOL")
        ->check(CLI::Range(0, 1024))
        ->capture_default_str();
    command
        .add_option("--statistics-database", s.statistics_database,
                    "A read-only copy (PostgreSQL replica) that statistics are read from; empty: --database")
        ->envname("MAMORI_STATISTICS_DATABASE");
    command
        .add_option("--statistics-minimum-count", s.statistics_minimum_count,
                    "Statistics hide counts of fewer institutions than this (small-cell suppression)")
        ->envname("MAMORI_STATISTICS_MINIMUM_COUNT")
        ->check(CLI::Range(2, 1000))
        ->capture_default_str();
    command
        .add_option("--survey-date", s.survey_date,
                    "The Japan date (YYYY-MM-DD) that decides which survey versions are open, for tests and "
                    "demonstrations; empty: today")
        ->envname("MAMORI_SURVEY_DATE");
    command.add_option("--max-header-bytes", s.max_header_bytes, "Largest request header block accepted")
        ->envname("MAMORI_MAX_HEADER_BYTES")
        ->check(CLI::Range(1024, 1024 * 1024))
        ->capture_default_str();
    command.add_option("--max-body-bytes", s.max_body_bytes, "Largest request body accepted")
        ->envname("MAMORI_MAX_BODY_BYTES")
        ->check(CLI::Range(1024, 256 * 1024 * 1024))
        ->capture_default_str();
    command.add_option("--request-timeout-ms", s.request_timeout_ms, "Time allowed to receive one request")
        ->envname("MAMORI_REQUEST_TIMEOUT_MS")
        ->check(CLI::Range(100, 600'000))
        ->capture_default_str();
    command.add_option("--max-connections", s.max_connections, "Open connections before new ones get 503")
        ->envname("MAMORI_MAX_CONNECTIONS")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    command
        .add_option("--shutdown-grace-ms", s.shutdown_grace_ms,
                    "On SIGTERM/SIGINT, time in-flight requests get to finish")
        ->envname("MAMORI_SHUTDOWN_GRACE_MS")
        ->check(CLI::Range(0, 600'000))
        ->capture_default_str();
    command
        .add_flag("--secure-cookies", s.secure_cookies,
                  "Mark the session cookie Secure (set when served over TLS)")
        ->envname("MAMORI_SECURE_COOKIES");
    command
        .add_option("--session-idle-minutes", s.session_idle_minutes, "A session ends after this long unused")
        ->envname("MAMORI_SESSION_IDLE_MINUTES")
        ->check(CLI::Range(1, 24 * 60))
        ->capture_default_str();
    command
        .add_option("--session-absolute-hours", s.session_absolute_hours,
                    "A session ends this long after login")
        ->envname("MAMORI_SESSION_ABSOLUTE_HOURS")
        ->check(CLI::Range(1, 24 * 30))
        ->capture_default_str();
    command
        .add_option(
            "--trusted-proxies", s.trusted_proxies,
            "Reverse proxies (comma-separated IP addresses and CIDR ranges, e.g. 127.0.0.1,::1) whose "
            "X-Forwarded-For names the client; empty: trust none")
        ->envname("MAMORI_TRUSTED_PROXIES")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                auto parsed = http::TrustedProxies::parse(value);
                return parsed ? std::string() : parsed.error().message;
            },
            "", "trusted-proxies"));
    command
        .add_option("--allowed-hosts", s.allowed_hosts,
                    "Names (and addresses) the Host header may give besides the address a request arrived at "
                    "and, on loopback, localhost: the public name behind a reverse proxy, e.g. "
                    "mamori.clinic.example; others get 421 (DNS rebinding)")
        ->envname("MAMORI_ALLOWED_HOSTS")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                auto parsed = http::AllowedHosts::parse(value);
                return parsed ? std::string() : parsed.error().message;
            },
            "", "allowed-hosts"));
}

// apply_config_file: fills every option given neither as a flag nor in the environment from the file. One
// file serves every command: a `serve` setting (listen, trusted-proxies…) is ignored by the others; a key no
// command knows is an error.
Status apply_config_file(CLI::App& command, const CLI::App& serve_command, const std::string& path) {
    if (path.empty()) return {};
    auto entries = read_config_file(path);
    if (!entries) return fail(entries.error());
    for (const auto& [key, entry] : *entries) {
        const auto where = fmt::format("{} line {}", path, entry.line);
        CLI::Option* option = key == "config" ? nullptr : command.get_option_no_throw("--" + key);
        if (option == nullptr && key != "config" && serve_command.get_option_no_throw("--" + key) != nullptr)
            continue;
        if (option == nullptr)
            return fail(
                ErrorCode::invalid_input,
                fmt::format("{}: '{}' is not a setting of 'mamori {}'", where, key, command.get_name()),
                where);
        if (option->count() > 0) continue;
        try {
            option->add_result(entry.value);
            option->run_callback();
        } catch (const CLI::Error& e) {
            return fail(ErrorCode::invalid_input,
                        fmt::format("{}: bad value for '{}': {}", where, key, e.what()), where);
        }
    }
    return {};
}

int report(const Error& error) {
    std::cerr << "mamori: " << error.message << "\n";
    return 1;
}

int migrate_command(const CommonSettings& common) {
    auto db = open_migrated_database(common, 1);
    return db ? 0 : 1;
}

int demo_command(const CommonSettings& common, std::size_t synthetic, bool organisations_only,
                 bool without_statistics_sample) {
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    if (organisations_only) {
        auto loaded = services::load_demo(*db, {synthetic});
        if (!loaded) return report(loaded.error());
        std::cout << (loaded->loaded
                          ? fmt::format("demo data loaded: {} organisations\n", loaded->organisations)
                          : fmt::format("the database already has {} organisations; nothing loaded\n",
                                        loaded->organisations));
        return 0;
    }
    auto catalog = services::CatalogService::load(embedded::catalog_files(), db.get());
    if (!catalog) return report_errors(catalog.error(), "the checklist catalog is invalid");
    auto demo = services::install_demo(*db, **catalog, {synthetic, !without_statistics_sample});
    if (!demo) return report(demo.error());
    if (demo->organisations_loaded)
        std::cout << fmt::format("demo data loaded: {} organisations\n", demo->organisations);
    else if (demo->personas_created == 0)
        std::cout << fmt::format("the database already has {} organisations; nothing loaded\n",
                                 demo->organisations);
    else
        std::cout << fmt::format("demo database upgraded: {} persona users added\n", demo->personas_created);
    std::cout << demo_personas_text(demo->personas);
    return 0;
}

int audit_verify_command(const CommonSettings& common) {
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    auto checked = audit::verify(*db);
    if (!checked) return report(checked.error());
    if (!checked->intact) {
        std::cout << fmt::format("audit log BROKEN after {} good rows: {}\n", checked->rows - 1,
                                 checked->problem);
        return 3;
    }
    std::cout << fmt::format("audit log intact: {} rows, hash chain verified\n", checked->rows);
    return 0;
}

}  // namespace

Result<std::pair<std::string, std::uint16_t>> parse_listen(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
        return fail(ErrorCode::invalid_input, fmt::format("listen address '{}' must be HOST:PORT", text),
                    "listen");
    std::string host(text.substr(0, colon));
    const auto port_text = text.substr(colon + 1);
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port_text.empty() || port > 65535)
        return fail(ErrorCode::invalid_input,
                    fmt::format("listen port '{}' must be a number from 0 to 65535", port_text), "listen");
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) host = "0.0.0.0";
    return std::pair{host, static_cast<std::uint16_t>(port)};
}

std::unique_ptr<store::Database> open_migrated_database(const CommonSettings& common, std::size_t pool_size) {
    auto url = store::parse_database_url(common.database_url());
    if (!url) return report(url.error()), nullptr;
    auto db = store::Database::open(*url, pool_size);
    if (!db) return report(db.error()), nullptr;
    auto migrations = store::embedded_migrations((*db)->dialect());
    if (!migrations) return report(migrations.error()), nullptr;
    auto migrated = store::migrate(**db, *migrations, services::migration_data_steps());
    if (!migrated) return report(migrated.error()), nullptr;
    log_event(spdlog::level::info, "database ready",
              {{"dialect", to_string((*db)->dialect())},
               {"schema_version", migrated->to_version},
               {"applied", migrated->applied}});
    return std::move(*db);
}

audit::Context cli_context() {
    return {"local", "cli-" + identity::random_token().substr(0, 16)};
}

int run(int argc, char** argv) {
    CLI::App app{"mamori (守り): cybersecurity of Japan's medical institutions under the MHLW checklist",
                 "mamori"};
    app.require_subcommand(1);
    app.footer(
        "Each setting comes from its flag, else its MAMORI_* environment variable, else the --config file "
        "(lines 'key = value', keys are the long flag names), else its default.");
    app.set_version_flag("--version", MAMORI_VERSION);

    CommonSettings common;
    ServeSettings serve_settings;
    std::size_t demo_synthetic = 0;

    auto* serve_cmd = app.add_subcommand("serve", "Run the web server (migrates the database first)");
    add_common_options(*serve_cmd, common);
    add_serve_options(*serve_cmd, serve_settings);

    auto* migrate_cmd = app.add_subcommand("migrate", "Apply pending database migrations and exit");
    add_common_options(*migrate_cmd, common);

    auto* demo_cmd = app.add_subcommand("demo", "Load demo data into an empty database and exit");
    add_common_options(*demo_cmd, common);
    demo_cmd->add_option("--institutions", demo_synthetic, "Also generate this many synthetic clinics")
        ->check(CLI::Range(0, 1'000'000))
        ->capture_default_str();
    bool demo_organisations_only = false;
    demo_cmd->add_flag("--organisations-only", demo_organisations_only,
                       "Only the demo organisations, no persona users (then first-run setup, as in tests)");
    bool demo_without_statistics_sample = false;
    demo_cmd->add_flag("--without-statistics-sample", demo_without_statistics_sample,
                       "Leave out the synthetic national sample that gives the statistics numbers");

    auto* audit_cmd = app.add_subcommand("audit", "Work with the audit log");
    audit_cmd->require_subcommand(1);
    auto* audit_verify_cmd = audit_cmd->add_subcommand(
        "verify",
        "Check the hash chain of the audit log; exit 3 and name the first bad row if it was tampered with");
    add_common_options(*audit_verify_cmd, common);

    std::string catalog_file;
    auto* catalog_cmd = app.add_subcommand(
        "catalog", "Check and import checklist editions without a release (e.g. 令和8年度版)");
    catalog_cmd->require_subcommand(1);
    auto* catalog_validate_cmd = catalog_cmd->add_subcommand(
        "validate", "Check an edition file or bundle against the current catalog; exit 1 naming every error");
    add_common_options(*catalog_validate_cmd, common);
    catalog_validate_cmd->add_option("FILE", catalog_file, "Edition file or edition bundle (JSON)")
        ->required();
    auto* catalog_import_cmd =
        catalog_cmd->add_subcommand("import",
                                    "Validate a file and store it as the next revision of its edition "
                                    "(running servers serve it within 10 s)");
    add_common_options(*catalog_import_cmd, common);
    catalog_import_cmd->add_option("FILE", catalog_file, "Edition file or edition bundle (JSON)")->required();

    std::vector<std::string> import_files;
    std::string municipality_file;
    bool import_strict = false;
    auto* import_cmd =
        app.add_subcommand("import", "Import the facility master (MHLW 医療情報ネット open data)");
    import_cmd->require_subcommand(1);
    auto* import_facilities_cmd = import_cmd->add_subcommand(
        "facilities",
        "Create or update institutions from 施設票 CSV files (hospital, clinic, dental, pharmacy); bad "
        "rows are listed by line and skipped. Exit 0 if every file was read, 1 if a file is unreadable or "
        "unknown, 2 with --strict if any row failed");
    add_common_options(*import_facilities_cmd, common);
    import_facilities_cmd
        ->add_option("FILE", import_files, "施設票 CSV files, e.g. 01-1_hospital_facility_info_20251201.csv")
        ->required();
    import_facilities_cmd->add_flag("--strict", import_strict, "Exit 2 when any row had an error");
    auto* import_municipalities_cmd =
        import_cmd->add_subcommand("municipalities",
                                   "Load the municipality code list (code4fukui localgovjp-utf8.csv); "
                                   "facility municipality codes are then checked against it");
    add_common_options(*import_municipalities_cmd, common);
    import_municipalities_cmd->add_option("FILE", municipality_file, "localgovjp-utf8.csv")->required();

    BackupOptions backup_options;
    auto* backup_cmd = app.add_subcommand(
        "backup",
        "Copy the SQLite database while the server runs (online backup API), check it and write FILE and "
        "FILE.manifest.json (size, SHA-256, schema version, row counts); exit 1 if anything fails");
    add_common_options(*backup_cmd, common);
    backup_cmd->add_option("--to", backup_options.to, "Backup file to write (must not exist)")->required();
    backup_cmd->add_flag("--force", backup_options.force, "Replace FILE and its manifest if they exist");

    RestoreOptions restore_options;
    auto* restore_cmd = app.add_subcommand(
        "restore",
        "Check a backup against its manifest (size, SHA-256), integrity, foreign keys, schema version and "
        "audit chain, then make it the database; exit 1 naming what is wrong. Stop the server first");
    add_common_options(*restore_cmd, common);
    restore_cmd->add_option("--from", restore_options.from, "Backup file written by 'mamori backup'")
        ->required();
    restore_cmd->add_flag("--force", restore_options.force,
                          "Replace a database that holds data (it is moved aside, never deleted)");
    restore_cmd->add_flag("--migrate", restore_options.migrate,
                          "Apply pending migrations after restoring an older backup");

    DbCopyOptions db_copy_options;
    auto* db_cmd = app.add_subcommand("db", "Work with whole databases");
    db_cmd->require_subcommand(1);
    auto* db_copy_cmd = db_cmd->add_subcommand(
        "copy",
        "Copy a whole installation into a new, empty database (e.g. SQLite into PostgreSQL): the source is "
        "read in one snapshot and never written, must be at this binary's schema version and have an intact "
        "audit log; the target is migrated, must hold no data and is written in one transaction that "
        "commits only when its row counts and audit chain match. Exit 1 naming what is wrong");
    db_copy_cmd
        ->add_option("--from", db_copy_options.from, "Source database URL: sqlite:PATH or postgresql://…")
        ->required();
    db_copy_cmd->add_option("--to", db_copy_options.to, "Target database URL: postgresql://… or sqlite:PATH")
        ->required();
    db_copy_cmd->add_option("--log-level", common.log_level, "Log level: trace, debug, info, warn, error")
        ->envname("MAMORI_LOG_LEVEL")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
        ->capture_default_str();

    auto* setup_code_cmd = app.add_subcommand(
        "setup-code",
        "Print a new one-time code for first-run setup (初期設定) of a database without users; codes printed "
        "before stop working. Exit 1 when setup is done");
    add_common_options(*setup_code_cmd, common);

    std::string user_login;
    auto* user_cmd =
        app.add_subcommand("user", "Help a user who lost access (the operator's account recovery)");
    user_cmd->require_subcommand(1);
    auto* user_reset_cmd = user_cmd->add_subcommand(
        "reset-mfa",
        "Reset a user's password and two-factor authentication (for a sole administrator who lost phone and "
        "recovery codes): ends their sessions and API tokens and prints a one-time code for setting a new "
        "password and enrolling again; audited");
    user_reset_cmd->alias("reset-password");
    add_common_options(*user_reset_cmd, common);
    user_reset_cmd->add_option("LOGIN", user_login, "The user's login name")->required();

    VendorRegisterOptions vendor_options;
    auto* vendors_cmd = app.add_subcommand("vendors", "Work with vendor organisations (the operator's registry)");
    vendors_cmd->require_subcommand(1);
    auto* vendors_register_cmd = vendors_cmd->add_subcommand(
        "register",
        "Register a vendor organisation (checked against those registered: the same 法人番号 is refused, the "
        "same name needs --confirm-new); audited");
    add_common_options(*vendors_register_cmd, common);
    vendors_register_cmd->add_option("--name", vendor_options.name, "The vendor's official name")->required();
    vendors_register_cmd->add_option("--corporate-number", vendor_options.corporate_number,
                                     "Its 法人番号 (13 digits, checked)");
    vendors_register_cmd->add_flag("--confirm-new", vendor_options.confirm_new,
                                   "Register even though a vendor with the same name exists");

    std::vector<std::string> exposure_cpes;
    auto* exposure_cmd = app.add_subcommand("exposure", "Vulnerability exposure against the stored feeds");
    exposure_cmd->require_subcommand(1);
    auto* exposure_check_cmd = exposure_cmd->add_subcommand(
        "check",
        "Print every CVE the stored feeds say one device is affected by (its CPE names together: firmware or "
        "OS, hardware, platform), one per line, ' KEV' after the id when CISA lists it as exploited");
    add_common_options(*exposure_check_cmd, common);
    exposure_check_cmd->add_option("--cpe", exposure_cpes, "A CPE 2.3 formatted string or CPE 2.2 URI (repeat)")
        ->required();
    auto* exposure_match_cmd = exposure_cmd->add_subcommand(
        "match", "Match every asset again against the stored feeds; print what changed and how long it took");
    add_common_options(*exposure_match_cmd, common);

    // `mamori feeds import kev|nvd|cpe|jvn PATH` (issue 17: vulnerability feeds).
    std::string feed_kind, feed_path;
    auto* feeds_cmd = app.add_subcommand("feeds", "Vulnerability feeds (CISA KEV, NVD, JVN)");
    feeds_cmd->require_subcommand(1);
    auto* feeds_import_cmd = feeds_cmd->add_subcommand(
        "import", "Import a feed file or a directory of them (CISA KEV JSON/CSV, NVD CVE or CPE API 2.0 "
                  "responses, .json.gz too, MyJVN HND XML or OKA JSON)");
    add_common_options(*feeds_import_cmd, common);
    feeds_import_cmd->add_option("FEED", feed_kind, "kev, nvd, cpe or jvn")
        ->required()
        ->check(CLI::IsMember({"kev", "nvd", "cpe", "jvn"}));
    feeds_import_cmd->add_option("PATH", feed_path, "A file, or a directory whose files are imported in name order")
        ->required();

    auto* version_cmd = app.add_subcommand("version", "Print the version and exit");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (version_cmd->parsed()) {
        std::cout << "mamori " << MAMORI_VERSION << "\n";
        return 0;
    }
    CLI::App* chosen = serve_cmd->parsed()                   ? serve_cmd
                       : migrate_cmd->parsed()               ? migrate_cmd
                       : audit_verify_cmd->parsed()          ? audit_verify_cmd
                       : catalog_validate_cmd->parsed()      ? catalog_validate_cmd
                       : catalog_import_cmd->parsed()        ? catalog_import_cmd
                       : import_facilities_cmd->parsed()     ? import_facilities_cmd
                       : import_municipalities_cmd->parsed() ? import_municipalities_cmd
                       : backup_cmd->parsed()                ? backup_cmd
                       : restore_cmd->parsed()               ? restore_cmd
                       : db_copy_cmd->parsed()               ? db_copy_cmd
                       : setup_code_cmd->parsed()            ? setup_code_cmd
                       : user_reset_cmd->parsed()            ? user_reset_cmd
                       : vendors_register_cmd->parsed()      ? vendors_register_cmd
                       : exposure_check_cmd->parsed()        ? exposure_check_cmd
                       : exposure_match_cmd->parsed()        ? exposure_match_cmd
                       : feeds_import_cmd->parsed()          ? feeds_import_cmd
                                                             : demo_cmd;
    if (auto ok = apply_config_file(*chosen, *serve_cmd, common.config); !ok) return report(ok.error());

    init_logging(log_level(common.log_level));
    int code = 0;
    if (chosen == serve_cmd) {
        code = serve(common, serve_settings);
    } else if (chosen == migrate_cmd) {
        code = migrate_command(common);
    } else if (chosen == audit_verify_cmd) {
        code = audit_verify_command(common);
    } else if (chosen == catalog_validate_cmd) {
        code = catalog_validate_command(common, catalog_file);
    } else if (chosen == catalog_import_cmd) {
        code = catalog_import_command(common, catalog_file);
    } else if (chosen == import_facilities_cmd) {
        code = import_facilities_command(common, import_files, import_strict);
    } else if (chosen == import_municipalities_cmd) {
        code = import_municipalities_command(common, municipality_file);
    } else if (chosen == backup_cmd) {
        code = backup_command(common, backup_options);
    } else if (chosen == restore_cmd) {
        code = restore_command(common, restore_options);
    } else if (chosen == db_copy_cmd) {
        code = db_copy_command(db_copy_options);
    } else if (chosen == setup_code_cmd) {
        code = setup_code_command(common);
    } else if (chosen == user_reset_cmd) {
        code = user_reset_command(common, user_login);
    } else if (chosen == vendors_register_cmd) {
        code = vendors_register_command(common, vendor_options);
    } else if (chosen == exposure_check_cmd) {
        code = exposure_check_command(common, exposure_cpes);
    } else if (chosen == exposure_match_cmd) {
        code = exposure_match_command(common);
    } else if (chosen == feeds_import_cmd) {
        code = feeds_import_command(common, feed_kind, feed_path);
    } else {
        code = demo_command(common, demo_synthetic, demo_organisations_only, demo_without_statistics_sample);
    }
    flush_logs();
    return code;
}

}  // namespace mamori::cli

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <thread>

#include "mamori/api/routes.hpp"
#include "mamori/cli/cli.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/log.hpp"
#include "mamori/core/time.hpp"
#include "mamori/http/server.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/services/exposure_matching.hpp"
#include "mamori/services/identity_service.hpp"
#include "mamori/services/statistics.hpp"
#include "settings.hpp"

namespace mamori::cli {

namespace {

constexpr auto kCatalogRefreshInterval = std::chrono::seconds(10);
constexpr auto kStatisticsRefreshInterval = std::chrono::milliseconds(500);
constexpr auto kStatisticsPruneInterval = std::chrono::minutes(10);
constexpr auto kWalCheckpointInterval = std::chrono::milliseconds(200);

// watch_catalog: another app server or `mamori catalog import` may store a checklist revision; this server
// serves it within kCatalogRefreshInterval. Stops when the returned thread is destroyed.
std::jthread watch_catalog(services::CatalogService& catalog, store::Database& db) {
    return std::jthread([&catalog, &db](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        while (!wake.wait_for(lock, stop, kCatalogRefreshInterval, [&] { return stop.stop_requested(); })) {
            auto refreshed = catalog.refresh(db);
            if (!refreshed)
                log_event(spdlog::level::warn, "catalog refresh failed; keeping the current catalog",
                          {{"error", refreshed.error().message}});
            else if (*refreshed)
                log_event(spdlog::level::info, "catalog revisions stored by another process are now served");
        }
    });
}

// checkpoint_wal: SQLite writes each commit to its WAL; copying those pages into the database file (a
// checkpoint, with its fsyncs) is done here, beside the requests, instead of inside whichever commit crosses
// the threshold: a feed delta or a re-match commits without waiting for it, as on PostgreSQL, whose own
// checkpointer does this. Stops when the returned thread is destroyed.
std::jthread checkpoint_wal(store::Database& db) {
    return std::jthread([&db](std::stop_token stop) {
        if (db.dialect() != store::Dialect::sqlite) return;
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        while (!wake.wait_for(lock, stop, kWalCheckpointInterval, [&] { return stop.stop_requested(); })) {
            auto done = db.checkpoint_wal();
            if (!done)
                log_event(spdlog::level::warn, "WAL checkpoint failed", {{"error", done.error().message}});
        }
    });
}

// load_feed_index: when the ledger has devices, the feed index is loaded now, beside the first requests, so
// that the first asset saved does not load it inside its own transaction. Joined when the server stops.
std::jthread load_feed_index(store::Database& db) {
    return std::jthread([&db] {
        const auto started = std::chrono::steady_clock::now();
        services::ExposureMatching matching(db);
        Result<std::size_t> loaded = std::size_t{0};
        try {
            loaded = matching.prepare();
        } catch (const std::exception& e) {  // a thread of its own: nothing above it would catch
            loaded = fail(ErrorCode::internal, e.what());
        }
        if (!loaded) {
            log_event(spdlog::level::warn, "feed index not loaded; the first match will load it",
                      {{"error", loaded.error().message}});
        } else if (*loaded > 0) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                                  started)
                                .count();
            log_event(spdlog::level::info, "feed index loaded", {{"cves", *loaded}, {"ms", ms}});
        }
    });
}

// watch_statistics: loads the statistics snapshot now and brings it up to date every
// kStatisticsRefreshInterval (requests also refresh it, so a saved answer shows in the next one); deletes
// change-log rows older than an hour from the main database now and then. Stops when the thread is destroyed.
std::jthread watch_statistics(services::StatisticsSnapshot& snapshot, store::Database& main) {
    return std::jthread([&snapshot, &main](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        auto next_prune = std::chrono::steady_clock::now();
        do {
            try {
                const auto started = std::chrono::steady_clock::now();
                auto refreshed = snapshot.refresh();
                const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - started)
                                    .count();
                if (!refreshed)
                    log_event(spdlog::level::warn, "statistics refresh failed; keeping the last snapshot",
                              {{"error", refreshed.error().message}});
                else if (refreshed->full)
                    log_event(spdlog::level::info, "statistics snapshot loaded",
                              {{"institutions", refreshed->organisations},
                               {"checklists", refreshed->checklists},
                               {"ms", ms}});
                if (std::chrono::steady_clock::now() >= next_prune) {
                    snapshot.prune_changes(main);
                    next_prune = std::chrono::steady_clock::now() + kStatisticsPruneInterval;
                }
            } catch (const std::exception& e) {  // a thread of its own: nothing above it would catch
                log_event(spdlog::level::warn, "statistics refresh failed", {{"error", e.what()}});
            }
        } while (!wake.wait_for(lock, stop, kStatisticsRefreshInterval, [&] { return stop.stop_requested(); }));
    });
}

}  // namespace

int serve(const CommonSettings& common, const ServeSettings& settings) {
    auto listen = parse_listen(settings.listen);
    if (!listen) {
        std::cerr << "mamori: " << listen.error().message << "\n";
        return 1;
    }
    auto trusted_proxies = http::TrustedProxies::parse(settings.trusted_proxies);
    if (!trusted_proxies) {
        std::cerr << "mamori: trusted-proxies: " << trusted_proxies.error().message << "\n";
        return 1;
    }
    auto allowed_hosts = http::AllowedHosts::parse(settings.allowed_hosts);
    if (!allowed_hosts) {
        std::cerr << "mamori: allowed-hosts: " << allowed_hosts.error().message << "\n";
        return 1;
    }
    const std::size_t threads =
        settings.threads > 0 ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
    auto db =
        open_migrated_database(common, settings.database_pool > 0 ? settings.database_pool : threads * 2);
    if (!db) return 1;

    // Every answer about obligations hangs on the checklist: a server with a broken catalog would show
    // wrong ones, so it does not start.
    auto catalog = services::CatalogService::load(embedded::catalog_files(), db.get());
    if (!catalog) return report_errors(catalog.error(), "the checklist catalog is invalid; not starting");
    {
        const auto snapshot = (*catalog)->snapshot();
        std::size_t revisions = 0;
        for (const auto& e : snapshot->catalog().editions) revisions += e.revisions.size();
        log_event(spdlog::level::info, "catalog loaded",
                  {{"editions", snapshot->catalog().editions.size()}, {"revisions", revisions}});
    }

    if (settings.demo && !start_demo(*db, **catalog, settings)) return 1;

    const std::jthread catalog_watch = watch_catalog(**catalog, *db);
    const std::jthread feed_index = load_feed_index(*db);
    const std::jthread wal_checkpoints = checkpoint_wal(*db);

    std::unique_ptr<store::Database> replica;
    if (!settings.statistics_database.empty()) {
        auto url = store::parse_database_url(settings.statistics_database);
        if (!url) return report_errors(url.error(), "statistics-database is not a database URL");
        auto opened = store::Database::open(*url, 2, store::Access::read_only);
        if (!opened) return report_errors(opened.error(), "the statistics database cannot be opened");
        replica = std::move(*opened);
    }
    services::StatisticsSnapshot statistics_snapshot(replica ? *replica : *db, **catalog);
    services::Statistics statistics(statistics_snapshot, **catalog,
                                    static_cast<int>(settings.statistics_minimum_count));
    const std::jthread statistics_watch = watch_statistics(statistics_snapshot, *db);
    services::SurveyClock survey_clock = services::system_survey_clock();
    if (!settings.survey_date.empty()) {
        const auto day = parse_iso_date(settings.survey_date);
        if (!day) {
            std::cerr << "mamori: survey-date: a date YYYY-MM-DD is required\n";
            return 1;
        }
        survey_clock = [day = *day] { return day; };
    }
    services::Surveys surveys(*db, statistics, survey_clock, static_cast<int>(settings.statistics_minimum_count));

    services::IdentitySettings identity_settings;
    identity_settings.session_idle = std::chrono::minutes(settings.session_idle_minutes);
    identity_settings.session_absolute = std::chrono::hours(settings.session_absolute_hours);
    services::IdentityService identity(*db, identity_settings);
    services::AssessmentService assessments(*db, **catalog);

    http::Metrics metrics;
    http::Router router;
    api::register_routes(router,
                        {*db, metrics, identity, **catalog, assessments, statistics, surveys, settings.secure_cookies});
    const web::StaticFiles spa(embedded::web_assets());
    const http::Dispatcher dispatcher(router, metrics, &spa);

    http::ServerOptions options;
    options.host = listen->first;
    options.port = listen->second;
    options.threads = threads;
    options.worker_threads = settings.workers;
    options.max_header_bytes = settings.max_header_bytes;
    options.max_body_bytes = settings.max_body_bytes;
    options.request_timeout = std::chrono::milliseconds(settings.request_timeout_ms);
    options.max_connections = settings.max_connections;
    options.shutdown_grace = std::chrono::milliseconds(settings.shutdown_grace_ms);
    options.trusted_proxies = std::move(*trusted_proxies);
    options.allowed_hosts = std::move(*allowed_hosts);
    http::Server server(options, dispatcher);
    auto bound = server.listen();
    if (!bound) {
        std::cerr << "mamori: " << bound.error().message << "\n";
        return 1;
    }
    const bool any_interface = options.host == "0.0.0.0" || options.host == "::";
    const auto url = fmt::format(
        "http://{}/",
        any_interface ? fmt::format("localhost:{}", bound->substr(bound->rfind(':') + 1)) : *bound);
    log_event(spdlog::level::info, "listening",
              {{"address", *bound},
               {"url", url},
               {"threads", threads},
               {"trusted_proxies", settings.trusted_proxies},
               {"allowed_hosts", settings.allowed_hosts}});
    // After --demo (whose users need no setup), before the first request can be served.
    if (auto announced = announce_setup_code(*db, url); !announced) {
        std::cerr << "mamori: cannot issue the first-run setup code: " << announced.error().message << "\n";
        return 1;
    }
    if (auto announced = announce_demo_personas(*db, url); !announced) {
        std::cerr << "mamori: cannot list the demo personas: " << announced.error().message << "\n";
        return 1;
    }
    std::cout << "mamori is running at " << url << std::endl;
    server.run();
    log_event(spdlog::level::info, "stopped");
    return 0;
}

}  // namespace mamori::cli

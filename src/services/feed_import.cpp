// Running a feed import: the feed_imports row, the files of a directory, parsing each file whole, then
// writing it in batches (feed_import_writers.cpp), and the audit entry.
#include "mamori/services/feed_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "feed_import_writers.hpp"
#include "mamori/core/log.hpp"
#include "mamori/core/time.hpp"
#include "mamori/feeds/jvn.hpp"
#include "mamori/feeds/kev.hpp"
#include "mamori/feeds/nvd_cpe.hpp"
#include "mamori/feeds/nvd_cve.hpp"

namespace mamori::services {

namespace {

namespace fs = std::filesystem;
using feed_writers::BatchOutcome;

std::string now_utc() {
    return to_iso_utc(std::chrono::system_clock::now());
}

std::string base_name(const std::string& path) {
    const auto name = fs::path(path).filename().string();
    return name.empty() ? path : name;
}

// Run: one import in progress, merged into `result` batch by batch as they commit.
struct Run {
    store::Database& db;
    const FeedImportOptions& options;
    FeedImportResult result;
    std::set<std::string> changed;

    // write: the records in batches, one transaction each.
    template <class Record, class Writer>
    Status write(const std::vector<Record>& records, Writer writer) {
        for (std::size_t start = 0; start < records.size(); start += options.batch_size) {
            const std::size_t end = std::min(records.size(), start + options.batch_size);
            const std::span<const Record> batch(records.data() + start, end - start);
            const std::string at = now_utc();
            Result<BatchOutcome> outcome = fail(ErrorCode::internal, "not run");
            try {
                outcome = db.transaction(
                    [&](soci::session& sql) -> Result<BatchOutcome> { return writer(sql, batch, at); });
            } catch (const std::exception& e) {
                return fail(ErrorCode::unavailable,
                            fmt::format("writing records {}–{} failed and was rolled back: {}", start + 1,
                                        end, e.what()));
            }
            if (!outcome) return fail(outcome.error());
            result.records_written += outcome->written;
            result.records_unchanged += outcome->unchanged;
            result.records_skipped_older += outcome->skipped_older;
            result.rows_changed += outcome->rows_changed;
            changed.insert(outcome->changed_cve_ids.begin(), outcome->changed_cve_ids.end());
            if (result.feed != Feed::kev && outcome->newest > result.watermark)
                result.watermark = outcome->newest;
        }
        return {};
    }

    // import_text: parses one file's text whole, then writes it.
    Status import_text(const std::string& name, const std::string& text) {
        FeedFileReport file;
        file.name = name;
        const auto& limits = options.limits;
        Status written;
        switch (result.feed) {
            case Feed::kev: {
                auto catalog = feeds::parse_kev(text, name, limits);
                if (!catalog) return fail(catalog.error());
                file.format = catalog->declared_count || !catalog->catalog_version.empty() ? "json" : "csv";
                file.records = catalog->entries.size();
                result.records_read += file.records;
                written = write(catalog->entries, [](soci::session& sql, auto batch, const std::string& at) {
                    return Result<BatchOutcome>(feed_writers::write_kev(sql, batch, at));
                });
                if (written && catalog->catalog_version > result.watermark)
                    result.watermark = catalog->catalog_version;
                break;
            }
            case Feed::nvd_cve: {
                auto page = feeds::parse_nvd_cve_page(text, name, limits);
                if (!page) return fail(page.error());
                file.format = "nvd_cve";
                file.records = page->cves.size();
                file.start_index = page->start_index;
                file.results_per_page = page->results_per_page;
                file.total_results = page->total_results;
                result.records_read += file.records;
                written = write(page->cves, [](soci::session& sql, auto batch, const std::string& at) {
                    return Result<BatchOutcome>(feed_writers::write_nvd_cves(sql, batch, at));
                });
                break;
            }
            case Feed::nvd_cpe: {
                auto page = feeds::parse_nvd_cpe_page(text, name, limits);
                if (!page) return fail(page.error());
                file.format = "nvd_cpe";
                file.records = page->products.size();
                file.start_index = page->start_index;
                file.results_per_page = page->results_per_page;
                file.total_results = page->total_results;
                result.records_read += file.records;
                written = write(page->products, [](soci::session& sql, auto batch, const std::string&) {
                    return Result<BatchOutcome>(feed_writers::write_cpe_dictionary(sql, batch));
                });
                break;
            }
            case Feed::jvn: {
                auto page = feeds::parse_jvn(text, name, limits);
                if (!page) return fail(page.error());
                file.format = page->format;
                file.records = page->entries.size();
                file.start_index = page->first_result;
                file.results_per_page = page->results_returned;
                file.total_results = page->total_results;
                result.records_read += file.records;
                written = write(page->entries, [](soci::session& sql, auto batch, const std::string& at) {
                    return Result<BatchOutcome>(feed_writers::write_jvn(sql, batch, at));
                });
                break;
            }
        }
        result.files.push_back(std::move(file));
        return written;
    }
};

Result<std::int64_t> start_run(store::Database& db, Feed feed, const std::string& source_name,
                               const FeedImportOptions& options) {
    try {
        return db.transaction([&](soci::session& sql) -> Result<std::int64_t> {
            long long id = 0;
            std::optional<long long> user;
            if (options.user_id) user = *options.user_id;
            const std::string feed_name(to_string(feed));
            const std::string at = now_utc();
            soci::indicator user_ind = user ? soci::i_ok : soci::i_null;
            long long user_value = user.value_or(0);
            sql << "INSERT INTO feed_imports (feed, source_name, status, user_id, started_at) "
                   "VALUES (:f, :s, 'running', :u, :at) RETURNING id",
                soci::use(feed_name), soci::use(source_name), soci::use(user_value, user_ind), soci::use(at),
                soci::into(id);
            return static_cast<std::int64_t>(id);
        });
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot record the import: {}", e.what()));
    }
}

// finish_run: marks the run done or failed and writes its audit entry, in one transaction.
void finish_run(store::Database& db, const FeedImportResult& result, const Error* error,
                const FeedImportOptions& options, const audit::Context& context) {
    try {
        (void)db.transaction([&](soci::session& sql) -> Result<bool> {
            const std::string status = error ? "failed" : "done";
            const std::string message = error ? error->message.substr(0, 2000) : std::string();
            const std::string at = now_utc();
            const long long read = static_cast<long long>(result.records_read);
            const long long written = static_cast<long long>(result.records_written);
            const long long unchanged = static_cast<long long>(result.records_unchanged) +
                                        static_cast<long long>(result.records_skipped_older);
            const long long id = result.import_id;
            sql << "UPDATE feed_imports SET status = :s, records_read = :r, records_written = :w, "
                   "records_unchanged = :u, watermark = :wm, error = :e, finished_at = :at WHERE id = :id",
                soci::use(status), soci::use(read), soci::use(written), soci::use(unchanged),
                soci::use(result.watermark), soci::use(message), soci::use(at), soci::use(id);
            audit::Entry entry = options.audit_as.value_or(audit::Entry{.actor = "cli"});
            entry.action = error ? "feeds.import_failed" : "feeds.imported";
            entry.target = fmt::format("feed_import:{}", result.import_id);
            entry.detail = {{"feed", to_string(result.feed)},
                            {"source", result.source_name},
                            {"records_read", result.records_read},
                            {"records_written", result.records_written},
                            {"records_unchanged", result.records_unchanged},
                            {"records_skipped_older", result.records_skipped_older},
                            {"changed_cves", result.changed_cve_ids.size()},
                            {"findings_found", result.rematched.found},
                            {"findings_gone", result.rematched.gone},
                            {"watermark", result.watermark}};
            if (error) entry.detail["error"] = message;
            audit::append(sql, entry, context);
            return true;
        });
    } catch (const std::exception& e) {
        log_event(spdlog::level::err, "feed import could not be marked finished",
                  {{"import_id", result.import_id}, {"error", e.what()}});
    }
}

std::string previous_watermark(store::Database& db, Feed feed) {
    auto lease = db.acquire();
    std::string watermark;
    soci::indicator ind = soci::i_null;
    const std::string name(to_string(feed));
    *lease << "SELECT MAX(watermark) FROM feed_imports WHERE feed = :f AND status = 'done'", soci::use(name),
        soci::into(watermark, ind);
    return ind == soci::i_ok ? watermark : std::string();
}

// run_import: the run around `body`, which imports the files.
template <class Body>
Result<FeedImportResult> run_import(store::Database& db, Feed feed, const std::string& source_name,
                                    const FeedImportOptions& options, const audit::Context& context,
                                    Body body) {
    auto id = start_run(db, feed, source_name, options);
    if (!id) return fail(id.error());
    Run run{db, options, {}, {}};
    run.result.import_id = *id;
    run.result.feed = feed;
    run.result.source_name = source_name;
    run.result.watermark = previous_watermark(db, feed);
    Status status;
    try {
        status = body(run);
    } catch (const std::exception& e) {
        status = fail(ErrorCode::internal, fmt::format("the import stopped: {}", e.what()));
    }
    run.result.changed_cve_ids.assign(run.changed.begin(), run.changed.end());
    // Also after a failure: the batches written before it changed what matches.
    if (!run.result.changed_cve_ids.empty()) {
        auto rematched = ExposureMatching(db).rematch_cves(run.result.changed_cve_ids);
        if (rematched)
            run.result.rematched = *rematched;
        else if (status)
            status = fail(rematched.error());
    }
    finish_run(db, run.result, status ? nullptr : &status.error(), options, context);
    if (!status) return fail(status.error());
    return std::move(run.result);
}

}  // namespace

std::string_view to_string(Feed feed) {
    switch (feed) {
        case Feed::kev: return "kev";
        case Feed::nvd_cve: return "nvd_cve";
        case Feed::nvd_cpe: return "nvd_cpe";
        case Feed::jvn: return "jvn";
    }
    return "kev";
}

std::optional<Feed> parse_feed(std::string_view text) {
    if (text == "kev") return Feed::kev;
    if (text == "nvd" || text == "nvd_cve") return Feed::nvd_cve;
    if (text == "cpe" || text == "nvd_cpe") return Feed::nvd_cpe;
    if (text == "jvn") return Feed::jvn;
    return std::nullopt;
}

Result<FeedImportResult> import_feed(store::Database& db, Feed feed, const std::string& path,
                                     const FeedImportOptions& options, const audit::Context& context) {
    std::error_code ec;
    std::vector<std::string> files;
    if (fs::is_directory(path, ec)) {
        for (const auto& item : fs::directory_iterator(path, ec))
            if (item.is_regular_file() && item.path().filename().string().front() != '.')
                files.push_back(item.path().string());
        if (ec)
            return fail(ErrorCode::not_found, fmt::format("{}: cannot list: {}", path, ec.message()), "path");
        std::sort(files.begin(), files.end());
        if (files.empty())
            return fail(ErrorCode::invalid_input, fmt::format("{}: holds no files", path), "path");
        if (files.size() > options.max_files)
            return fail(ErrorCode::too_large, fmt::format("{}: more than {} files", path, options.max_files),
                        "path");
    } else if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
    } else {
        return fail(ErrorCode::not_found, fmt::format("{}: no such file or directory", path), "path");
    }
    return run_import(db, feed, base_name(path), options, context, [&](Run& run) -> Status {
        for (const auto& file : files) {
            auto text = feeds::read_feed_file(file, options.file_limits);
            if (!text) return fail(text.error());
            if (auto done = run.import_text(base_name(file), *text); !done) return done;
        }
        return {};
    });
}

Result<FeedImportResult> import_feed_bytes(store::Database& db, Feed feed, const std::string& name,
                                           std::string bytes, const FeedImportOptions& options,
                                           const audit::Context& context) {
    return run_import(db, feed, name, options, context, [&](Run& run) -> Status {
        auto text = feeds::decode_feed_bytes(std::move(bytes), options.file_limits, name);
        if (!text) return fail(text.error());
        return run.import_text(name, *text);
    });
}

nlohmann::json to_json(const FeedImportResult& r) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : r.files) {
        nlohmann::json file = {{"name", f.name}, {"format", f.format}, {"records", f.records}};
        if (f.start_index) file["start_index"] = *f.start_index;
        if (f.results_per_page) file["results_per_page"] = *f.results_per_page;
        if (f.total_results) file["total_results"] = *f.total_results;
        files.push_back(std::move(file));
    }
    return {{"import_id", r.import_id},
            {"feed", to_string(r.feed)},
            {"source_name", r.source_name},
            {"records_read", r.records_read},
            {"records_written", r.records_written},
            {"records_unchanged", r.records_unchanged},
            {"records_skipped_older", r.records_skipped_older},
            {"rows_changed", r.rows_changed},
            {"watermark", r.watermark},
            {"files", std::move(files)},
            {"changed_cve_ids", r.changed_cve_ids},
            {"rematched",
             {{"assets", r.rematched.assets},
              {"found", r.rematched.found},
              {"returned", r.rematched.returned},
              {"gone", r.rematched.gone}}}};
}

}  // namespace mamori::services

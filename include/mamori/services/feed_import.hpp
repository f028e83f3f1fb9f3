/// @file
/// @brief Importing the vulnerability feeds (CISA KEV, NVD CVE API 2.0 pages, the NVD CPE dictionary, JVN
/// iPedia from MyJVN) into the shared feed tables of migration 0023, from a file or a directory (every file
/// in it, sorted by name). Every import is a row of `feed_imports` (running → done or failed) and one audit
/// entry.
///
/// Idempotent: each record's content_hash is compared with the stored one, so the same data writes nothing.
/// Incremental: an NVD record whose lastModified is not newer than the stored one is skipped; the feed's
/// watermark is the newest lastModified (NVD, JVN, CPE) or catalogVersion (KEV) imported so far.
///
/// Transactions: a file is parsed and checked whole before anything of it is written, so a bad file writes
/// nothing. Its records are then written in batches (`batch_size`, 1000 by default), one transaction each;
/// a record and its products or CVE links are always in the same batch, so the tables stay consistent. When
/// writing fails, the batches already committed stay (they are complete records, re-importing skips them)
/// and the run is marked failed with the error.
///
///     auto result = import_feed(db, Feed::nvd_cve, "/data/nvd/", {}, context);
///     rematch(result->changed_cve_ids);   // the CVEs whose configurations, KEV or JVN data changed
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/feeds/feed_parsing.hpp"
#include "mamori/feeds/gzip.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/exposure_matching.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// Feed: the four feeds, named in feed_imports.feed as kev, nvd_cve, nvd_cpe, jvn.
enum class Feed { kev, nvd_cve, nvd_cpe, jvn };

std::string_view to_string(Feed feed);

// parse_feed: "kev", "nvd_cve" (or "nvd"), "nvd_cpe" (or "cpe"), "jvn".
std::optional<Feed> parse_feed(std::string_view text);

// FeedFileReport: what one file held: its records and the paging it reported (NVD startIndex,
// resultsPerPage, totalResults; JVN firstRes, totalResRet, totalRes).
struct FeedFileReport {
    std::string name;
    std::string format;  // e.g. "json", "csv", "hnd_overview"
    std::size_t records = 0;
    std::optional<std::size_t> start_index, results_per_page, total_results;
};

// FeedImportResult: the counts of one run. records_read = written + unchanged + skipped_older.
// rows_changed: database rows inserted, updated or deleted in the feed tables (0 for a re-import).
struct FeedImportResult {
    std::int64_t import_id = 0;
    Feed feed = Feed::kev;
    std::string source_name;
    std::size_t records_read = 0;
    std::size_t records_written = 0;
    std::size_t records_unchanged = 0;
    std::size_t records_skipped_older = 0;  // NVD: lastModified not newer than the stored record
    std::size_t rows_changed = 0;
    std::string watermark;
    std::vector<FeedFileReport> files;
    std::vector<std::string> changed_cve_ids;  // sorted, distinct
    MatchStats rematched;  // the findings of the assets the changed CVEs name, brought up to date after the import
};

struct FeedImportOptions {
    feeds::FeedLimits limits;
    feeds::FeedFileLimits file_limits;
    std::size_t batch_size = 1000;
    std::size_t max_files = 10'000;
    std::optional<std::int64_t> user_id;   // who started it (feed_imports.user_id)
    std::optional<audit::Entry> audit_as;  // the actor of the audit entry; default: the CLI
};

// import_feed: imports the file or every regular file of the directory at `path`. On failure the run's
// feed_imports row says failed and why, and the error is returned (invalid_input naming file and field).
Result<FeedImportResult> import_feed(store::Database& db, Feed feed, const std::string& path,
                                     const FeedImportOptions& options, const audit::Context& context);

// import_feed_bytes: imports one uploaded file (`bytes`, gzip or not) named `name`.
Result<FeedImportResult> import_feed_bytes(store::Database& db, Feed feed, const std::string& name,
                                           std::string bytes, const FeedImportOptions& options,
                                           const audit::Context& context);

inline Result<FeedImportResult> import_kev(store::Database& db, const std::string& path,
                                           const FeedImportOptions& options, const audit::Context& context) {
    return import_feed(db, Feed::kev, path, options, context);
}
inline Result<FeedImportResult> import_nvd_cves(store::Database& db, const std::string& path,
                                                const FeedImportOptions& options,
                                                const audit::Context& context) {
    return import_feed(db, Feed::nvd_cve, path, options, context);
}
inline Result<FeedImportResult> import_cpe_dictionary(store::Database& db, const std::string& path,
                                                      const FeedImportOptions& options,
                                                      const audit::Context& context) {
    return import_feed(db, Feed::nvd_cpe, path, options, context);
}
inline Result<FeedImportResult> import_jvn(store::Database& db, const std::string& path,
                                           const FeedImportOptions& options, const audit::Context& context) {
    return import_feed(db, Feed::jvn, path, options, context);
}

// ---- reading (feed_import_views.cpp) ----

// can_import_feeds: the operator: administrators of the ministry organisation.
bool can_import_feeds(const identity::Caller& caller);

// kMaxFeedUploadBytes: the largest file uploaded through the API (an NVD page of 2,000 CVEs fits gzipped
// or not).
inline constexpr std::size_t kMaxFeedUploadBytes = std::size_t{64} * 1024 * 1024;

// upload_feed: import_feed_bytes for the operator (forbidden for anyone else), recorded as theirs.
Result<FeedImportResult> upload_feed(store::Database& db, const identity::Caller& caller, Feed feed,
                                     const std::string& name, std::string bytes,
                                     const audit::Context& context);

// feed_status: each feed with its record counts, last import and watermark (operator only).
Result<nlohmann::json> feed_status(store::Database& db, const identity::Caller& caller);

// feed_import_history: the newest runs first, at most `limit` (operator only).
Result<nlohmann::json> feed_import_history(store::Database& db, const identity::Caller& caller, int limit);

// cve_detail: one CVE with its products, KEV entry and JVN entries; for every signed-in caller (public data).
// not_found when no feed holds it.
Result<nlohmann::json> cve_detail(store::Database& db, const identity::Caller& caller,
                                  std::string_view cve_id);

// to_json: a result as the API and the CLI report it.
nlohmann::json to_json(const FeedImportResult& result);

}  // namespace mamori::services

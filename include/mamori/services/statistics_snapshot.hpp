/// @file
/// @brief The facts national statistics are counted from (issue 18, ADR 0024), held in memory by each app
/// server: per institution its prefecture, health centre, kind, bed band and EHR use, and per checklist of the
/// medical and pharmacy forms its year, status, completeness and the answer in effect on every line. Kept
/// current from the `statistics_changes` log: `refresh` re-reads only the organisations named since the last
/// one (all of them the first time, or when the log says so). Counting one line of one year for the whole
/// country is a pass over ~240,000 small records in memory, not a join over millions of rows.
///
///     StatisticsSnapshot snapshot(db, catalog);       // db: the primary, or a read replica
///     snapshot.refresh();                             // before the first query, then every second
///     auto counts = snapshot.item_counts({.fiscal_year = 2025, .form = "medical", .line = {"IR-03", "main"},
///                                         .by = statistics::Dimension::bed_band});
///
/// Every counting function returns raw counts: they must go through statistics::item_table & co. (which
/// suppress small cells) before anyone outside the institution sees them.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/inspection/bed_band.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/statistics/item_counts.hpp"
#include "mamori/statistics/sheets.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// StatisticsLine: one answerable line of a form (the gate question has the row key "main").
struct StatisticsLine {
    std::string canonical_id;
    std::string row;
    friend auto operator<=>(const StatisticsLine&, const StatisticsLine&) = default;
};

// StatisticsFilters: the institutions a count is over. Unset: all (within the caller's scope).
struct StatisticsFilters {
    std::optional<std::string> prefecture;  // "01".."47"
    std::optional<inspection::BedBand> bed_band;
    std::optional<identity::OrgKind> kind;
};

struct ItemQuery {
    int fiscal_year = 0;
    std::string form;  // "medical", "pharmacy"
    StatisticsLine line;
    statistics::Dimension by = statistics::Dimension::prefecture;
    StatisticsFilters filters;
};

struct RateQuery {
    int fiscal_year = 0;
    std::string form;
    statistics::Dimension by = statistics::Dimension::prefecture;
    StatisticsFilters filters;
};

// RefreshStats: what one refresh read.
struct RefreshStats {
    bool full = false;
    std::size_t organisations = 0;  // institutions re-read
    std::size_t checklists = 0;
};

// Keys of the groups that are not an attribute value.
inline constexpr std::string_view kUnknownGroup = "unknown";  // e.g. no health centre covers the town

class StatisticsSnapshot {
  public:
    StatisticsSnapshot(store::Database& db, const CatalogService& catalog);
    ~StatisticsSnapshot();
    StatisticsSnapshot(const StatisticsSnapshot&) = delete;
    StatisticsSnapshot& operator=(const StatisticsSnapshot&) = delete;

    // refresh: brings the snapshot up to the database's current state (one refresh at a time; a caller that
    // finds one running waits for it). Errors are the database's; the snapshot then keeps what it had.
    Result<RefreshStats> refresh();
    // prune_changes: deletes change-log rows older than an hour (needs a writable database).
    void prune_changes(store::Database& writable) const;

    bool loaded() const;
    std::string as_of() const;  // the end of the last refresh, ISO-8601 with +09:00; empty before the first

    // fiscal_years: the years that have at least one checklist of `form`, ascending.
    std::vector<int> fiscal_years(std::string_view form) const;

    statistics::ItemCounts item_counts(const ItemQuery& query) const;
    // item_counts_of_lines: item_counts of each of `lines` (query.line is not used) in one pass; [i] is lines[i].
    std::vector<statistics::ItemCounts> item_counts_of_lines(const ItemQuery& query,
                                                             std::span<const StatisticsLine> lines) const;
    // cross_counts: rows by prefecture (by health centre when filters.prefecture is set) × bed band.
    statistics::CrossCounts cross_counts(const ItemQuery& query) const;
    statistics::RateGroupCounts rate_counts(const RateQuery& query) const;
    // target_counts: the line's いいえ by target date: on or after `today` (open) or before it (overdue).
    statistics::TargetGroupCounts target_counts(const ItemQuery& query, std::chrono::year_month_day today) const;

    // Names of groups: prefectures (code → 日本語, English) and health centres (id → name).
    std::map<std::string, statistics::LocalText> prefectures() const;
    std::map<std::string, statistics::LocalText> health_centres(const std::optional<std::string>& prefecture) const;

    struct Facts;  // the in-memory records (statistics_snapshot.cpp)

  private:
    Result<RefreshStats> refresh_locked();

    store::Database& db_;
    const CatalogService& catalog_;
    std::mutex refreshing_;
    mutable std::shared_mutex facts_mutex_;
    std::unique_ptr<Facts> facts_;
};

}  // namespace mamori::services

// Writing what a match found: for each asset, what the feeds make true now (Wanted) against the findings stored
// (Stored); only the differences are written, a batch at a time, each with its finding_events row.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mamori/services/exposure_matching.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services::finding_writes {

// Wanted: a finding the feeds make true now.
struct Wanted {
    std::vector<std::string> matched;  // the asset's CPE names that matched, sorted
    int priority = 0;
};

// Stored: a finding as it is in the database.
struct Stored {
    std::int64_t id = 0;
    bool active = true;
    std::string state;
    std::string matched_cpes;
    int priority = 0;
};

// Batch: collects each asset's differences, then writes them with a fixed number of statements per kind
// (PostgreSQL) or one cached statement per row (SQLite, in process).
class Batch {
  public:
    Batch(soci::session& sql, store::Dialect dialect, std::string now, MatchStats& stats)
        : sql_(sql), dialect_(dialect), now_(std::move(now)), stats_(stats) {}

    // asset: the asset's findings as `wanted`, against `stored` (both by CVE id, limited to the same CVEs).
    // `confirmed_at`: when its active findings were last confirmed true by a whole match (empty: never); a
    // finding that is gone keeps that as its last match.
    void asset(std::int64_t organisation_id, std::int64_t asset_id, const std::map<std::string, Wanted>& wanted,
               const std::map<std::string, Stored>& stored, const std::string& confirmed_at);
    // write: everything collected.
    void write();
    // changed_assets: the assets whose findings this batch changed, sorted, since it was made.
    std::vector<std::int64_t> changed_assets() const;

  private:
    struct New {
        long long organisation_id = 0, asset_id = 0, priority = 0;
        std::string cve_id, matched;
    };
    struct Kept {  // an active finding still true, matched through other names or with another priority
        long long id = 0, priority = 0;
        std::string matched;
    };
    struct Back {  // a finding true again
        long long id = 0;
        std::string from_state, to_state, matched;
        long long priority = 0;
    };
    struct Gone {
        std::int64_t id = 0;
        std::string state;
        std::string confirmed_at;
    };
    struct Event {
        std::int64_t finding_id = 0, seq = 1;
        const char* action = "";
        std::string from_state, to_state;  // empty: NULL
        const char* reason = "";
    };

    void insert_new();
    void update_kept();
    void update_back();
    void write_back_and_gone();
    void insert_events(const std::vector<Event>& events);

    soci::session& sql_;
    store::Dialect dialect_;
    std::string now_;
    MatchStats& stats_;
    std::vector<New> new_;
    std::vector<Kept> kept_;
    std::vector<Back> back_;
    std::vector<Gone> gone_;
    std::vector<std::int64_t> changed_;
};

}  // namespace mamori::services::finding_writes

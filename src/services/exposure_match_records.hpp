// The last whole match of each asset (table asset_matches, docs/adr/0027-exposure-match-digests.md): a digest of
// the findings it made true, so that a match making the same ones true again reads and writes nothing of them,
// and when it ran, which is when the asset's active findings were last confirmed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <string_view>

#include "exposure_finding_writes.hpp"

namespace mamori::services::match_records {

struct Record {
    std::optional<std::string> digest;  // none: a feed delta changed the asset's findings after the last match
    std::string matched_at;
};

// FindingHash: a 128-bit hash of one finding's parts (its CVE id, the CPE names matched, its priority), fed
// without building a string. Not cryptographic: a digest only tells whether a device's findings changed, and
// whoever could make two of them collide would only keep their own device's findings from being refreshed.
class FindingHash {
  public:
    void part(std::string_view bytes);
    std::pair<std::uint64_t, std::uint64_t> value() const;

  private:
    std::uint64_t a_ = 0xcbf29ce484222325ull, b_ = 0x84222325cbf29ce4ull;
};

// Digest: the sum of one device's finding hashes, so the findings may be added in any order.
struct Digest {
    std::uint64_t low = 0, high = 0;
    void add(const FindingHash& hash);
    std::string text() const;  // 32 lowercase hex digits
};

// read: the records of these assets (an asset never matched whole has none).
std::unordered_map<std::int64_t, Record> read(soci::session& sql, const std::vector<std::int64_t>& asset_ids);

// save: each asset's new digest (Digest::text), matched at `now`.
void save(soci::session& sql, const std::vector<std::pair<std::int64_t, std::string>>& digests,
          const std::string& now);

// confirm: these assets' digests stand; they were matched at `now`.
void confirm(soci::session& sql, const std::vector<std::int64_t>& asset_ids, const std::string& now);

// forget: these assets' findings changed without a whole match, so their digests no longer hold.
void forget(soci::session& sql, const std::vector<std::int64_t>& asset_ids);

}  // namespace mamori::services::match_records

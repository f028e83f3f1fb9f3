// Writing one batch of parsed feed records inside the caller's transaction: one lookup of the stored
// hashes for the whole batch, then prepared statements for the records that changed.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "mamori/feeds/jvn.hpp"
#include "mamori/feeds/kev.hpp"
#include "mamori/feeds/nvd_cpe.hpp"
#include "mamori/feeds/nvd_cve.hpp"

namespace mamori::services::feed_writers {

// BatchOutcome: what a batch did, counted only once its transaction commits.
struct BatchOutcome {
    std::size_t written = 0, unchanged = 0, skipped_older = 0, rows_changed = 0;
    std::vector<std::string> changed_cve_ids;
    std::string newest;  // the newest lastModified in the batch (for the watermark)
};

BatchOutcome write_kev(soci::session& sql, std::span<const feeds::KevEntry> entries, const std::string& now);
BatchOutcome write_nvd_cves(soci::session& sql, std::span<const feeds::NvdCve> cves, const std::string& now);
BatchOutcome write_cpe_dictionary(soci::session& sql, std::span<const feeds::CpeDictionaryEntry> entries);
BatchOutcome write_jvn(soci::session& sql, std::span<const feeds::JvnEntry> entries, const std::string& now);

// The content hashes, as stored (exposed for tests).
std::string kev_hash(const feeds::KevEntry& e);
std::string nvd_cve_hash(const feeds::NvdCve& c);
std::string cpe_hash(const feeds::CpeDictionaryEntry& e);
std::string jvn_hash(const feeds::JvnEntry& e);

}  // namespace mamori::services::feed_writers

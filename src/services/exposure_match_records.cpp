// match_records: the asset_matches table (exposure_match_records.hpp).
#include "exposure_match_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "mamori/store/id_set.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::match_records {

namespace {

constexpr std::size_t kDigestChars = 32;

// mix: a 64-bit finaliser (MurmurHash3's), so that every input bit reaches every output bit.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

bool is_digest(const std::string& text) {
    return text.size() == kDigestChars &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

void FindingHash::part(std::string_view bytes) {
    // Two FNV-1a lanes with different primes; each part ends with a byte no CVE id, CPE name or number holds.
    for (const unsigned char c : bytes) {
        a_ = (a_ ^ c) * 0x100000001b3ull;
        b_ = (b_ ^ c) * 0x9e3779b97f4a7c15ull;
    }
    a_ = (a_ ^ 0x1f) * 0x100000001b3ull;
    b_ = (b_ ^ 0x1f) * 0x9e3779b97f4a7c15ull;
}

std::pair<std::uint64_t, std::uint64_t> FindingHash::value() const {
    return {mix(a_), mix(b_ ^ (a_ >> 29))};
}

void Digest::add(const FindingHash& hash) {
    const auto [a, b] = hash.value();
    low += a;
    high += b;
}

std::string Digest::text() const {
    return fmt::format("{:016x}{:016x}", high, low);
}

std::unordered_map<std::int64_t, Record> read(soci::session& sql, const std::vector<std::int64_t>& asset_ids) {
    std::unordered_map<std::int64_t, Record> out;
    const auto text = fmt::format("SELECT asset_id, digest, matched_at FROM asset_matches WHERE {}",
                                  store::in_id_set(sql, "asset_id"));
    store::each_id_chunk(asset_ids, [&](std::span<const std::int64_t> chunk) {
        for (const soci::row& r : store::query(sql, text, store::id_set(sql, chunk)))
            out.emplace(store::int64_at(r, 0), Record{store::optional_text_at(r, 1), r.get<std::string>(2)});
    });
    return out;
}

void save(soci::session& sql, const std::vector<std::pair<std::int64_t, std::string>>& digests,
          const std::string& now) {
    // Every value is ours: asset ids, digests checked to be hex, our own time; one statement per chunk.
    for (std::size_t from = 0; from < digests.size(); from += store::kIdsPerSet) {
        const std::size_t end = std::min(digests.size(), from + store::kIdsPerSet);
        std::string text = "INSERT INTO asset_matches (asset_id, digest, matched_at) VALUES ";
        for (std::size_t i = from; i < end; ++i) {
            const auto& [asset_id, digest] = digests[i];
            if (!is_digest(digest)) throw std::logic_error("asset_matches: a digest that is not ours");
            text += fmt::format("{}({}, '{}', '{}')", i == from ? "" : ", ", asset_id, digest, now);
        }
        text += " ON CONFLICT (asset_id) DO UPDATE SET digest = excluded.digest, matched_at = excluded.matched_at";
        sql << text;
    }
}

void confirm(soci::session& sql, const std::vector<std::int64_t>& asset_ids, const std::string& now) {
    const auto text =
        fmt::format("UPDATE asset_matches SET matched_at = :n WHERE {}", store::in_id_set(sql, "asset_id"));
    store::each_id_chunk(asset_ids, [&](std::span<const std::int64_t> chunk) {
        store::execute(sql, text, now, store::id_set(sql, chunk));
    });
}

void forget(soci::session& sql, const std::vector<std::int64_t>& asset_ids) {
    const auto text = fmt::format("UPDATE asset_matches SET digest = NULL WHERE {}", store::in_id_set(sql, "asset_id"));
    store::each_id_chunk(asset_ids, [&](std::span<const std::int64_t> chunk) {
        store::execute(sql, text, store::id_set(sql, chunk));
    });
}

}  // namespace mamori::services::match_records

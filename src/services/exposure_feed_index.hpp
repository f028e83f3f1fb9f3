// The feed index behind FeedIndex (exposure_matching.hpp): every matchable CVE's configurations, compiled once,
// and two ways to find the CVEs one device may be affected by.
//
// A CVE can only apply to a device when one of its `vulnerable: true` criteria holds for one of the device's CPE
// names (exposure::evaluate reports nothing otherwise), and a criterion with a plain vendor and product only
// holds for a CPE of that same product. So the index keeps every vulnerable criterion under its product, and
// those naming one exact version also under that version: a device's candidates are the criteria under its
// products that hold for it, found without walking the configurations of every CVE that merely names the
// product (a platform, one of dozens in a long list). Only those candidates are evaluated in full. A CVE with a
// vulnerable criterion whose vendor or product is a pattern keeps the broad rule: it is evaluated for every device
// naming any product it names.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mamori/exposure/configuration.hpp"
#include "mamori/services/exposure_matching.hpp"

namespace soci {
class session;
}

namespace mamori::services {

struct IndexedCve {
    std::string cve_id;
    std::vector<exposure::Configuration> configurations;
    std::vector<std::string> products;            // every product key its criteria name
    std::vector<std::string> vulnerable_products; // the keys of its vulnerable criteria with a plain product
    bool unkeyed_vulnerable = false;              // a vulnerable criterion whose vendor or product is a pattern
    // plain[c]: configuration c and its nodes are plain OR (not negated, no children). Such a configuration
    // makes a device affected exactly when one of its vulnerable criteria holds for one of the device's CPE
    // names, and those names are the ones matched: `holding` alone decides it. Any other configuration is
    // evaluated in full, and only when one of its vulnerable criteria holds.
    std::vector<bool> plain;
    bool kev = false;
    bool ransomware_known = false;
    std::string ransomware_use;
    std::optional<double> cvss;
    std::string severity;
    std::string kev_due_date;  // YYYY-MM-DD or empty
};

// VulnerableCriterion: one `vulnerable: true` cpeMatch entry, the index slot of its CVE and the index of its
// configuration there.
struct VulnerableCriterion {
    std::uint32_t slot = 0;
    std::uint32_t configuration = 0;
    const exposure::CpeMatch* match = nullptr;  // inside cves[slot].configurations (a vector's buffer survives moves)
};

// ProductCriteria: the vulnerable criteria of one product; `by_version` those naming one exact version (no range,
// no pattern), `other` the rest (ranges, ANY, NA, patterns).
struct ProductCriteria {
    std::unordered_map<std::string, std::vector<VulnerableCriterion>> by_version;
    std::vector<VulnerableCriterion> other;
};

struct CveRow;  // a CVE as read from the database (exposure_feed_index.cpp)

// Holding: a CVE slot and one of its configurations; kEvery: all of them (the broad rule).
struct Holding {
    static constexpr std::uint32_t kEvery = 0xffffffff;
    std::uint32_t slot = 0;
    std::uint32_t configuration = 0;
    auto operator<=>(const Holding&) const = default;
};

struct FeedIndex::Impl {
    std::vector<IndexedCve> cves;  // a removed CVE stays as an empty slot (no products)
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, std::vector<std::size_t>> by_product;     // every CVE naming the product
    std::unordered_map<std::string, ProductCriteria> vulnerable_by_product;   // see the file comment
    std::unordered_map<std::string, std::vector<std::size_t>> unkeyed_by_product;  // CVEs keeping the broad rule
    std::string cves_watermark, kev_watermark;  // newest imported_at read

    void put(IndexedCve cve);
    void remove(const std::string& cve_id);

    // read: the CVE rows `where` selects (with their KEV entries); rejected ones leave the index. Returns the ids.
    // (Defined and used in exposure_feed_index.cpp only.)
    template <typename... A>
    std::vector<std::string> read(soci::session& sql, std::string_view where, const A&... values);
    // read_all: every CVE row, as `read` would.
    void read_all(soci::session& sql);
    // take: one CVE as read (exposure_feed_index.cpp's Row) into the index, or out of it.
    void take(CveRow& row);

    // holding: the CVE slots and configurations (sorted, distinct) with a vulnerable criterion that holds for this
    // one CPE name, and the CVEs keeping the broad rule that name its product (configuration kEvery). A plain
    // configuration in the list makes every device with this name affected; any other still needs
    // exposure::evaluate with all the device's names.
    std::vector<Holding> holding(const exposure::Cpe& cpe) const;

  private:
    void link(std::size_t slot);
    void unlink(std::size_t slot);
};

}  // namespace mamori::services

// The evaluation of devices against the feed index for one run (exposure_matching.cpp drives it and writes what
// it finds): which CVEs a device's CPE names make true, with the names matched and the finding's priority.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "exposure_feed_index.hpp"
#include "exposure_finding_writes.hpp"
#include "exposure_match_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/exposure/priority.hpp"

namespace mamori::services {

// Device: the CPE names of one device, parsed, with their text.
struct Device {
    std::vector<exposure::Cpe> cpes;
    std::vector<std::string> texts;
    void add(exposure::Cpe cpe, std::string text) {
        cpes.push_back(std::move(cpe));
        texts.push_back(std::move(text));
    }
};

// CveSubset: a match limited to some CVEs (a feed delta): only they are evaluated and only their findings
// compared. `sql_list` is their ids as SQL text (checked to be CVE ids).
struct CveSubset {
    std::unordered_set<std::size_t> slots;
    std::string sql_list;
};

// Matcher: what one run evaluates with. `find` works out what one device's names make true; `digest` and
// `wanted` read that answer (the digest without copying a string), until the next `find`.
class Matcher {
  public:
    Matcher(const FeedIndex::Impl& index, const CveSubset* only) : index_(index), only_(only), cache_(index) {}

    const CveSubset* only() const { return only_; }
    void find(const Device& device);
    // affected: how many CVEs the answer holds.
    std::size_t affected() const { return affected_.size(); }
    // digest: the answer's digest (match_records), the findings' priorities from the device's routes in.
    match_records::Digest digest(const Device& device, const exposure::PriorityInput& routes) const;
    // wanted: the answer by CVE id.
    std::map<std::string, finding_writes::Wanted> wanted(const Device& device,
                                                         const exposure::PriorityInput& routes) const;
    std::map<std::string, finding_writes::Wanted> evaluate(const Device& device,
                                                           const exposure::PriorityInput& routes) {
        find(device);
        return wanted(device, routes);
    }

  private:
    // HoldingCache: FeedIndex::Impl::holding by CPE name for one run: the same names recur across a ledger (a
    // hospital's PCs run the same OS build), so each is looked up once.
    class HoldingCache {
      public:
        explicit HoldingCache(const FeedIndex::Impl& index) : index_(index) {}
        const std::vector<Holding>& of(const exposure::Cpe& cpe, const std::string& text);

      private:
        static constexpr std::size_t kMaxNames = 200'000;
        const FeedIndex::Impl& index_;
        std::unordered_map<std::string, std::vector<Holding>> slots_;
    };
    struct Hit {
        Holding holding;
        std::uint32_t name = 0;  // index of the device's CPE name
        auto operator<=>(const Hit&) const = default;
    };
    // Affected: a CVE the device's names make true; names_[begin, end) the indexes of the names matched,
    // ordered by their text, each text once.
    struct Affected {
        std::uint32_t slot = 0;
        std::size_t begin = 0, end = 0;
    };

    void add_matched(const IndexedCve& cve, const Device& device, std::size_t from, std::size_t end);
    int priority(const IndexedCve& cve, exposure::PriorityInput input) const;

    const FeedIndex::Impl& index_;
    const CveSubset* only_;  // nullptr: every CVE
    std::string today_ = to_iso_date(japan_date(std::chrono::system_clock::now()));
    HoldingCache cache_;
    std::vector<Hit> hits_;
    std::vector<Affected> affected_;
    std::vector<std::uint32_t> names_;
};

}  // namespace mamori::services

// Matcher: devices evaluated against the feed index (exposure_matcher.hpp).
#include "exposure_matcher.hpp"

#include <algorithm>
#include <span>

namespace mamori::services {

const std::vector<Holding>& Matcher::HoldingCache::of(const exposure::Cpe& cpe, const std::string& text) {
    if (const auto it = slots_.find(text); it != slots_.end()) return it->second;
    if (slots_.size() >= kMaxNames) slots_.clear();
    return slots_.emplace(text, index_.holding(cpe)).first->second;
}

void Matcher::find(const Device& device) {
    hits_.clear();
    affected_.clear();
    names_.clear();
    for (std::size_t i = 0; i < device.cpes.size(); ++i)
        for (const auto& holding : cache_.of(device.cpes[i], device.texts[i]))
            if (!only_ || only_->slots.contains(holding.slot))
                hits_.push_back({holding, static_cast<std::uint32_t>(i)});
    std::sort(hits_.begin(), hits_.end());
    for (std::size_t from = 0; from < hits_.size();) {
        std::size_t end = from;
        while (end < hits_.size() && hits_[end].holding.slot == hits_[from].holding.slot) ++end;
        const std::size_t begin = names_.size();
        add_matched(index_.cves[hits_[from].holding.slot], device, from, end);
        auto first = names_.begin() + static_cast<std::ptrdiff_t>(begin);
        std::sort(first, names_.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return device.texts[a] < device.texts[b]; });
        names_.erase(std::unique(first, names_.end(),
                                 [&](std::uint32_t a, std::uint32_t b) { return device.texts[a] == device.texts[b]; }),
                     names_.end());
        if (names_.size() > begin) affected_.push_back({hits_[from].holding.slot, begin, names_.size()});
        from = end;
    }
}

// add_matched: the device's names that make one CVE true, from its hits_[from, end) (sorted by configuration):
// a plain configuration's hits are its answer; any other configuration a hit names is evaluated in full, and a
// CVE under the broad rule (kEvery) is evaluated whole.
void Matcher::add_matched(const IndexedCve& cve, const Device& device, std::size_t from, std::size_t end) {
    const auto add = [&](const exposure::Evaluation& result) {
        for (const auto i : result.matched) names_.push_back(static_cast<std::uint32_t>(i));
    };
    if (hits_[end - 1].holding.configuration == Holding::kEvery) {
        add(exposure::evaluate(cve.configurations, device.cpes));
        return;
    }
    while (from < end) {
        const auto configuration = hits_[from].holding.configuration;
        std::size_t last = from;
        while (last < end && hits_[last].holding.configuration == configuration) ++last;
        if (cve.plain[configuration]) {
            for (std::size_t h = from; h < last; ++h) names_.push_back(hits_[h].name);
        } else {
            add(exposure::evaluate(std::span(&cve.configurations[configuration], 1), device.cpes));
        }
        from = last;
    }
}

match_records::Digest Matcher::digest(const Device& device, const exposure::PriorityInput& routes) const {
    match_records::Digest digest;
    for (const auto& a : affected_) {
        const auto& cve = index_.cves[a.slot];
        match_records::FindingHash hash;
        hash.part(cve.cve_id);
        for (std::size_t n = a.begin; n < a.end; ++n) hash.part(device.texts[names_[n]]);
        hash.part(std::to_string(priority(cve, routes)));
        digest.add(hash);
    }
    return digest;
}

std::map<std::string, finding_writes::Wanted> Matcher::wanted(const Device& device,
                                                              const exposure::PriorityInput& routes) const {
    std::map<std::string, finding_writes::Wanted> out;
    for (const auto& a : affected_) {
        const auto& cve = index_.cves[a.slot];
        finding_writes::Wanted w;
        for (std::size_t n = a.begin; n < a.end; ++n) w.matched.push_back(device.texts[names_[n]]);
        w.priority = priority(cve, routes);
        out.emplace(cve.cve_id, std::move(w));
    }
    return out;
}

int Matcher::priority(const IndexedCve& cve, exposure::PriorityInput input) const {
    input.in_kev = cve.kev;
    input.ransomware_known = cve.ransomware_known;
    input.kev_due_passed = cve.kev && !cve.kev_due_date.empty() && cve.kev_due_date < today_;
    input.cvss_score = cve.cvss;
    return static_cast<int>(exposure::prioritise(input).rank_key);
}

}  // namespace mamori::services

/// @file
/// @brief The "fix first" order of findings: exploited and exposed first. Pure; src/exposure/priority.cpp.
/// The UI words the flags (ja/en); nothing here is shown as it is.
#pragma once

#include <cstdint>
#include <optional>

namespace mamori::exposure {

// What is known about one finding (a CVE on a device).
struct PriorityInput {
    bool in_kev = false;               // CISA Known Exploited Vulnerabilities
    bool ransomware_known = false;     // KEV knownRansomwareCampaignUse == "Known"
    bool kev_due_passed = false;       // KEV dueDate before today
    bool internet_facing = false;      // the device answers from the internet
    bool connection_point = false;     // 外部接続点 (VPN/gateway at the edge of the network)
    bool remote_maintenance = false;   // reached by a vendor's remote maintenance line
    std::optional<double> cvss_score;  // base score 0.0–10.0 when known
};

enum class PriorityFlag : std::uint32_t {
    exploited = 1u << 0,       // in KEV
    ransomware = 1u << 1,      // used by ransomware campaigns
    kev_due_passed = 1u << 2,  // the KEV remediation date has passed
    internet_facing = 1u << 3,
    connection_point = 1u << 4,
    remote_maintenance = 1u << 5,
    exposed = 1u << 6,         // any of the three above
    critical_score = 1u << 7,  // CVSS >= 9.0
    high_score = 1u << 8,      // 7.0 <= CVSS < 9.0
    no_score = 1u << 9,        // no CVSS score known
};

// Tiers, first to last:
//   1 exploited and exposed   2 exploited   3 exposed, critical   4 critical   5 exposed, high   6 high
//   7 exposed   8 the rest.
// Within a tier: ransomware first, then a passed KEV due date, then more exposure routes, then the higher
// CVSS score (unknown counts as 0).
struct Priority {
    int tier = 8;
    std::uint64_t rank_key = 0;  // higher comes first; equal keys are equally urgent
    std::uint32_t flags = 0;     // PriorityFlag
    bool has(PriorityFlag f) const { return (flags & static_cast<std::uint32_t>(f)) != 0; }
};

Priority prioritise(const PriorityInput& input);

// comes_before: a strict weak order for sorting findings, most urgent first.
inline bool comes_before(const Priority& a, const Priority& b) {
    return a.rank_key > b.rank_key;
}

}  // namespace mamori::exposure

#include "mamori/exposure/priority.hpp"

#include <algorithm>
#include <cmath>

namespace mamori::exposure {

Priority prioritise(const PriorityInput& in) {
    Priority p;
    auto set = [&](PriorityFlag f, bool on) {
        if (on) p.flags |= static_cast<std::uint32_t>(f);
    };
    int routes =
        (in.internet_facing ? 1 : 0) + (in.connection_point ? 1 : 0) + (in.remote_maintenance ? 1 : 0);
    bool exposed = routes > 0;
    double score = in.cvss_score ? std::clamp(*in.cvss_score, 0.0, 10.0) : 0.0;
    bool critical = in.cvss_score && score >= 9.0;
    bool high = in.cvss_score && score >= 7.0 && !critical;
    set(PriorityFlag::exploited, in.in_kev);
    set(PriorityFlag::ransomware, in.in_kev && in.ransomware_known);
    set(PriorityFlag::kev_due_passed, in.in_kev && in.kev_due_passed);
    set(PriorityFlag::internet_facing, in.internet_facing);
    set(PriorityFlag::connection_point, in.connection_point);
    set(PriorityFlag::remote_maintenance, in.remote_maintenance);
    set(PriorityFlag::exposed, exposed);
    set(PriorityFlag::critical_score, critical);
    set(PriorityFlag::high_score, high);
    set(PriorityFlag::no_score, !in.cvss_score.has_value());

    if (in.in_kev) {
        p.tier = exposed ? 1 : 2;
    } else if (critical) {
        p.tier = exposed ? 3 : 4;
    } else if (high) {
        p.tier = exposed ? 5 : 6;
    } else {
        p.tier = exposed ? 7 : 8;
    }
    auto tenths = static_cast<std::uint64_t>(std::lround(score * 10));  // 0..100
    p.rank_key = (static_cast<std::uint64_t>(9 - p.tier) << 16) |
                 (static_cast<std::uint64_t>(p.has(PriorityFlag::ransomware)) << 12) |
                 (static_cast<std::uint64_t>(p.has(PriorityFlag::kev_due_passed)) << 11) |
                 (static_cast<std::uint64_t>(routes) << 8) | tenths;
    return p;
}

}  // namespace mamori::exposure

/// @file
/// @brief Which volumes (編) of Guideline 第7.0版 apply to an institution (pure, data). 保守委託機関編 図1
/// decides by one question: does the contract (契約書・約款・SLA) make the vendor responsible for the
/// security updates of every server? Only a documented はい leads to 概説編 + 保守委託機関編 (deemed
/// compliance with the whole guideline); いいえ, わからない or no answer yet leads to 概説編, 経営管理編,
/// 企画管理編 and システム運用編. Known from a secondary source only (r8-gl7.md §2.2, [S]).
///
///     auto v = gl7_volumes_for(VendorUpdateResponsibility::yes);  // v.volumes == {"O", "S"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/catalog/catalog.hpp"

namespace mamori::catalog {

// VendorUpdateResponsibility: the institution's answer to 図1's question.
enum class VendorUpdateResponsibility { yes, no, unknown };

std::string_view to_string(VendorUpdateResponsibility value);
std::optional<VendorUpdateResponsibility> parse_vendor_update_responsibility(std::string_view text);

// ApplicableVolumes: the volumes to follow, in reading order, and the condition that decides.
struct ApplicableVolumes {
    std::vector<std::string> volumes;  // volume ids of catalog/guideline-7.0.json
    bool deemed_compliance = false;    // 概説編 + 保守委託機関編 count as the whole guideline
    std::string condition_ja;          // 図1 注記※2 as quoted by the source
    std::string condition_source;
    Confidence confidence = Confidence::secondary;
};

inline constexpr std::string_view kGuideline7 = "gl-7.0";

// gl7_volumes_for: nullopt means the institution has not answered yet.
ApplicableVolumes gl7_volumes_for(std::optional<VendorUpdateResponsibility> answer);

}  // namespace mamori::catalog

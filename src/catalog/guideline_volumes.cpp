#include "mamori/catalog/guideline_volumes.hpp"

namespace mamori::catalog {

namespace {

// 保守委託機関編 図1 注記※2, as BeyondHealthTech/healthlegal quotes it ([S-q]: presented as verbatim, not
// checked against the PDF).
constexpr std::string_view kCondition =
    "「事業者がセキュリティアップデート責任を負うこと」が、契約書や約款、サービスレベル合意書等に記載されてい"
    "る"
    "場合にのみ「YES」を選択可能となる。記載がない場合や不明確な場合には医療機関側の責任となっている可能性が"
    "ある。";
constexpr std::string_view kConditionSource =
    "https://github.com/BeyondHealthTech/healthlegal/blob/main/articles/content/guideline-7-0-summary.md";

}  // namespace

std::string_view to_string(VendorUpdateResponsibility value) {
    switch (value) {
        case VendorUpdateResponsibility::yes: return "yes";
        case VendorUpdateResponsibility::no: return "no";
        case VendorUpdateResponsibility::unknown: return "unknown";
    }
    return "unknown";
}

std::optional<VendorUpdateResponsibility> parse_vendor_update_responsibility(std::string_view text) {
    if (text == "yes") return VendorUpdateResponsibility::yes;
    if (text == "no") return VendorUpdateResponsibility::no;
    if (text == "unknown") return VendorUpdateResponsibility::unknown;
    return std::nullopt;
}

ApplicableVolumes gl7_volumes_for(std::optional<VendorUpdateResponsibility> answer) {
    ApplicableVolumes out;
    out.condition_ja = kCondition;
    out.condition_source = kConditionSource;
    out.confidence = Confidence::secondary;
    // Only a documented YES opens the 保守委託機関編 path: "unclear" counts as the institution's own
    // responsibility, as the note says.
    if (answer == VendorUpdateResponsibility::yes) {
        out.volumes = {"O", "S"};
        out.deemed_compliance = true;
    } else {
        out.volumes = {"O", "M", "P", "C"};
    }
    return out;
}

}  // namespace mamori::catalog

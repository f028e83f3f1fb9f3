// CPE name matching (NISTIR 7696) of pre-parsed NVD criteria against device CPEs, version ranges, and the
// evaluation of a CVE's configurations for one device. Nothing here allocates unless a device is affected.
#include <algorithm>

#include "mamori/exposure/configuration.hpp"
#include "mamori/exposure/version.hpp"

namespace mamori::exposure {
namespace {

// Logical characters in formatted-string text ("\(" is one).
std::size_t logical_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i, ++count) {
        if (text[i] == '\\') ++i;
    }
    return count;
}

struct Pattern {
    bool lead_star = false;
    std::size_t lead_questions = 0;
    std::string_view middle;
    bool trail_star = false;
    std::size_t trail_questions = 0;
};

// Splits a criterion value into its unquoted end wildcards and the literal middle; false when it has none.
bool as_pattern(std::string_view text, Pattern& pattern) {
    std::size_t begin = 0;
    if (!text.empty() && text[0] == '*') {
        pattern.lead_star = true;
        begin = 1;
    } else {
        while (begin < text.size() && text[begin] == '?') ++begin;
        pattern.lead_questions = begin;
    }
    std::size_t end = text.size();
    auto quoted_at = [&](std::size_t index) {
        std::size_t backslashes = 0;
        while (index > begin && text[index - 1] == '\\') {
            ++backslashes;
            --index;
        }
        return backslashes % 2 == 1;
    };
    if (end > begin && text[end - 1] == '*' && !quoted_at(end - 1)) {
        pattern.trail_star = true;
        --end;
    } else {
        while (end > begin && text[end - 1] == '?' && !quoted_at(end - 1)) {
            --end;
            ++pattern.trail_questions;
        }
    }
    pattern.middle = text.substr(begin, end - begin);
    return pattern.lead_star || pattern.trail_star || pattern.lead_questions > 0 ||
           pattern.trail_questions > 0;
}

bool count_fits(std::size_t count, bool star, std::size_t questions) {
    return star ? true : count == questions;
}

bool pattern_matches(const Pattern& pattern, std::string_view target) {
    // Try every logical-character boundary of the target as the start of the middle.
    std::size_t before = 0;
    for (std::size_t start = 0; start <= target.size(); ++before) {
        if (count_fits(before, pattern.lead_star, pattern.lead_questions) &&
            target.substr(start, pattern.middle.size()) == pattern.middle) {
            std::size_t after = logical_length(target.substr(start + pattern.middle.size()));
            if (count_fits(after, pattern.trail_star, pattern.trail_questions)) return true;
        }
        if (!pattern.lead_star && before >= pattern.lead_questions) break;
        if (start == target.size()) break;
        start += target[start] == '\\' ? 2 : 1;
    }
    return false;
}

bool attribute_matches(const CpeValue& criterion, const CpeValue& device) {
    switch (criterion.kind) {
        case CpeValue::Kind::any: return true;
        case CpeValue::Kind::na: return device.kind == CpeValue::Kind::na;
        case CpeValue::Kind::value: break;
    }
    if (device.kind != CpeValue::Kind::value) return false;
    if (criterion.text == device.text) return true;
    Pattern pattern;
    if (!as_pattern(criterion.text, pattern)) return false;
    return pattern_matches(pattern, device.text);
}

bool version_in_range(const CpeMatch& match, std::string_view version) {
    if (!match.version_start_including.empty() &&
        !std::is_gteq(compare_versions(version, match.version_start_including)))
        return false;
    if (!match.version_start_excluding.empty() &&
        !std::is_gt(compare_versions(version, match.version_start_excluding)))
        return false;
    if (!match.version_end_including.empty() &&
        !std::is_lteq(compare_versions(version, match.version_end_including)))
        return false;
    if (!match.version_end_excluding.empty() &&
        !std::is_lt(compare_versions(version, match.version_end_excluding)))
        return false;
    return true;
}

bool holds_for_some(const CpeMatch& match, std::span<const Cpe> devices) {
    for (const auto& device : devices) {
        if (cpe_match_holds(match, device)) return true;
    }
    return false;
}

bool node_holds(const Node& node, std::span<const Cpe> devices) {
    bool result = node.op == Operator::and_;
    auto fold = [&](bool operand) {
        if (node.op == Operator::and_) {
            result = result && operand;
            return !result;  // stop at the first false
        }
        result = result || operand;
        return result;  // stop at the first true
    };
    bool done = false;
    for (const auto& match : node.matches) {
        if ((done = fold(holds_for_some(match, devices)))) break;
    }
    if (!done) {
        for (const auto& child : node.children) {
            if (fold(node_holds(child, devices))) break;
        }
    }
    return node.negate ? !result : result;
}

bool configuration_holds(const Configuration& configuration, std::span<const Cpe> devices) {
    bool result = configuration.op == Operator::and_;
    for (const auto& node : configuration.nodes) {
        bool holds = node_holds(node, devices);
        if (configuration.op == Operator::and_ && !holds) {
            result = false;
            break;
        }
        if (configuration.op == Operator::or_ && holds) {
            result = true;
            break;
        }
    }
    return configuration.negate ? !result : result;
}

void collect_vulnerable(const Node& node, std::span<const Cpe> devices, std::vector<std::size_t>& matched) {
    if (node.negate || !node_holds(node, devices)) return;
    for (const auto& match : node.matches) {
        if (!match.vulnerable) continue;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            if (cpe_match_holds(match, devices[i])) matched.push_back(i);
        }
    }
    for (const auto& child : node.children) collect_vulnerable(child, devices, matched);
}

}  // namespace

namespace {

// Every attribute after the product.
bool rest_matches(const Cpe& criterion, const Cpe& device, bool platform_version) {
    return ((platform_version && criterion.version.kind == CpeValue::Kind::na) ||
            attribute_matches(criterion.version, device.version)) &&
           attribute_matches(criterion.update, device.update) &&
           attribute_matches(criterion.edition, device.edition) &&
           attribute_matches(criterion.language, device.language) &&
           attribute_matches(criterion.sw_edition, device.sw_edition) &&
           attribute_matches(criterion.target_sw, device.target_sw) &&
           attribute_matches(criterion.target_hw, device.target_hw) &&
           attribute_matches(criterion.other, device.other);
}

bool version_holds(const CpeMatch& match, const Cpe& device) {
    if (!match.has_range()) return true;
    if (device.version.kind != CpeValue::Kind::value) return false;
    return version_in_range(match, device.version.text);
}

bool accepts_any_platform_version(const CpeMatch& match) {
    return !match.vulnerable || match.criteria.part == 'h';
}

}  // namespace

bool cpe_name_matches(const Cpe& criterion, const Cpe& device, bool platform_version) {
    if (criterion.part != device.part) return false;
    // vendor and product first: they reject almost every pair.
    return attribute_matches(criterion.product, device.product) &&
           attribute_matches(criterion.vendor, device.vendor) && rest_matches(criterion, device, platform_version);
}

bool cpe_match_holds(const CpeMatch& match, const Cpe& device) {
    return cpe_name_matches(match.criteria, device, accepts_any_platform_version(match)) && version_holds(match, device);
}

bool cpe_match_holds_for_product(const CpeMatch& match, const Cpe& device) {
    return rest_matches(match.criteria, device, accepts_any_platform_version(match)) && version_holds(match, device);
}

Evaluation evaluate(std::span<const Configuration> configurations, std::span<const Cpe> device_cpes) {
    Evaluation evaluation;
    for (const auto& configuration : configurations) {
        if (!configuration_holds(configuration, device_cpes)) continue;
        std::size_t before = evaluation.matched.size();
        for (const auto& node : configuration.nodes)
            collect_vulnerable(node, device_cpes, evaluation.matched);
        if (evaluation.matched.size() > before) evaluation.affected = true;
    }
    if (evaluation.affected) {
        std::sort(evaluation.matched.begin(), evaluation.matched.end());
        evaluation.matched.erase(std::unique(evaluation.matched.begin(), evaluation.matched.end()),
                                 evaluation.matched.end());
    }
    return evaluation;
}

}  // namespace mamori::exposure

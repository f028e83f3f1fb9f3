// Reading NVD CVE API 2.0 `configurations` (and the NVD 1.1 `children` nesting) into pre-parsed CPE criteria.
#include "mamori/exposure/configuration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace mamori::exposure {
namespace {

using nlohmann::json;

struct Counts {
    std::size_t nodes = 0;
    std::size_t matches = 0;
};

tl::unexpected<Error> path_error(const std::string& path, std::string message) {
    return fail(ErrorCode::invalid_input, fmt::format("{}: {}", path, message), path);
}

Result<Operator> read_operator(const json& object, const std::string& path) {
    auto it = object.find("operator");
    if (it == object.end() || it->is_null()) return Operator::or_;
    if (!it->is_string()) return path_error(path + ".operator", "must be \"AND\" or \"OR\"");
    const auto& text = it->get_ref<const std::string&>();
    if (text == "OR") return Operator::or_;
    if (text == "AND") return Operator::and_;
    return path_error(path + ".operator", fmt::format("\"{}\" is not \"AND\" or \"OR\"", text.substr(0, 20)));
}

Result<bool> read_bool(const json& object, const char* key, bool absent, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return absent;
    if (!it->is_boolean()) return path_error(fmt::format("{}.{}", path, key), "must be true or false");
    return it->get<bool>();
}

Result<std::string> read_string(const json& object, const char* key, std::size_t max_length,
                                const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::string{};
    if (!it->is_string()) return path_error(fmt::format("{}.{}", path, key), "must be a string");
    const auto& text = it->get_ref<const std::string&>();
    if (text.size() > max_length)
        return path_error(fmt::format("{}.{}", path, key),
                          fmt::format("longer than {} characters", max_length));
    return text;
}

Result<CpeMatch> parse_match(const json& object, const ConfigurationLimits& limits, const std::string& path) {
    if (!object.is_object()) return path_error(path, "must be an object");
    CpeMatch match;
    auto vulnerable = read_bool(object, "vulnerable", true, path);
    if (!vulnerable) return fail(vulnerable.error());
    match.vulnerable = *vulnerable;
    auto criteria_it = object.find("criteria");
    if (criteria_it == object.end() || !criteria_it->is_string())
        return path_error(path + ".criteria", "a CPE 2.3 name is required");
    auto criteria = parse_cpe(criteria_it->get_ref<const std::string&>());
    if (!criteria) return path_error(path + ".criteria", criteria.error().message);
    match.criteria = std::move(*criteria);
    match.criteria_text = to_formatted(match.criteria);
    struct Bound {
        const char* key;
        std::string* target;
    };
    for (const Bound& bound : {Bound{"versionStartIncluding", &match.version_start_including},
                               Bound{"versionStartExcluding", &match.version_start_excluding},
                               Bound{"versionEndIncluding", &match.version_end_including},
                               Bound{"versionEndExcluding", &match.version_end_excluding}}) {
        auto text = read_string(object, bound.key, limits.max_version_length, path);
        if (!text) return fail(text.error());
        *bound.target = std::move(*text);
    }
    if (!match.version_start_including.empty() && !match.version_start_excluding.empty())
        return path_error(path, "has both versionStartIncluding and versionStartExcluding");
    if (!match.version_end_including.empty() && !match.version_end_excluding.empty())
        return path_error(path, "has both versionEndIncluding and versionEndExcluding");
    auto id = read_string(object, "matchCriteriaId", 64, path);
    if (!id) return fail(id.error());
    match.match_criteria_id = std::move(*id);
    return match;
}

Result<Node> parse_node(const json& object, const ConfigurationLimits& limits, Counts& counts,
                        std::size_t depth, const std::string& path) {
    if (!object.is_object()) return path_error(path, "must be an object");
    if (depth > limits.max_depth)
        return path_error(path, fmt::format("nodes nest deeper than {}", limits.max_depth));
    if (++counts.nodes > limits.max_nodes)
        return path_error(path, fmt::format("more than {} nodes in the record", limits.max_nodes));
    Node node;
    auto op = read_operator(object, path);
    if (!op) return fail(op.error());
    node.op = *op;
    auto negate = read_bool(object, "negate", false, path);
    if (!negate) return fail(negate.error());
    node.negate = *negate;
    if (auto it = object.find("cpeMatch"); it != object.end() && !it->is_null()) {
        if (!it->is_array()) return path_error(path + ".cpeMatch", "must be an array");
        counts.matches += it->size();
        if (counts.matches > limits.max_matches)
            return path_error(path + ".cpeMatch",
                              fmt::format("more than {} cpeMatch entries in the record", limits.max_matches));
        node.matches.reserve(it->size());
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto match = parse_match((*it)[i], limits, fmt::format("{}.cpeMatch[{}]", path, i));
            if (!match) return fail(match.error());
            node.matches.push_back(std::move(*match));
        }
    }
    if (auto it = object.find("children"); it != object.end() && !it->is_null()) {
        if (!it->is_array()) return path_error(path + ".children", "must be an array");
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto child =
                parse_node((*it)[i], limits, counts, depth + 1, fmt::format("{}.children[{}]", path, i));
            if (!child) return fail(child.error());
            node.children.push_back(std::move(*child));
        }
    }
    if (node.matches.empty() && node.children.empty()) return path_error(path, "has no cpeMatch entries");
    return node;
}

}  // namespace

Result<std::vector<Configuration>> parse_configurations(const json& configurations_array,
                                                        const ConfigurationLimits& limits) {
    if (configurations_array.is_null()) return std::vector<Configuration>{};
    if (!configurations_array.is_array()) return path_error("configurations", "must be an array");
    if (configurations_array.size() > limits.max_configurations)
        return path_error("configurations",
                          fmt::format("more than {} configurations", limits.max_configurations));
    std::vector<Configuration> configurations;
    configurations.reserve(configurations_array.size());
    Counts counts;
    for (std::size_t c = 0; c < configurations_array.size(); ++c) {
        const json& object = configurations_array[c];
        std::string path = fmt::format("configurations[{}]", c);
        if (!object.is_object()) return path_error(path, "must be an object");
        Configuration configuration;
        auto op = read_operator(object, path);
        if (!op) return fail(op.error());
        configuration.op = *op;
        auto negate = read_bool(object, "negate", false, path);
        if (!negate) return fail(negate.error());
        configuration.negate = *negate;
        auto nodes = object.find("nodes");
        if (nodes == object.end() || !nodes->is_array())
            return path_error(path + ".nodes", "an array of nodes is required");
        configuration.nodes.reserve(nodes->size());
        for (std::size_t n = 0; n < nodes->size(); ++n) {
            auto node = parse_node((*nodes)[n], limits, counts, 1, fmt::format("{}.nodes[{}]", path, n));
            if (!node) return fail(node.error());
            configuration.nodes.push_back(std::move(*node));
        }
        configurations.push_back(std::move(configuration));
    }
    return configurations;
}

bool is_matchable(std::string_view vuln_status) {
    return vuln_status != "Rejected";
}

bool is_index_key(const CpeValue& value) {
    if (value.kind != CpeValue::Kind::value || value.text.empty()) return false;
    // An unquoted wildcard sits at an end: a leading '*'/'?' or a trailing one not preceded by '\'.
    char first = value.text.front();
    if (first == '*' || first == '?') return false;
    char last = value.text.back();
    if (last == '*' || last == '?') {
        std::size_t backslashes = 0;
        for (std::size_t i = value.text.size() - 1; i > 0 && value.text[i - 1] == '\\'; --i) ++backslashes;
        if (backslashes % 2 == 0) return false;
    }
    return true;
}

namespace {

void collect_products(const Node& node, std::vector<ProductKey>& out) {
    for (const auto& match : node.matches) {
        if (is_index_key(match.criteria.vendor) && is_index_key(match.criteria.product))
            out.push_back({match.criteria.part, match.criteria.vendor.text, match.criteria.product.text});
    }
    for (const auto& child : node.children) collect_products(child, out);
}

}  // namespace

std::vector<ProductKey> products_named(std::span<const Configuration> configurations) {
    std::vector<ProductKey> out;
    for (const auto& configuration : configurations) {
        for (const auto& node : configuration.nodes) collect_products(node, out);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace mamori::exposure

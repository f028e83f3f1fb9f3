// The findings service's matching rules (see exposure_matching_rules.hpp).
#include "exposure_matching_rules.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace mamori::services::exposure_rules {

namespace {

using nlohmann::json;

enum Component { kPart = 2, kVendor = 3, kProduct = 4, kVersion = 5, kUpdate = 6 };

std::string text_of(const json& object, const char* name) {
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// component_matches: a criterion's component against the device's (NISTIR 7696 in the small: ANY matches
// anything, NA only NA, a value the same value or, with a '*' at either end, as a prefix/suffix). A device
// that does not say its version or update is not taken to have a specific one.
bool component_matches(const std::string& pattern, const std::string& device, bool needs_value) {
    if (pattern == "*") return true;
    if (pattern == "-") return device == "-";
    if (device == "*" || device == "-") return !needs_value && device == "*";
    if (pattern.size() > 1 && pattern.back() == '*' && pattern[pattern.size() - 2] != '\\')
        return device.starts_with(pattern.substr(0, pattern.size() - 1));
    if (pattern.size() > 1 && pattern.front() == '*') return device.ends_with(pattern.substr(1));
    return pattern == device;
}

std::string unescaped(const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        out += value[i];
    }
    return out;
}

bool criterion_matches(const Criterion& c, const DeviceCpe& d) {
    const auto& p = c.pattern.parts;
    for (int i = kPart; i < 13; ++i) {
        if (i == kVersion) continue;
        if (!component_matches(p[i], d.parts[i], i == kUpdate)) return false;
    }
    const bool ranged = !c.start_including.empty() || !c.start_excluding.empty() || !c.end_including.empty() ||
                        !c.end_excluding.empty();
    if (!ranged) return component_matches(p[kVersion], d.parts[kVersion], true);
    const std::string& version = d.parts[kVersion];
    if (version == "*" || version == "-") return false;
    const std::string v = unescaped(version);
    if (!c.start_including.empty() && compare_versions(v, c.start_including) < 0) return false;
    if (!c.start_excluding.empty() && compare_versions(v, c.start_excluding) <= 0) return false;
    if (!c.end_including.empty() && compare_versions(v, c.end_including) > 0) return false;
    if (!c.end_excluding.empty() && compare_versions(v, c.end_excluding) >= 0) return false;
    return true;
}

bool node_true(const Node& node, const std::vector<DeviceCpe>& device, std::vector<std::string>& hits) {
    bool result = node.all;
    std::vector<std::string> local;
    for (const auto& c : node.criteria) {
        bool any = false;
        for (const auto& d : device)
            if (criterion_matches(c, d)) {
                any = true;
                if (c.vulnerable) local.push_back(d.text);
            }
        if (node.all && !any) result = false;
        if (!node.all && any) result = true;
    }
    if (node.criteria.empty()) result = false;
    if (node.negate) return !result;
    if (result) hits.insert(hits.end(), local.begin(), local.end());
    return result;
}

}  // namespace

std::optional<DeviceCpe> split_cpe(std::string_view formatted) {
    DeviceCpe out;
    out.text = std::string(formatted);
    std::size_t index = 0;
    std::string current;
    for (std::size_t i = 0; i < formatted.size(); ++i) {
        const char ch = formatted[i];
        if (ch == '\\' && i + 1 < formatted.size()) {
            current += ch;
            current += formatted[++i];
        } else if (ch == ':') {
            if (index >= 12) return std::nullopt;
            out.parts[index++] = std::move(current);
            current.clear();
        } else {
            current += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    out.parts[index] = std::move(current);
    if (index != 12 || out.parts[0] != "cpe" || out.parts[1] != "2.3") return std::nullopt;
    if (out.parts[kPart] != "a" && out.parts[kPart] != "o" && out.parts[kPart] != "h") return std::nullopt;
    return out;
}

std::string product_key(std::string_view part, std::string_view vendor, std::string_view product) {
    std::string key;
    key.reserve(part.size() + vendor.size() + product.size() + 2);
    key.append(part).append(":").append(vendor).append(":").append(product);
    return key;
}

std::vector<Configuration> compile(const json& configurations) {
    std::vector<Configuration> out;
    if (!configurations.is_array()) return out;
    for (const auto& conf : configurations) {
        if (!conf.is_object()) continue;
        Configuration c;
        c.all = text_of(conf, "operator") == "AND";
        const auto nodes = conf.find("nodes");
        if (nodes == conf.end() || !nodes->is_array()) continue;
        for (const auto& n : *nodes) {
            if (!n.is_object()) continue;
            Node node;
            node.all = text_of(n, "operator") == "AND";
            node.negate = n.value("negate", false);
            const auto matches = n.find("cpeMatch");
            if (matches == n.end() || !matches->is_array()) continue;
            for (const auto& m : *matches) {
                if (!m.is_object()) continue;
                auto pattern = split_cpe(text_of(m, "criteria"));
                if (!pattern) continue;
                Criterion cr;
                cr.vulnerable = m.value("vulnerable", true);
                cr.pattern = std::move(*pattern);
                cr.start_including = text_of(m, "versionStartIncluding");
                cr.start_excluding = text_of(m, "versionStartExcluding");
                cr.end_including = text_of(m, "versionEndIncluding");
                cr.end_excluding = text_of(m, "versionEndExcluding");
                node.criteria.push_back(std::move(cr));
            }
            c.nodes.push_back(std::move(node));
        }
        if (!c.nodes.empty()) out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::string> products(const std::vector<Configuration>& configurations) {
    std::vector<std::string> out;
    for (const auto& c : configurations)
        for (const auto& n : c.nodes)
            for (const auto& cr : n.criteria)
                out.push_back(product_key(cr.pattern.parts[kPart], cr.pattern.parts[kVendor],
                                          cr.pattern.parts[kProduct]));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool evaluate(const std::vector<Configuration>& configurations, const std::vector<DeviceCpe>& device,
              std::vector<std::string>& matched) {
    bool any = false;
    for (const auto& conf : configurations) {
        std::vector<std::string> hits;
        bool result = conf.all;
        for (const auto& node : conf.nodes) {
            const bool t = node_true(node, device, hits);
            if (conf.all && !t) result = false;
            if (!conf.all && t) result = true;
        }
        if (result && !hits.empty()) {
            any = true;
            matched.insert(matched.end(), hits.begin(), hits.end());
        }
    }
    std::sort(matched.begin(), matched.end());
    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
    return any;
}

int compare_versions(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    const auto is_digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    const auto is_sep = [](char c) { return c == '.' || c == '-' || c == '_' || c == ' ' || c == '+'; };
    while (i < a.size() || j < b.size()) {
        while (i < a.size() && is_sep(a[i])) ++i;
        while (j < b.size() && is_sep(b[j])) ++j;
        if (i >= a.size() || j >= b.size()) break;
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t si = i, sj = j;
            while (i < a.size() && is_digit(a[i])) ++i;
            while (j < b.size() && is_digit(b[j])) ++j;
            auto x = a.substr(si, i - si), y = b.substr(sj, j - sj);
            while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
            while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
            if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
            if (const int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
        } else {
            std::size_t si = i, sj = j;
            while (i < a.size() && !is_digit(a[i]) && !is_sep(a[i])) ++i;
            while (j < b.size() && !is_digit(b[j]) && !is_sep(b[j])) ++j;
            if (si == i || sj == j) return si == i ? 1 : -1;  // a number sorts after a word (1.0 > 1.0rc)
            if (const int c = a.substr(si, i - si).compare(b.substr(sj, j - sj)); c != 0) return c < 0 ? -1 : 1;
        }
    }
    const bool a_left = i < a.size(), b_left = j < b.size();
    if (a_left == b_left) return 0;
    return a_left ? 1 : -1;
}

int priority(bool kev, bool ransomware_known, bool exposed, std::optional<double> cvss) {
    int p = 0;
    if (kev) p += 100000;
    if (kev && ransomware_known) p += 20000;
    if (exposed) p += kev ? 40000 : 10000;
    if (cvss) p += static_cast<int>(*cvss * 10 + 0.5);
    return p;
}

}  // namespace mamori::services::exposure_rules

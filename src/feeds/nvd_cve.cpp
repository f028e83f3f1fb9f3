#include "mamori/feeds/nvd_cve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "feeds/nvd_page.hpp"
#include "mamori/exposure/configuration.hpp"

namespace mamori::feeds {

namespace {

using Json = nlohmann::json;

Result<std::string> string_at(const Json& object, const char* name, std::string_view source,
                              const std::string& path, const FeedLimits& limits, bool required) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) {
        if (required) return feed_error(source, path + "." + name, "is missing");
        return std::string();
    }
    if (!it->is_string()) return feed_error(source, path + "." + name, "must be a string");
    if (it->get_ref<const std::string&>().size() > limits.max_string_bytes)
        return feed_error(source, path + "." + name,
                          fmt::format("is longer than {} bytes", limits.max_string_bytes));
    return it->get<std::string>();
}

// pick_metric: the newest CVSS version NVD gives, its Primary entry first (else the first entry).
Result<void> pick_metric(const Json& metrics, NvdCve& cve, std::string_view source, const std::string& path) {
    if (!metrics.is_object()) return {};
    const std::array<std::pair<const char*, const char*>, 4> order{{{"cvssMetricV40", "4.0"},
                                                                    {"cvssMetricV31", "3.1"},
                                                                    {"cvssMetricV30", "3.0"},
                                                                    {"cvssMetricV2", "2.0"}}};
    for (const auto& [key, version] : order) {
        const auto list = metrics.find(key);
        if (list == metrics.end() || !list->is_array() || list->empty()) continue;
        const Json* chosen = &(*list)[0];
        for (const auto& m : *list)
            if (m.is_object() && m.value("type", "") == "Primary") {
                chosen = &m;
                break;
            }
        const auto where = fmt::format("{}.metrics.{}", path, key);
        if (!chosen->is_object() || !chosen->contains("cvssData") || !(*chosen)["cvssData"].is_object())
            return feed_error(source, where, "has no cvssData object");
        const Json& data = (*chosen)["cvssData"];
        const auto score = data.find("baseScore");
        if (score == data.end() || !score->is_number() || score->get<double>() < 0 ||
            score->get<double>() > 10)
            return feed_error(source, where + ".cvssData.baseScore", "must be a number from 0 to 10");
        cve.cvss_version = version;
        cve.cvss_score = score->get<double>();
        const auto vector = data.find("vectorString");
        if (vector != data.end() && vector->is_string())
            cve.cvss_vector = vector->get<std::string>().substr(0, 256);
        const Json& severity_holder = data.contains("baseSeverity") ? data : *chosen;  // v2: beside cvssData
        const auto severity = severity_holder.find("baseSeverity");
        if (severity != severity_holder.end() && severity->is_string())
            cve.cvss_severity = severity->get<std::string>().substr(0, 16);
        return {};
    }
    return {};
}

// collect_products: the configurations parsed by the matcher's rules (exposure/configuration.hpp), and the
// (part, vendor, product) keys it indexes a CVE by: the rows of cve_products.
Result<void> collect_products(const Json& configurations, NvdCve& cve, std::string_view source,
                              const std::string& path) {
    auto parsed = exposure::parse_configurations(configurations);
    if (!parsed) {
        const auto& e = parsed.error();
        const std::string field = e.fields.empty() ? std::string("configurations") : e.fields.front().field;
        return feed_error(source, path + "." + field,
                          e.fields.empty() ? e.message : e.fields.front().message);
    }
    for (const auto& key : exposure::products_named(*parsed))
        cve.products.push_back({std::string(1, key.part), key.vendor, key.product});
    std::sort(cve.products.begin(), cve.products.end());
    cve.products.erase(std::unique(cve.products.begin(), cve.products.end()), cve.products.end());
    return {};
}

Result<NvdCve> parse_cve(const Json& item, std::string_view source, const std::string& path,
                         const FeedLimits& limits) {
    const auto holder = item.is_object() ? item.find("cve") : item.end();
    if (!item.is_object() || holder == item.end() || !holder->is_object())
        return feed_error(source, path + ".cve", "must be an object");
    const Json& c = *holder;
    const std::string at = path + ".cve";
    NvdCve cve;
    const std::array<std::pair<const char*, std::string*>, 4> required{
        {{"id", &cve.cve_id},
         {"vulnStatus", &cve.status},
         {"published", &cve.published},
         {"lastModified", &cve.last_modified}}};
    for (const auto& [name, target] : required) {
        auto value = string_at(c, name, source, at, limits, true);
        if (!value) return fail(value.error());
        *target = std::move(*value);
    }
    if (!is_cve_id(cve.cve_id)) return feed_error(source, at + ".id", "is not a CVE id");
    if (cve.status.size() > 64) return feed_error(source, at + ".vulnStatus", "is longer than 64 bytes");
    if (cve.published.size() > 40 || cve.last_modified.size() > 40)
        return feed_error(source, at + ".lastModified", "is not a timestamp");
    if (const auto descriptions = c.find("descriptions");
        descriptions != c.end() && descriptions->is_array()) {
        for (const auto& d : *descriptions)
            if (d.is_object() && d.value("lang", "") == "en" && d.contains("value") &&
                d["value"].is_string()) {
                cve.description = d["value"].get<std::string>();
                break;
            }
        if (cve.description.size() > limits.max_string_bytes)
            return feed_error(source, at + ".descriptions",
                              fmt::format("is longer than {} bytes", limits.max_string_bytes));
    }
    for (const auto& [name, target] : {std::pair{"cisaExploitAdd", &cve.cisa_exploit_add},
                                       std::pair{"cisaActionDue", &cve.cisa_action_due}}) {
        auto value = string_at(c, name, source, at, limits, false);
        if (!value) return fail(value.error());
        if (value->empty()) continue;
        if (!is_iso_date(*value)) return feed_error(source, at + "." + name, "is not a YYYY-MM-DD date");
        *target = std::move(*value);
    }
    if (const auto metrics = c.find("metrics"); metrics != c.end())
        if (auto picked = pick_metric(*metrics, cve, source, at); !picked) return fail(picked.error());
    if (const auto configurations = c.find("configurations"); configurations != c.end()) {
        if (!configurations->is_array())
            return feed_error(source, at + ".configurations", "must be an array");
        cve.configurations = configurations->dump();
        if (cve.configurations.size() > limits.max_configurations_bytes)
            return feed_error(source, at + ".configurations",
                              fmt::format("is larger than {} bytes", limits.max_configurations_bytes));
        if (auto products = collect_products(*configurations, cve, source, at); !products)
            return fail(products.error());
    }
    return cve;
}

}  // namespace

Result<NvdCvePage> parse_nvd_cve_page(std::string_view text, std::string_view source,
                                      const FeedLimits& limits) {
    auto frame = read_nvd_page_frame(text, source, limits, "CVE", "vulnerabilities");
    if (!frame) return fail(frame.error());
    NvdCvePage page;
    take_paging(*frame, page);
    const Json* list = &frame->records;
    if (page.results_per_page != 0 && list->size() > page.results_per_page)
        return feed_error(
            source, "$.resultsPerPage",
            fmt::format("says {} but the page holds {} records", page.results_per_page, list->size()));
    if (page.total_results != 0 && page.start_index + list->size() > page.total_results)
        return feed_error(source, "$.totalResults",
                          fmt::format("says {} but the page ends at record {}", page.total_results,
                                      page.start_index + list->size()));
    std::set<std::string> seen;
    page.cves.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = fmt::format("$.vulnerabilities[{}]", i);
        auto cve = parse_cve((*list)[i], source, path, limits);
        if (!cve) return fail(cve.error());
        if (!seen.insert(cve->cve_id).second)
            return feed_error(source, path + ".cve.id", fmt::format("{} appears twice", cve->cve_id));
        page.cves.push_back(std::move(*cve));
    }
    return page;
}

}  // namespace mamori::feeds

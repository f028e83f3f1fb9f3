#include "mamori/feeds/nvd_cpe.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "mamori/core/json_limits.hpp"
#include "mamori/exposure/cpe.hpp"

namespace mamori::feeds {

namespace {

using Json = nlohmann::json;

std::string short_string(const Json& object, const char* name, std::size_t max) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string()) return {};
    return it->get<std::string>().substr(0, max);
}

}  // namespace

Result<CpeDictionaryPage> parse_nvd_cpe_page(std::string_view text, std::string_view source,
                                             const FeedLimits& limits) {
    auto doc = parse_limited_json(text, limits.max_json_depth, source);
    if (!doc) return fail(doc.error());
    if (!doc->is_object()) return feed_error(source, "$", "an NVD CPE response must be a JSON object");
    if (const auto format = doc->find("format"); format != doc->end() && *format != "NVD_CPE")
        return feed_error(source, "$.format", "is not NVD_CPE (is this a CPE API 2.0 response?)");
    CpeDictionaryPage page;
    for (const auto& [name, target] :
         {std::pair{"startIndex", &page.start_index}, std::pair{"resultsPerPage", &page.results_per_page},
          std::pair{"totalResults", &page.total_results}}) {
        const auto it = doc->find(name);
        if (it == doc->end()) continue;
        if (!it->is_number_unsigned())
            return feed_error(source, std::string("$.") + name, "must be a whole number");
        *target = it->get<std::size_t>();
    }
    page.timestamp = short_string(*doc, "timestamp", 40);
    const auto list = doc->find("products");
    if (list == doc->end() || !list->is_array()) return feed_error(source, "$.products", "must be an array");
    if (list->size() > limits.max_records)
        return feed_error(source, "$.products",
                          fmt::format("holds more than {} records", limits.max_records));
    std::set<std::string> seen;
    page.products.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = fmt::format("$.products[{}].cpe", i);
        const Json& item = (*list)[i];
        const auto holder = item.is_object() ? item.find("cpe") : item.end();
        if (!item.is_object() || holder == item.end() || !holder->is_object())
            return feed_error(source, path, "must be an object");
        const Json& c = *holder;
        CpeDictionaryEntry e;
        const auto name = c.find("cpeName");
        if (name == c.end() || !name->is_string())
            return feed_error(source, path + ".cpeName", "must be a string");
        const auto cpe = exposure::parse_cpe(name->get_ref<const std::string&>());
        if (!cpe) return feed_error(source, path + ".cpeName", cpe.error().message);
        e.cpe = exposure::to_formatted(*cpe);
        e.part = std::string(1, cpe->part);
        e.vendor = exposure::formatted_text(cpe->vendor);
        e.product = exposure::formatted_text(cpe->product);
        e.version = exposure::formatted_text(cpe->version);
        e.cpe_name_id = short_string(c, "cpeNameId", 64);
        e.last_modified = short_string(c, "lastModified", 40);
        if (const auto deprecated = c.find("deprecated"); deprecated != c.end()) {
            if (!deprecated->is_boolean())
                return feed_error(source, path + ".deprecated", "must be true or false");
            e.deprecated = deprecated->get<bool>();
        }
        if (const auto titles = c.find("titles"); titles != c.end()) {
            if (!titles->is_array()) return feed_error(source, path + ".titles", "must be an array");
            for (std::size_t t = 0; t < titles->size(); ++t) {
                const Json& title = (*titles)[t];
                if (!title.is_object() || !title.contains("title") || !title["title"].is_string())
                    return feed_error(source, fmt::format("{}.titles[{}].title", path, t),
                                      "must be a string");
                const auto& value = title["title"].get_ref<const std::string&>();
                if (value.size() > 2048)
                    return feed_error(source, fmt::format("{}.titles[{}].title", path, t),
                                      "is longer than 2048 bytes");
                const std::string lang = short_string(title, "lang", 16);
                if (lang == "en" && e.title_en.empty()) e.title_en = value;
                if (lang == "ja" && e.title_ja.empty()) e.title_ja = value;
            }
        }
        if (!seen.insert(e.cpe).second)
            return feed_error(source, path + ".cpeName", fmt::format("{} appears twice", e.cpe));
        page.products.push_back(std::move(e));
    }
    return page;
}

}  // namespace mamori::feeds

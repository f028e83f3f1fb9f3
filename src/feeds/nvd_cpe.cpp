#include "mamori/feeds/nvd_cpe.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "feeds/nvd_page.hpp"
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
    auto frame = read_nvd_page_frame(text, source, limits, "CPE", "products");
    if (!frame) return fail(frame.error());
    CpeDictionaryPage page;
    take_paging(*frame, page);
    const Json* list = &frame->records;
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

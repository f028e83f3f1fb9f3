#include "feeds/nvd_page.hpp"

#include <fmt/format.h>

#include "mamori/core/json_limits.hpp"

namespace mamori::feeds {

Result<NvdPageFrame> read_nvd_page_frame(std::string_view text, std::string_view source,
                                         const FeedLimits& limits, std::string_view kind,
                                         const char* records_name) {
    auto doc = parse_limited_json(text, limits.max_json_depth, source);
    if (!doc) return fail(doc.error());
    if (!doc->is_object())
        return feed_error(source, "$", fmt::format("an NVD {} response must be a JSON object", kind));
    if (const auto format = doc->find("format");
        format != doc->end() && *format != fmt::format("NVD_{}", kind))
        return feed_error(source, "$.format",
                          fmt::format("is not NVD_{} (is this a {} API 2.0 response?)", kind, kind));
    NvdPageFrame frame;
    for (const auto& [name, target] :
         {std::pair{"startIndex", &frame.start_index}, std::pair{"resultsPerPage", &frame.results_per_page},
          std::pair{"totalResults", &frame.total_results}}) {
        const auto it = doc->find(name);
        if (it == doc->end()) continue;
        if (!it->is_number_unsigned())
            return feed_error(source, std::string("$.") + name, "must be a whole number");
        *target = it->get<std::size_t>();
    }
    if (const auto timestamp = doc->find("timestamp"); timestamp != doc->end() && timestamp->is_string())
        frame.timestamp = timestamp->get_ref<const std::string&>().substr(0, 40);
    const auto list = doc->find(records_name);
    const std::string path = std::string("$.") + records_name;
    if (list == doc->end() || !list->is_array()) return feed_error(source, path, "must be an array");
    if (list->size() > limits.max_records)
        return feed_error(source, path, fmt::format("holds more than {} records", limits.max_records));
    frame.records = std::move(*list);
    return frame;
}

}  // namespace mamori::feeds

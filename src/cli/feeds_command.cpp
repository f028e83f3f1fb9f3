// `mamori feeds import kev|nvd|cpe|jvn PATH`: importing a vulnerability feed from files downloaded by hand.
#include <fmt/format.h>

#include <iostream>

#include "mamori/services/feed_import.hpp"
#include "settings.hpp"

namespace mamori::cli {

int feeds_import_command(const CommonSettings& common, const std::string& feed_name,
                         const std::string& path) {
    const auto feed = services::parse_feed(feed_name);
    if (!feed) {
        std::cerr << fmt::format("mamori: unknown feed '{}' (kev, nvd, cpe or jvn)\n", feed_name);
        return 1;
    }
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    auto result = services::import_feed(*db, *feed, path, {}, cli_context());
    if (!result) return report_errors(result.error(), fmt::format("feed {} not imported", to_string(*feed)));
    for (const auto& file : result->files) {
        std::string paging;
        if (file.total_results)
            paging = fmt::format(" (from {}, {} of {} in all)", file.start_index.value_or(0), file.records,
                                 *file.total_results);
        std::cout << fmt::format("{}: {} records{}\n", file.name, file.records, paging);
    }
    std::cout << fmt::format(
        "feed {}: records read {}, written {}, unchanged {}, older than stored {}; rows changed {}; "
        "watermark {}; "
        "CVEs changed {}; assets re-matched {} (findings found {}, returned {}, gone {})\n",
        to_string(result->feed), result->records_read, result->records_written, result->records_unchanged,
        result->records_skipped_older, result->rows_changed,
        result->watermark.empty() ? "-" : result->watermark, result->changed_cve_ids.size(),
        result->rematched.assets, result->rematched.found, result->rematched.returned, result->rematched.gone);
    return 0;
}

}  // namespace mamori::cli

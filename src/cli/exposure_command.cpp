// `mamori exposure check --cpe CPE [--cpe CPE …]`: the CVEs of the stored feeds that one device (its firmware
// or OS, hardware and platform CPE names together) matches, one per line, " KEV" after the id when CISA lists
// it as exploited. The same check as POST /api/v1/exposure/check.
// `mamori exposure match`: every asset in use matched again against the stored feeds (as POST
// /api/v1/exposure/rematch), with what it did and how long the index load and the match took.
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "mamori/exposure/cpe.hpp"
#include "mamori/services/exposure_matching.hpp"
#include "settings.hpp"

namespace mamori::cli {

int exposure_check_command(const CommonSettings& common, const std::vector<std::string>& cpes) {
    std::vector<std::string> device;
    for (const auto& text : cpes) {
        auto normal = exposure::normalise_cpe(text);
        if (!normal) {
            std::cerr << fmt::format("mamori: --cpe {}: {}\n", text, normal.error().message);
            return 2;
        }
        device.push_back(std::move(*normal));
    }
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    services::ExposureMatching matching(*db);
    auto hits = matching.check(device);
    if (!hits) return report_errors(hits.error(), "mamori: the device was not checked");
    for (const auto& hit : *hits) std::cout << hit.cve_id << (hit.kev ? " KEV" : "") << "\n";
    return 0;
}

int exposure_match_command(const CommonSettings& common) {
    auto db = open_migrated_database(common, 2);
    if (!db) return 1;
    services::ExposureMatching matching(*db);
    using clock = std::chrono::steady_clock;
    const auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    const auto start = clock::now();
    if (auto loaded = matching.check({}); !loaded)  // an empty device: loads the feed index, matches nothing
        return report_errors(loaded.error(), "mamori: the feed index was not loaded");
    const auto loaded_at = clock::now();
    auto stats = matching.match_all();
    if (!stats) return report_errors(stats.error(), "mamori: the assets were not matched");
    std::cout << fmt::format(
        "assets {}: findings found {}, returned {}, gone {}, unchanged {}; index loaded in {:.0f} ms, matched in "
        "{:.0f} ms\n",
        stats->assets, stats->found, stats->returned, stats->gone, stats->unchanged, ms(loaded_at - start),
        ms(clock::now() - loaded_at));
    return 0;
}

}  // namespace mamori::cli

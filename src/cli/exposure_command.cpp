// `mamori exposure check --cpe CPE [--cpe CPE …]`: the CVEs of the stored feeds that one device (its firmware
// or OS, hardware and platform CPE names together) matches, one per line, " KEV" after the id when CISA lists
// it as exploited. The same check as POST /api/v1/exposure/check.
#include <fmt/format.h>

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

}  // namespace mamori::cli

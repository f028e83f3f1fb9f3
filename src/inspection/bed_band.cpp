#include "mamori/inspection/bed_band.hpp"

#include <array>
#include <limits>
#include <utility>

namespace mamori::inspection {

namespace {

struct BandEntry {
    BedBand band;
    std::string_view id;
    BedRange range;
};

constexpr int kNoUpperLimit = std::numeric_limits<int>::max();

constexpr std::array<BandEntry, 8> kBands = {{
    {BedBand::clinic_without_beds, "clinic_without_beds", {"clinic", 0, 0}},
    {BedBand::clinic_with_beds, "clinic_with_beds", {"clinic", 1, 19}},
    {BedBand::hospital_20_99, "hospital_20_99", {"hospital", 20, 99}},
    {BedBand::hospital_100_199, "hospital_100_199", {"hospital", 100, 199}},
    {BedBand::hospital_200_299, "hospital_200_299", {"hospital", 200, 299}},
    {BedBand::hospital_300_399, "hospital_300_399", {"hospital", 300, 399}},
    {BedBand::hospital_400_499, "hospital_400_499", {"hospital", 400, 499}},
    {BedBand::hospital_500_plus, "hospital_500_plus", {"hospital", 500, kNoUpperLimit}},
}};

const BandEntry& entry(BedBand band) {
    for (const auto& e : kBands)
        if (e.band == band) return e;
    return kBands.front();  // unreachable: every enumerator is listed
}

}  // namespace

std::optional<BedBand> bed_band_for(std::string_view kind, std::optional<int> beds) {
    if (!beds) return std::nullopt;
    for (const auto& e : kBands)
        if (e.range.kind == kind && *beds >= e.range.min_beds && *beds <= e.range.max_beds) return e.band;
    return std::nullopt;
}

BedRange bed_range(BedBand band) {
    return entry(band).range;
}

std::string_view to_string(BedBand band) {
    return entry(band).id;
}

std::optional<BedBand> parse_bed_band(std::string_view text) {
    for (const auto& e : kBands)
        if (e.id == text) return e.band;
    return std::nullopt;
}

}  // namespace mamori::inspection

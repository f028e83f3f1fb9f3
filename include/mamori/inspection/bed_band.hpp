/// @file
/// @brief Bed bands (病床規模): the size classes MHLW's surveys report hospitals in (20–99, 100–199, 200–299,
/// 300–399, 400–499, 500 床以上) and the two kinds of clinic (無床 / 有床, at most 19 beds). Inspectors
/// filter their jurisdiction by them; statistics break figures down by them.
///
///     bed_band_for("hospital", 250) == BedBand::hospital_200_299
///     bed_range(BedBand::clinic_with_beds) == BedRange{"clinic", 1, 19}
#pragma once

#include <optional>
#include <string_view>

namespace mamori::inspection {

enum class BedBand {
    clinic_without_beds,  // 無床診療所
    clinic_with_beds,     // 有床診療所 (1–19 beds)
    hospital_20_99,
    hospital_100_199,
    hospital_200_299,
    hospital_300_399,
    hospital_400_499,
    hospital_500_plus,
};

// BedRange: the organisation kind a band belongs to and its bed counts, both ends included.
struct BedRange {
    std::string_view kind;
    int min_beds = 0;
    int max_beds = 0;
    bool operator==(const BedRange&) const = default;
};

// bed_band_for: the band of an institution of `kind` ("hospital", "clinic") with `beds` beds in total;
// nullopt for other kinds, an unknown count, or a count outside the kind's range (a hospital has ≥ 20 beds,
// a clinic ≤ 19 by 医療法).
std::optional<BedBand> bed_band_for(std::string_view kind, std::optional<int> beds);

BedRange bed_range(BedBand band);

// to_string / parse_bed_band: the band's id in the API ("hospital_200_299").
std::string_view to_string(BedBand band);
std::optional<BedBand> parse_bed_band(std::string_view text);

}  // namespace mamori::inspection

#include "mamori/inspection/bed_band.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mamori::inspection {
namespace {

struct BandCase {
    std::string kind;
    std::optional<int> beds;
    std::optional<BedBand> band;
};

TEST(BedBand, EveryBoundaryFallsInTheBandMhlwReportsItIn) {
    const BandCase cases[] = {
        {"clinic", 0, BedBand::clinic_without_beds},
        {"clinic", 1, BedBand::clinic_with_beds},
        {"clinic", 19, BedBand::clinic_with_beds},
        {"clinic", 20, std::nullopt},  // a clinic has at most 19 beds
        {"hospital", 19, std::nullopt},
        {"hospital", 20, BedBand::hospital_20_99},
        {"hospital", 99, BedBand::hospital_20_99},
        {"hospital", 100, BedBand::hospital_100_199},
        {"hospital", 199, BedBand::hospital_100_199},
        {"hospital", 200, BedBand::hospital_200_299},
        {"hospital", 300, BedBand::hospital_300_399},
        {"hospital", 499, BedBand::hospital_400_499},
        {"hospital", 500, BedBand::hospital_500_plus},
        {"hospital", 1200, BedBand::hospital_500_plus},
        {"hospital", std::nullopt, std::nullopt},  // beds not known
        {"pharmacy", 0, std::nullopt},
        {"dental_clinic", 0, std::nullopt},
        {"clinic", -1, std::nullopt},
    };
    for (const auto& c : cases)
        EXPECT_EQ(bed_band_for(c.kind, c.beds), c.band)
            << c.kind << " with " << (c.beds ? std::to_string(*c.beds) : "unknown") << " beds";
}

TEST(BedBand, IdsRoundTripAndRangesDoNotOverlap) {
    const BedBand all[] = {BedBand::clinic_without_beds, BedBand::clinic_with_beds, BedBand::hospital_20_99,
                           BedBand::hospital_100_199,    BedBand::hospital_200_299, BedBand::hospital_300_399,
                           BedBand::hospital_400_499,    BedBand::hospital_500_plus};
    for (const auto band : all) {
        EXPECT_EQ(parse_bed_band(to_string(band)), band) << to_string(band);
        const auto range = bed_range(band);
        EXPECT_EQ(bed_band_for(range.kind, range.min_beds), band) << to_string(band);
        EXPECT_EQ(bed_band_for(range.kind, range.max_beds), band) << to_string(band);
    }
    EXPECT_EQ(bed_range(BedBand::clinic_with_beds), (BedRange{"clinic", 1, 19}));
    EXPECT_FALSE(parse_bed_band("hospital_20-99"));
    EXPECT_FALSE(parse_bed_band(""));
}

}  // namespace
}  // namespace mamori::inspection

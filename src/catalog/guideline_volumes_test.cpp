// Which volumes of Guideline 第7.0版 apply to an institution, by its answer to 保守委託機関編 図1's question;
// every volume id named exists in catalog/guideline-7.0.json.
#include "mamori/catalog/guideline_volumes.hpp"

#include <gtest/gtest.h>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"

namespace mamori::catalog {
namespace {

using V = VendorUpdateResponsibility;

struct Case {
    const char* name;
    std::optional<V> answer;
    std::vector<std::string> volumes;
    bool deemed;
};

class Gl7Volumes : public ::testing::TestWithParam<Case> {};

TEST_P(Gl7Volumes, TheAnswerDecidesTheVolumes) {
    const auto& c = GetParam();
    const auto v = gl7_volumes_for(c.answer);
    EXPECT_EQ(v.volumes, c.volumes);
    EXPECT_EQ(v.deemed_compliance, c.deemed);
    EXPECT_EQ(v.confidence, Confidence::secondary) << "known from a secondary source only";
    EXPECT_NE(v.condition_ja.find("契約書や約款、サービスレベル合意書等に記載"), std::string::npos);
    EXPECT_NE(v.condition_source.find("healthlegal"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    GuidelineVolumes, Gl7Volumes,
    ::testing::Values(Case{"documented_yes", V::yes, {"O", "S"}, true},
                      Case{"no", V::no, {"O", "M", "P", "C"}, false},
                      Case{"unclear_counts_as_no", V::unknown, {"O", "M", "P", "C"}, false},
                      Case{"not_answered_yet", std::nullopt, {"O", "M", "P", "C"}, false}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(GuidelineVolumes, EveryVolumeNamedIsAVolumeOfTheGuidelineData) {
    const auto catalog = *CatalogBuilder::from_files(embedded::catalog_files())->build();
    const Guideline* gl7 = catalog->find_guideline(kGuideline7);
    ASSERT_NE(gl7, nullptr);
    for (const auto answer : {std::optional<V>{V::yes}, std::optional<V>{V::no}})
        for (const auto& id : gl7_volumes_for(answer).volumes) {
            const auto* entry = gl7->find(id);
            ASSERT_NE(entry, nullptr) << id;
            EXPECT_EQ(entry->volume, id);
        }
}

TEST(GuidelineVolumes, AnswersRoundTripAndUnknownWordsAreRefused) {
    for (const auto v : {V::yes, V::no, V::unknown})
        EXPECT_EQ(parse_vendor_update_responsibility(to_string(v)), v);
    EXPECT_FALSE(parse_vendor_update_responsibility("YES"));
    EXPECT_FALSE(parse_vendor_update_responsibility(""));
}

}  // namespace
}  // namespace mamori::catalog

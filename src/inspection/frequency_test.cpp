#include "mamori/inspection/frequency.hpp"

#include <gtest/gtest.h>

namespace mamori::inspection {
namespace {

TEST(InspectionFrequency, ClassesFollowKindAndBeds) {
    struct Case {
        std::string kind;
        std::optional<int> beds;
        std::optional<InspectionClass> expected;
    };
    const Case cases[] = {
        {"hospital", 318, InspectionClass::hospital},
        {"hospital", std::nullopt, InspectionClass::hospital},
        {"clinic", 12, InspectionClass::clinic_with_beds},
        {"clinic", 0, InspectionClass::clinic_without_beds},
        {"clinic", std::nullopt, InspectionClass::clinic_without_beds},
        {"dental_clinic", 0, InspectionClass::dental_clinic},
        {"pharmacy", std::nullopt, InspectionClass::pharmacy},
        {"vendor", std::nullopt, std::nullopt},
        {"health_centre", std::nullopt, std::nullopt},
    };
    for (const auto& c : cases) EXPECT_EQ(inspection_class(c.kind, c.beds), c.expected) << c.kind;
    for (const auto c : all_inspection_classes()) EXPECT_EQ(parse_inspection_class(to_string(c)), c);
    EXPECT_FALSE(parse_inspection_class("clinic"));
}

TEST(InspectionFrequency, DueFollowsTheIntervalFromTheLastInspection) {
    struct Case {
        InspectionClass c;
        std::optional<int> last;
        int fy;
        Due due;
        std::optional<int> next;
    };
    const auto& policy = default_policy();
    const Case cases[] = {
        {InspectionClass::hospital, std::nullopt, 2026, Due::due, 2026},  // never inspected
        {InspectionClass::hospital, 2025, 2026, Due::due, 2026},          // yearly
        {InspectionClass::hospital, 2026, 2026, Due::not_due, 2027},      // already this year
        {InspectionClass::clinic_with_beds, 2024, 2026, Due::not_due, 2027},
        {InspectionClass::clinic_with_beds, 2023, 2026, Due::due, 2026},
        {InspectionClass::clinic_with_beds, std::nullopt, 2026, Due::due, 2026},
        {InspectionClass::clinic_without_beds, std::nullopt, 2026, Due::on_cause, std::nullopt},
        {InspectionClass::dental_clinic, 2010, 2026, Due::on_cause, std::nullopt},
        {InspectionClass::pharmacy, std::nullopt, 2026, Due::on_cause, std::nullopt},
    };
    for (const auto& c : cases) {
        const auto reason = due_in(policy, c.c, c.last, c.fy);
        EXPECT_EQ(reason.due, c.due) << to_string(c.c) << " last " << c.last.value_or(0) << " in " << c.fy;
        EXPECT_EQ(reason.next_fiscal_year, c.next) << to_string(c.c);
        EXPECT_EQ(reason.last_fiscal_year, c.last);
    }
}

TEST(InspectionFrequency, DefaultIsSecondarySourcedAndAPrefectureOverridesOneClass) {
    for (const auto c : all_inspection_classes()) {
        const auto* rule = default_policy().find(c);
        ASSERT_NE(rule, nullptr) << to_string(c);
        EXPECT_EQ(rule->confidence, catalog::Confidence::secondary)
            << "the regime doc knows this only as [S]";
        EXPECT_FALSE(rule->source.empty());
    }
    // 大分県: clinics at least once every 5 years.
    auto oita = with_override(default_policy(), {InspectionClass::clinic_without_beds, 5, "大分県の方針",
                                                 catalog::Confidence::verified});
    ASSERT_TRUE(oita);
    EXPECT_EQ(due_in(*oita, InspectionClass::clinic_without_beds, 2021, 2026).due, Due::due);
    EXPECT_EQ(due_in(*oita, InspectionClass::clinic_without_beds, 2022, 2026).due, Due::not_due);
    EXPECT_EQ(due_in(*oita, InspectionClass::hospital, 2025, 2026).due, Due::due)
        << "other classes unchanged";
    EXPECT_EQ(oita->rules.size(), default_policy().rules.size());
    for (const int bad : {0, -1, kMaxEveryYears + 1}) {
        auto refused = with_override(default_policy(),
                                     {InspectionClass::hospital, bad, "x", catalog::Confidence::verified});
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().fields.at(0).field, "every_years");
    }
}

}  // namespace
}  // namespace mamori::inspection

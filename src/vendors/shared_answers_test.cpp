#include "mamori/vendors/shared_answers.hpp"

#include <gtest/gtest.h>

namespace mamori::vendors {
namespace {

using assessment::Answer;
using assessment::AnswerValue;
using assessment::RowKey;
using namespace std::chrono;

Answer yes(year_month_day on, std::string note = {}) {
    return {.value = AnswerValue::yes, .confirmed_on = on, .note = std::move(note)};
}
Answer no(year_month_day on, year_month_day target) {
    return {.value = AnswerValue::no, .confirmed_on = on, .target_date = target};
}

const RowKey kOwner{"security-owner", "main"};
const RowKey kRemote{"remote-maintenance", "main"};
const RowKey kMds{"mds-sds", "main"};
const RowKey kPasswords{"password-reuse", "server"};
constexpr year_month_day kMay{2026y, May, 20d};
constexpr year_month_day kJune{2026y, June, 3d};
constexpr year_month_day kMarch{2027y, March, 31d};

const VendorAnswers kProduct = {{kOwner, yes(kMay)}, {kRemote, yes(kMay, "VPN 装置で接続")}, {kMds, no(kMay, kMarch)}};

TEST(SharedAnswers, AnOverrideReplacesItsRowWholeAndMayAnswerAnOpenRow) {
    const VendorAnswers overrides = {{kRemote, no(kJune, kMarch)}, {kPasswords, yes(kJune)}};
    const auto answers = effective_answers(kProduct, overrides);
    ASSERT_EQ(answers.size(), 4u);
    EXPECT_EQ(answers.at(kOwner), yes(kMay)) << "untouched rows keep the product's answer";
    EXPECT_EQ(answers.at(kRemote), no(kJune, kMarch)) << "value, dates and note replaced together";
    EXPECT_TRUE(answers.at(kRemote).note.empty());
    EXPECT_EQ(answers.at(kPasswords), yes(kJune));
    EXPECT_EQ(effective_answers(kProduct, {}), kProduct);
}

TEST(SharedAnswers, ChangesNameEveryRowAddedRemovedOrChangedInRowOrder) {
    VendorAnswers later = kProduct;
    later.erase(kOwner);
    later[kMds] = yes(kJune);
    later[kPasswords] = yes(kJune);
    const auto changes = changes_between(kProduct, later);
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].key, kMds);
    EXPECT_EQ(changes[0].before, no(kMay, kMarch));
    EXPECT_EQ(changes[0].after, yes(kJune));
    EXPECT_EQ(changes[1].key, kPasswords);
    EXPECT_EQ(changes[1].before, std::nullopt);
    EXPECT_EQ(changes[2].key, kOwner);
    EXPECT_EQ(changes[2].after, std::nullopt);
    EXPECT_TRUE(changes_between(kProduct, kProduct).empty());
    EXPECT_EQ(changes_between({}, kProduct).size(), kProduct.size());
}

TEST(SharedAnswers, SharingAgainMakesANewVersionOnlyWhereTheAnswersChanged) {
    const VendorAnswers override_remote = {{kRemote, no(kJune, kMarch)}};
    const std::vector<ShareTarget> targets = {
        {1, std::nullopt, {}},                                        // never shared
        {2, kProduct, {}},                                            // already has exactly these
        {3, kProduct, override_remote},                               // its override is new
        {4, effective_answers(kProduct, override_remote), override_remote},  // override already shared
    };
    const auto plans = plan_share(kProduct, targets);
    ASSERT_EQ(plans.size(), 4u);
    EXPECT_EQ(plans[0].request_id, 1);
    EXPECT_TRUE(plans[0].new_version);
    EXPECT_EQ(plans[0].answers, kProduct);
    EXPECT_FALSE(plans[1].new_version);
    EXPECT_TRUE(plans[2].new_version);
    EXPECT_EQ(plans[2].answers.at(kRemote), no(kJune, kMarch));
    EXPECT_FALSE(plans[3].new_version);
}

}  // namespace
}  // namespace mamori::vendors

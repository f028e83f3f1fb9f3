#include "mamori/assessment/carry_forward.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"

namespace mamori::assessment {
namespace {

std::shared_ptr<const catalog::Catalog> embedded_catalog() {
    static const auto catalog = *catalog::CatalogBuilder::from_files(embedded::catalog_files())->build();
    return catalog;
}

// Every R6 medical row answered はい with a note, except 2-(7) ネットワーク機器 (VUL-01 network): いいえ.
std::vector<PriorAnswer> r6_answers() {
    std::vector<PriorAnswer> out;
    const auto* form = embedded_catalog()->latest("r6")->find("medical");
    for (const auto& item : form->items) {
        for (const auto& row : item.rows) {
            Answer a{.value = AnswerValue::yes, .confirmed_on = *parse_iso_date("2024-10-01"), .note = "R6"};
            if (item.canonical_id == "VUL-01" && row.key == "network") {
                a.value = AnswerValue::no;
                a.target_date = *parse_iso_date("2025-03-31");
                a.note = "VPN機器の更新待ち";
            }
            out.push_back({{item.canonical_id, row.key}, a});
        }
    }
    return out;
}

const CarriedAnswer* find(const CarryForward& c, const std::string& id) {
    auto it = std::find_if(c.carried.begin(), c.carried.end(),
                           [&id](const CarriedAnswer& a) { return a.key.canonical_id == id; });
    return it == c.carried.end() ? nullptr : &*it;
}

TEST(CarryForward, R6ToR7MedicalCarriesAnswersAndListsTheFiveNewItems) {
    auto result = carry_forward(*embedded_catalog(), "r6", "r7", "medical", r6_answers());
    ASSERT_TRUE(result) << result.error().message;

    std::vector<std::string> new_ids;
    for (const auto& k : result->new_items) new_ids.push_back(k.canonical_id);
    EXPECT_EQ(new_ids, (std::vector<std::string>{"IAM-03", "IAM-04", "DEV-01", "IAM-05", "GOV-02"}));
    for (const auto& k : result->unanswered)
        EXPECT_NE(std::find(new_ids.begin(), new_ids.end(), k.canonical_id), new_ids.end())
            << k.canonical_id << "/" << k.row << " had an answer last year and must be carried";
    EXPECT_TRUE(result->dropped.empty());

    // Every R7 row of an item that existed in R6 is carried, each to be confirmed again, with no old dates.
    std::size_t r7_rows = 0, new_rows = 0;
    for (const auto& item : embedded_catalog()->latest("r7")->find("medical")->items) {
        r7_rows += item.rows.size();
        if (std::find(new_ids.begin(), new_ids.end(), item.canonical_id) != new_ids.end())
            new_rows += item.rows.size();
    }
    EXPECT_EQ(result->carried.size(), r7_rows - new_rows);
    for (const auto& c : result->carried) {
        EXPECT_TRUE(c.needs_reconfirmation);
        EXPECT_FALSE(c.answer.confirmed_on.has_value());
        EXPECT_FALSE(c.answer.target_date.has_value());
        EXPECT_FALSE(c.from.empty());
    }

    // VUL-01: three R6 device-class rows merged into one R7 row; one いいえ makes the merged answer いいえ.
    const CarriedAnswer* patch = find(*result, "VUL-01");
    ASSERT_NE(patch, nullptr);
    EXPECT_EQ(patch->from.size(), 3u);
    EXPECT_EQ(patch->answer.value, AnswerValue::no);
    EXPECT_EQ(patch->answer.note, "VPN機器の更新待ち");

    const CarriedAnswer* manager = find(*result, "GOV-01");
    ASSERT_NE(manager, nullptr);
    EXPECT_EQ(manager->answer.value, AnswerValue::yes);
    EXPECT_EQ(manager->answer.note, "R6");
}

TEST(CarryForward, RowsWithoutAnAnswerStayUnanswered) {
    std::vector<PriorAnswer> only_one = {
        {{"GOV-01", "main"},
         Answer{.value = AnswerValue::yes, .confirmed_on = *parse_iso_date("2024-10-01")}}};
    auto result = carry_forward(*embedded_catalog(), "r6", "r7", "medical", only_one);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->carried.size(), 1u);
    EXPECT_EQ(result->carried.front().key, (RowKey{"GOV-01", "main"}));
    EXPECT_GT(result->unanswered.size(), 10u);
}

TEST(CarryForward, WorksAcrossTwoEditionsAndRefusesBackwards) {
    EXPECT_TRUE(carry_forward(*embedded_catalog(), "r5", "r7", "medical", {}));
    auto backwards = carry_forward(*embedded_catalog(), "r7", "r6", "medical", {});
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.error().code, ErrorCode::invalid_input);
    EXPECT_FALSE(carry_forward(*embedded_catalog(), "r6", "r9", "medical", {}));
}

}  // namespace
}  // namespace mamori::assessment

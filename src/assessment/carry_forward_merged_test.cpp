// Carry-forward into a merged form: an R7 hospital (医療機関確認用) and an R7 pharmacy (薬局確認用) both move
// onto one form for every institution kind, each through the mapping element of its own earlier form. The
// edition is the FICTIONAL fixture tests/fixtures/catalog/r8-merged-bundle.json (R7 items, no official
// wording).
#include <gtest/gtest.h>

#include <algorithm>

#include "mamori/assessment/carry_forward.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"
#include "testing/catalog_fixtures.hpp"

namespace mamori::assessment {
namespace {

std::shared_ptr<const catalog::Catalog> merged_catalog() {
    static const auto catalog = testing::catalog_with_fixture("r8-merged-bundle.json");
    return catalog;
}

// r7_answers: every row of R7 form `form` answered はい with a note naming the form, and VUL-01 いいえ.
std::vector<PriorAnswer> r7_answers(const std::string& form) {
    std::vector<PriorAnswer> out;
    for (const auto& item : merged_catalog()->latest("r7")->find(form)->items)
        for (const auto& row : item.rows) {
            Answer a{.value = AnswerValue::yes, .confirmed_on = *parse_iso_date("2025-10-01"), .note = form};
            if (item.canonical_id == "VUL-01") a.value = AnswerValue::no;
            out.push_back({{item.canonical_id, row.key}, a});
        }
    return out;
}

void expect_carried_into_merged_form(const std::string& from_form) {
    auto result =
        carry_forward(*merged_catalog(), "r7", "r8", from_form, "institution", r7_answers(from_form));
    ASSERT_TRUE(result) << from_form << ": " << result.error().message;

    std::vector<std::string> carried;
    for (const auto& c : result->carried) {
        carried.push_back(c.key.canonical_id + "/" + c.key.row);
        EXPECT_TRUE(c.needs_reconfirmation);
        EXPECT_EQ(c.answer.note, from_form) << "answers come from the institution's own earlier form";
        EXPECT_FALSE(c.answer.confirmed_on) << "last year's dates are not carried";
        EXPECT_EQ(c.answer.value, c.key.canonical_id == "VUL-01" ? AnswerValue::no : AnswerValue::yes);
    }
    EXPECT_EQ(carried, (std::vector<std::string>{"GOV-01/main", "AST-01/general", "VUL-01/general"}));
    ASSERT_EQ(result->new_items.size(), 1u);
    EXPECT_EQ(result->new_items.front(), (RowKey{"IAM-06", "main"}));
    EXPECT_EQ(result->unanswered, (std::vector<RowKey>{{"IAM-06", "main"}}));
    // The 15 R7 items the fixture dropped: each of their answered rows is reported, none carried.
    EXPECT_TRUE(std::any_of(result->dropped.begin(), result->dropped.end(),
                            [](const RowKey& k) { return k.canonical_id == "NET-01"; }));
    for (const auto& k : result->dropped)
        EXPECT_TRUE(k.canonical_id != "GOV-01" && k.canonical_id != "AST-01" && k.canonical_id != "VUL-01")
            << k.canonical_id;
}

TEST(CarryForwardMerged, R7HospitalChecklistMovesOntoTheMergedForm) {
    expect_carried_into_merged_form("medical");
}

TEST(CarryForwardMerged, R7PharmacyChecklistMovesOntoTheMergedForm) {
    expect_carried_into_merged_form("pharmacy");
}

TEST(CarryForwardMerged, AFormWithNoMappingIntoTheMergedFormIsRefused) {
    auto vendor = carry_forward(*merged_catalog(), "r7", "r8", "vendor", "institution", {});
    ASSERT_FALSE(vendor);
    EXPECT_EQ(vendor.error().code, ErrorCode::invalid_input);
    // The same form id on both sides is no longer enough once forms are merged.
    auto same_id = carry_forward(*merged_catalog(), "r7", "r8", "pharmacy", {});
    ASSERT_FALSE(same_id);
    EXPECT_EQ(same_id.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace mamori::assessment

#include "vendor_request_support.hpp"

#include <gtest/gtest.h>

#include "mamori/core/time.hpp"

namespace mamori::services::vendor_support {
namespace {

using assessment::Answer;
using assessment::AnswerValue;
using assessment::RowKey;

std::chrono::year_month_day date(const char* text) {
    return *parse_iso_date(text);
}

class VendorRequestSupport : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded = CatalogService::load(embedded::catalog_files(), nullptr);
        ASSERT_TRUE(loaded);
        service = std::move(*loaded);
        catalog = service->snapshot()->catalog_ptr();
        form = vendor_form(*catalog, "r7", 1);
        ASSERT_NE(form, nullptr);
    }
    std::unique_ptr<CatalogService> service;
    std::shared_ptr<const catalog::Catalog> catalog;
    const catalog::Form* form = nullptr;
};

TEST_F(VendorRequestSupport, StoredAnswersReadBackAsTheyWereInRowOrder) {
    vendors::VendorAnswers answers;
    Answer no;
    no.value = AnswerValue::no;
    no.confirmed_on = date("2025-06-01");
    no.target_date = date("2026-03-31");
    no.note = "来年度に対応";
    Answer yes;
    yes.confirmed_on = date("2025-06-02");
    answers[{"VND-01", "general"}] = no;
    answers[{"AST-01", "general"}] = yes;
    const std::string text = answers_text(answers);
    EXPECT_LT(text.find("AST-01"), text.find("VND-01")) << "row order: " << text;
    EXPECT_EQ(answers_from_text(text), answers);
    EXPECT_TRUE(answers_from_text("not json").empty());
    EXPECT_TRUE(answers_from_text(R"([{"canonical_id":"X"}])").empty());
}

TEST_F(VendorRequestSupport, LinesAreCheckedAgainstTheVendorFormAndTheAnswerRules) {
    Answer yes;
    yes.confirmed_on = date("2025-06-02");
    Answer no_without_target = yes;
    no_without_target.value = AnswerValue::no;
    Answer long_note = yes;
    long_note.note = std::string(1001, 'a');
    const VendorAnswerLines lines = {{{"GOV-01", "main"}, yes},
                                     {{"NOPE-01", "main"}, yes},
                                     {{"GOV-01", "server"}, yes},
                                     {{"GOV-01", "main"}, yes},
                                     {{"AST-01", "general"}, no_without_target},
                                     {{"VND-01", "general"}, long_note},
                                     {{"VND-01", "general"}, std::nullopt}};
    auto checked = check_lines(*form, 2025, lines);
    ASSERT_FALSE(checked);
    std::vector<std::string> fields;
    for (const auto& f : checked.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"answers[1].canonical_id", "answers[2].row_key", "answers[3].row_key",
                                                "answers[4].target_date", "answers[5].note",
                                                "answers[6].row_key"}))
        << "a row given twice is refused, also when the second line has no answer";

    auto ok = check_lines(*form, 2025, {{{"GOV-01", "main"}, yes}, {{"AST-01", "general"}, std::nullopt}});
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->size(), 1u) << "a line without an answer leaves its row unanswered";
    EXPECT_FALSE(check_lines(*form, 2025, VendorAnswerLines(kMaxVendorAnswerLines + 1, {{"GOV-01", "main"}, yes})));
}

TEST_F(VendorRequestSupport, TheEditionOfAYearHasAVendorForm) {
    ASSERT_NE(edition_for_year(*catalog, 2025), nullptr);
    EXPECT_EQ(edition_for_year(*catalog, 2025)->id, "r7");
    EXPECT_EQ(edition_for_year(*catalog, 2023)->id, "r5");
    EXPECT_EQ(edition_for_year(*catalog, 2019), nullptr);
    EXPECT_EQ(character_count("事業者確認用"), 6u);
}

}  // namespace
}  // namespace mamori::services::vendor_support

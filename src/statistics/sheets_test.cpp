#include "mamori/statistics/sheets.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "statistics/sheet_test_data.hpp"

namespace mamori::statistics {
namespace {

using namespace statistics::testing;

// The exact CSV of each view, worked out by hand: hidden values are empty fields, 0 of 0 shows "—" with a
// note, ratios have one decimal, text with a comma or a quote is quoted (RFC 4180).
struct CsvCase {
    std::string name;
    std::function<Result<Sheet>()> sheet;
    std::string expected;
};

const std::vector<CsvCase>& csv_cases() {
    static const std::vector<CsvCase> all = {
        {"item table in Japanese",
         [] {
             return item_table_sheet(item_by_prefecture(), prefecture_labels(), item_context(Language::ja));
         },
         "\xEF\xBB\xBF"
         "令和7年度 医療機関確認用 1(2)「バックアップを取得していますか」 回答の集計\r\n"
         "集計時点: 2026-12-07 19:00\r\n"
         "絞り込み: 病床規模 = 200〜299床の病院\r\n"
         "対象数: この年度にこの様式のチェックリストがある施設の数(絞り込み後)。割合 = 件数 ÷ 対象数。\r\n"
         "空欄は秘匿: 10施設未満の値と、そこから計算で求められてしまう値を伏せています(最小集計単位 k = "
         "10)。\r\n"
         "—: 対象数が0のため割合はありません。\r\n"
         "\r\n"
         "都道府県,対象数,はい 件数,はい 割合,いいえ 件数,いいえ 割合,記入不要 件数,記入不要 割合,未回答 "
         "件数,未回答 割合\r\n"
         "東京都,52,30,57.7%,,,0,0.0%,,\r\n"
         "沖縄県,,,,,,,,,\r\n"
         "北海道,0,0,—,0,—,0,—,0,—\r\n"
         "合計,104,53,51.0%,29,27.9%,,,,\r\n"},
        {"item table in English",
         [] {
             return item_table_sheet(item_by_prefecture(), prefecture_labels(), item_context(Language::en));
         },
         "\xEF\xBB\xBF"
         "\"FY2025 Medical institution checklist, item 1(2) \"\"Do you keep backups?\"\": answers\"\r\n"
         "As of: 2026-12-07 19:00\r\n"
         "Filters: Bed band = Hospitals with 200-299 beds\r\n"
         "Asked: institutions with a checklist of this form in this fiscal year (after the filters). Share = "
         "count ÷ asked.\r\n"
         "\"An empty cell is suppressed: values for fewer than 10 institutions, and values from which such a "
         "value could be worked out, are withheld (minimum count k = 10).\"\r\n"
         "\"—: nobody was asked, so there is no share.\"\r\n"
         "\r\n"
         "Prefecture,Asked,Yes count,Yes share,No count,No share,Not required count,Not required share,"
         "Unanswered count,Unanswered share\r\n"
         "Tokyo,52,30,57.7%,,,0,0.0%,,\r\n"
         "Okinawa,,,,,,,,,\r\n"
         "Hokkaido,0,0,—,0,—,0,—,0,—\r\n"
         "Total,104,53,51.0%,29,27.9%,,,,\r\n"},
        {"cross table in Japanese, without filters",
         [] {
             auto context = item_context(Language::ja);
             context.filters.clear();
             return cross_table_sheet(cross_by_bed_band(), prefecture_labels(), bed_band_labels(), context);
         },
         "\xEF\xBB\xBF"
         "令和7年度 医療機関確認用 1(2)「バックアップを取得していますか」 "
         "回答「はい」の都道府県×病床規模集計\r\n"
         "集計時点: 2026-12-07 19:00\r\n"
         "件数: 回答が「はい」の施設の数。対象数: "
         "その区分でこの年度にこの様式のチェックリストがある施設の数(絞り込み後)。"
         "割合 = 件数 ÷ 対象数。\r\n"
         "空欄は秘匿: 10施設未満の値と、そこから計算で求められてしまう値を伏せています(最小集計単位 k = "
         "10)。\r\n"
         "\r\n"
         "都道府県,200〜299床の病院 件数,200〜299床の病院 対象数,200〜299床の病院 割合,無床診療所 件数,"
         "無床診療所 対象数,無床診療所 割合,合計 件数,合計 対象数,合計 割合\r\n"
         "東京都,12,40,30.0%,,,,20,55,36.4%\r\n"
         "合計,12,40,30.0%,,,,20,55,36.4%\r\n"},
        {"rate table in English, pharmacy form",
         [] {
             auto context = item_context(Language::en);
             context.form = "pharmacy";
             context.filters.clear();
             return rate_table_sheet(rates_by_bed_band(), bed_band_labels(), context);
         },
         "\xEF\xBB\xBF"
         "FY2025 Pharmacy checklist: checklists submitted and complete\r\n"
         "As of: 2026-12-07 19:00\r\n"
         "Asked: institutions with a checklist of this form in this fiscal year (after the filters). "
         "Submitted "
         "share = submitted ÷ asked; complete share = complete ÷ asked (complete: no line left "
         "unanswered).\r\n"
         "\"An empty cell is suppressed: values for fewer than 10 institutions, and values from which such a "
         "value could be worked out, are withheld (minimum count k = 10).\"\r\n"
         "\r\n"
         "Bed band,Asked,Submitted count,Submitted share,Complete count,Complete share\r\n"
         "Hospitals with 200-299 beds,40,35,87.5%,30,75.0%\r\n"
         "Clinics without beds,,,,,\r\n"
         "Total,300,250,83.3%,,\r\n"},
    };
    return all;
}

TEST(StatisticsSheets, CsvIsExactlyThePublishedNumbers) {
    for (const auto& c : csv_cases()) {
        SCOPED_TRACE(c.name);
        const auto sheet = c.sheet();
        ASSERT_TRUE(sheet) << sheet.error().message;
        EXPECT_EQ(render_csv(*sheet), c.expected);
    }
}

TEST(StatisticsSheets, RatiosAreRoundedAsASpreadsheetShowsThem) {
    EXPECT_EQ(render_csv(ratio_sheet()),
              "\xEF\xBB\xBFratios\r\n\r\n13/16,1/16,1/80,2/3,1\r\n81.3%,6.3%,1.3%,66.7%,100.0%\r\n");
}

TEST(StatisticsSheets, TrendHasEveryYearsLinesUnderItsYear) {
    std::vector<TrendPoint> trend{{2024, item_by_prefecture()}, {2025, item_by_prefecture()}};
    trend[0].table.groups.pop_back();
    const auto sheet = trend_sheet(trend, prefecture_labels(), item_context(Language::ja));
    ASSERT_TRUE(sheet) << sheet.error().message;
    EXPECT_EQ(sheet->title, "医療機関確認用 1(2)「バックアップを取得していますか」 回答の経年推移");
    ASSERT_EQ(sheet->header.size(), 11u);
    EXPECT_EQ(sheet->header[0], "年度");
    EXPECT_EQ(sheet->header[1], "都道府県");
    std::vector<std::string> years_and_groups;
    for (const auto& row : sheet->rows) years_and_groups.push_back(row.at(0).text + " " + row.at(1).text);
    EXPECT_EQ(years_and_groups,
              (std::vector<std::string>{"令和6年度 東京都", "令和6年度 沖縄県", "令和6年度 合計",
                                        "令和7年度 東京都", "令和7年度 沖縄県", "令和7年度 北海道",
                                        "令和7年度 合計"}));
    EXPECT_EQ(sheet->rows[2][2], SheetCell::of_count(104));
    EXPECT_EQ(sheet->rows[1][2], SheetCell::suppressed());

    trend[1].table.minimum_count = 5;
    const auto mixed = trend_sheet(trend, prefecture_labels(), item_context(Language::ja));
    ASSERT_FALSE(mixed);
    EXPECT_EQ(mixed.error().fields.at(0).field, "trend[1]");
}

// Every text a Japanese sheet shows: title, notes, header and text cells.
std::vector<std::string> texts_of(const Sheet& sheet) {
    std::vector<std::string> texts{sheet.name, sheet.title};
    texts.insert(texts.end(), sheet.notes.begin(), sheet.notes.end());
    texts.insert(texts.end(), sheet.header.begin(), sheet.header.end());
    for (const auto& row : sheet.rows)
        for (const auto& cell : row)
            if (cell.kind == SheetCell::Kind::text) texts.push_back(cell.text);
    return texts;
}

TEST(StatisticsSheets, AJapaneseSheetShowsNoInternalCode) {
    // Group keys such as hospital_200_299, forms such as medical, dimensions and answer values are all ASCII
    // words; a Japanese sheet has none (only the single letter of "k = 10").
    auto context = item_context(Language::ja);
    std::vector<TrendPoint> trend{{2025, item_by_prefecture()}};
    auto bed_band_table = item_by_prefecture();
    bed_band_table.dimension = Dimension::bed_band;
    bed_band_table.groups.resize(1);
    bed_band_table.groups[0].key = "hospital_200_299";
    const std::vector<std::pair<std::string, Result<Sheet>>> sheets = {
        {"item", item_table_sheet(bed_band_table, bed_band_labels(), context)},
        {"cross", cross_table_sheet(cross_by_bed_band(), prefecture_labels(), bed_band_labels(), context)},
        {"trend", trend_sheet(trend, prefecture_labels(), context)},
        {"rates", rate_table_sheet(rates_by_bed_band(), bed_band_labels(), context)},
    };
    const std::regex ascii_word("[A-Za-z_]{2,}");
    for (const auto& [name, sheet] : sheets) {
        SCOPED_TRACE(name);
        ASSERT_TRUE(sheet) << sheet.error().message;
        for (const auto& text : texts_of(*sheet)) EXPECT_FALSE(std::regex_search(text, ascii_word)) << text;
        EXPECT_EQ(render_csv(*sheet).find("hospital_"), std::string::npos);
    }
}

TEST(StatisticsSheets, AGroupWithoutALabelOrAnUnknownFormIsRefused) {
    auto labels = prefecture_labels();
    labels.pop_back();  // 沖縄県
    const auto unlabelled = item_table_sheet(item_by_prefecture(), labels, item_context(Language::ja));
    ASSERT_FALSE(unlabelled);
    EXPECT_EQ(unlabelled.error().code, ErrorCode::internal);
    EXPECT_EQ(unlabelled.error().fields.at(0).field, "labels");
    EXPECT_NE(unlabelled.error().message.find("\"47\""), std::string::npos);

    const auto no_column_label = cross_table_sheet(cross_by_bed_band(), prefecture_labels(),
                                                   prefecture_labels(), item_context(Language::ja));
    ASSERT_FALSE(no_column_label);
    EXPECT_EQ(no_column_label.error().fields.at(0).field, "labels");

    auto context = item_context(Language::ja);
    context.form = "vendor";
    const auto vendor = rate_table_sheet(rates_by_bed_band(), bed_band_labels(), context);
    ASSERT_FALSE(vendor);
    EXPECT_EQ(vendor.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(vendor.error().fields.at(0).field, "form");
}

TEST(StatisticsSheets, SheetNamesFitAWorksheetTab) {
    for (const auto language : {Language::ja, Language::en}) {
        const auto sheet =
            item_table_sheet(item_by_prefecture(), prefecture_labels(), item_context(language));
        ASSERT_TRUE(sheet);
        EXPECT_FALSE(sheet->name.empty());
        EXPECT_EQ(sheet->name.find_first_of("[]:*?/\\"), std::string::npos);
    }
}

}  // namespace
}  // namespace mamori::statistics

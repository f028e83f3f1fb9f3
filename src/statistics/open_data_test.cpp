#include "mamori/statistics/open_data.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "statistics/sheet_test_csv.hpp"
#include "statistics/sheet_test_data.hpp"

namespace mamori::statistics {
namespace {

using namespace statistics::testing;

std::vector<OpenDataLine> two_lines() {
    auto second = item_by_prefecture();
    second.groups.resize(1);
    return {{"GOV-01", "main", "1(2)", item_by_prefecture()}, {"BAK-03", "server", "3(1)", second}};
}

TEST(StatisticsOpenData, ParsesBackWithOneRecordPerPrefectureAndTheCountry) {
    const auto csv = open_data_csv(2025, "medical", two_lines());
    ASSERT_TRUE(csv) << csv.error().message;
    EXPECT_TRUE(csv->starts_with("\xEF\xBB\xBF"));
    EXPECT_NE(csv->find("\r\n"), std::string::npos);
    const Records expected = {
        {"fiscal_year", "form", "item", "row", "item_number", "prefecture_code", "asked", "yes", "no",
         "not_required", "unanswered"},
        {"2025", "medical", "GOV-01", "main", "1(2)", "13", "52", "30", "", "0", ""},
        {"2025", "medical", "GOV-01", "main", "1(2)", "47", "", "", "", "", ""},
        {"2025", "medical", "GOV-01", "main", "1(2)", "01", "0", "0", "0", "0", "0"},
        {"2025", "medical", "GOV-01", "main", "1(2)", "00", "104", "53", "29", "", ""},
        {"2025", "medical", "BAK-03", "server", "3(1)", "13", "52", "30", "", "0", ""},
        {"2025", "medical", "BAK-03", "server", "3(1)", "00", "104", "53", "29", "", ""},
    };
    EXPECT_EQ(parse_csv(*csv), expected);
}

TEST(StatisticsOpenData, TheDictionaryNamesEveryColumnInOrder) {
    const auto records = parse_csv(open_data_dictionary_csv(10));
    ASSERT_FALSE(records.empty());
    EXPECT_EQ(records[0], (std::vector<std::string>{"column", "type", "meaning_ja", "meaning_en", "empty_ja",
                                                    "empty_en"}));
    std::vector<std::string> described;
    for (std::size_t i = 1; i < records.size(); ++i) {
        SCOPED_TRACE(records[i].at(0));
        ASSERT_EQ(records[i].size(), 6u);
        described.push_back(records[i][0]);
        EXPECT_TRUE(records[i][1] == "integer" || records[i][1] == "string") << records[i][1];
        for (std::size_t f = 2; f < 6; ++f) EXPECT_FALSE(records[i][f].empty());
    }
    const auto columns = open_data_columns();
    EXPECT_EQ(described, std::vector<std::string>(columns.begin(), columns.end()));
    // A count column says how suppression shows, with k.
    EXPECT_NE(records.back()[4].find("10施設未満"), std::string::npos) << records.back()[4];
    EXPECT_NE(records.back()[5].find("fewer than 10"), std::string::npos) << records.back()[5];
}

struct RefusalCase {
    std::string name;
    std::string form;
    std::function<void(std::vector<OpenDataLine>&)> spoil;
    std::string field;
};

TEST(StatisticsOpenData, RefusesWhatIsNotAYearlyFileNamingTheField) {
    const std::vector<RefusalCase> cases = {
        {"another form", "vendor", [](auto&) {}, "form"},
        {"an empty item", "medical", [](auto& lines) { lines[1].item.clear(); }, "lines[1].item"},
        {"an empty row", "medical", [](auto& lines) { lines[0].row.clear(); }, "lines[0].row"},
        {"a table by bed band", "pharmacy",
         [](auto& lines) { lines[1].table.dimension = Dimension::bed_band; }, "lines[1].table"},
        {"a key that is no prefecture", "medical", [](auto& lines) { lines[0].table.groups[2].key = "48"; },
         "lines[0].table.groups[2]"},
        {"a national key among the prefectures", "medical",
         [](auto& lines) { lines[0].table.groups[0].key = "00"; }, "lines[0].table.groups[0]"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto lines = two_lines();
        c.spoil(lines);
        const auto csv = open_data_csv(2025, c.form, lines);
        ASSERT_FALSE(csv);
        EXPECT_EQ(csv.error().code, ErrorCode::invalid_input);
        ASSERT_FALSE(csv.error().fields.empty());
        EXPECT_EQ(csv.error().fields[0].field, c.field);
    }
}

TEST(StatisticsOpenData, NoLinesIsTheHeaderAlone) {
    const auto csv = open_data_csv(2024, "pharmacy", {});
    ASSERT_TRUE(csv);
    EXPECT_EQ(parse_csv(*csv).size(), 1u);
}

}  // namespace
}  // namespace mamori::statistics

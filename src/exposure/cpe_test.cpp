#include "mamori/exposure/cpe.hpp"

#include <gtest/gtest.h>

#include "exposure/test_data.hpp"

namespace mamori::exposure {
namespace {

// tests/data/exposure/cpe_names.tsv: mode (spec = parse_cpe, scanner = from_scanner_uri), input, the
// canonical formatted string or "error: <words>", and why.
TEST(CpeNames, DataFile) {
    auto rows = testing::read_tsv(testing::exposure_data_dir() / "cpe_names.tsv");
    ASSERT_GT(rows.size(), 40u);
    for (const auto& row : rows) {
        ASSERT_EQ(row.cells.size(), 4u) << "line " << row.line;
        const std::string& mode = row.cells[0];
        const std::string& input = row.cells[1];
        const std::string& expected = row.cells[2];
        SCOPED_TRACE("cpe_names.tsv line " + std::to_string(row.line) + ": " + row.cells[3]);
        auto parsed = mode == "scanner" ? from_scanner_uri(input) : parse_cpe(input);
        if (expected.rfind("error: ", 0) == 0) {
            ASSERT_FALSE(parsed.has_value()) << input << " -> " << to_formatted(*parsed);
            EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
            EXPECT_NE(parsed.error().message.find(expected.substr(7)), std::string::npos)
                << parsed.error().message;
            continue;
        }
        ASSERT_TRUE(parsed.has_value()) << input << ": " << parsed.error().message;
        std::string formatted = to_formatted(*parsed);
        EXPECT_EQ(formatted, expected) << input;
        // The canonical form reads back to the same name and writes the same string again.
        auto again = parse_cpe(formatted);
        ASSERT_TRUE(again.has_value()) << formatted << ": " << again.error().message;
        EXPECT_EQ(*again, *parsed);
        EXPECT_EQ(to_formatted(*again), formatted);
    }
}

TEST(CpeNames, NormaliseGivesTheCanonicalStringAndTheIndexColumns) {
    auto cpe = parse_cpe("cpe:/o:cisco:ios:12.2%2855%29se6");
    ASSERT_TRUE(cpe.has_value());
    EXPECT_EQ(cpe->part, 'o');
    EXPECT_EQ(cpe->vendor.text, "cisco");
    EXPECT_EQ(cpe->product.text, "ios");
    EXPECT_EQ(cpe->version.text, "12.2\\(55\\)se6");
    EXPECT_EQ(unquoted_text(cpe->version.text), "12.2(55)se6");
    EXPECT_EQ(*normalise_cpe("cpe:2.3:o:Cisco:IOS:12.2(55)SE6"), "cpe:2.3:o:cisco:ios:12.2\\(55\\)se6:*:*:*:*:*:*:*");
    EXPECT_EQ(*normalise_scanner_cpe("cpe:/o:microsoft:windows_7::sp1"),
              "cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*");
}

TEST(CpeNames, RefusesNamesLongerThanTheLimit) {
    std::string name = "cpe:2.3:a:vendor:" + std::string(kMaxCpeLength, 'p');
    auto parsed = parse_cpe(name);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_NE(parsed.error().message.find("at most 500"), std::string::npos);
    EXPECT_TRUE(parse_cpe("cpe:2.3:a:v:" + std::string(kMaxCpeLength - 12, 'p')).has_value());
}

}  // namespace
}  // namespace mamori::exposure

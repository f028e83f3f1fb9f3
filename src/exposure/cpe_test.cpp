#include "mamori/exposure/cpe.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

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
    EXPECT_EQ(*normalise_cpe("cpe:2.3:o:Cisco:IOS:12.2(55)SE6"),
              "cpe:2.3:o:cisco:ios:12.2\\(55\\)se6:*:*:*:*:*:*:*");
    EXPECT_EQ(*normalise_scanner_cpe("cpe:/o:microsoft:windows_7::sp1"),
              "cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*");
}

TEST(CpeNames, RefusesNamesLongerThanTheLimit) {
    std::string name = "cpe:2.3:a:vendor:" + std::string(kMaxCpeLength, 'p');
    auto parsed = parse_cpe(name);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_NE(parsed.error().message.find("at most 500"), std::string::npos);
    std::string longest = "cpe:2.3:a:v:" + std::string(kMaxCpeLength - 28, 'p') + ":*:*:*:*:*:*:*:*";
    ASSERT_EQ(longest.size(), kMaxCpeLength);
    EXPECT_TRUE(parse_cpe(longest).has_value());
}

// Found by fuzz/cpe_name: a short URI whose quoted canonical form is longer than the limit was accepted and
// its canonical form then refused.
TEST(CpeNames, RefusesNamesWhoseCanonicalFormIsLongerThanTheLimit) {
    std::string uri = "cpe:/a:v:" + std::string(250, '>');
    ASSERT_LE(uri.size(), kMaxCpeLength);
    auto parsed = parse_cpe(uri);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_NE(parsed.error().message.find("in its CPE 2.3 form"), std::string::npos)
        << parsed.error().message;
    auto fits = parse_cpe("cpe:/a:v:" + std::string(200, '>'));
    ASSERT_TRUE(fits.has_value());
    EXPECT_TRUE(parse_cpe(to_formatted(*fits)).has_value());
}

// Every CPE name in the real files: the token after each `marker`, up to a quote or '<'.
std::vector<std::string> names_after(const std::string& text, const std::string& marker) {
    std::vector<std::string> names;
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
        auto end = text.find_first_of("\"<' \n", at);
        names.push_back(text.substr(at, end - at));
    }
    return names;
}

TEST(CpeNames, EveryNameInTheRealFilesReads) {
    auto shared = testing::shared_data_dir();
    if (!std::filesystem::exists(shared / "nmap"))
        GTEST_SKIP() << "real data not found at " << shared << " (../shared/data is absent): skipped";
    std::size_t read = 0;
    // nmap -oX <cpe> elements (CPE 2.2 URIs), with the scanner policy and without.
    for (const auto& entry : std::filesystem::directory_iterator(shared / "nmap")) {
        for (const auto& name : names_after(testing::read_text_file(entry.path()), "cpe:/")) {
            EXPECT_TRUE(parse_cpe(name).has_value()) << entry.path() << ": " << name;
            EXPECT_TRUE(from_scanner_uri(name).has_value()) << entry.path() << ": " << name;
            ++read;
        }
    }
    // JVN sec:cpe product names (the vendor lists' part-less "cpe:/:vendor" names are not product names).
    for (const auto& entry : std::filesystem::recursive_directory_iterator(shared / "jvn" / "examples")) {
        if (!entry.is_regular_file()) continue;
        std::string text = testing::read_text_file(entry.path());
        for (std::string marker : {"cpe:/a:", "cpe:/o:", "cpe:/h:"}) {
            for (const auto& name : names_after(text, marker)) {
                auto parsed = parse_cpe(name);
                EXPECT_TRUE(parsed.has_value()) << entry.path() << ": " << name;
                ++read;
            }
        }
    }
    // CycloneDX SBOM components (CPE 2.3).
    for (const auto& entry : std::filesystem::directory_iterator(shared / "sbom")) {
        for (const auto& name : names_after(testing::read_text_file(entry.path()), "cpe:2.3:")) {
            EXPECT_TRUE(parse_cpe(name).has_value()) << entry.path() << ": " << name;
            ++read;
        }
    }
    EXPECT_GT(read, 150u);
    EXPECT_EQ(*normalise_cpe("cpe:/a:rockwellautomation:industrial_data_center_%28idc%29_with_veeam"),
              "cpe:2.3:a:rockwellautomation:industrial_data_center_\\(idc\\)_with_veeam:*:*:*:*:*:*:*:*");
    EXPECT_EQ(*normalise_scanner_cpe("cpe:/o:microsoft:windows_7::-:professional"),
              "cpe:2.3:o:microsoft:windows_7:-:-:professional:*:*:*:*:*");
}

}  // namespace
}  // namespace mamori::exposure

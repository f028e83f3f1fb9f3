#include "mamori/feeds/local_government_code.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "mamori/feeds/csv.hpp"
#include "mamori/feeds/municipality_rows.hpp"

namespace mamori::feeds {
namespace {

// The real code lists are read in place from ../shared/data (relative to the repository root), never copied.
std::filesystem::path jp_codes_dir() {
    return std::filesystem::path(MAMORI_SOURCE_DIR).parent_path() / "shared" / "data" / "jp_codes";
}

// read_csv: every record of a file, header first.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    CsvReader reader(in);
    std::vector<std::vector<std::string>> rows;
    for (;;) {
        const auto status = reader.next();
        if (status == CsvReader::Status::end) break;
        EXPECT_EQ(status, CsvReader::Status::record)
            << path << " line " << reader.error().line << ": " << reader.error().message;
        if (status != CsvReader::Status::record) break;
        rows.emplace_back(reader.record().fields.begin(), reader.record().fields.end());
    }
    return rows;
}

std::size_t column(const std::vector<std::string>& header, std::string_view name) {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
}

TEST(LocalGovernmentCode, ComputesTheCheckDigit) {
    EXPECT_EQ(check_digit("01100"), '2');  // 札幌市 011002
    EXPECT_EQ(check_digit("13101"), '6');  // 千代田区 131016
    EXPECT_EQ(check_digit("27127"), '6');  // 大阪市北区 271276
    EXPECT_EQ(check_digit("09000"), '0');  // 栃木県 090000: Σ mod 11 = 1 → (11 − 1) mod 10 = 0
    EXPECT_EQ(check_digit("13000"), '1');  // 東京都 130001: Σ = 21, 21 mod 11 = 10 → 1
    EXPECT_EQ(check_digit("13104"), '1');  // 新宿区 131041: Σ = 33, 33 mod 11 = 0 → 11 mod 10 = 1
    EXPECT_EQ(check_digit("1310"), std::nullopt);
    EXPECT_EQ(check_digit("131011"), std::nullopt);
    EXPECT_EQ(check_digit("1310a"), std::nullopt);
    EXPECT_EQ(local_government_code("13", "101"), "131016");
    EXPECT_EQ(local_government_code("01", "101"), "011011");
    EXPECT_EQ(local_government_code("13", "01"), std::nullopt);
    EXPECT_EQ(local_government_code("1", "101"), std::nullopt);
}

TEST(LocalGovernmentCode, ValidatesSixDigitCodes) {
    EXPECT_TRUE(is_valid_local_government_code("011002"));
    EXPECT_FALSE(is_valid_local_government_code("011003"));
    EXPECT_FALSE(is_valid_local_government_code("01100"));
    EXPECT_FALSE(is_valid_local_government_code("0110020"));
    EXPECT_FALSE(is_valid_local_government_code("01100x"));
    for (int digit = 0; digit <= 9; ++digit)
        EXPECT_EQ(is_valid_local_government_code("13101" + std::to_string(digit)), digit == 6);
}

TEST(LocalGovernmentCode, KnowsThe47PrefectureCodes) {
    EXPECT_FALSE(is_prefecture_code("00"));
    EXPECT_TRUE(is_prefecture_code("01"));
    EXPECT_TRUE(is_prefecture_code("47"));
    EXPECT_FALSE(is_prefecture_code("48"));
    EXPECT_FALSE(is_prefecture_code("1"));
    EXPECT_FALSE(is_prefecture_code("1a"));
    // The 6-digit codes of the prefectures (data README §5, migration 0001) all pass the check.
    for (const char* code :
         {"010006", "020001", "030007", "040002", "050008", "060003", "070009", "080004", "090000", "100005",
          "110001", "120006", "130001", "140007", "150002", "160008", "170003", "180009", "190004", "200000",
          "210005", "220001", "230006", "240001", "250007", "260002", "270008", "280003", "290009", "300004",
          "310000", "320005", "330001", "340006", "350001", "360007", "370002", "380008", "390003", "400009",
          "410004", "420000", "430005", "440001", "450006", "460001", "470007"})
        EXPECT_TRUE(is_valid_local_government_code(code)) << code;
}

TEST(LocalGovernmentCodeRealData, EveryMunicipalityOfLocalgovjpPasses) {
    const auto path = jp_codes_dir() / "code4fukui_localgovjp-utf8.csv";
    if (!std::filesystem::exists(path))
        GTEST_SKIP() << "real data not found at " << path << " (../shared/data is absent): skipped";
    const auto rows = read_csv(path);
    ASSERT_EQ(rows.size(), 1917u) << "a header and 1,916 municipalities (data README §5)";
    const auto lgcode = column(rows[0], "lgcode");
    std::size_t checked = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& code = rows[i].at(lgcode);
        EXPECT_EQ(code.size(), 6u) << "line " << i + 1 << ": zero-padded in localgovjp";
        EXPECT_TRUE(is_valid_local_government_code(code)) << "line " << i + 1 << ": " << code;
        EXPECT_EQ(local_government_code(code.substr(0, 2), code.substr(2, 3)), code) << code;
        ++checked;
    }
    EXPECT_EQ(checked, 1916u);

    // The importer's row parser accepts every row and finds every code once.
    auto layout = detect_municipality_layout(rows[0]);
    ASSERT_TRUE(layout) << layout.error().message;
    std::set<std::string> codes;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        auto m = parse_municipality_row(*layout, rows[i]);
        ASSERT_TRUE(m) << "line " << i + 1 << ": " << m.error().reason;
        codes.insert(m->code);
    }
    EXPECT_EQ(codes.size(), 1916u);
    EXPECT_TRUE(codes.contains("011002"));  // 札幌市
    EXPECT_TRUE(codes.contains("011011"));  // 札幌市 中央区
    EXPECT_TRUE(codes.contains("131016"));  // 千代田区
    EXPECT_TRUE(codes.contains("473821"));  // 与那国町, the last row
}

TEST(LocalGovernmentCodeRealData, EveryPrefectureOfPrefjpPassesOnceItsLeadingZeroIsBack) {
    const auto path = jp_codes_dir() / "code4fukui_prefjp-utf8.csv";
    if (!std::filesystem::exists(path))
        GTEST_SKIP() << "real data not found at " << path << " (../shared/data is absent): skipped";
    const auto rows = read_csv(path);
    ASSERT_EQ(rows.size(), 48u) << "a header and 47 prefectures (the file has no final line break)";
    const auto lgcode = column(rows[0], "lgcode"), pid = column(rows[0], "pid");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::string code = rows[i].at(lgcode);
        if (code.size() == 5)
            code = std::string(1, '0') + code;  // prefjp drops the leading zero: 10006 for 北海道
        EXPECT_TRUE(is_valid_local_government_code(code)) << "line " << i + 1 << ": " << code;
        EXPECT_EQ(std::stoi(code.substr(0, 2)), std::stoi(rows[i].at(pid)));
        EXPECT_EQ(code.substr(2, 3), "000") << "a prefecture's own code";
    }
}

TEST(MunicipalityRows, ChecksEachRow) {
    const std::vector<std::string> header = {"pid", "pref", "cid", "city",   "citykana",
                                             "lat", "lng",  "url", "phrase", "lgcode"};
    auto layout = detect_municipality_layout(header);
    ASSERT_TRUE(layout);
    auto row = [&](std::string pid, std::string cid, std::string city, std::string code) {
        return parse_municipality_row(
            *layout, std::vector<std::string>{pid, "", cid, city, "かな", "", "", "", "", code});
    };
    const auto ok = row("1", "1100", "札幌市", "011002");
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, (Municipality{"011002", "01", "札幌市", "かな"}));
    EXPECT_TRUE(row("1", "1100", "札幌市", "11002")) << "a lost leading zero is restored";
    EXPECT_EQ(row("1", "1100", "札幌市", "011003").error().column_name, "lgcode");
    EXPECT_NE(row("1", "1100", "札幌市", "011003").error().reason.find("check digit (expected 2)"),
              std::string::npos);
    EXPECT_EQ(row("2", "1100", "札幌市", "011002").error().reason, "011002 does not belong to prefecture 02");
    EXPECT_EQ(row("1", "1101", "札幌市", "011002").error().column_name, "cid");
    EXPECT_EQ(row("48", "1100", "札幌市", "011002").error().column_name, "pid");
    EXPECT_EQ(row("1", "1100", "", "011002").error().column_name, "city");
    EXPECT_EQ(parse_municipality_row(*layout, std::vector<std::string>{"1"}).error().column, 0u);

    auto missing = detect_municipality_layout(std::vector<std::string>{"pid", "pref", "lgcode"});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("missing: cid, city, citykana"), std::string::npos);
}

}  // namespace
}  // namespace mamori::feeds

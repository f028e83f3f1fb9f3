#include "mamori/assessment/evidence_rules.hpp"

#include <gtest/gtest.h>

namespace mamori::assessment {
namespace {

TEST(EvidenceRules, TheContentDecidesTheTypeNotTheName) {
    EXPECT_EQ(*sniff_media_type("%PDF-1.7\n...", "photo.png"), "application/pdf");
    EXPECT_EQ(*sniff_media_type("\x89PNG\r\n\x1a\n....", "report.pdf"), "image/png");
    EXPECT_EQ(*sniff_media_type("\xff\xd8\xff\xe0....", "x"), "image/jpeg");
    const std::string zip = std::string("PK\x03\x04", 4) + "....[Content_Types].xml....xl/workbook.xml";
    EXPECT_EQ(*sniff_media_type(zip, "台帳.docx"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(*sniff_media_type("機器名,設置場所\r\nサーバ,1F\r\n", "台帳.CSV"), "text/csv; charset=utf-8");
    EXPECT_EQ(*sniff_media_type("任命書\n", "notice.txt"), "text/plain; charset=utf-8");
}

TEST(EvidenceRules, RefusesUnknownBinariesEmptyFilesAndPlainZips) {
    for (const std::string& content :
         {std::string("MZ\x90\x00\x03", 5), std::string("\x00\x01\x02", 3),
          std::string("PK\x03\x04just a zip", 14), std::string("\xff\xfe\xfd")}) {
        auto type = sniff_media_type(content, "evidence.pdf");
        ASSERT_FALSE(type) << content;
        EXPECT_EQ(type.error().fields.front().field, "file");
    }
    EXPECT_FALSE(sniff_media_type("", "empty.txt"));
}

TEST(EvidenceRules, FileNamesLoseTheirPathAndControlCharacters) {
    EXPECT_EQ(*clean_file_name("../../etc/passwd"), "passwd");
    EXPECT_EQ(*clean_file_name("C:\\Users\\院長\\任命書.pdf"), "任命書.pdf");
    EXPECT_EQ(*clean_file_name("a\r\nb\".pdf"), "ab.pdf");
    EXPECT_EQ(*clean_file_name("..hidden"), "hidden");
    EXPECT_FALSE(clean_file_name("../"));
    EXPECT_FALSE(clean_file_name(std::string(201, 'a')));
    EXPECT_TRUE(clean_file_name(std::string(200, 'a')));
    EXPECT_FALSE(clean_file_name("\xff\xfe.pdf"));
    // A query parameter bypasses the JSON edge: noncharacters and C1 controls are refused here.
    for (const char* name : {"任命書\xEF\xBF\xBE.pdf",
                             "a\xC2\x85"
                             "b.pdf"}) {
        const auto refused = clean_file_name(name);
        ASSERT_FALSE(refused) << name;
        EXPECT_EQ(refused.error().fields.at(0).field, "file_name");
    }
}

TEST(EvidenceRules, LinksAreHttpAddresses) {
    EXPECT_TRUE(check_link("https://www.mhlw.go.jp/content/10808000/001490745.pdf", "マニュアル"));
    EXPECT_TRUE(check_link("http://intranet.local/ledger", ""));
    EXPECT_EQ(check_link("javascript:alert(1)", "").error().fields.front().field, "url");
    EXPECT_FALSE(check_link("https://", ""));
    EXPECT_FALSE(check_link("https://a b", ""));
    EXPECT_FALSE(check_link("https://x/" + std::string(2000, 'a'), ""));
    EXPECT_EQ(check_link("https://x", std::string(201, 'a')).error().fields.front().field, "title");
}

}  // namespace
}  // namespace mamori::assessment

#include "documents/zip_reader.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "documents/test_zip.hpp"

namespace mamori::documents {
namespace {

using ::testing::HasSubstr;
using testing::make_zip;
using testing::ZipEntrySpec;

std::string error_of(std::string_view bytes, std::string_view entry = "a.xml", ZipLimits limits = {}) {
    auto zip = ZipArchive::open(bytes, limits);
    if (!zip) return zip.error().message;
    auto data = zip->read(entry);
    if (!data) {
        EXPECT_EQ(data.error().code, ErrorCode::invalid_input);
        return data.error().message;
    }
    return "";
}

TEST(ZipReader, ReadsStoredAndDeflatedEntries) {
    const std::string zip = make_zip({{.name = "a.xml", .data = "<a>医療</a>"},
                                      {.name = "b/c.txt", .data = std::string(5000, 'x'), .method = 0}});
    auto archive = ZipArchive::open(zip);
    ASSERT_TRUE(archive) << archive.error().message;
    EXPECT_TRUE(archive->contains("b/c.txt"));
    EXPECT_FALSE(archive->contains("c.txt"));
    EXPECT_EQ(*archive->read("a.xml"), "<a>医療</a>");
    EXPECT_EQ(*archive->read("b/c.txt"), std::string(5000, 'x'));
    EXPECT_THAT(archive->read("missing.xml").error().message, HasSubstr("missing from the archive"));
}

TEST(ZipReader, ReadsEmptyEntries) {
    const std::string zip = make_zip({{.name = "a.xml", .data = ""}});
    EXPECT_EQ(error_of(zip), "");
}

TEST(ZipReader, RejectsWhatIsNotAZip) {
    EXPECT_THAT(error_of(""), HasSubstr("not a readable .xlsx (zip) archive"));
    EXPECT_THAT(error_of("hello, this is a CSV file,\r\n1,2,3\r\n"),
                HasSubstr("no end of central directory"));
    EXPECT_THAT(error_of(std::string(100000, 'P')), HasSubstr("no end of central directory"));
}

TEST(ZipReader, RejectsEveryTruncationWithoutCrashing) {
    const std::string zip = make_zip({{.name = "a.xml", .data = std::string(3000, 'y') + "医療情報"},
                                      {.name = "b.xml", .data = "<b/>", .method = 0}});
    for (std::size_t cut = 0; cut < zip.size(); ++cut) {
        const std::string part = zip.substr(0, cut);
        EXPECT_NE(error_of(part), "") << "cut at " << cut;
    }
    // The end record kept, the data before it cut short: every offset now points past the end.
    const std::string end_record = zip.substr(zip.size() - 22);
    for (std::size_t cut = 0; cut + 22 < zip.size(); ++cut) {
        const std::string part = zip.substr(0, cut) + end_record;
        auto archive = ZipArchive::open(part);
        if (!archive) continue;
        EXPECT_FALSE(archive->read("a.xml") && archive->read("b.xml")) << "cut at " << cut;
    }
}

TEST(ZipReader, RejectsABadCrc) {
    const std::string zip = make_zip({{.name = "a.xml", .data = "<a/>", .crc = 1234}});
    EXPECT_THAT(error_of(zip), HasSubstr("CRC mismatch"));
    const std::string stored = make_zip({{.name = "a.xml", .data = "<a/>", .method = 0, .crc = 99}});
    EXPECT_THAT(error_of(stored), HasSubstr("CRC mismatch"));
}

TEST(ZipReader, RejectsAnEntryDeclaredLargerThanTheLimit) {
    const std::string zip = make_zip({{.name = "a.xml", .data = "<a/>", .declared_size = 21u * 1024 * 1024}});
    EXPECT_THAT(error_of(zip), HasSubstr("more than the limit of 20 MiB"));
}

TEST(ZipReader, RejectsAnEntryThatInflatesBeyondItsDeclaredSize) {
    // 30 MiB of zeros packs into about 30 KiB; it claims to be 1000 bytes.
    const std::string zip =
        make_zip({{.name = "a.xml", .data = std::string(30u * 1024 * 1024, '\0'), .declared_size = 1000}});
    EXPECT_LT(zip.size(), 100u * 1024);
    EXPECT_THAT(error_of(zip), HasSubstr("inflates beyond its declared size of 1000 bytes"));
}

TEST(ZipReader, RejectsAnEntryThatInflatesShortOfItsDeclaredSize) {
    const std::string zip = make_zip({{.name = "a.xml", .data = "<a/>", .declared_size = 100}});
    EXPECT_THAT(error_of(zip), HasSubstr("not the declared 100"));
}

TEST(ZipReader, RejectsCorruptDeflateData) {
    std::string zip = make_zip({{.name = "a.xml", .data = std::string(2000, 'z') + "end"}});
    zip[30 + 5] = static_cast<char>(0xFF);  // first bytes of the deflate stream
    zip[30 + 6] = static_cast<char>(0xFF);
    EXPECT_NE(error_of(zip), "");
}

TEST(ZipReader, EnforcesTheTotalLimit) {
    const std::string zip = make_zip(
        {{.name = "a.xml", .data = std::string(600, 'a')}, {.name = "b.xml", .data = std::string(600, 'b')}});
    auto archive = ZipArchive::open(zip, {.max_entries = 64, .max_entry_size = 1000, .max_total_size = 1000});
    ASSERT_TRUE(archive);
    EXPECT_TRUE(archive->read("a.xml"));
    EXPECT_THAT(archive->read("b.xml").error().message, HasSubstr("would unpack to more than the limit"));
}

TEST(ZipReader, RejectsTooManyEntries) {
    std::vector<ZipEntrySpec> entries;
    for (int i = 0; i < 65; ++i) entries.push_back({.name = fmt::format("e{}", i), .data = "x"});
    EXPECT_THAT(error_of(make_zip(entries)), HasSubstr("it has 65 entries, more than the 64 accepted"));
}

TEST(ZipReader, RejectsEncryptedZip64AndUnknownMethods) {
    EXPECT_THAT(error_of(make_zip({{.name = "a.xml", .data = "<a/>", .flags = 1}})),
                HasSubstr("encrypted entries are not accepted"));
    const std::string zip64_extra("\x01\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00", 12);
    EXPECT_THAT(error_of(make_zip({{.name = "a.xml", .data = "<a/>", .extra = zip64_extra}})),
                HasSubstr("zip64"));
    EXPECT_THAT(error_of(make_zip({{.name = "a.xml", .data = "<a/>", .declared_size = 0xFFFFFFFF}})),
                HasSubstr("zip64"));
    EXPECT_THAT(error_of(make_zip({{.name = "a.xml", .data = "<a/>", .method = 12}})),
                HasSubstr("compression method 12 is not supported"));
}

TEST(ZipReader, RejectsDuplicateNames) {
    EXPECT_THAT(error_of(make_zip({{.name = "a.xml", .data = "1"}, {.name = "a.xml", .data = "2"}})),
                HasSubstr("appears twice"));
}

TEST(ZipReader, SurvivesRandomDamage) {
    const std::string zip = make_zip({{.name = "a.xml", .data = std::string(500, 'q') + "<x>医療</x>"},
                                      {.name = "b.xml", .data = "<b/>", .method = 0}});
    std::uint32_t seed = 12345;
    auto random = [&seed] { return seed = seed * 1103515245u + 12345u; };
    for (int round = 0; round < 2000; ++round) {
        std::string damaged = zip;
        for (int i = 0; i < 1 + round % 4; ++i)
            damaged[random() % damaged.size()] = static_cast<char>(random() >> 16);
        auto archive = ZipArchive::open(damaged);
        if (!archive) continue;
        for (const auto& name : archive->names()) (void)archive->read(name);
    }
}

}  // namespace
}  // namespace mamori::documents

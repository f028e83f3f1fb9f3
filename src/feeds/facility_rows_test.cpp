#include "mamori/feeds/facility_rows.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace mamori::feeds {
namespace {

using Row = std::vector<std::string>;

constexpr const char* kDays[] = {"月", "火", "水", "木", "金", "土", "日"};

// The headers as the data README gives them (§5), written out independently of the importer's tables.
Row common_header() {
    Row h = {"ID",
             "正式名称",
             "正式名称（フリガナ）",
             "略称",
             "略称（フリガナ）",
             "英語表記（ローマ字表記）",
             "機関区分",
             "都道府県コード",
             "市区町村コード",
             "所在地",
             "所在地座標（緯度）",
             "所在地座標（経度）",
             "案内用ホームページアドレス"};
    for (const char* d : kDays) h.push_back(fmt::format("毎週決まった曜日に休診（{}）", d));
    for (int w = 1; w <= 5; ++w)
        for (const char* d : kDays) h.push_back(fmt::format("決まった週に休診（定期週）第{}週（{}）", w, d));
    h.push_back("祝日に休診");
    h.push_back("その他の休診日（GW、お盆等）");
    return h;
}

Row hospital_header() {
    Row h = common_header();
    for (const char* n : {"一般病床", "療養病床", "療養病床のうち医療保険適用", "療養病床のうち介護保険適用",
                          "精神病床", "結核病床", "感染症病床", "合計病床数"})
        h.push_back(n);
    return h;
}

Row clinic_header() {
    Row h = common_header();
    for (const char* n :
         {"一般病床", "療養病床", "療養病床のうち医療保険適用", "療養病床のうち介護保険適用", "合計病床数"})
        h.push_back(n);
    return h;
}

Row pharmacy_header(const char* name_column = "名称") {
    Row h = {"ID",
             name_column,
             "フリガナ",
             "英語表記",
             "?",
             "都道府県コード",
             "市区町村コード",
             "所在地",
             "所在地座標（緯度）",
             "所在地座標（経度）",
             "薬局のホームページアドレス"};
    while (h.size() < 64) h.push_back(fmt::format("未確認{}", h.size()));
    for (const char* d : {"月", "火", "水", "木", "金", "土", "日", "祝"})
        for (int s = 1; s <= 4; ++s)
            for (const char* e : {"開始", "終了"})
                h.push_back(fmt::format("{}_開店時間帯{}_{}時間", d, s, e));
    return h;
}

// row: a data row for `header` with the given values by column name; other columns empty.
Row row(const Row& header, std::initializer_list<std::pair<std::string, std::string>> values) {
    Row r(header.size());
    for (const auto& [name, value] : values) {
        const auto it = std::find(header.begin(), header.end(), name);
        EXPECT_NE(it, header.end()) << name;
        r[static_cast<std::size_t>(it - header.begin())] = value;
    }
    return r;
}

const MunicipalityCodes kNoList;

FacilityLayout layout_of(const Row& header) {
    auto layout = detect_facility_layout(header);
    EXPECT_TRUE(layout) << layout.error().message;
    return *layout;
}

Row good_hospital_row(const Row& h) {
    return row(h, {{"ID", "9913000000101"},
                   {"正式名称", "テスト中央病院"},
                   {"正式名称（フリガナ）", "テストチュウオウビョウイン"},
                   {"都道府県コード", "13"},
                   {"市区町村コード", "101"},
                   {"所在地", "東京都千代田区テスト町1-1"},
                   {"所在地座標（緯度）", "35.6940"},
                   {"所在地座標（経度）", "139.7536"},
                   {"一般病床", "120"},
                   {"療養病床", "30"},
                   {"精神病床", "0"},
                   {"感染症病床", "4"},
                   {"合計病床数", "154"}});
}

// problem: the problem parse_facility_row finds after `change` is applied to a good hospital row.
RowProblem problem(std::initializer_list<std::pair<std::string, std::string>> change,
                   const MunicipalityCodes& known = kNoList) {
    const auto h = hospital_header();
    auto r = good_hospital_row(h);
    for (const auto& [name, value] : change)
        r[static_cast<std::size_t>(std::find(h.begin(), h.end(), name) - h.begin())] = value;
    auto parsed = parse_facility_row(layout_of(h), r, known);
    EXPECT_FALSE(parsed) << "expected a problem";
    return parsed ? RowProblem{} : parsed.error();
}

TEST(FacilityLayout, DetectsTheFourKindsByTheirHeaders) {
    const auto hospital = layout_of(hospital_header());
    EXPECT_EQ(hospital.kind, FacilityKind::hospital);
    EXPECT_EQ(hospital.column_names.size(), 65u);
    EXPECT_EQ(hospital.beds_general, 57u);
    EXPECT_EQ(hospital.beds_psychiatric, 61u);
    EXPECT_EQ(hospital.beds_total, 64u);

    const auto clinic = layout_of(clinic_header());
    EXPECT_EQ(clinic.kind, FacilityKind::clinic);
    EXPECT_EQ(clinic.column_names.size(), 62u);
    EXPECT_EQ(clinic.beds_total, 61u);
    EXPECT_FALSE(clinic.beds_psychiatric);

    const auto dental = layout_of(common_header());
    EXPECT_EQ(dental.kind, FacilityKind::dental_clinic);
    EXPECT_FALSE(dental.beds_total);

    for (const char* name : {"名称", "正式名称"}) {
        const auto pharmacy = layout_of(pharmacy_header(name));
        EXPECT_EQ(pharmacy.kind, FacilityKind::pharmacy);
        EXPECT_EQ(pharmacy.column_names.size(), 128u);
        EXPECT_EQ(pharmacy.prefecture, 5u);
        EXPECT_EQ(pharmacy.latitude, 8u);
    }
    EXPECT_EQ(to_string(FacilityKind::dental_clinic), "dental_clinic");
}

TEST(FacilityLayout, ComparesNamesAfterNfkcLikeFolding) {
    EXPECT_EQ(normalize_header_name("その他の休診日（GW、お盆等）"),
              normalize_header_name("その他の休診日（gw、お盆等）"));
    EXPECT_EQ(normalize_header_name("ＩＤ"), "id");
    EXPECT_EQ(normalize_header_name("　ID "), "id");
    EXPECT_EQ(normalize_header_name("所在地座標（緯度）"), "所在地座標(緯度)");
    EXPECT_NE(normalize_header_name("所在地"), normalize_header_name("所在"));

    auto h = hospital_header();
    h[56] = "その他の休診日（gw、お盆等）";  // as one code base spells it
    h[0] = "ＩＤ";
    EXPECT_EQ(layout_of(h).kind, FacilityKind::hospital);
}

TEST(FacilityLayout, AcceptsThePeriodicClosureColumnsInAnyOrder) {
    auto h = hospital_header();
    std::reverse(h.begin() + 20, h.begin() + 55);
    EXPECT_EQ(layout_of(h).kind, FacilityKind::hospital);
    h[30] = "決まった週に休診（定期週）第6週（月）";
    auto wrong = detect_facility_layout(h);
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("columns 21–55 lack"), std::string::npos) << wrong.error().message;
}

TEST(FacilityLayout, RejectsUnknownHeadersSayingWhatTheyAre) {
    auto h = hospital_header();
    h[8] = "市町村コード";
    auto renamed = detect_facility_layout(h);
    ASSERT_FALSE(renamed);
    EXPECT_EQ(renamed.error().message,
              "the header has the 65 columns of a 病院 施設票 file but does not match it: column 9 is "
              "'市町村コード' "
              "where '市区町村コード' is expected");

    Row hours = {"ID", "診療科目コード", "診療科目名", "診療時間帯"};
    while (hours.size() < 36) hours.push_back("x");
    auto speciality = detect_facility_layout(hours);
    ASSERT_FALSE(speciality);
    EXPECT_NE(speciality.error().message.find("診療科・診療時間票"), std::string::npos);

    auto other = detect_facility_layout(Row{"番号", "名前"});
    ASSERT_FALSE(other);
    EXPECT_NE(other.error().message.find("unknown header (2 columns, starting '番号', '名前')"),
              std::string::npos)
        << other.error().message;

    auto sjis = detect_facility_layout(Row{"\x82\x68\x82\x63"});
    ASSERT_FALSE(sjis);
    EXPECT_NE(sjis.error().message.find("not UTF-8"), std::string::npos);

    auto pharmacy = pharmacy_header();
    pharmacy[5] = "県コード";
    EXPECT_FALSE(detect_facility_layout(pharmacy));
}

TEST(FacilityRows, ConvertsAGoodRow) {
    const auto h = hospital_header();
    const auto parsed = parse_facility_row(layout_of(h), good_hospital_row(h), kNoList);
    ASSERT_TRUE(parsed) << parsed.error().reason;
    FacilityRow want;
    want.facility_id = "9913000000101";
    want.kind = FacilityKind::hospital;
    want.name = "テスト中央病院";
    want.name_kana = "テストチュウオウビョウイン";
    want.prefecture_code = "13";
    want.municipality_code = "131016";
    want.address = "東京都千代田区テスト町1-1";
    want.latitude = 35.6940;
    want.longitude = 139.7536;
    want.beds_general = 120;
    want.beds_long_term = 30;
    want.beds_psychiatric = 0;
    want.beds_infectious = 4;
    want.beds_total = 154;
    EXPECT_EQ(*parsed, want);
}

TEST(FacilityRows, KeepsLeadingZerosAndTrimsSpaces) {
    const auto h = hospital_header();
    auto r = good_hospital_row(h);
    r[0] = " 0111010000010 ";
    r[1] = "　テスト病院　";
    r[2] = "";
    r[7] = "01";
    const auto parsed = parse_facility_row(layout_of(h), r, kNoList);
    ASSERT_TRUE(parsed) << parsed.error().reason;
    EXPECT_EQ(parsed->facility_id, "0111010000010");
    EXPECT_EQ(parsed->name, "テスト病院");
    EXPECT_EQ(parsed->name_kana, std::nullopt);
    EXPECT_EQ(parsed->municipality_code, "011011");
}

TEST(FacilityRows, TreatsEmptyAndZeroCoordinatesAsNone) {
    const auto h = hospital_header();
    const auto layout = layout_of(h);
    for (const auto& [lat, lon] : std::vector<std::pair<std::string, std::string>>{
             {"", ""}, {"0", "0"}, {"0.0", "0.0"}, {"0", ""}, {"35.6", "0"}, {"", "139.7"}}) {
        auto r = good_hospital_row(h);
        r[10] = lat;
        r[11] = lon;
        const auto parsed = parse_facility_row(layout, r, kNoList);
        ASSERT_TRUE(parsed) << lat << "/" << lon << ": " << parsed.error().reason;
        EXPECT_EQ(parsed->latitude, std::nullopt) << lat << "/" << lon;
        EXPECT_EQ(parsed->longitude, std::nullopt) << lat << "/" << lon;
    }
}

TEST(FacilityRows, NamesTheColumnOfEachProblem) {
    auto p = problem({{"ID", "99130000001"}});
    EXPECT_EQ(p.column, 1u);
    EXPECT_EQ(p.column_name, "ID");
    EXPECT_EQ(p.reason, "'99130000001' is not a facility ID of 13 digits");
    EXPECT_EQ(problem({{"ID", "991300000010X"}}).column, 1u);
    EXPECT_EQ(problem({{"ID", ""}}).reason, "the facility ID is empty");

    p = problem({{"正式名称", " "}});
    EXPECT_EQ(p.column, 2u);
    EXPECT_EQ(p.reason, "the name is empty");
    EXPECT_EQ(problem({{"所在地", "\xff\xfe"}}).reason, "the text is not valid UTF-8");

    for (const char* bad : {"48", "00", "1", "13a", ""}) {
        p = problem({{"都道府県コード", bad}});
        EXPECT_EQ(p.column, 8u) << bad;
        EXPECT_EQ(p.column_name, "都道府県コード");
        EXPECT_NE(p.reason.find("is not a prefecture code (01–47)"), std::string::npos);
    }
    for (const char* bad : {"1A1", "10", "1010", ""})
        EXPECT_EQ(problem({{"市区町村コード", bad}}).column, 9u) << bad;

    p = problem({{"所在地座標（緯度）", "abc"}});
    EXPECT_EQ(p.column, 11u);
    EXPECT_EQ(p.reason, "'abc' is not a decimal number");
    EXPECT_EQ(problem({{"所在地座標（経度）", "nan"}}).column, 12u);
    EXPECT_EQ(problem({{"所在地座標（緯度）", "35.6.1"}}).column, 11u);
    p = problem({{"所在地座標（緯度）", "139.75"}, {"所在地座標（経度）", "35.69"}});
    EXPECT_EQ(p.reason, "latitude 139.75 and longitude 35.69 look swapped");
    p = problem({{"所在地座標（緯度）", "51.5"}});
    EXPECT_EQ(p.reason, "latitude 51.5 is outside Japan (20–46)");
    p = problem({{"所在地座標（経度）", "-0.12"}});
    EXPECT_EQ(p.column, 12u);
    EXPECT_EQ(p.reason, "longitude -0.12 is outside Japan (122–154)");

    for (const char* bad : {"-1", "1.5", "十", "1e3", "1234567890"}) {
        p = problem({{"精神病床", bad}});
        EXPECT_EQ(p.column, 62u) << bad;
        EXPECT_EQ(p.column_name, "精神病床");
    }

    const auto h = hospital_header();
    auto short_row = good_hospital_row(h);
    short_row.resize(60);
    const auto parsed = parse_facility_row(layout_of(h), short_row, kNoList);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().column, 0u);
    EXPECT_EQ(parsed.error().reason, "the row has 60 fields where the header has 65");
}

TEST(FacilityRows, BuildsAndChecksMunicipalityCodes) {
    const auto h = hospital_header();
    const auto layout = layout_of(h);
    auto with_city = [&](std::string city, const MunicipalityCodes& known = kNoList) {
        auto r = good_hospital_row(h);
        r[8] = std::move(city);
        return parse_facility_row(layout, r, known);
    };
    EXPECT_EQ(with_city("101")->municipality_code, "131016");
    EXPECT_EQ(with_city("13101")->municipality_code, "131016") << "a 5-digit code with the prefecture";
    EXPECT_EQ(with_city("131016")->municipality_code, "131016") << "a 6-digit code with its check digit";
    EXPECT_NE(with_city("131017").error().reason.find("wrong check digit (expected 6)"), std::string::npos);
    EXPECT_NE(with_city("27127").error().reason.find("belongs to prefecture 27"), std::string::npos);
    EXPECT_EQ(with_city("999")->municipality_code, "139998") << "without a list, only the arithmetic applies";

    const MunicipalityCodes known = {"131016", "131032"};
    EXPECT_TRUE(with_city("101", known));
    const auto missing = with_city("999", known);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().column, 9u);
    EXPECT_EQ(missing.error().reason,
              "municipality '999' (全国地方公共団体コード 139998) is not in the municipality list");
}

TEST(FacilityRows, ReadsThePharmacyPositions) {
    const auto h = pharmacy_header();
    const auto r = row(h, {{"ID", "9913000000401"},
                           {"名称", "テスト薬局"},
                           {"フリガナ", "テストヤッキョク"},
                           {"都道府県コード", "13"},
                           {"市区町村コード", "103"},
                           {"所在地", "東京都港区テスト6-6"},
                           {"所在地座標（緯度）", "35.658"},
                           {"所在地座標（経度）", "139.751"}});
    const auto parsed = parse_facility_row(layout_of(h), r, kNoList);
    ASSERT_TRUE(parsed) << parsed.error().reason;
    EXPECT_EQ(parsed->kind, FacilityKind::pharmacy);
    EXPECT_EQ(parsed->name, "テスト薬局");
    EXPECT_EQ(parsed->municipality_code, "131032");
    EXPECT_EQ(parsed->latitude, 35.658);
    EXPECT_EQ(parsed->beds_total, std::nullopt);
}

TEST(FacilityRows, TakesTheReleaseDateFromTheFileName) {
    EXPECT_EQ(release_date_from_file_name("01-1_hospital_facility_info_20251201.csv"), "2025-12-01");
    EXPECT_EQ(release_date_from_file_name("/data/e-gov/05_pharmacy_20250601.csv"), "2025-06-01");
    EXPECT_EQ(release_date_from_file_name("05_pharmacy_20250601"), "2025-06-01");
    EXPECT_EQ(release_date_from_file_name("05_pharmacy_20251301.csv"), std::nullopt);
    EXPECT_EQ(release_date_from_file_name("05_pharmacy.csv"), std::nullopt);
    EXPECT_EQ(release_date_from_file_name("pharmacy20250601.csv"), std::nullopt);
    EXPECT_EQ(release_date_from_file_name("_2025060.csv"), std::nullopt);
}

TEST(Utf8, AcceptsWellFormedTextOnly) {
    EXPECT_TRUE(is_valid_utf8("テスト病院 abc"));
    EXPECT_TRUE(is_valid_utf8("𠮷野家"));
    EXPECT_FALSE(is_valid_utf8("\x82\xa0"));          // Shift_JIS あ
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xE3\x81"));          // cut short
}

}  // namespace
}  // namespace mamori::feeds

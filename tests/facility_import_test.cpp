// `mamori import facilities` and `mamori import municipalities` end to end: the real binary on the fictional
// files in tests/fixtures/facilities (made by make_fixtures.py in the open-data layout), then `mamori serve`
// on the imported database.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(MAMORI_SOURCE_DIR) / "tests" / "fixtures" / "facilities";
const std::filesystem::path kRealMunicipalities =
    std::filesystem::path(MAMORI_SOURCE_DIR).parent_path() / "shared" / "data" /
    "jp_codes" / "code4fukui_localgovjp-utf8.csv";

constexpr const char* kHospitals = "01-1_hospital_facility_info_20990101.csv";
constexpr const char* kHospitalsLater = "01-1_hospital_facility_info_20990701.csv";
constexpr const char* kClinics = "02-1_clinic_facility_info_20990101.csv";
constexpr const char* kDental = "03-1_dental_facility_info_20990101.csv";
constexpr const char* kPharmacies = "05_pharmacy_20990101.csv";

class FacilityImportCli : public ::testing::Test {
  protected:
    std::filesystem::path db_path() const { return dir_.path() / "facilities.db"; }

    // mamori: `mamori <args…> --database sqlite:<db> --log-level warn` with a clean environment.
    CommandRun mamori(std::vector<std::string> args) const {
        args.insert(args.end(), {"--database", database_url(db_path()), "--log-level", "warn"});
        return testing::mamori(args);
    }
    CommandRun import(const std::vector<std::string>& names, std::vector<std::string> flags = {}) const {
        std::vector<std::string> args = {"import", "facilities"};
        args.insert(args.end(), flags.begin(), flags.end());
        for (const auto& n : names) args.push_back((kFixtures / n).string());
        return mamori(args);
    }

    long long count(const std::string& query) const {
        DatabaseSession direct(db_path());
        soci::session& sql = *direct;
        long long n = 0;
        sql << query, soci::into(n);
        return n;
    }
    std::string text(const std::string& query) const {
        DatabaseSession direct(db_path());
        soci::session& sql = *direct;
        std::string value;
        sql << query, soci::into(value);
        return value;
    }
    // snapshot: every imported column of every organisation, for comparing before and after.
    // snapshot: every organisation as one line of text, in SQL both dialects speak (CAST, COALESCE, ||).
    std::string snapshot() const {
        DatabaseSession direct(db_path());
        soci::rowset<std::string> rows =
            (direct->prepare
             << "SELECT CAST(id AS TEXT) || '|' || kind || '|' || name || '|' || COALESCE(name_kana, '-') || "
                "'|' || "
                "prefecture_code || municipality_code || '|' || COALESCE(address, '-') || '|' || "
                "COALESCE(CAST(latitude AS TEXT), '-') || COALESCE(CAST(longitude AS TEXT), '-') || '|' || "
                "COALESCE(CAST(beds_general AS TEXT), '-') || COALESCE(CAST(beds_total AS TEXT), '-') || '|' "
                "|| "
                "COALESCE(source_updated, '-') || created_at || COALESCE(updated_at, '-') FROM organisations "
                "ORDER BY id");
        std::string out;
        for (const auto& line : rows) out += line + "\n";
        return out;
    }

    TempDir dir_;
};

TEST_F(FacilityImportCli, ImportsEveryKindAndListsBadRowsByLineAndColumn) {
    const auto r = import({kHospitals, kClinics, kDental, kPharmacies});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "municipality list: none loaded")) << r.output;
    EXPECT_TRUE(contains(r.output, "check digit but are not looked up")) << r.output;
    EXPECT_TRUE(contains(r.output,
                         "01-1_hospital_facility_info_20990101.csv (hospital, release 2099-01-01)\n"
                         "  rows read 4, created 4, updated 0, unchanged 0, errors 0\n"))
        << r.output;
    EXPECT_TRUE(contains(r.output,
                         "(clinic, release 2099-01-01)\n  rows read 12, created 3, updated 0, "
                         "unchanged 0, errors 9\n"))
        << r.output;
    for (const char* line : {
             "  line 4, column 1 ID: '99130000002' is not a facility ID of 13 digits\n",
             "  line 5, column 8 都道府県コード: '48' is not a prefecture code (01–47)\n",
             "  line 6, column 9 市区町村コード: '1A1' is not a 3-digit municipality code\n",
             "  line 7, column 11 所在地座標（緯度）: 'abc' is not a decimal number\n",
             "  line 8, column 11 所在地座標（緯度）: latitude 135.5 and longitude 34.7 look swapped\n",
             "  line 9, column 58 一般病床: '-1' is not a bed count (a whole number, 0 or more)\n",
             "  line 10, column 1 ID: facility ID 9913000000201 already appears on line 2\n",
             "  line 11: the row has 9 fields where the header has 62\n",
             "  line 12, column 2 正式名称: unexpected character '診' after the closing quote of the field",
         })
        EXPECT_TRUE(contains(r.output, line)) << line << "\n" << r.output;
    EXPECT_TRUE(contains(r.output, "(dental_clinic, release 2099-01-01)\n  rows read 1, created 1"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "(pharmacy, release 2099-01-01)\n  rows read 1, created 1")) << r.output;
    EXPECT_TRUE(
        contains(r.output, "total of 4 files: rows read 18, created 9, updated 0, unchanged 0, errors 9"))
        << r.output;

    EXPECT_EQ(count("SELECT COUNT(*) FROM organisations"), 9);
    EXPECT_EQ(count("SELECT COUNT(DISTINCT kind) FROM organisations"), 4);
    EXPECT_EQ(
        text("SELECT facility_id || ' ' || municipality_code || ' ' || beds_total FROM organisations WHERE "
             "name = 'テスト札幌病院'"),
        "9901000000104 011011 200");
    EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE latitude IS NULL AND longitude IS NULL"), 4)
        << "0, 0.0 and empty coordinates are all stored as NULL";
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'cli' AND action = 'facilities.imported'"),
              4);
    const auto verified = mamori({"audit", "verify"});
    EXPECT_EQ(verified.code, 0) << verified.output;
    EXPECT_TRUE(contains(verified.output, "audit log intact: 4 rows")) << verified.output;
}

TEST_F(FacilityImportCli, AReimportChangesNothing) {
    ASSERT_EQ(import({kHospitals, kClinics}).code, 0);
    const auto before = snapshot();
    const auto again = import({kHospitals, kClinics});
    ASSERT_EQ(again.code, 0) << again.output;
    EXPECT_TRUE(contains(again.output,
                         "(hospital, release 2099-01-01)\n  rows read 4, created 0, updated 0, "
                         "unchanged 4, errors 0\n"))
        << again.output;
    EXPECT_TRUE(contains(again.output, "rows read 12, created 0, updated 0, unchanged 3, errors 9"))
        << again.output;
    EXPECT_EQ(snapshot(), before);
}

TEST_F(FacilityImportCli, ANewerReleaseUpdatesInPlaceAndAnOlderOneIsNotApplied) {
    ASSERT_EQ(import({kHospitals}).code, 0);
    const auto id = count("SELECT id FROM organisations WHERE facility_id = '9913000000101'");
    const auto later = import({kHospitalsLater});
    ASSERT_EQ(later.code, 0) << later.output;
    EXPECT_TRUE(contains(later.output,
                         "(hospital, release 2099-07-01)\n  rows read 5, created 1, updated 1, "
                         "unchanged 0, refreshed (release date only) 3, errors 0\n"))
        << later.output;
    EXPECT_EQ(count("SELECT id FROM organisations WHERE facility_id = '9913000000101'"), id)
        << "updated in place";
    EXPECT_EQ(text("SELECT beds_general || '/' || beds_total || ' ' || source_updated FROM organisations "
                   "WHERE id = " +
                   std::to_string(id)),
              "110/144 2099-07-01");
    EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE updated_at IS NOT NULL"), 1);

    const auto older = import({kHospitals});
    ASSERT_EQ(older.code, 0) << older.output;
    EXPECT_TRUE(contains(older.output, "kept (newer release in the database) 4")) << older.output;
    EXPECT_EQ(text("SELECT beds_general || ' ' || source_updated FROM organisations WHERE id = " +
                   std::to_string(id)),
              "110 2099-07-01");
}

TEST_F(FacilityImportCli, RejectsUnknownAndUnreadableFilesWithExitOne) {
    const auto r = import(
        {"01-2_hospital_speciality_hours_20990101.csv", "not_a_facility_file.csv", "missing.csv", kDental});
    EXPECT_EQ(r.code, 1) << r.output;
    EXPECT_TRUE(contains(r.output,
                         "01-2_hospital_speciality_hours_20990101.csv\n  not imported: this is a "
                         "診療科・診療時間票 (specialties and hours), not a 施設票"))
        << r.output;
    EXPECT_TRUE(contains(r.output,
                         "not_a_facility_file.csv\n  not imported: unknown header (3 columns, starting "
                         "'番号', '名前', '住所'): expected a 医療情報ネット 施設票"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "missing.csv: not a readable file")) << r.output;
    EXPECT_TRUE(contains(r.output, "mamori: some files were not imported completely")) << r.output;
    EXPECT_EQ(count("SELECT COUNT(*) FROM organisations"), 1) << "the readable file is still imported";
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 1) << "only the imported file is audited";
}

TEST_F(FacilityImportCli, StrictExitsTwoWhenARowFailed) {
    const auto strict = import({kClinics}, {"--strict"});
    EXPECT_EQ(strict.code, 2) << strict.output;
    EXPECT_TRUE(contains(strict.output, "--strict: 9 rows had errors (the other rows were imported)"))
        << strict.output;
    EXPECT_EQ(count("SELECT COUNT(*) FROM organisations"), 3);
    EXPECT_EQ(import({kHospitals}, {"--strict"}).code, 0);
}

TEST_F(FacilityImportCli, ChecksMunicipalityCodesOnceTheListIsLoaded) {
    const auto loaded = mamori({"import", "municipalities", (kFixtures / "localgovjp_sample.csv").string()});
    ASSERT_EQ(loaded.code, 0) << loaded.output;
    EXPECT_TRUE(contains(loaded.output,
                         "(municipalities)\n  rows read 5, created 4, updated 0, unchanged 0, "
                         "errors 1\n  line 6, column 10 lgcode: 131042 has a wrong check digit "
                         "(expected 1)\n"))
        << loaded.output;
    EXPECT_EQ(count("SELECT COUNT(*) FROM municipalities"), 4);

    const auto r = import({kClinics});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(
        contains(r.output, "municipality list: 4 codes; every facility's municipality code must be in it"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "rows read 12, created 2, updated 0, unchanged 0, errors 10")) << r.output;
    EXPECT_TRUE(contains(r.output,
                         "  line 13, column 9 市区町村コード: municipality '999' (全国地方公共団体コード "
                         "139998) is not in the municipality list\n"))
        << r.output;
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'municipalities.imported'"), 1);
}

TEST_F(FacilityImportCli, TheRealMunicipalityListLoadsAndValidatesTheFixtures) {
    if (!std::filesystem::exists(kRealMunicipalities))
        GTEST_SKIP() << "real data not found at " << kRealMunicipalities
                     << " (../shared/data is absent): skipped";
    const auto loaded = mamori({"import", "municipalities", kRealMunicipalities.string()});
    ASSERT_EQ(loaded.code, 0) << loaded.output;
    EXPECT_TRUE(contains(loaded.output, "rows read 1916, created 1916, updated 0, unchanged 0, errors 0"))
        << loaded.output;
    const auto r = import({kHospitals, kHospitalsLater, kDental, kPharmacies});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "municipality list: 1916 codes")) << r.output;
    EXPECT_TRUE(contains(r.output,
                         "total of 4 files: rows read 11, created 7, updated 1, unchanged 0, refreshed "
                         "(release date only) 3, errors 0"))
        << r.output;
}

TEST_F(FacilityImportCli, ServeStartsOnTheImportedDatabase) {
    ASSERT_EQ(import({kHospitals, kClinics, kDental, kPharmacies}).code, 0);
    const auto hospital = count("SELECT id FROM organisations WHERE facility_id = '9913000000101'");
    ServerProcess server(db_path());
    EXPECT_EQ(request(server.host(), server.port(), "GET", "/readyz").status, 200);
    SessionClient admin(server.host(), server.port());
    const auto setup = admin.post("/api/v1/setup", {{"setup_code", server.setup_code()},
                                                    {"organisation_id", hospital},
                                                    {"login", "admin@hospital.example"},
                                                    {"display_name", "管理 花子"},
                                                    {"password", "correct horse battery staple"}});
    ASSERT_EQ(setup.status, 201) << setup.body;
    EXPECT_EQ(setup.json()["user"]["organisation_id"], hospital);
    EXPECT_EQ(setup.json()["user"]["organisation_name"], "テスト中央病院");
}

}  // namespace
}  // namespace mamori::testing

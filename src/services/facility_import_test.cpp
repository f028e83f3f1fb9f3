#include "mamori/services/facility_import.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "mamori/store/migrations.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

std::filesystem::path fixtures() {
    return std::filesystem::path(MAMORI_SOURCE_DIR) / "tests" / "fixtures" /
           "facilities";
}

std::string read_fixture(const std::string& name) {
    std::ifstream in(fixtures() / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A migrated database (testing/temp_database.hpp), removed afterwards.
class FacilityImport : public ::testing::Test {
  protected:
    void SetUp() override {
        temp_ = std::make_unique<testing::TempDatabase>(1);
        db_ = &temp_->db();
    }
    void TearDown() override { temp_.reset(); }

    ImportReport import(const std::string& name, const std::string& text, ImportOptions options = {},
                        const feeds::MunicipalityCodes& known = {}) {
        std::istringstream in(text);
        return import_facilities(*db_, in, name, known, options, {"local", "test"});
    }
    ImportReport import_fixture(const std::string& name, ImportOptions options = {},
                                const feeds::MunicipalityCodes& known = {}) {
        return import(name, read_fixture(name), options, known);
    }

    template <typename T>
    T scalar(const std::string& query) {
        auto lease = db_->acquire();
        T value{};
        *lease << query, soci::into(value);
        return value;
    }

    std::unique_ptr<testing::TempDatabase> temp_;
    store::Database* db_ = nullptr;
};

constexpr const char* kHospitals = "01-1_hospital_facility_info_20990101.csv";
constexpr const char* kHospitalsLater = "01-1_hospital_facility_info_20990701.csv";

TEST_F(FacilityImport, CreatesInBatchesAndChangesNothingOnAReimport) {
    ImportOptions one_per_batch;
    one_per_batch.batch_size = 1;
    const auto first = import_fixture(kHospitals, one_per_batch);
    ASSERT_FALSE(first.failure) << first.failure->message;
    EXPECT_EQ(first.kind, "hospital");
    EXPECT_EQ(first.source_updated, "2099-01-01");
    EXPECT_EQ(first.rows, 4u);
    EXPECT_EQ(first.created, 4u);
    EXPECT_EQ(first.errors, 0u);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM organisations WHERE source_updated = '2099-01-01'"), 4);
    EXPECT_EQ(scalar<std::string>("SELECT name FROM organisations WHERE facility_id = '9913000000102'"),
              "テスト\"みなと\"病院");
    EXPECT_EQ(scalar<std::string>("SELECT address FROM organisations WHERE facility_id = '9927000000103'"),
              "大阪府大阪市北区テスト3-4\r\nテストビル5階");
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM organisations WHERE latitude IS NULL"), 2);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM audit_log"), 1) << "one entry per file, not per batch";

    const auto again = import_fixture(kHospitals);
    EXPECT_EQ(again.unchanged, 4u);
    EXPECT_EQ(again.created + again.updated + again.refreshed + again.kept_newer + again.errors, 0u);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM organisations WHERE updated_at IS NOT NULL"), 0);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM audit_log"), 2);
    EXPECT_EQ(
        scalar<std::string>("SELECT detail FROM audit_log WHERE seq = 2"),
        R"({"complete":true,"created":0,"errors":0,"file":"01-1_hospital_facility_info_20990101.csv",)"
        R"("kept_newer":0,"kind":"hospital","municipality_check":"check_digit_only","refreshed":0,"rows":4,)"
        R"("source_updated":"2099-01-01","unchanged":4,"updated":0})");
}

TEST_F(FacilityImport, UpdatesChangedRowsAndNeverGoesBackToAnOlderRelease) {
    import_fixture(kHospitals);
    const auto later = import_fixture(kHospitalsLater);
    EXPECT_EQ(later.rows, 5u);
    EXPECT_EQ(later.created, 1u);
    EXPECT_EQ(later.updated, 1u);
    EXPECT_EQ(later.refreshed, 3u);
    EXPECT_EQ(scalar<int>("SELECT beds_general FROM organisations WHERE facility_id = '9913000000101'"), 110);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM organisations WHERE source_updated = '2099-07-01'"), 5);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM organisations WHERE updated_at IS NOT NULL"), 1);

    const auto older = import_fixture(kHospitals);
    EXPECT_EQ(older.kept_newer, 4u);
    EXPECT_EQ(older.updated, 0u);
    EXPECT_EQ(scalar<int>("SELECT beds_general FROM organisations WHERE facility_id = '9913000000101'"), 110);
}

TEST_F(FacilityImport, KeepsTheStoredReleaseDateForAFileWithoutOne) {
    import_fixture(kHospitals);
    const auto text = read_fixture(kHospitals);
    EXPECT_EQ(import("hospitals.csv", text).unchanged, 4u);
    std::string changed = text;
    changed.replace(changed.find("テスト中央病院"), std::string("テスト中央病院").size(),
                    "テスト中央総合病院");
    const auto report = import("hospitals.csv", changed);
    EXPECT_EQ(report.updated, 1u);
    EXPECT_EQ(report.source_updated, std::nullopt);
    EXPECT_EQ(
        scalar<std::string>("SELECT name || ' ' || source_updated FROM organisations WHERE facility_id = "
                            "'9913000000101'"),
        "テスト中央総合病院 2099-01-01");
}

TEST_F(FacilityImport, ReportsBadRowsByLineAndColumnAndImportsTheRest) {
    const auto report = import_fixture("02-1_clinic_facility_info_20990101.csv");
    ASSERT_FALSE(report.failure);
    EXPECT_EQ(report.rows, 12u);
    EXPECT_EQ(report.created, 3u);
    EXPECT_EQ(report.errors, 9u);
    ASSERT_EQ(report.problems.size(), 9u);
    std::vector<std::string> where;
    for (const auto& p : report.problems) where.push_back(fmt::format("{}:{}", p.line, p.column));
    EXPECT_EQ(where, (std::vector<std::string>{"4:1", "5:8", "6:9", "7:11", "8:11", "9:58", "10:1", "11:0",
                                               "12:2"}));
    EXPECT_EQ(report.problems[6].reason, "facility ID 9913000000201 already appears on line 2");

    ImportOptions few;
    few.max_problems = 3;
    const auto again = import_fixture("02-1_clinic_facility_info_20990101.csv", few);
    EXPECT_EQ(again.errors, 9u);
    EXPECT_EQ(again.problems.size(), 3u);
    EXPECT_EQ(again.unchanged, 3u);
}

TEST_F(FacilityImport, ChecksMunicipalityCodesAgainstTheLoadedList) {
    std::istringstream list(read_fixture("localgovjp_sample.csv"));
    const auto loaded = import_municipalities(*db_, list, "localgovjp_sample.csv", {}, {"local", "test"});
    ASSERT_FALSE(loaded.failure);
    EXPECT_EQ(loaded.created, 4u);
    EXPECT_EQ(loaded.errors, 1u);
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].line, 6u);
    EXPECT_EQ(loaded.problems[0].column_name, "lgcode");
    EXPECT_NE(loaded.problems[0].reason.find("wrong check digit (expected 1)"), std::string::npos);

    const auto known = load_municipality_codes(*db_);
    ASSERT_TRUE(known);
    EXPECT_EQ(known->size(), 4u);
    const auto report = import_fixture("02-1_clinic_facility_info_20990101.csv", {}, *known);
    EXPECT_EQ(report.created, 2u);
    EXPECT_EQ(report.errors, 10u);
    EXPECT_EQ(report.problems.back().line, 13u);
    EXPECT_EQ(report.problems.back().column_name, "市区町村コード");
    EXPECT_NE(report.problems.back().reason.find("not in the municipality list"), std::string::npos);

    std::istringstream again(read_fixture("localgovjp_sample.csv"));
    EXPECT_EQ(import_municipalities(*db_, again, "localgovjp_sample.csv", {}, {"local", "test"}).unchanged,
              4u);
}

TEST_F(FacilityImport, RefusesAnUnknownHeaderWithoutWritingAnything) {
    const auto report = import_fixture("01-2_hospital_speciality_hours_20990101.csv");
    ASSERT_TRUE(report.failure);
    EXPECT_NE(report.failure->message.find("診療科・診療時間票"), std::string::npos);
    EXPECT_EQ(report.kind, "");
    EXPECT_EQ(report.rows, 0u);
    EXPECT_EQ(import("empty.csv", "").failure->message, "the file is empty: there is no header line");
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM audit_log"), 0);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM organisations"), 0);
}

TEST_F(FacilityImport, KeepsTheBatchesWrittenBeforeAReadFailure) {
    // About 3 MB of rows against a 1 MiB input limit: the reader fails after a few of its 256 KiB reads.
    const auto text = read_fixture(kHospitals);
    const auto header_end = text.find("\r\n") + 2;
    const auto row_end = text.find("\r\n", header_end) + 2;
    const std::string row = text.substr(header_end, row_end - header_end);
    std::string big = text.substr(0, header_end);
    for (int i = 0; i < 4000; ++i) {
        std::string r = row;
        r.replace(r.find("9913000000101"), 13, fmt::format("99130{:08}", i));
        big += r;
    }
    ImportOptions options;
    options.batch_size = 100;
    options.limits.max_input_bytes = 1024 * 1024;
    const auto report = import("big_20990101.csv", big, options);
    ASSERT_TRUE(report.failure);
    EXPECT_NE(report.failure->message.find("larger than 1048576 bytes"), std::string::npos);
    EXPECT_GT(report.created, 0u);
    EXPECT_LT(report.created, 4000u);
    EXPECT_EQ(scalar<long long>("SELECT COUNT(*) FROM organisations"),
              static_cast<long long>(report.created));
    EXPECT_NE(scalar<std::string>("SELECT detail FROM audit_log").find(R"("complete":false)"),
              std::string::npos);
}

}  // namespace
}  // namespace mamori::services

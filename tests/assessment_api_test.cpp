// Self-assessment over HTTP against the real server: answering with version checks, evidence upload and
// download, submit/reopen, and the documents: JSON and .xlsx exports imported back reproduce the assessment
// exactly; files for another edition or form are refused with a message that says so.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "mamori/core/time.hpp"
#include "support/pdf_text.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class AssessmentApi : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(dir_.path() / "assessment.db");
        admin_ = SessionClient(server_->host(), server_->port());
        const auto org =
            admin_.set_up_clinic(server_->setup_code(), "admin@clinic.example", kPassword).organisation_id;
        auto created = admin_.post("/api/v1/organisations/" + std::to_string(org) + "/assessments",
                                   {{"fiscal_year", fiscal_year()}});
        ASSERT_EQ(created.status, 201) << created.body;
        assessment_ = created.json();
        path_ = "/api/v1/assessments/" + std::to_string(assessment_["id"].get<long long>());
    }

    static int fiscal_year() { return mamori::fiscal_year(japan_date(std::chrono::system_clock::now())); }
    static std::string today() { return to_iso_date(japan_date(std::chrono::system_clock::now())); }
    static std::string end_of_year() { return std::to_string(fiscal_year() + 1) + "-03-31"; }

    // answer: PUT one line with the version currently stored; returns the response.
    HttpResult answer(const std::string& item, const std::string& row, json body) {
        const json current = admin_.get(path_).json();
        int version = 0;
        for (const auto& i : current["items"])
            for (const auto& r : i["rows"])
                if (i["canonical_id"] == item && r["key"] == row && r["answer"].is_object())
                    version = r["answer"]["version"];
        body["version"] = version;
        return admin_.put(path_ + "/answers/" + item + "/" + row, body);
    }

    // fill: every line answered, with every kind of answer and awkward notes.
    void fill() {
        ASSERT_EQ(
            admin_.patch(path_, {{"version", assessment_["version"]}, {"has_vendor_contract", false}}).status,
            200);
        int n = 0;
        for (const auto& item : assessment_["items"]) {
            if (item["applicability"]["requires_vendor_contract"]) continue;  // 記入不要 without a contract
            for (const auto& row : item["rows"]) {
                json body = {{"value", "yes"}, {"confirmed_on", today()}};
                if (n % 4 == 1)
                    body = {{"value", "no"}, {"confirmed_on", today()}, {"target_date", end_of_year()}};
                if (n % 3 == 0) body["note"] = "=SUM(A1),\"引用\"\n改行あり、カンマ,あり";
                auto r = answer(item["canonical_id"], row["key"], body);
                ASSERT_EQ(r.status, 200) << item["canonical_id"] << ": " << r.body;
                ++n;
            }
        }
    }

    // text_of: what a tool reads from exported bytes: pdftotext for a PDF, every part unzipped for an .xlsx.
    std::string text_of(const std::string& bytes, const std::string& extension) {
        if (extension == "pdf") return pdf_text(bytes, dir_.path());
        const auto in = dir_.path() / ("export." + extension);
        const auto out = dir_.path() / "export.txt";
        std::ofstream(in, std::ios::binary) << bytes;
        const std::string command = "unzip -p '" + in.string() + "' > '" + out.string() + "'";
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
        std::stringstream text;
        text << std::ifstream(out, std::ios::binary).rdbuf();
        return text.str();
    }

    static json rows_of(const HttpResult& exported) {
        EXPECT_EQ(exported.status, 200) << exported.body;
        return json::parse(exported.body)["rows"];
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    SessionClient admin_{"127.0.0.1", 0};
    json assessment_;
    std::string path_;
};

TEST_F(AssessmentApi, JsonAndXlsxExportsImportBackWithNoDifference) {
    fill();
    const json original = rows_of(admin_.get(path_ + "/export?format=json"));
    const auto xlsx = admin_.get(path_ + "/export?format=xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.header("Content-Type").value_or(""), kXlsx);
    EXPECT_NE(xlsx.header("Content-Disposition").value_or("").find("attachment"), std::string::npos);
    const auto json_file = admin_.get(path_ + "/export?format=json");

    // Change two answers, then import the JSON export: back to the original.
    ASSERT_EQ(
        answer(
            "GOV-01", "main",
            {{"value", "no"}, {"confirmed_on", today()}, {"target_date", end_of_year()}, {"note", "changed"}})
            .status,
        200);
    ASSERT_EQ(answer("AST-01", "general", json{{"value", nullptr}}).status, 200);
    EXPECT_NE(rows_of(admin_.get(path_ + "/export?format=json")), original);
    auto imported = admin_.send("POST", path_ + "/import", json_file.body, "application/json");
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(imported.json()["imported_rows"], 2);
    EXPECT_EQ(rows_of(admin_.get(path_ + "/export?format=json")), original);

    // The same through the .xlsx export.
    ASSERT_EQ(
        answer("IR-01", "main", {{"value", "yes"}, {"confirmed_on", today()}, {"note", "edited"}}).status,
        200);
    auto from_xlsx = admin_.send("POST", path_ + "/import", xlsx.body, kXlsx);
    ASSERT_EQ(from_xlsx.status, 200) << from_xlsx.body;
    EXPECT_EQ(from_xlsx.json()["imported_rows"], 1);
    EXPECT_EQ(rows_of(admin_.get(path_ + "/export?format=json")), original);
}

TEST_F(AssessmentApi, FilesOfAnotherEditionOrFormAreRefusedAndChangeNothing) {
    fill();
    const auto exported = admin_.get(path_ + "/export?format=json");
    const json before = rows_of(exported);
    json other = json::parse(exported.body);
    other["edition"] = "r6";
    auto refused = admin_.send("POST", path_ + "/import", other.dump(), "application/json");
    EXPECT_EQ(refused.status, 400);
    EXPECT_NE(refused.json()["detail"].get<std::string>().find("edition r6"), std::string::npos)
        << refused.body;
    other["edition"] = assessment_["edition"]["id"];
    other["form"] = "pharmacy";
    refused = admin_.send("POST", path_ + "/import", other.dump(), "application/json");
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.json()["errors"][0]["field"], "form") << refused.body;
    EXPECT_EQ(admin_.send("POST", path_ + "/import", "not json", "application/json").status, 400);
    EXPECT_EQ(admin_.send("POST", path_ + "/import", "PK\x03\x04 broken", kXlsx).status, 400);
    EXPECT_EQ(rows_of(admin_.get(path_ + "/export?format=json")), before);
}

TEST_F(AssessmentApi, AStaleSaveIsAConflictThatCarriesTheCurrentAnswer) {
    const std::string line = path_ + "/answers/GOV-01/main";
    auto first = admin_.put(line, {{"version", 0}, {"value", "yes"}, {"confirmed_on", today()}});
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json()["answer"]["version"], 1);
    auto stale = admin_.put(
        line, {{"version", 0}, {"value", "no"}, {"confirmed_on", today()}, {"target_date", end_of_year()}});
    ASSERT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(stale.json()["current"]["value"], "yes");
    EXPECT_EQ(stale.json()["current"]["version"], 1);
    auto invalid = admin_.put(line, {{"version", 1}, {"value", "no"}, {"confirmed_on", today()}});
    ASSERT_EQ(invalid.status, 400);
    EXPECT_EQ(invalid.json()["errors"][0]["field"], "target_date");
    auto history = admin_.get(line + "/history");
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(history.json()["versions"].size(), 1u);
}

TEST_F(AssessmentApi, EvidenceIsUploadedSniffedAndDownloadedAsAnAttachment) {
    const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    auto up =
        admin_.send("POST", path_ + "/answers/GOV-01/main/evidence?file_name=%E4%BB%BB%E5%91%BD%E6%9B%B8.png",
                    pdf, "image/png");
    ASSERT_EQ(up.status, 201) << up.body;
    EXPECT_EQ(up.json()["media_type"], "application/pdf");  // the content decides, not the name or header
    EXPECT_EQ(up.json()["file_name"], "任命書.png");
    const auto id = std::to_string(up.json()["id"].get<long long>());
    auto down = admin_.get("/api/v1/evidence/" + id + "/content");
    ASSERT_EQ(down.status, 200);
    EXPECT_EQ(down.body, pdf);
    EXPECT_EQ(down.header("Content-Type").value_or(""), "application/pdf");
    EXPECT_NE(down.header("Content-Disposition").value_or("").find("filename*=UTF-8''%E4%BB%BB"),
              std::string::npos);

    EXPECT_EQ(admin_
                  .send("POST", path_ + "/answers/GOV-01/main/evidence?file_name=a.exe",
                        std::string("MZ\x90\x00\x03\x00", 6), "application/octet-stream")
                  .status,
              400);
    // Over the server's 1 MiB default but within the 10 MiB evidence limit: accepted.
    auto large = admin_.send("POST", path_ + "/answers/GOV-01/main/evidence?file_name=big.txt",
                             std::string(3 * 1024 * 1024, 'a'), "text/plain");
    EXPECT_EQ(large.status, 201) << large.body.substr(0, 300);
    auto too_large = admin_.send("POST", path_ + "/answers/GOV-01/main/evidence?file_name=big.txt",
                                 std::string(10 * 1024 * 1024 + 1, 'a'), "text/plain");
    EXPECT_EQ(too_large.status, 413);
    EXPECT_NE(too_large.body.find("10 MiB"), std::string::npos)
        << "names the route's limit: " << too_large.body;
    // Other routes keep the server's limit.
    EXPECT_EQ(admin_
                  .send("PUT", path_ + "/answers/GOV-01/main", std::string(2 * 1024 * 1024, ' '),
                        "application/json")
                  .status,
              413);

    auto link = admin_.post(path_ + "/answers/GOV-01/main/links",
                            {{"url", "https://intranet.example/任命書"}, {"title", "任命書"}});
    ASSERT_EQ(link.status, 201) << link.body;
    const json state = admin_.get(path_).json();
    EXPECT_EQ(state["items"][0]["rows"][0]["answer"]["evidence"].size(), 3u);
    EXPECT_EQ(admin_.del("/api/v1/evidence/" + id).status, 204);
    EXPECT_EQ(admin_.get("/api/v1/evidence/" + id + "/content").status, 404);
}

TEST_F(AssessmentApi, SubmittedChecklistsArePrintedWithTheirStampAndReopenedWithAReason) {
    fill();
    auto incomplete_check = admin_.get(path_).json();
    ASSERT_EQ(incomplete_check["progress"]["percent"], 100) << incomplete_check["progress"].dump();
    auto submitted = admin_.post(path_ + "/submit", {{"version", incomplete_check["version"]}});
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(submitted.json()["status"], "submitted");
    EXPECT_EQ(submitted.json()["submitted_by"]["name"], "管理 太郎");
    EXPECT_EQ(answer("GOV-01", "main", {{"value", "yes"}, {"confirmed_on", today()}}).status, 409);

    auto pdf = admin_.get(path_ + "/export?format=pdf");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
    auto csv = admin_.get(path_ + "/export?format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");  // Excel needs the BOM to read UTF-8
    EXPECT_NE(csv.body.find("GOV-01"), std::string::npos);
    EXPECT_EQ(admin_.get(path_ + "/export?format=docx").status, 400);

    EXPECT_EQ(admin_.post(path_ + "/reopen", {{"reason", ""}}).status, 400);
    auto reopened = admin_.post(path_ + "/reopen", {{"reason", "保健所の指摘で訂正"}});
    ASSERT_EQ(reopened.status, 200) << reopened.body;
    EXPECT_EQ(reopened.json()["status"], "draft");
    EXPECT_EQ(reopened.json()["events"].back()["reason"], "保健所の指摘で訂正");
}

TEST_F(AssessmentApi, TheChecklistCarriesNoCatalogConfidence) {
    for (const auto& item : assessment_["items"]) {
        EXPECT_FALSE(item.contains("confidence")) << item["canonical_id"];
        EXPECT_FALSE(item.contains("unconfirmed")) << item["canonical_id"];
    }
    fill();
    for (const std::string format : {"pdf", "xlsx"}) {
        auto exported = admin_.get(path_ + "/export?format=" + format);
        ASSERT_EQ(exported.status, 200) << format;
        const std::string text = text_of(exported.body, format);
        EXPECT_NE(text.find("安全管理"), std::string::npos) << format;  // the item text is there
        EXPECT_EQ(text.find("未確認"), std::string::npos) << format;
        EXPECT_EQ(text.find("二次情報"), std::string::npos) << format;
        EXPECT_EQ(text.find("[S]"), std::string::npos) << format;
        EXPECT_EQ(text.find("[I]"), std::string::npos) << format;
    }
}

TEST_F(AssessmentApi, AYearWithoutItsOwnEditionSaysWhichEditionItUses) {
    // The catalog holds 令和5〜7年度版; a checklist for a later year uses 令和7年度版 and says so.
    const int year = fiscal_year();
    if (year <= 2025) GTEST_SKIP() << "the current fiscal year has its own edition";
    EXPECT_EQ(assessment_["edition"]["id"], "r7");
    const std::string notice = fiscal_year_ja(year) + "版が未登録のため、令和7年度版で点検しています。";
    for (const std::string format : {"pdf", "xlsx"}) {
        auto exported = admin_.get(path_ + "/export?format=" + format);
        ASSERT_EQ(exported.status, 200) << format;
        EXPECT_NE(text_of(exported.body, format).find(notice), std::string::npos) << format;
    }
    // The edition's own year says nothing of the kind.
    const auto org = std::to_string(assessment_["organisation"]["id"].get<long long>());
    auto own = admin_.post("/api/v1/organisations/" + org + "/assessments", {{"fiscal_year", 2025}});
    ASSERT_EQ(own.status, 201) << own.body;
    const std::string own_path = "/api/v1/assessments/" + std::to_string(own.json()["id"].get<long long>());
    for (const std::string format : {"pdf", "xlsx"}) {
        auto exported = admin_.get(own_path + "/export?format=" + format);
        ASSERT_EQ(exported.status, 200) << format;
        EXPECT_EQ(text_of(exported.body, format).find("未登録"), std::string::npos) << format;
    }
}

TEST_F(AssessmentApi, TheListOffersEarlierYearsAndTheNext) {
    const auto org = std::to_string(assessment_["organisation"]["id"].get<long long>());
    const std::string list_path = "/api/v1/organisations/" + org + "/assessments";
    auto list = admin_.get(list_path);
    ASSERT_EQ(list.status, 200) << list.body;
    const json years = list.json()["years"];
    ASSERT_FALSE(years.empty());
    EXPECT_EQ(years.front()["fiscal_year"], fiscal_year() + 1);  // newest first: next year can start early
    EXPECT_EQ(years.back()["fiscal_year"], 2023);                // the first loaded edition's year
    for (const auto& y : years) {
        SCOPED_TRACE(y.dump());
        const int fy = y["fiscal_year"];
        EXPECT_EQ(y["edition"], fy >= 2025 ? "r7" : fy == 2024 ? "r6" : "r5");
        if (fy == fiscal_year()) {
            EXPECT_EQ(y["assessment_id"], assessment_["id"]);
            EXPECT_FALSE(y["may_start"]);
        } else {
            EXPECT_TRUE(y["assessment_id"].is_null());
            EXPECT_TRUE(y["may_start"]);
        }
        // Last year's checklist carries into later years only.
        EXPECT_EQ(y["carry_forward_from"].is_null(), fy <= fiscal_year());
    }
    auto earlier = admin_.post(list_path, {{"fiscal_year", fiscal_year() - 1}});
    ASSERT_EQ(earlier.status, 201) << earlier.body;
    auto next = admin_.post(list_path, {{"fiscal_year", fiscal_year() + 1}});
    ASSERT_EQ(next.status, 201) << next.body;
    EXPECT_EQ(admin_.post(list_path, {{"fiscal_year", fiscal_year() + 2}}).status, 400);
    const json after = admin_.get(list_path).json();  // a named value: the loop below reads into it
    for (const auto& y : after["years"]) {
        if (y["fiscal_year"] == fiscal_year() - 1 || y["fiscal_year"] == fiscal_year() + 1) {
            EXPECT_FALSE(y["may_start"]) << y.dump();
        }
    }
}

TEST_F(AssessmentApi, ThePdfListsEachLinesEvidence) {
    const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    ASSERT_EQ(admin_
                  .send("POST", path_ + "/answers/GOV-01/main/evidence?file_name=%E4%BB%BB%E5%91%BD%E6%9B%B8.pdf",
                        pdf, "application/pdf")
                  .status,
              201);
    ASSERT_EQ(admin_
                  .post(path_ + "/answers/AST-01/general/links",
                        {{"url", "https://intranet.example/ledger"}, {"title", "機器台帳"}})
                  .status,
              201);
    auto exported = admin_.get(path_ + "/export?format=pdf");
    ASSERT_EQ(exported.status, 200);
    const std::string text = text_of(exported.body, "pdf");
    EXPECT_NE(text.find("証拠資料一覧"), std::string::npos) << text;
    EXPECT_NE(text.find("任命書.pdf"), std::string::npos);
    EXPECT_NE(text.find("機器台帳"), std::string::npos);
    EXPECT_NE(text.find("https://intranet.example/ledger"), std::string::npos);
    EXPECT_NE(text.find("証拠資料のない行"), std::string::npos);
}

}  // namespace
}  // namespace mamori::testing

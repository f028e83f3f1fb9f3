// The 役割分担確認表 through the API on the demo database: the institution and its vendor each fill rows of
// the same contract's table, the history names both sides, a stale version is refused, every refusal
// (another institution, a vendor that does not run the system, a system without a linked vendor, a viewer,
// a health centre, broken answers), the vendor's list with progress, the demo's table and the PDF.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <map>

#include "mamori/core/time.hpp"
#include "support/demo_server_test.hpp"
#include "support/pdf_text.hpp"
#include "support/session_client.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {
    {"hospital@demo.example", "hospital-demo-pass"}, {"hokenjo@demo.example", "hokenjo-demo-pass"},
    {"sakura@demo.example", "sakura-demo-pass"},     {"vendor@demo.example", "vendor-demo-pass"},
    {"sakura-viewer@demo.example", "a long enough password"}};

std::string day(int plus_days) {
    using namespace std::chrono;
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + days(plus_days)));
}

class RoleSharingApi : public DemoServerTest {
  protected:
    RoleSharingApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "受付 閲覧", "viewer");
    }
    long long system_id(const std::string& name) {
        return scalar("SELECT id FROM systems WHERE name = '" + name + "'");
    }
    std::string url(long long id) { return "/api/v1/systems/" + std::to_string(id) + "/role-sharing"; }
    std::string row_url(long long id, const std::string& row) { return url(id) + "/rows/" + row; }
};

json find_row(const json& sheet, const std::string& id) {
    for (const auto& r : sheet["rows"])
        if (r["id"] == id) return r;
    ADD_FAILURE() << "no row " << id;
    return json::object();
}

TEST_F(RoleSharingApi, TheClinicAndItsVendorFillTheSameTableAndTheHistoryNamesBothSides) {
    const long long receipt = system_id("レセコン");  // さくら's, run by the demo vendor
    SessionClient clinic = persona("sakura@demo.example");
    SessionClient vendor = persona("vendor@demo.example");

    const auto empty = clinic.get(url(receipt));
    ASSERT_EQ(empty.status, 200) << empty.body;
    const json sheet = empty.json();
    EXPECT_EQ(sheet["side"], "institution");
    EXPECT_TRUE(sheet["can_edit"].get<bool>());
    EXPECT_EQ(sheet["system"]["name"], "レセコン");
    EXPECT_EQ(sheet["institution"]["name"], "さくら内科クリニック");
    EXPECT_EQ(sheet["vendor"]["name"], "デモ医療システム株式会社");
    EXPECT_EQ(sheet["progress"], json({{"total", 3}, {"answered", 0}, {"settled", 0}}));
    ASSERT_EQ(sheet["rows"].size(), 3u);
    const json first_row = find_row(sheet, "p1-1-1-vendor-security");
    EXPECT_EQ(first_row["item_ja"], "事業者の情報セキュリティにおける対応状況");
    EXPECT_TRUE(first_row["item_is_official"].get<bool>());
    EXPECT_FALSE(first_row["content_is_official"].get<bool>());
    EXPECT_EQ(find_row(sheet, "p2-communication-path")["number"], nullptr);
    EXPECT_EQ(first_row["version"], 0);

    // The clinic records はい on Part1's row.
    const auto put = clinic.put(row_url(receipt, "p1-1-1-vendor-security"),
                                {{"version", 0}, {"first_answer", "yes"}, {"first_checked_on", day(-10)},
                                 {"note", "開示書を受領"}});
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(find_row(put.json(), "p1-1-1-vendor-security")["version"], 1);
    EXPECT_EQ(put.json()["progress"]["answered"], 1);

    // The vendor sees it and records いいえ on the communication path, then the clinic adds its 完了日.
    const auto seen = vendor.get(url(receipt));
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_EQ(seen.json()["side"], "vendor");
    EXPECT_TRUE(seen.json()["can_edit"].get<bool>());
    EXPECT_EQ(find_row(seen.json(), "p1-1-1-vendor-security")["first_answer"], "yes");
    EXPECT_EQ(find_row(seen.json(), "p1-1-1-vendor-security")["updated_side"], "institution");
    const auto by_vendor = vendor.put(row_url(receipt, "p2-communication-path"),
                                      {{"version", 0}, {"first_answer", "no"}, {"first_checked_on", day(-10)},
                                       {"note", "VPN装置の更新を提案"}});
    ASSERT_EQ(by_vendor.status, 200) << by_vendor.body;
    const auto resolved = clinic.put(row_url(receipt, "p2-communication-path"),
                                     {{"version", 1}, {"first_answer", "no"}, {"first_checked_on", day(-10)},
                                      {"completed_on", day(-2)}, {"note", "VPN装置を更新済み"}});
    ASSERT_EQ(resolved.status, 200) << resolved.body;
    const json path = find_row(resolved.json(), "p2-communication-path");
    EXPECT_EQ(path["version"], 2);
    EXPECT_EQ(path["completed_on"], day(-2));
    EXPECT_EQ(resolved.json()["progress"], json({{"total", 3}, {"answered", 2}, {"settled", 2}}));
    const json history = path["history"];
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0]["side"], "institution");
    EXPECT_EQ(history[0]["organisation_name"], "さくら内科クリニック");
    EXPECT_EQ(history[0]["before"]["completed_on"], nullptr);
    EXPECT_EQ(history[0]["after"]["completed_on"], day(-2));
    EXPECT_EQ(history[1]["side"], "vendor");
    EXPECT_EQ(history[1]["by"], "中村 亮（デモ医療システム）");
    EXPECT_EQ(history[1]["organisation_name"], "デモ医療システム株式会社");
    EXPECT_EQ(history[1]["before"]["first_answer"], nullptr);
    EXPECT_EQ(history[1]["after"]["first_answer"], "no");

    // A stale version changes nothing.
    const auto stale = vendor.put(row_url(receipt, "p2-communication-path"),
                                  {{"version", 1}, {"first_answer", "yes"}, {"first_checked_on", day(-1)}});
    EXPECT_EQ(stale.status, 409) << stale.body;
    const auto stale_new = vendor.put(row_url(receipt, "p1-1-1-vendor-security"),
                                      {{"version", 0}, {"first_answer", "no"}, {"first_checked_on", day(-1)}});
    EXPECT_EQ(stale_new.status, 409) << stale_new.body;
    EXPECT_EQ(find_row(clinic.get(url(receipt)).json(), "p2-communication-path")["version"], 2);

    const std::string rows = "system_id = " + std::to_string(receipt);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM role_sharing_changes WHERE " + rows), 3);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'role_sharing.row_changed' AND target LIKE "
                     "'system:" + std::to_string(receipt) + "/role-sharing/%'"),
              3);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log a JOIN organisations o ON o.id = a.organisation_id WHERE "
                     "a.action = 'role_sharing.row_changed' AND o.kind = 'vendor' AND a.target LIKE 'system:" +
                     std::to_string(receipt) + "/%'"),
              1);

    // The same answers again: no new version.
    const auto same = clinic.put(row_url(receipt, "p2-communication-path"),
                                 {{"version", 2}, {"first_answer", "no"}, {"first_checked_on", day(-10)},
                                  {"completed_on", day(-2)}, {"note", "VPN装置を更新済み"}});
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(find_row(same.json(), "p2-communication-path")["version"], 2);
}

TEST_F(RoleSharingApi, BrokenAnswersAreRefusedNamingTheFieldAndChangeNothing) {
    const long long receipt = system_id("レセコン");
    SessionClient clinic = persona("sakura@demo.example");
    const std::string row = row_url(receipt, "p1-1-1-vendor-security");
    struct Case {
        json body;
        std::string field;
    };
    const std::vector<Case> cases = {
        {{{"first_answer", "yes"}, {"first_checked_on", day(-1)}}, "version"},
        {{{"version", 0}, {"first_answer", "maybe"}, {"first_checked_on", day(-1)}}, "first_answer"},
        {{{"version", 0}, {"first_answer", "yes"}}, "first_checked_on"},
        {{{"version", 0}, {"first_checked_on", day(-1)}}, "first_answer"},
        {{{"version", 0}, {"first_answer", "yes"}, {"first_checked_on", day(3)}}, "first_checked_on"},
        {{{"version", 0}, {"first_answer", "yes"}, {"first_checked_on", "2026-02-30"}}, "first_checked_on"},
        {{{"version", 0}, {"first_answer", "yes"}, {"first_checked_on", day(-5)}, {"completed_on", day(-1)}},
         "completed_on"},
        {{{"version", 0}, {"first_answer", "no"}, {"first_checked_on", day(-5)}, {"completed_on", day(-6)}},
         "completed_on"},
        {{{"version", 0}, {"note", std::string(1001, 'x')}}, "note"},
        {{{"version", 0}, {"note", 5}}, "note"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.body.dump());
        const auto r = clinic.put(row, c.body);
        EXPECT_EQ(r.status, 400) << r.body;
        ASSERT_TRUE(r.json().contains("errors")) << r.body;
        EXPECT_EQ(r.json()["errors"][0]["field"], c.field) << r.body;
    }
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM role_sharing_checks"), 2) << "only the demo's two rows";
    const auto unknown = clinic.put(row_url(receipt, "p9-nothing"), {{"version", 0}});
    EXPECT_EQ(unknown.status, 404) << unknown.body;
}

TEST_F(RoleSharingApi, EveryoneElseIsRefused) {
    const long long receipt = system_id("レセコン");                     // さくら's, run by the demo vendor
    const long long network = system_id("院内ネットワーク（UTM・VPN装置）");  // the hospital's, no linked vendor
    const long long hospital_ehr = system_id("電子カルテ（全病棟・外来）");  // the hospital's, the demo vendor
    const long long clinic_ehr = system_id("クラウド型電子カルテ");       // さくら's, another (unlinked) vendor
    SessionClient hospital = persona("hospital@demo.example");
    SessionClient vendor = persona("vendor@demo.example");
    SessionClient hokenjo = persona("hokenjo@demo.example");
    SessionClient viewer = persona("sakura-viewer@demo.example");
    const json answer = {{"version", 0}, {"first_answer", "yes"}, {"first_checked_on", day(-1)}};

    EXPECT_EQ(hospital.get(url(receipt)).status, 404) << "another institution's system";
    EXPECT_EQ(hospital.put(row_url(receipt, "p1-1-1-vendor-security"), answer).status, 404);
    EXPECT_EQ(hospital.get(url(receipt) + "/document.pdf").status, 404);
    const auto no_vendor = hospital.get(url(network));
    EXPECT_EQ(no_vendor.status, 409) << no_vendor.body;
    EXPECT_EQ(no_vendor.json()["errors"][0]["field"], "vendor_organisation_id");
    EXPECT_EQ(hospital.put(row_url(network, "p1-1-1-vendor-security"), answer).status, 409);
    EXPECT_EQ(vendor.get(url(network)).status, 404) << "a system the vendor does not run";
    EXPECT_EQ(vendor.get(url(clinic_ehr)).status, 404);
    EXPECT_EQ(vendor.put(row_url(clinic_ehr, "p1-1-1-vendor-security"), answer).status, 404);
    EXPECT_EQ(vendor.get(url(clinic_ehr) + "/document.pdf").status, 404);
    EXPECT_EQ(hokenjo.get(url(hospital_ehr)).status, 404) << "a health centre has no table here";
    EXPECT_EQ(hokenjo.get("/api/v1/vendor/systems").status, 404);
    EXPECT_EQ(hospital.get("/api/v1/vendor/systems").status, 404);

    const auto read = viewer.get(url(receipt));
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_FALSE(read.json()["can_edit"].get<bool>());
    EXPECT_EQ(viewer.put(row_url(receipt, "p1-1-1-vendor-security"), answer).status, 403);
    EXPECT_EQ(vendor.get(url(999999)).status, 404);

    // When the link ends the vendor no longer reaches the table; the institution still does.
    DatabaseSession direct(db());
    *direct << "UPDATE vendor_links SET ended_at = '2026-01-01T00:00:00Z' WHERE institution_organisation_id = "
               "(SELECT id FROM organisations WHERE name = 'さくら内科クリニック')";
    EXPECT_EQ(vendor.get(url(receipt)).status, 404);
    EXPECT_EQ(persona("sakura@demo.example").get(url(receipt)).status, 200);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM role_sharing_checks"), 2) << "only the demo's two rows";
}

TEST_F(RoleSharingApi, ARetiredSystemsTableIsKeptAndReadButNotChanged) {
    const long long receipt = system_id("レセコン");
    SessionClient clinic = persona("sakura@demo.example");
    SessionClient vendor = persona("vendor@demo.example");
    ASSERT_EQ(clinic.put(row_url(receipt, "p1-1-1-vendor-security"),
                         {{"version", 0}, {"first_answer", "yes"}, {"first_checked_on", day(-3)}})
                  .status,
              200);
    const long long version = clinic.get("/api/v1/systems/" + std::to_string(receipt)).json()["version"];
    const auto retired = clinic.post("/api/v1/systems/" + std::to_string(receipt) + "/retire", {{"version", version}});
    ASSERT_EQ(retired.status, 200) << retired.body;
    for (SessionClient* side : {&clinic, &vendor}) {
        const auto read = side->get(url(receipt));
        ASSERT_EQ(read.status, 200) << read.body;
        EXPECT_FALSE(read.json()["can_edit"].get<bool>());
        EXPECT_EQ(read.json()["system"]["status"], "retired");
        EXPECT_EQ(find_row(read.json(), "p1-1-1-vendor-security")["first_answer"], "yes");
        const auto put = side->put(row_url(receipt, "p1-1-1-vendor-security"),
                                   {{"version", 1}, {"first_answer", "no"}, {"first_checked_on", day(-3)}});
        EXPECT_EQ(put.status, 409) << put.body;
        EXPECT_EQ(put.json()["errors"][0]["field"], "status");
    }
}

TEST_F(RoleSharingApi, TheDemoHospitalsEhrAndTheVendorsListWithProgress) {
    const long long hospital_ehr = system_id("電子カルテ（全病棟・外来）");
    SessionClient vendor = persona("vendor@demo.example");
    const auto list = vendor.get("/api/v1/vendor/systems");
    ASSERT_EQ(list.status, 200) << list.body;
    const json systems = list.json()["systems"];
    ASSERT_EQ(systems.size(), 2u);
    EXPECT_EQ(systems[0]["institution"]["name"], "さくら内科クリニック");
    EXPECT_EQ(systems[0]["progress"], json({{"total", 3}, {"answered", 0}, {"settled", 0}}));
    EXPECT_EQ(systems[1]["institution"]["name"], "デモ総合病院");
    EXPECT_EQ(systems[1]["system"]["id"], hospital_ehr);
    EXPECT_EQ(systems[1]["progress"], json({{"total", 3}, {"answered", 2}, {"settled", 2}}));

    const json sheet = persona("hospital@demo.example").get(url(hospital_ehr)).json();
    const json resolved = find_row(sheet, "p2-a-1-provider-guideline");
    EXPECT_EQ(resolved["first_answer"], "no");
    EXPECT_NE(resolved["completed_on"], nullptr);
    EXPECT_GT(resolved["completed_on"].get<std::string>(), resolved["first_checked_on"].get<std::string>());
    EXPECT_EQ(resolved["updated_side"], "vendor");
    EXPECT_EQ(find_row(sheet, "p1-1-1-vendor-security")["first_answer"], "yes");
}

TEST_F(RoleSharingApi, TheTablePrintsAsAnA4PdfWithBothPartiesAndTheColumns) {
    const long long hospital_ehr = system_id("電子カルテ（全病棟・外来）");
    for (const std::string login : {"hospital@demo.example", "vendor@demo.example"}) {
        SCOPED_TRACE(login);
        const auto pdf = persona(login).get(url(hospital_ehr) + "/document.pdf");
        ASSERT_EQ(pdf.status, 200) << pdf.body;
        EXPECT_EQ(pdf.header("Content-Type").value_or(""), "application/pdf");
        ASSERT_TRUE(pdf.body.starts_with("%PDF"));
        // Cells wrap: the words are looked for in the text without its line breaks.
        std::string text = pdf_text(pdf.body, dir_.path());
        std::erase(text, '\n');
        for (const std::string word :
             {"医療情報システムの契約における当事者間の役割分担等に関する確認表", "デモ総合病院",
              "デモ医療システム株式会社", "電子カルテ（全病棟・外来）", "項番", "項目", "内容", "初回確認", "完了日",
              "事業者の情報セキュリティにおける対応状況", "はい", "いいえ", "（要約）", "印刷",
              "【主に医療機関が実施する項目】", "【医療機関と事業者が共同で実施する項目】"})
            EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << text;
    }
}

}  // namespace
}  // namespace mamori::testing

// The registers beside the checklist (GET /api/v1/assessments/{id}/register-context and …/preparedness-context)
// on the demo database: デモ総合病院's systems register against its checklist's vendor items, its device ledger
// and findings against 2-① and 2-⑥, its preparedness records against 3-①②③ and their documents attached as
// evidence with one click, the warnings as the answers and the records change, and who may not see it.
#include <gtest/gtest.h>

#include <map>

#include "support/demo_server_test.hpp"
#include "support/pdf_text.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {{"hospital@demo.example", "hospital-demo-pass"},
                                                       {"hokenjo@demo.example", "hokenjo-demo-pass"},
                                                       {"sakura@demo.example", "sakura-demo-pass"},
                                                       {"vendor@demo.example", "vendor-demo-pass"}};

class ChecklistRegisterContextApi : public DemoServerTest {
  protected:
    ChecklistRegisterContextApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        path_ = "/api/v1/assessments/" +
                std::to_string(scalar("SELECT a.id FROM assessments a JOIN organisations o ON o.id = "
                                      "a.organisation_id WHERE o.name = 'デモ総合病院' AND a.status = 'draft'"));
    }

    json context(SessionClient& client) {
        const auto r = client.get(path_ + "/register-context");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json();
    }

    // answer: saves `value` on the item's line (general, or main for an item without device classes) at its
    // current version.
    void answer(SessionClient& client, const std::string& canonical_id, const std::string& value,
                const std::string& row = "general") {
        const std::string line = path_ + "/answers/" + canonical_id + "/" + row;
        const auto history = client.get(line + "/history");
        ASSERT_EQ(history.status, 200) << history.body;
        const json versions = history.json()["versions"];
        const int version = versions.empty() ? 0 : versions[0]["version"].get<int>();
        json body = {{"version", version}, {"value", value}, {"confirmed_on", "2026-12-01"}};
        if (value == "no") body["target_date"] = "2027-03-31";  // いいえ names when it will be done
        const auto saved = client.put(line, body);
        ASSERT_EQ(saved.status, 200) << canonical_id << ": " << saved.body;
    }

    void run(const std::string& statement) {
        DatabaseSession direct(db());
        *direct << statement;
    }

    static json warnings_of(const json& context, const std::string& canonical_id) {
        for (const auto& item : context["items"])
            if (item["canonical_id"] == canonical_id) return item["warnings"];
        return nullptr;
    }

    std::string path_;
};

TEST_F(ChecklistRegisterContextApi, TheRegisterSpeaksToTheVendorItemsAndWarnsWhereTheAnswersContradictIt) {
    SessionClient hospital = persona("hospital@demo.example");
    json c = context(hospital);
    const json facts = c["facts"];
    EXPECT_EQ(facts["systems_in_use"], 5);
    EXPECT_EQ(facts["with_vendor"].size(), 5u);
    EXPECT_EQ(facts["with_remote_maintenance"].size(), 4u) << facts.dump();
    EXPECT_EQ(facts["remote_points_unrecorded"], json::array({"医事会計システム（レセコン）"}))
        << "the レセコン's remote maintenance has no device recorded";
    EXPECT_EQ(warnings_of(c, "VND-01"), json::array()) << "2-② is answered いいえ: nothing to contradict";
    // 2-③ answered はい, but the PACS's linked vendor (デモイメージング) has sent no MDS/SDS; the EHR's has.
    EXPECT_EQ(facts["linked_vendor_systems"], 2);
    EXPECT_EQ(facts["without_current_disclosure"], json::array({"医用画像管理システム（PACS）"}));
    EXPECT_EQ(facts["vendors_without_disclosure"], json::array({"デモイメージング株式会社"}));
    EXPECT_EQ(warnings_of(c, "VND-02"), json::array({"disclosure_missing_though_yes"}));

    // 2-② answered はい (confirmed with the vendors) while one remote connection is not recorded: a warning.
    const std::string line = path_ + "/answers/VND-01/general";
    const auto history = hospital.get(line + "/history");
    ASSERT_EQ(history.status, 200) << history.body;
    const json versions = history.json()["versions"];
    const int version = versions.empty() ? 0 : versions[0]["version"].get<int>();
    const auto saved = hospital.put(line, {{"version", version}, {"value", "yes"}, {"confirmed_on", "2026-12-01"}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    c = context(hospital);
    EXPECT_EQ(warnings_of(c, "VND-01"), json::array({"remote_points_unrecorded"}));

    // Saying there is no vendor contract (the vendor items become 記入不要) while the register names vendors.
    const auto state = hospital.get(path_);
    ASSERT_EQ(state.status, 200) << state.body;
    const auto patched = hospital.patch(path_, {{"version", state.json()["version"]}, {"has_vendor_contract", false}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    c = context(hospital);
    EXPECT_FALSE(c["has_vendor_contract"].get<bool>());
    EXPECT_EQ(warnings_of(c, "VND-01"), json::array({"no_contract_but_vendors_listed"}));
    EXPECT_EQ(warnings_of(c, "VND-02"), json::array({"no_contract_but_vendors_listed"}));
}

TEST_F(ChecklistRegisterContextApi, TheLedgerSpeaksTo2_1AndItsKevFindingsTo2_6) {
    SessionClient hospital = persona("hospital@demo.example");
    const long long hospital_id = scalar("SELECT id FROM organisations WHERE name = 'デモ総合病院'");
    const std::string org = std::to_string(hospital_id);
    answer(hospital, "AST-01", "yes");
    answer(hospital, "VUL-01", "yes");

    // No device in use (whatever the demo put in the ledger is retired here): 2-① はい contradicts it.
    run("UPDATE assets SET status = 'retired' WHERE organisation_id = " + org);
    json c = context(hospital);
    EXPECT_EQ(c["facts"]["assets_in_use"], 0);
    EXPECT_TRUE(c["facts"]["days_since_ledger_change"].is_null());
    EXPECT_EQ(warnings_of(c, "AST-01"), json::array({"ledger_empty_though_yes"}));
    EXPECT_EQ(warnings_of(c, "VUL-01"), json::array());

    // One VPN device, last changed and seen 400 days ago, without a CPE name: a stale ledger.
    run("INSERT INTO assets (organisation_id, asset_class, name, source, created_at, updated_at, last_seen_at) "
        "VALUES (" + org + ", 'connection_point', 'VPN装置', 'manual', '2025-01-01T00:00:00Z', "
        "'2025-10-01T00:00:00Z', '2025-10-02T00:00:00Z')");
    c = context(hospital);
    EXPECT_EQ(c["facts"]["assets_in_use"], 1);
    EXPECT_EQ(c["facts"]["assets_without_cpe"], 1);
    EXPECT_GT(c["facts"]["days_since_ledger_change"].get<int>(), 365) << c["facts"].dump();
    EXPECT_EQ(warnings_of(c, "AST-01"), json::array({"ledger_stale_though_yes"}));

    // Seen by an import today: no longer stale. A KEV finding on it, 未対応: 2-⑥ はい contradicts it.
    run("UPDATE assets SET last_seen_at = '" + std::string("2099-01-01T00:00:00Z") + "' WHERE name = 'VPN装置'");
    run("INSERT INTO asset_cpes (asset_id, cpe, part, vendor, product, origin) SELECT id, "
        "'cpe:2.3:o:fortinet:fortios:7.0.0:*:*:*:*:*:*:*', 'o', 'fortinet', 'fortios', 'manual' FROM assets "
        "WHERE name = 'VPN装置'");
    run("INSERT INTO kev_entries (cve_id, date_added, due_date, ransomware_use, content_hash, imported_at) "
        "VALUES ('CVE-2024-21762', '2024-02-09', '2024-02-16', 'Known', 'x', '2026-12-01T00:00:00Z')");
    run("INSERT INTO findings (organisation_id, asset_id, cve_id, first_found_at, last_matched_at, updated_at) "
        "SELECT " + org + ", id, 'CVE-2024-21762', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', "
        "'2026-12-01T00:00:00Z' FROM assets WHERE name = 'VPN装置'");
    c = context(hospital);
    EXPECT_EQ(c["facts"]["assets_without_cpe"], 0);
    EXPECT_EQ(warnings_of(c, "AST-01"), json::array()) << c["facts"].dump();
    EXPECT_EQ(c["facts"]["open_kev_findings"], 1);
    EXPECT_EQ(c["facts"]["open_kev_assets"], json::array({"VPN装置"}));
    EXPECT_EQ(warnings_of(c, "VUL-01"), json::array({"kev_open_though_yes"}));

    // The checklist's PDF carries the same in its annex, for the inspector.
    const auto pdf = hospital.get(path_ + "/export?format=pdf");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    const std::string text = pdf_text(pdf.body, dir_.path());
    // (pdftotext breaks lines at the full-width spaces between the parts.)
    EXPECT_NE(text.find("機器台帳と脆弱性の状況"), std::string::npos) << text;
    EXPECT_NE(text.find("使用中の機器：1台（外部接続点 1台）"), std::string::npos) << text;
    EXPECT_NE(text.find("うち悪用が確認されたもの（KEV）1件、ランサムウェアでの悪用が知られているもの1件"), std::string::npos);
    for (const std::string part :
         {"・VPN装置", "CVE-2024-21762 未対応", "CISA対応期限 2024-02-16", "ランサムウェアでの悪用あり"})
        EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;

    // 対策済: nothing left open; いいえ on 2-① says the same as any ledger.
    run("UPDATE findings SET state = 'mitigated' WHERE cve_id = 'CVE-2024-21762'");
    answer(hospital, "AST-01", "no");
    c = context(hospital);
    EXPECT_EQ(c["facts"]["open_kev_findings"], 0);
    EXPECT_EQ(warnings_of(c, "VUL-01"), json::array());
    EXPECT_EQ(warnings_of(c, "AST-01"), json::array());
}

TEST_F(ChecklistRegisterContextApi, ThePreparednessRecordsSpeakTo3_1To3_3) {
    SessionClient hospital = persona("hospital@demo.example");
    const auto first = hospital.get(path_ + "/preparedness-context");
    ASSERT_EQ(first.status, 200) << first.body;
    json c = first.json();
    // The demo's records: a chart reviewed 60 days ago with every required role and body, two backups (one
    // without an offline copy or a restore test), a drill, three rows of the BCP 確認表 answered (one 未対応).
    const json facts = c["facts"];
    EXPECT_GT(facts["contacts"].get<int>(), 4) << facts.dump();
    EXPECT_EQ(facts["roles_missing"], json::array());
    EXPECT_EQ(facts["bodies_missing"], json::array());
    EXPECT_TRUE(facts["chart_reviewed_within_year"].get<bool>());
    EXPECT_EQ(facts["backups"], 2);
    EXPECT_EQ(facts["backups_without_offline"], 1);
    EXPECT_EQ(facts["backups_untested"], 1);
    EXPECT_TRUE(facts["last_restore_test_on"].is_string());
    EXPECT_GT(facts["bcp_rows"].get<int>(), 3);
    EXPECT_EQ(facts["bcp_done"], 2);
    EXPECT_EQ(facts["bcp_not_done"], 1);
    EXPECT_TRUE(facts["last_drill_on"].is_string());

    answer(hospital, "IR-01", "no", "main");
    answer(hospital, "IR-02", "yes", "main");
    answer(hospital, "IR-03", "yes", "main");
    c = hospital.get(path_ + "/preparedness-context").json();
    EXPECT_EQ(warnings_of(c, "IR-01"), json::array({"records_ready_though_no"}));
    EXPECT_EQ(warnings_of(c, "IR-02"), json::array({"no_offline_copy_though_yes", "no_restore_test_though_yes"}));
    EXPECT_EQ(warnings_of(c, "IR-03"), json::array({"bcp_not_done_though_yes"}));

    // The police row removed from the chart: はい on 3-① now contradicts it, and the missing body is named.
    answer(hospital, "IR-01", "yes", "main");
    const long long police = scalar(
        "SELECT p.id FROM preparedness_records p JOIN organisations o ON o.id = p.organisation_id WHERE o.name = "
        "'デモ総合病院' AND p.kind = 'contact' AND p.body LIKE '%\"police\"%'");
    run("UPDATE preparedness_records SET status = 'removed' WHERE id = " + std::to_string(police));
    c = hospital.get(path_ + "/preparedness-context").json();
    EXPECT_EQ(warnings_of(c, "IR-01"), json::array({"chart_incomplete_though_yes"}));
    ASSERT_EQ(c["facts"]["bodies_missing"].size(), 1u) << c["facts"].dump();
    EXPECT_EQ(c["facts"]["bodies_missing"][0]["code"], "police");
    EXPECT_FALSE(c["facts"]["bodies_missing"][0]["label_ja"].get<std::string>().empty());
}

TEST_F(ChecklistRegisterContextApi, EachSection3ItemAttachesItsDocumentWithOneClick) {
    SessionClient hospital = persona("hospital@demo.example");
    const std::map<std::string, std::pair<std::string, std::string>> expected = {
        {"IR-01", {"連絡体制図.pdf", "システム事業者"}},
        {"IR-02", {"バックアップと復元テストの記録.pdf", "会計・レセプトデータ"}},
        {"IR-03", {"BCP（案）.pdf", "第4章 初動対応"}}};
    const std::string audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'evidence.added'";
    const long long audited_before = scalar(audited);
    for (const auto& [item, paper] : expected) {
        const auto added = hospital.post(path_ + "/answers/" + item + "/main/evidence/preparedness", json::object());
        ASSERT_EQ(added.status, 201) << item << ": " << added.body;
        const json evidence = added.json();
        EXPECT_EQ(evidence["file_name"], paper.first);
        const auto content = hospital.get("/api/v1/evidence/" + std::to_string(evidence["id"].get<long long>()) + "/content");
        ASSERT_EQ(content.status, 200) << content.body;
        ASSERT_EQ(content.body.rfind("%PDF", 0), 0u) << item;
        const std::string text = pdf_text(content.body, dir_.path());
        EXPECT_NE(text.find("デモ総合病院"), std::string::npos) << item << "\n" << text;
        EXPECT_NE(text.find(paper.second), std::string::npos) << item << "\n" << text;
    }
    EXPECT_EQ(scalar(audited), audited_before + 3);

    // Another item has no preparedness document: refused, naming the item, nothing added.
    const auto other = hospital.post(path_ + "/answers/VND-01/general/evidence/preparedness", json::object());
    EXPECT_EQ(other.status, 400) << other.body;
    EXPECT_EQ(other.json()["errors"][0]["field"], "item") << other.body;
    EXPECT_EQ(scalar(audited), audited_before + 3);
}

TEST_F(ChecklistRegisterContextApi, OnlyTheInstitutionsOwnUsersSeeIt) {
    const long long evidence_before = scalar("SELECT COUNT(*) FROM evidence");
    for (const std::string login : {"hokenjo@demo.example", "sakura@demo.example", "vendor@demo.example"}) {
        SessionClient other = persona(login);
        EXPECT_EQ(other.get(path_ + "/register-context").status, 404) << login;
        EXPECT_EQ(other.get(path_ + "/preparedness-context").status, 404) << login;
        const auto attached = other.post(path_ + "/answers/IR-01/main/evidence/preparedness", json::object());
        EXPECT_TRUE(attached.status == 403 || attached.status == 404) << login << ": " << attached.status;
    }
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM evidence"), evidence_before) << "nobody else attached anything";
    SessionClient anonymous(server_->host(), server_->port());
    EXPECT_EQ(anonymous.get(path_ + "/register-context").status, 401);
    EXPECT_EQ(anonymous.get(path_ + "/preparedness-context").status, 401);
}

}  // namespace
}  // namespace mamori::testing

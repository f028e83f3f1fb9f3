// 事業者確認用 requests through the API on the demo database: デモ総合病院 and さくら内科クリニック ask the demo
// vendor; the vendor answers once for a product, overrides a line for さくら, shares with both, corrects and
// shares again; the institutions read their versions and what changed; return, decline, ask again,
// withdraw; every refusal (other side, other institution, stale version, no vendor, wrong year); the
// vendor's list with each filter and paging; the documents; the audit rows; the demo's requests.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <set>
#include <thread>

#include "support/demo_server_test.hpp"
#include "support/pdf_text.hpp"
#include "support/session_client.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {{"hospital@demo.example", "hospital-demo-pass"},
                                                       {"sakura@demo.example", "sakura-demo-pass"},
                                                       {"vendor@demo.example", "vendor-demo-pass"},
                                                       {"sakura-viewer@demo.example", "a long enough password"}};

json line(const std::string& id, const std::string& row, const std::string& value, const std::string& note = "") {
    json out = {{"canonical_id", id}, {"row_key", row}, {"value", value}, {"confirmed_on", "2026-04-10"}, {"note", note}};
    if (value == "no") out["target_date"] = "2027-12-31";
    return out;
}

class VendorRequestsApi : public DemoServerTest {
  protected:
    VendorRequestsApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        add_demo_user("さくら内科クリニック", "sakura-viewer@demo.example", "受付 閲覧", "viewer");
        fy_ = static_cast<int>(scalar("SELECT MAX(fiscal_year) FROM vendor_requests")) + 1;
    }
    // vendor_system: the institution's system the demo vendor runs.
    long long vendor_system(const std::string& institution) {
        return scalar("SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE o.name = '" +
                      institution + "' AND s.vendor_organisation_id IS NOT NULL");
    }
    json ask(SessionClient& c, long long system, int expected = 201) {
        const auto r = c.post("/api/v1/systems/" + std::to_string(system) + "/vendor-requests",
                              {{"fiscal_year", fy_}, {"due_on", "2099-06-30"}, {"asks_disclosure", true},
                               {"message", "ご回答をお願いします。"}});
        EXPECT_EQ(r.status, expected) << r.body;
        return r.json();
    }
    int fy_ = 0;
};

TEST_F(VendorRequestsApi, AskAnswerOnceShareWithTwoOverrideCorrectAndMoveThroughEveryState) {
    SessionClient hospital = persona("hospital@demo.example");
    SessionClient clinic = persona("sakura@demo.example");
    SessionClient vendor = persona("vendor@demo.example");

    const json h = ask(hospital, vendor_system("デモ総合病院"));
    const json s = ask(clinic, vendor_system("さくら内科クリニック"));
    const long long hid = h["id"], sid = s["id"];
    EXPECT_EQ(h["status"], "requested");
    EXPECT_EQ(h["vendor"]["name"], "デモ医療システム株式会社");
    EXPECT_EQ(h["institution"]["name"], "デモ総合病院");
    EXPECT_EQ(h["edition_id"], "r7");
    EXPECT_EQ(h["latest_version"], 0);
    EXPECT_TRUE(h["outstanding"].get<bool>());
    EXPECT_FALSE(h["overdue"].get<bool>());
    ask(hospital, vendor_system("デモ総合病院"), 409);  // one open request per system and year

    // The vendor's list: both new requests for that year.
    auto listed = vendor.get("/api/v1/vendor/requests?fiscal_year=" + std::to_string(fy_));
    ASSERT_EQ(listed.status, 200) << listed.body;
    const json list = listed.json();
    EXPECT_EQ(list["total"], 2);
    EXPECT_EQ(list["counts"]["requested"], 2);
    EXPECT_EQ(list["institutions"].size(), 2u);

    // One answer set for a new product.
    auto product = vendor.post("/api/v1/vendor/products", {{"name", "共通基盤 Pro"}, {"note", "テスト"}});
    ASSERT_EQ(product.status, 201) << product.body;
    const long long pid = product.json()["id"];
    const std::string pbase = "/api/v1/vendor/products/" + std::to_string(pid);
    EXPECT_EQ(vendor.post("/api/v1/vendor/products", {{"name", "共通基盤 Pro"}}).status, 409);
    auto empty = vendor.get(pbase + "/answers?fiscal_year=" + std::to_string(fy_));
    ASSERT_EQ(empty.status, 200) << empty.body;
    EXPECT_EQ(empty.json()["version"], 0);
    EXPECT_TRUE(empty.json()["form_json"].is_object());
    const json answers = {line("GOV-01", "main", "yes"), line("AST-01", "general", "yes"),
                          line("VND-01", "general", "no", "来年度に対応")};
    auto saved = vendor.put(pbase + "/answers", {{"fiscal_year", fy_}, {"version", 0}, {"answers", answers}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json()["version"], 1);
    EXPECT_EQ(saved.json()["answers"].size(), 3u);
    // Stale set version; unknown item named by its path.
    EXPECT_EQ(vendor.put(pbase + "/answers", {{"fiscal_year", fy_}, {"version", 0}, {"answers", answers}}).status, 409);
    auto unknown = vendor.put(pbase + "/answers", {{"fiscal_year", fy_}, {"version", 1},
                                                  {"answers", {line("GOV-01", "main", "yes"), line("NOPE-99", "main", "yes")}}});
    ASSERT_EQ(unknown.status, 400);
    EXPECT_NE(unknown.body.find("answers[1].canonical_id"), std::string::npos) << unknown.body;
    // Saving does not show anything to the institution.
    EXPECT_EQ(hospital.get("/api/v1/vendor-requests/" + std::to_string(hid)).json()["latest_version"], 0);

    // An override for さくら only.
    auto detail = vendor.get("/api/v1/vendor/requests/" + std::to_string(sid));
    ASSERT_EQ(detail.status, 200) << detail.body;
    const int sversion = detail.json()["version"];
    auto overridden = vendor.put("/api/v1/vendor/requests/" + std::to_string(sid) + "/overrides",
                                 {{"version", sversion}, {"answers", {line("GOV-01", "main", "no", "さくら様の契約では未対応")}}});
    ASSERT_EQ(overridden.status, 200) << overridden.body;
    EXPECT_TRUE(overridden.json()["has_overrides"].get<bool>());
    EXPECT_EQ(overridden.json()["overrides"].size(), 1u);
    EXPECT_EQ(vendor.put("/api/v1/vendor/requests/" + std::to_string(sid) + "/overrides",
                         {{"version", sversion}, {"answers", json::array()}})
                  .status,
              409);

    // Share with both.
    auto shared = vendor.post(pbase + "/share", {{"fiscal_year", fy_}, {"request_ids", {hid, sid, 999999}}});
    ASSERT_EQ(shared.status, 200) << shared.body;
    EXPECT_EQ(shared.json()["shared"].size(), 2u);
    ASSERT_EQ(shared.json()["refused"].size(), 1u);
    EXPECT_EQ(shared.json()["refused"][0]["reason"], "not_found");
    auto again = vendor.post(pbase + "/share", {{"fiscal_year", fy_}, {"request_ids", {hid}}});
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.json()["unchanged"].size(), 1u) << "the same answers make no new version";

    const json hv1 = hospital.get("/api/v1/vendor-requests/" + std::to_string(hid)).json();
    EXPECT_EQ(hv1["status"], "answered");
    EXPECT_EQ(hv1["latest_version"], 1);
    EXPECT_EQ(hv1["product"]["name"], "共通基盤 Pro");
    EXPECT_EQ(hv1["answers"].size(), 3u);
    EXPECT_EQ(hv1["answers"][0]["canonical_id"], "AST-01");
    EXPECT_TRUE(hv1["changes"].empty());
    EXPECT_TRUE(hv1["form_json"].is_object());
    EXPECT_FALSE(hv1.contains("overrides")) << "the institution does not see the vendor's working state";
    const json sv1 = clinic.get("/api/v1/vendor-requests/" + std::to_string(sid)).json();
    std::string gov;
    for (const auto& a : sv1["answers"])
        if (a["canonical_id"] == "GOV-01") gov = a["value"];
    EXPECT_EQ(gov, "no") << "さくら's version carries its override";
    EXPECT_EQ(scalar("SELECT vendor_product_id FROM system_products WHERE system_id = " +
                     std::to_string(vendor_system("デモ総合病院"))),
              pid);

    // A correction: version 2 and what changed.
    json corrected = answers;
    corrected[2] = line("VND-01", "general", "yes", "対応済み");
    ASSERT_EQ(vendor.put(pbase + "/answers", {{"fiscal_year", fy_}, {"version", 1}, {"answers", corrected}}).status, 200);
    ASSERT_EQ(vendor.post(pbase + "/share", {{"fiscal_year", fy_}, {"all_outstanding", false}, {"request_ids", {hid, sid}}}).status,
              200);
    const json hv2 = hospital.get("/api/v1/vendor-requests/" + std::to_string(hid)).json();
    EXPECT_EQ(hv2["latest_version"], 2);
    ASSERT_EQ(hv2["versions"].size(), 2u);
    EXPECT_EQ(hv2["versions"][0]["version"], 2);
    EXPECT_EQ(hv2["versions"][0]["shared_by_name"], "中村 亮（デモ医療システム）");
    ASSERT_EQ(hv2["changes"].size(), 1u);
    EXPECT_EQ(hv2["changes"][0]["canonical_id"], "VND-01");
    EXPECT_EQ(hv2["changes"][0]["before"]["value"], "no");
    EXPECT_EQ(hv2["changes"][0]["after"]["value"], "yes");
    EXPECT_FALSE(hv2["changes"][0]["text_ja"].get<std::string>().empty());
    const json hv1_again = hospital.get("/api/v1/vendor-requests/" + std::to_string(hid) + "/versions/1").json();
    EXPECT_EQ(hv1_again["shown_version"], 1);
    EXPECT_EQ(hospital.get("/api/v1/vendor-requests/" + std::to_string(hid) + "/versions/3").status, 404);

    // Return for correction → answered again.
    const std::string hactions = "/api/v1/vendor-requests/" + std::to_string(hid) + "/actions";
    EXPECT_EQ(hospital.post(hactions, {{"action", "return_for_correction"}, {"reason", ""}, {"version", hv2["version"]}}).status,
              400);
    EXPECT_EQ(hospital.post(hactions, {{"action", "return_for_correction"}, {"reason", "x"}, {"version", 1}}).status, 409);
    auto returned = hospital.post(hactions, {{"action", "return_for_correction"}, {"reason", "2-③の確認日を"}, {"version", hv2["version"]}});
    ASSERT_EQ(returned.status, 200) << returned.body;
    EXPECT_EQ(returned.json()["status"], "returned");
    EXPECT_EQ(returned.json()["reason"], "2-③の確認日を");
    auto reshared = vendor.post(pbase + "/share", {{"fiscal_year", fy_}, {"all_outstanding", true}});
    ASSERT_EQ(reshared.status, 200) << reshared.body;
    ASSERT_EQ(reshared.json()["shared"].size(), 1u);
    EXPECT_EQ(reshared.json()["shared"][0]["request_id"], hid);
    EXPECT_EQ(hospital.get("/api/v1/vendor-requests/" + std::to_string(hid)).json()["status"], "answered");

    // さくら: return, the vendor declines, ask again, withdraw.
    const std::string sactions = "/api/v1/vendor-requests/" + std::to_string(sid) + "/actions";
    int v = clinic.get("/api/v1/vendor-requests/" + std::to_string(sid)).json()["version"];
    auto r1 = clinic.post(sactions, {{"action", "return_for_correction"}, {"reason", "契約内容の確認"}, {"version", v}});
    ASSERT_EQ(r1.status, 200) << r1.body;
    EXPECT_EQ(clinic.post(sactions, {{"action", "decline"}, {"reason", "x"}, {"version", r1.json()["version"]}}).status, 403)
        << "decline is the vendor's";
    auto declined = vendor.post(sactions, {{"action", "decline"}, {"reason", "保守契約が終了しています"}, {"version", r1.json()["version"]}});
    ASSERT_EQ(declined.status, 200) << declined.body;
    EXPECT_EQ(declined.json()["status"], "declined");
    auto conflict = clinic.post(sactions, {{"action", "return_for_correction"}, {"reason", "x"}, {"version", declined.json()["version"]}});
    EXPECT_EQ(conflict.status, 409);
    EXPECT_NE(conflict.body.find("\"status\""), std::string::npos) << conflict.body;
    auto asked_again = clinic.post(sactions, {{"action", "ask_again"}, {"reason", ""}, {"version", declined.json()["version"]}});
    ASSERT_EQ(asked_again.status, 200) << asked_again.body;
    EXPECT_EQ(asked_again.json()["status"], "requested");
    auto withdrawn = clinic.post(sactions, {{"action", "withdraw"}, {"reason", ""}, {"version", asked_again.json()["version"]}});
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(withdrawn.json()["status"], "withdrawn");
    auto refused = vendor.post(pbase + "/share", {{"fiscal_year", fy_}, {"request_ids", {sid}}});
    ASSERT_EQ(refused.status, 200);
    ASSERT_EQ(refused.json()["refused"].size(), 1u);
    EXPECT_EQ(refused.json()["refused"][0]["reason"], "withdrawn");
    ask(clinic, vendor_system("さくら内科クリニック"));  // withdrawn: a new request may be made

    // History and audit.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_request_events WHERE request_id = " + std::to_string(sid)), 7);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_request_versions WHERE request_id = " + std::to_string(hid)), 3);
    EXPECT_GE(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_request.shared'"), 4);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE target = 'vendor_request:" + std::to_string(sid) +
                     "' AND action IN ('vendor_request.requested', 'vendor_request.overrides_set', "
                     "'vendor_request.return_for_correction', 'vendor_request.decline', 'vendor_request.ask_again', "
                     "'vendor_request.withdraw')"),
              6);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'vendor_product.answers_saved' AND target = "
                     "'vendor_product:" + std::to_string(pid) + "'"),
              2);
}

TEST_F(VendorRequestsApi, RefusalsNameTheFieldAndChangeNothing) {
    SessionClient hospital = persona("hospital@demo.example");
    SessionClient clinic = persona("sakura@demo.example");
    SessionClient viewer = persona("sakura-viewer@demo.example");
    SessionClient vendor = persona("vendor@demo.example");
    const long long before = scalar("SELECT COUNT(*) FROM vendor_requests");
    const long long receipt = vendor_system("さくら内科クリニック");
    const std::string url = "/api/v1/systems/" + std::to_string(receipt) + "/vendor-requests";

    // A system without a vendor organisation.
    const long long cloud = scalar("SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = s.organisation_id "
                                   "WHERE o.name = 'さくら内科クリニック' AND s.vendor_organisation_id IS NULL");
    auto no_vendor = clinic.post("/api/v1/systems/" + std::to_string(cloud) + "/vendor-requests",
                                 {{"fiscal_year", fy_}, {"due_on", "2099-01-01"}});
    EXPECT_EQ(no_vendor.status, 409);
    EXPECT_NE(no_vendor.body.find("\"system\""), std::string::npos) << no_vendor.body;
    // A fiscal year without a vendor form; a due date in the past.
    auto old = clinic.post(url, {{"fiscal_year", 2019}, {"due_on", "2099-01-01"}});
    EXPECT_EQ(old.status, 400);
    EXPECT_NE(old.body.find("\"fiscal_year\""), std::string::npos) << old.body;
    auto past = clinic.post(url, {{"fiscal_year", fy_}, {"due_on", "2020-01-01"}});
    EXPECT_EQ(past.status, 400);
    EXPECT_NE(past.body.find("\"due_on\""), std::string::npos) << past.body;
    // The demo's open request of this year.
    auto open = clinic.post(url, {{"fiscal_year", fy_ - 1}, {"due_on", "2099-01-01"}});
    EXPECT_EQ(open.status, 409);
    EXPECT_NE(open.body.find("\"fiscal_year\""), std::string::npos) << open.body;
    // A viewer reads but does not ask; another institution's system is not found.
    EXPECT_EQ(viewer.post(url, {{"fiscal_year", fy_}, {"due_on", "2099-01-01"}}).status, 403);
    EXPECT_EQ(hospital.post(url, {{"fiscal_year", fy_}, {"due_on", "2099-01-01"}}).status, 404);
    EXPECT_EQ(vendor.post(url, {{"fiscal_year", fy_}, {"due_on", "2099-01-01"}}).status, 404);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_requests"), before);

    const long long sakura_request = scalar("SELECT r.id FROM vendor_requests r JOIN organisations o ON o.id = "
                                            "r.institution_organisation_id WHERE o.name = 'さくら内科クリニック'");
    const std::string one = "/api/v1/vendor-requests/" + std::to_string(sakura_request);
    EXPECT_EQ(viewer.get(one).status, 200);
    EXPECT_EQ(hospital.get(one).status, 404) << "another institution's request";
    EXPECT_EQ(vendor.get(one).status, 404) << "the vendor reads it on its own route";
    EXPECT_EQ(vendor.get("/api/v1/vendor/requests/" + std::to_string(sakura_request)).status, 200);
    EXPECT_EQ(clinic.get("/api/v1/vendor/requests/" + std::to_string(sakura_request)).status, 404);
    EXPECT_EQ(clinic.get("/api/v1/vendor/products").status, 404);
    EXPECT_EQ(clinic.get("/api/v1/vendor/dashboard").status, 404);
    EXPECT_EQ(vendor.get("/api/v1/vendor-requests").status, 404);
    EXPECT_EQ(viewer.post(one + "/actions", {{"action", "withdraw"}, {"version", 1}}).status, 403);
    auto bad_action = clinic.post(one + "/actions", {{"action", "share"}, {"version", 1}});
    EXPECT_EQ(bad_action.status, 400);

    // The vendor's input limits.
    const long long product = scalar("SELECT MIN(id) FROM vendor_products");
    json many = json::array();
    for (int i = 0; i < 201; ++i) many.push_back(line("GOV-01", "main", "yes"));
    auto too_many = vendor.put("/api/v1/vendor/products/" + std::to_string(product) + "/answers",
                               {{"fiscal_year", fy_}, {"version", 0}, {"answers", many}});
    EXPECT_EQ(too_many.status, 400);
    auto twice = vendor.put("/api/v1/vendor/products/" + std::to_string(product) + "/answers",
                            {{"fiscal_year", fy_}, {"version", 0},
                             {"answers", {line("GOV-01", "main", "yes"), line("GOV-01", "main", "no")}}});
    EXPECT_EQ(twice.status, 400);
    EXPECT_NE(twice.body.find("answers[1].row_key"), std::string::npos) << twice.body;
    auto long_note = vendor.put("/api/v1/vendor/products/" + std::to_string(product) + "/answers",
                                {{"fiscal_year", fy_}, {"version", 0}, {"answers", {line("GOV-01", "main", "yes", std::string(1001 * 3, 'a').substr(0, 1001))}}});
    EXPECT_EQ(long_note.status, 400);
    EXPECT_NE(long_note.body.find("answers[0].note"), std::string::npos) << long_note.body;
    auto bad_date = vendor.put("/api/v1/vendor/products/" + std::to_string(product) + "/answers",
                               {{"fiscal_year", fy_}, {"version", 0},
                                {"answers", {{{"canonical_id", "GOV-01"}, {"row_key", "main"}, {"value", "no"}, {"confirmed_on", "2026-04-01"}}}}});
    EXPECT_EQ(bad_date.status, 400);
    EXPECT_NE(bad_date.body.find("answers[0].target_date"), std::string::npos) << bad_date.body;
    EXPECT_EQ(vendor.get("/api/v1/vendor/requests?per_page=500").status, 400);
    EXPECT_EQ(vendor.get("/api/v1/vendor/requests?due_from=tomorrow").status, 400);
    EXPECT_EQ(vendor.get("/api/v1/vendor/requests?status=lost").status, 400);
}

TEST_F(VendorRequestsApi, TheVendorListFiltersPagesAndCountsAndTheDemoIsThere) {
    SessionClient vendor = persona("vendor@demo.example");
    const json all = vendor.get("/api/v1/vendor/requests").json();
    EXPECT_EQ(all["total"], 3) << "the demo: the hospital's EHR this year and last, さくら's レセコン";
    EXPECT_EQ(all["counts"]["answered"], 1);
    EXPECT_EQ(all["counts"]["outstanding"], 2);
    EXPECT_EQ(all["counts"]["overdue"], 1);
    EXPECT_EQ(all["products"].size(), 2u);
    const auto total = [&](const std::string& query) {
        auto r = vendor.get("/api/v1/vendor/requests?" + query);
        EXPECT_EQ(r.status, 200) << query << ": " << r.body;
        return r.json()["total"].get<long long>();
    };
    const long long hospital = scalar("SELECT id FROM organisations WHERE name = 'デモ総合病院'");
    const long long ehr = scalar("SELECT id FROM vendor_products WHERE name = 'デモカルテ Enterprise'");
    EXPECT_EQ(total("status=answered"), 1);
    EXPECT_EQ(total("status=requested"), 2);
    EXPECT_EQ(total("overdue=true"), 1);
    EXPECT_EQ(total("institution_id=" + std::to_string(hospital)), 2);
    EXPECT_EQ(total("product_id=" + std::to_string(ehr)), 2) << "last year's request took the product the system is";
    EXPECT_EQ(total("fiscal_year=" + std::to_string(fy_ - 1)), 2);
    EXPECT_EQ(total("due_from=2099-01-01"), 0);
    EXPECT_EQ(total("due_to=2099-01-01"), 3);
    EXPECT_EQ(total("q=%E3%81%95%E3%81%8F%E3%82%89"), 1);  // さくら
    const json page2 = vendor.get("/api/v1/vendor/requests?per_page=2&page=2").json();
    EXPECT_EQ(page2["requests"].size(), 1u);
    EXPECT_EQ(page2["total"], 3);

    const json dash = vendor.get("/api/v1/vendor/dashboard").json();
    EXPECT_EQ(dash["products"], 2);
    EXPECT_EQ(dash["customers"], 2);
    EXPECT_EQ(dash["due_soon"].size(), 2u);
    const json products = vendor.get("/api/v1/vendor/products").json();
    ASSERT_EQ(products["products"].size(), 2u);
    EXPECT_TRUE(products["can_write"].get<bool>());
    EXPECT_EQ(products["products"][0]["answer_sets"].size(), 1u);
    EXPECT_GT(products["products"][0]["answer_sets"][0]["total"].get<long long>(), 10);

    // The demo hospital sees version 2 with one change; さくら's request carries an override.
    SessionClient h = persona("hospital@demo.example");
    const json mine = h.get("/api/v1/vendor-requests").json();
    EXPECT_EQ(mine["requests"].size(), 2u);
    EXPECT_EQ(mine["counts"]["overdue"], 1);
    EXPECT_TRUE(mine["can_write"].get<bool>());
    long long answered = 0;
    for (const auto& r : mine["requests"])
        if (r["status"] == "answered") answered = r["id"];
    const json shared = h.get("/api/v1/vendor-requests/" + std::to_string(answered)).json();
    EXPECT_EQ(shared["latest_version"], 2);
    EXPECT_EQ(shared["changes"].size(), 1u);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM vendor_request_overrides"), 1);
}

TEST_F(VendorRequestsApi, AnswersSavedForAnotherRevisionOfTheFormAreNotShared) {
    SessionClient vendor = persona("vendor@demo.example");
    // さくら's outstanding demo request, as if asked on a later revision of the same edition's form.
    const long long request = scalar(
        "SELECT MIN(r.id) FROM vendor_requests r JOIN organisations o ON o.id = r.institution_organisation_id WHERE "
        "o.name = 'さくら内科クリニック' AND r.status = 'requested'");
    const long long product = scalar("SELECT id FROM vendor_products WHERE name = 'デモレセプト Lite'");
    const long long fy = scalar("SELECT fiscal_year FROM vendor_requests WHERE id = " + std::to_string(request));
    {
        DatabaseSession direct(db());
        *direct << "UPDATE vendor_requests SET edition_revision = edition_revision + 1 WHERE id = " +
                       std::to_string(request);
    }
    const auto shared = vendor.post("/api/v1/vendor/products/" + std::to_string(product) + "/share",
                                    {{"fiscal_year", fy}, {"request_ids", {request}}});
    ASSERT_EQ(shared.status, 200) << shared.body;
    ASSERT_EQ(shared.json()["refused"].size(), 1u) << shared.body;
    EXPECT_EQ(shared.json()["refused"][0]["reason"], "edition");
    EXPECT_EQ(scalar("SELECT latest_version FROM vendor_requests WHERE id = " + std::to_string(request)), 0);
}

TEST_F(VendorRequestsApi, RenamingAProductKeepsItsSystemsAndAnswerSets) {
    SessionClient vendor = persona("vendor@demo.example");
    const json products = vendor.get("/api/v1/vendor/products").json()["products"];
    json ehr;
    for (const auto& p : products)
        if (p["name"] == "デモカルテ Enterprise") ehr = p;
    ASSERT_TRUE(ehr.is_object()) << products.dump();
    const auto renamed = vendor.put("/api/v1/vendor/products/" + std::to_string(ehr["id"].get<long long>()),
                                    {{"name", "デモカルテ Enterprise 8"}, {"note", "名称を変更"}});
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(renamed.json()["name"], "デモカルテ Enterprise 8");
    EXPECT_EQ(renamed.json()["systems"], ehr["systems"]);
    EXPECT_EQ(renamed.json()["answer_sets"], ehr["answer_sets"]);
    EXPECT_FALSE(renamed.json()["answer_sets"].empty());
}

TEST_F(VendorRequestsApi, DocumentsPrintTheVendorTheInstitutionAndTheAnswers) {
    SessionClient hospital = persona("hospital@demo.example");
    SessionClient vendor = persona("vendor@demo.example");
    const long long id = scalar("SELECT id FROM vendor_requests WHERE latest_version = 2");
    const std::string base = "/api/v1/vendor-requests/" + std::to_string(id);
    for (auto* c : {&hospital, &vendor}) {
        auto pdf = c->get(base + "/document.pdf");
        ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
        const std::string text = pdf_text(pdf.body, dir_.path());
        EXPECT_NE(text.find("デモ医療システム株式会社"), std::string::npos) << text.substr(0, 500);
        EXPECT_NE(text.find("デモ総合病院"), std::string::npos);
        EXPECT_NE(text.find("事業者確認用"), std::string::npos);
        EXPECT_NE(text.find("提出先"), std::string::npos);
    }
    auto xlsx = hospital.get(base + "/document.xlsx?version=1");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    EXPECT_EQ(hospital.get(base + "/document.pdf?version=9").status, 404);
    SessionClient clinic = persona("sakura@demo.example");
    EXPECT_EQ(clinic.get(base + "/document.pdf").status, 404);
}


TEST_F(VendorRequestsApi, TwoSharesOfOneRequestAtOnceMakeTwoDifferentVersions) {
    SessionClient hospital = persona("hospital@demo.example");
    SessionClient first = persona("vendor@demo.example");
    SessionClient second = persona("vendor@demo.example");
    const long long id = ask(hospital, vendor_system("デモ総合病院"))["id"];
    std::vector<std::string> bases;
    for (const std::string name : {"並行 A", "並行 B"}) {
        auto made = first.post("/api/v1/vendor/products", {{"name", name}});
        ASSERT_EQ(made.status, 201) << made.body;
        bases.push_back("/api/v1/vendor/products/" + std::to_string(made.json()["id"].get<long long>()));
        const std::string value = bases.size() == 1 ? "yes" : "no";
        ASSERT_EQ(first.put(bases.back() + "/answers",
                            {{"fiscal_year", fy_}, {"version", 0}, {"answers", {line("GOV-01", "main", value)}}})
                      .status,
                  200);
    }
    for (int round = 0; round < 3; ++round) {
        int status_a = 0, status_b = 0;
        std::thread a([&] { status_a = first.post(bases[0] + "/share", {{"fiscal_year", fy_}, {"request_ids", {id}}}).status; });
        std::thread b([&] { status_b = second.post(bases[1] + "/share", {{"fiscal_year", fy_}, {"request_ids", {id}}}).status; });
        a.join();
        b.join();
        EXPECT_EQ(status_a, 200);
        EXPECT_EQ(status_b, 200);
    }
    // Six shares of two different answer sets in some order: a share that finds its own answers already shared
    // is unchanged; every other one a new version, numbered without a gap or a repeat.
    const std::string of = std::to_string(id);
    const long long versions = scalar("SELECT COUNT(*) FROM vendor_request_versions WHERE request_id = " + of);
    EXPECT_GE(versions, 2);
    EXPECT_EQ(scalar("SELECT COUNT(DISTINCT version) FROM vendor_request_versions WHERE request_id = " + of), versions);
    EXPECT_EQ(scalar("SELECT MAX(version) FROM vendor_request_versions WHERE request_id = " + of), versions);
    EXPECT_EQ(scalar("SELECT latest_version FROM vendor_requests WHERE id = " + of), versions);
}

}  // namespace
}  // namespace mamori::testing

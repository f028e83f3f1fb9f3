// MDS/SDS (開示書) through the API on the demo database: the demo's current MDS of デモ総合病院's 電子カルテ
// and さくら's missing one; the vendor uploads, supersedes and withdraws; the clinic sees each state and
// downloads; the refusals (each naming its field, nothing changed), another vendor's product and another
// institution's download answered 404; the audit rows.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>

#include "support/demo_server_test.hpp"
#include "support/session_client.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kPasswords = {{"hospital@demo.example", "hospital-demo-pass"},
                                                       {"sakura@demo.example", "sakura-demo-pass"},
                                                       {"vendor@demo.example", "vendor-demo-pass"},
                                                       {"vendor2@test.example", "a long enough password"}};

const std::string kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

std::string encoded(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_')
            out += c;
        else
            out += fmt::format("%{:02X}", u);
    }
    return out;
}

std::string upload_url(long long product, const std::string& kind, const std::string& label,
                       const std::string& issued_on, const std::string& file_name = "開示書.pdf") {
    return fmt::format(
        "/api/v1/vendor/products/{}/disclosures?kind={}&version_label={}&issued_on={}&file_name={}", product,
        kind, encoded(label), issued_on, encoded(file_name));
}

// system_of: the entry of system `name` in GET /api/v1/systems/disclosures.
json system_of(SessionClient& client, const std::string& name) {
    const auto r = client.get("/api/v1/systems/disclosures");
    EXPECT_EQ(r.status, 200) << r.body;
    const json body = r.json();
    for (const auto& s : body["systems"])
        if (s["name"] == name) return s;
    ADD_FAILURE() << "no system " << name << " in " << r.body;
    return json::object();
}

std::string field_of(const HttpResult& r) {
    const json body = r.json();
    if (!body.contains("errors") || body["errors"].empty()) return "";
    return body["errors"][0]["field"].get<std::string>();
}

class VendorDisclosuresApi : public DemoServerTest {
  protected:
    VendorDisclosuresApi() : DemoServerTest(kPasswords) {}
    void SetUp() override {
        DemoServerTest::SetUp();
        {
            DatabaseSession direct(db());
            soci::session& sql = *direct;
            sql << "INSERT INTO organisations (kind, name, created_at) VALUES ('vendor', "
                   "'第二医療システム株式会社', "
                   "'2026-01-01T00:00:00.000Z') RETURNING id",
                soci::into(other_vendor_);
            sql << "INSERT INTO vendor_products (vendor_organisation_id, name, created_at) VALUES (:v, "
                   "'第二カルテ', '2026-01-01T00:00:00.000Z') RETURNING id",
                soci::use(other_vendor_), soci::into(other_product_);
        }
        add_demo_user("第二医療システム株式会社", "vendor2@test.example", "第二 担当", "vendor_respondent");
        receipt_ = scalar(
            "SELECT p.id FROM vendor_products p JOIN organisations o ON o.id = "
            "p.vendor_organisation_id WHERE o.name = 'デモ医療システム株式会社' AND p.name = "
            "'デモレセプト Lite'");
        ASSERT_GT(receipt_, 0) << "the demo makes the clinic's レセコン product";
    }
    long long uploads() { return scalar("SELECT COUNT(*) FROM vendor_disclosures"); }

    long long other_vendor_ = 0, other_product_ = 0, receipt_ = 0;
};

TEST_F(VendorDisclosuresApi, TheDemoHospitalHasACurrentMdsAndTheClinicHasNone) {
    SessionClient hospital = persona("hospital@demo.example");
    const json ehr = system_of(hospital, "電子カルテ（全病棟・外来）");
    EXPECT_EQ(ehr["status"], "current");
    EXPECT_EQ(ehr["vendor"]["name"], "デモ医療システム株式会社");
    EXPECT_EQ(ehr["product"]["name"], "デモカルテ Enterprise");
    ASSERT_EQ(ehr["disclosures"].size(), 1u);
    EXPECT_EQ(ehr["disclosures"][0]["kind"], "mds");
    EXPECT_EQ(ehr["disclosures"][0]["version_label"], "Ver.5.0");
    EXPECT_EQ(system_of(hospital, "院内ネットワーク（UTM・VPN装置）")["status"], "no_vendor");
    EXPECT_EQ(system_of(hospital, "医用画像管理システム（PACS）")["status"], "product_unknown")
        << "the operator linked デモイメージング, which has said nothing of its products";
    const auto file = hospital.get(
        fmt::format("/api/v1/systems/disclosures/{}/file", ehr["disclosures"][0]["id"].get<long long>()));
    ASSERT_EQ(file.status, 200);
    EXPECT_EQ(file.body.rfind("%PDF", 0), 0u);
    EXPECT_EQ(file.header("Content-Type").value_or(""), "application/pdf");
    EXPECT_NE(file.header("Content-Disposition").value_or("").find("attachment"), std::string::npos);

    SessionClient clinic = persona("sakura@demo.example");
    EXPECT_EQ(system_of(clinic, "レセコン")["status"], "missing");
    EXPECT_EQ(system_of(clinic, "クラウド型電子カルテ")["status"], "no_vendor");
    // The hospital's MDS is not the clinic's: its download is not found.
    EXPECT_EQ(clinic
                  .get(fmt::format("/api/v1/systems/disclosures/{}/file",
                                   ehr["disclosures"][0]["id"].get<long long>()))
                  .status,
              404);
}

TEST_F(VendorDisclosuresApi, TheVendorUploadsSupersedesAndWithdrawsAndTheClinicSeesEachState) {
    SessionClient vendor = persona("vendor@demo.example");
    SessionClient clinic = persona("sakura@demo.example");
    const auto list = vendor.get("/api/v1/vendor/disclosures");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(list.json()["can_write"].get<bool>());
    const json products = list.json()["products"];
    ASSERT_EQ(products.size(), 2u) << list.body;
    EXPECT_EQ(products[1]["name"], "デモレセプト Lite");
    EXPECT_TRUE(products[1]["mds"].is_null());
    EXPECT_EQ(products[1]["systems"], 1);

    // An old one first: outdated.
    const auto old =
        vendor.send("POST", upload_url(receipt_, "mds", "Ver.4.0", "2020-04-01"), kPdf, "application/pdf");
    ASSERT_EQ(old.status, 201) << old.body;
    EXPECT_EQ(old.json()["state"], "outdated");
    EXPECT_EQ(old.json()["valid_until"], "2023-04-01");
    EXPECT_EQ(old.json()["file_name"], "開示書.pdf");
    EXPECT_EQ(system_of(clinic, "レセコン")["status"], "outdated");

    // A new one supersedes it.
    const auto fresh = vendor.send("POST", upload_url(receipt_, "mds", "Ver.5.0", "2025-04-01"), kPdf + " ",
                                   "application/pdf");
    ASSERT_EQ(fresh.status, 201) << fresh.body;
    EXPECT_EQ(fresh.json()["state"], "current");
    const long long fresh_id = fresh.json()["id"], old_id = old.json()["id"];
    const auto product = vendor.get(fmt::format("/api/v1/vendor/products/{}/disclosures", receipt_));
    ASSERT_EQ(product.status, 200) << product.body;
    ASSERT_EQ(product.json()["history"].size(), 2u);
    EXPECT_EQ(product.json()["history"][0]["id"], fresh_id);
    EXPECT_EQ(product.json()["history"][1]["state"], "superseded");
    EXPECT_EQ(product.json()["mds"]["id"], fresh_id);
    json receipt = system_of(clinic, "レセコン");
    EXPECT_EQ(receipt["status"], "current");
    ASSERT_EQ(receipt["disclosures"].size(), 1u);
    EXPECT_EQ(receipt["disclosures"][0]["version_label"], "Ver.5.0");
    const auto down = clinic.get(fmt::format("/api/v1/systems/disclosures/{}/file", fresh_id));
    ASSERT_EQ(down.status, 200);
    EXPECT_EQ(down.body, kPdf + " ");
    // The hospital does not run this product: not found.
    SessionClient hospital = persona("hospital@demo.example");
    EXPECT_EQ(hospital.get(fmt::format("/api/v1/systems/disclosures/{}/file", fresh_id)).status, 404);

    // Withdrawing needs a reason; then the one before is the latest again, and still outdated.
    const auto no_reason =
        vendor.post(fmt::format("/api/v1/vendor/disclosures/{}/withdraw", fresh_id), {{"reason", " "}});
    EXPECT_EQ(no_reason.status, 400);
    EXPECT_EQ(field_of(no_reason), "reason");
    const auto withdrawn = vendor.post(fmt::format("/api/v1/vendor/disclosures/{}/withdraw", fresh_id),
                                       {{"reason", "別製品の開示書を誤って登録した"}});
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(withdrawn.json()["state"], "withdrawn");
    EXPECT_EQ(withdrawn.json()["withdrawn_reason"], "別製品の開示書を誤って登録した");
    EXPECT_EQ(
        vendor.post(fmt::format("/api/v1/vendor/disclosures/{}/withdraw", fresh_id), {{"reason", "again"}})
            .status,
        409);
    receipt = system_of(clinic, "レセコン");
    EXPECT_EQ(receipt["status"], "outdated");
    ASSERT_EQ(receipt["disclosures"].size(), 1u);
    EXPECT_EQ(receipt["disclosures"][0]["id"], old_id);
    EXPECT_EQ(clinic.get(fmt::format("/api/v1/systems/disclosures/{}/file", fresh_id)).status, 404)
        << "a withdrawn disclosure is no longer given to customers";
    // The vendor still has it, kept in the history.
    EXPECT_EQ(vendor.get(fmt::format("/api/v1/vendor/disclosures/{}/file", fresh_id)).status, 200);
    EXPECT_EQ(
        scalar(fmt::format("SELECT COUNT(*) FROM vendor_disclosures WHERE vendor_product_id = {}", receipt_)),
        2);

    EXPECT_EQ(scalar(fmt::format(
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'disclosure.uploaded' AND target IN "
                  "('disclosure:{}', 'disclosure:{}')",
                  old_id, fresh_id)),
              2);
    EXPECT_EQ(scalar(fmt::format(
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'disclosure.withdrawn' AND target = "
                  "'disclosure:{}'",
                  fresh_id)),
              1);
}

TEST_F(VendorDisclosuresApi, BrokenUploadsAreRefusedNamingTheFieldAndChangeNothing) {
    SessionClient vendor = persona("vendor@demo.example");
    const long long before = uploads();
    struct Case {
        std::string url;
        std::string body;
        int status;
        const char* field;
    };
    const std::vector<Case> cases = {
        {upload_url(receipt_, "mds2", "Ver.5.0", "2025-04-01"), kPdf, 400, "kind"},
        {upload_url(receipt_, "mds", "", "2025-04-01"), kPdf, 400, "version_label"},
        {upload_url(receipt_, "mds", std::string(41, 'v'), "2025-04-01"), kPdf, 400, "version_label"},
        {upload_url(receipt_, "mds", "Ver.5.0", "2999-01-01"), kPdf, 400, "issued_on"},
        {upload_url(receipt_, "mds", "Ver.5.0", "2025-02-30"), kPdf, 400, "issued_on"},
        {upload_url(receipt_, "mds", "Ver.5.0", "2025-04-01", "setup.exe"),
         std::string("MZ\x90\x00\x03\x00", 6), 400, "file"},
        {upload_url(receipt_, "mds", "Ver.5.0", "2025-04-01"), "", 400, "file"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.url);
        const auto r = vendor.send("POST", c.url, c.body, "application/octet-stream");
        EXPECT_EQ(r.status, c.status) << r.body;
        EXPECT_EQ(field_of(r), c.field) << r.body;
    }
    const auto too_big = vendor.send("POST", upload_url(receipt_, "mds", "Ver.5.0", "2025-04-01"),
                                     std::string(10 * 1024 * 1024 + 1, 'a'), "application/pdf");
    EXPECT_EQ(too_big.status, 413);
    EXPECT_NE(too_big.body.find("10 MiB"), std::string::npos) << too_big.body;
    EXPECT_EQ(uploads(), before);
}

TEST_F(VendorDisclosuresApi, OthersAreAnsweredNotFound) {
    SessionClient vendor = persona("vendor@demo.example");
    SessionClient vendor2 = persona("vendor2@test.example");
    SessionClient clinic = persona("sakura@demo.example");
    const auto mine =
        vendor.send("POST", upload_url(receipt_, "sds", "Ver.5.0", "2025-04-01"), kPdf, "application/pdf");
    ASSERT_EQ(mine.status, 201) << mine.body;
    const long long id = mine.json()["id"];
    const long long before = uploads();

    // Another vendor: not its product, not its disclosure.
    EXPECT_EQ(
        vendor2.send("POST", upload_url(receipt_, "mds", "Ver.5.0", "2025-04-01"), kPdf, "application/pdf")
            .status,
        404);
    EXPECT_EQ(vendor2.get(fmt::format("/api/v1/vendor/products/{}/disclosures", receipt_)).status, 404);
    EXPECT_EQ(vendor2.get(fmt::format("/api/v1/vendor/disclosures/{}/file", id)).status, 404);
    EXPECT_EQ(
        vendor2.post(fmt::format("/api/v1/vendor/disclosures/{}/withdraw", id), {{"reason", "x"}}).status,
        404);
    const auto theirs = vendor2.get("/api/v1/vendor/disclosures");
    ASSERT_EQ(theirs.status, 200);
    ASSERT_EQ(theirs.json()["products"].size(), 1u);
    EXPECT_EQ(theirs.json()["products"][0]["name"], "第二カルテ");
    // And the demo vendor cannot reach the second vendor's product.
    EXPECT_EQ(
        vendor
            .send("POST", upload_url(other_product_, "mds", "Ver.5.0", "2025-04-01"), kPdf, "application/pdf")
            .status,
        404);
    EXPECT_EQ(vendor.get(fmt::format("/api/v1/vendor/products/{}/disclosures", other_product_)).status, 404);

    // An institution has no vendor side; a vendor has no register.
    EXPECT_EQ(clinic.get("/api/v1/vendor/disclosures").status, 404);
    EXPECT_EQ(clinic.get(fmt::format("/api/v1/vendor/disclosures/{}/file", id)).status, 404);
    EXPECT_EQ(
        clinic.send("POST", upload_url(receipt_, "mds", "Ver.5.0", "2025-04-01"), kPdf, "application/pdf")
            .status,
        404);
    EXPECT_EQ(vendor.get("/api/v1/systems/disclosures").status, 404);
    EXPECT_EQ(vendor.get(fmt::format("/api/v1/systems/disclosures/{}/file", id)).status, 404);
    EXPECT_EQ(uploads(), before);
    EXPECT_EQ(clinic.get(fmt::format("/api/v1/systems/disclosures/{}/file", id)).status, 200);
}

}  // namespace
}  // namespace mamori::testing

// The systems register beside the checklist (GET /api/v1/assessments/{id}/register-context) on the demo
// database: デモ総合病院's register against its checklist's vendor items, the warnings as the answers change,
// and who may not see it.
#include <gtest/gtest.h>

#include <map>

#include "support/demo_server_test.hpp"
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

TEST_F(ChecklistRegisterContextApi, OnlyTheInstitutionsOwnUsersSeeIt) {
    for (const std::string login : {"hokenjo@demo.example", "sakura@demo.example", "vendor@demo.example"}) {
        SessionClient other = persona(login);
        EXPECT_EQ(other.get(path_ + "/register-context").status, 404) << login;
    }
    SessionClient anonymous(server_->host(), server_->port());
    EXPECT_EQ(anonymous.get(path_ + "/register-context").status, 401);
}

}  // namespace
}  // namespace mamori::testing

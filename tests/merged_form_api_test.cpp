// A merged-form edition loaded without a release: `mamori catalog import` of the FICTIONAL "R8-like" bundle
// tests/fixtures/catalog/r8-merged-bundle.json (one form `institution` for hospitals, clinics, dental clinics
// and pharmacies; R7 items, no official wording) while a demo server runs. A pharmacy carries its R7
// 薬局確認用 checklist onto the merged form, a clinic starts one afresh, and both get the same form.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "mamori/core/time.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

int this_fiscal_year() {
    return fiscal_year(japan_date(std::chrono::system_clock::now()));
}

SessionClient persona(const ServerProcess& server, const std::string& login, const std::string& password) {
    SessionClient c(server.host(), server.port());
    auto r = c.post("/api/v1/session", {{"login", login}, {"password", password}});
    EXPECT_EQ(r.status, 200) << login << ": " << r.body;
    return c;
}

std::string assessments_path(SessionClient& c) {
    const auto me = c.get("/api/v1/me").json();
    return "/api/v1/organisations/" + std::to_string(me["organisation_id"].get<long long>()) + "/assessments";
}

std::set<std::string> new_this_year(const json& page) {
    std::set<std::string> out;
    for (const auto& item : page["items"])
        if (item["new_this_year"].get<bool>()) out.insert(item["canonical_id"]);
    return out;
}

std::vector<std::string> item_ids(const json& page) {
    std::vector<std::string> out;
    for (const auto& item : page["items"]) out.push_back(item["canonical_id"]);
    return out;
}

TEST(MergedFormApi, PharmacyAndClinicStartTheirChecklistsOnAMergedFormEdition) {
    TempDir dir;
    const auto db_path = dir.path() / "merged.db";
    ServerProcess server(db_path, {"--demo"});
    const auto bundle =
        (std::filesystem::path(MAMORI_SOURCE_DIR) / "tests" / "fixtures/catalog/r8-merged-bundle.json").string();
    const auto checked = mamori({"catalog", "validate", bundle, "--database", database_url(db_path)});
    ASSERT_EQ(checked.code, 0) << checked.output;
    EXPECT_NE(checked.output.find("mapping r7-r8 medical → institution: unchanged 3, new 1, removed 15"),
              std::string::npos)
        << checked.output;
    EXPECT_NE(checked.output.find("mapping r7-r8 pharmacy → institution:"), std::string::npos)
        << checked.output;
    const auto imported = mamori({"catalog", "import", bundle, "--database", database_url(db_path)});
    ASSERT_EQ(imported.code, 0) << imported.output;

    SessionClient pharmacy = persona(server, "aoba@demo.example", "aoba-demo-pass");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (pharmacy.get("/api/v1/catalog/editions/r8").status != 200) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the running server never served r8";
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    // The catalog compares an earlier form with the merged one when asked for both.
    auto compared = pharmacy.get("/api/v1/catalog/compare?from=r7&to=r8&form=institution&from_form=pharmacy");
    ASSERT_EQ(compared.status, 200) << compared.body;
    EXPECT_EQ(compared.json()["from_form"], "pharmacy");
    EXPECT_EQ(compared.json()["form"], "institution");
    EXPECT_EQ(pharmacy.get("/api/v1/catalog/compare?from=r7&to=r8&form=institution").status, 404)
        << "R7 has no form institution: the earlier form must be named";

    const std::vector<std::string> merged_items = {"GOV-01", "AST-01", "VUL-01", "IAM-06"};
    const int next_year = this_fiscal_year() + 1;

    // The pharmacy's last checklist was on R7's 薬局確認用; next year's is the merged form, pre-filled.
    const auto list = pharmacy.get(assessments_path(pharmacy));
    ASSERT_EQ(list.status, 200) << list.body;
    const json previous = list.json()["assessments"].at(0);
    EXPECT_EQ(previous["form"], "pharmacy");
    EXPECT_EQ(previous["edition"], "r7");
    EXPECT_EQ(list.json()["suggested"]["form"], "institution") << list.body;
    auto started =
        pharmacy.post(assessments_path(pharmacy), {{"fiscal_year", next_year}, {"carry_forward", true}});
    ASSERT_EQ(started.status, 201) << started.body;
    const json page = started.json();
    EXPECT_EQ(page["form"]["id"], "institution");
    EXPECT_EQ(page["edition"]["id"], "r8");
    EXPECT_EQ(page["carried_from"], previous["id"]);
    EXPECT_EQ(item_ids(page), merged_items);
    std::set<std::string> carried;
    for (const auto& item : page["items"])
        for (const auto& row : item["rows"])
            if (row["answer"].is_object() && row["answer"]["value"].is_string()) {
                EXPECT_TRUE(row["answer"]["needs_reconfirmation"].get<bool>()) << item["canonical_id"];
                carried.insert(item["canonical_id"]);
            }
    EXPECT_FALSE(carried.empty()) << "the R7 pharmacy answers reach the merged form through its mapping";
    EXPECT_EQ(carried.count("IAM-06"), 0u) << "an item new in the merged edition has no answer to carry";
    EXPECT_EQ(new_this_year(page), std::set<std::string>{"IAM-06"}) << "新規 against R7's 薬局確認用";

    // A clinic answers the same form.
    SessionClient clinic = persona(server, "sakura@demo.example", "sakura-demo-pass");
    auto fresh = clinic.post(assessments_path(clinic), {{"fiscal_year", next_year}});
    ASSERT_EQ(fresh.status, 201) << fresh.body;
    EXPECT_EQ(fresh.json()["form"]["id"], "institution");
    EXPECT_EQ(fresh.json()["edition"]["id"], "r8");
    EXPECT_EQ(item_ids(fresh.json()), merged_items);
    EXPECT_EQ(new_this_year(fresh.json()), std::set<std::string>{"IAM-06"})
        << "a checklist started afresh marks what is new against the edition before (R7's 医療機関確認用)";

    // One checklist a year, whichever form: the hospital's draft of this year on R7 is not joined by a
    // second.
    SessionClient hospital = persona(server, "hospital@demo.example", "hospital-demo-pass");
    auto twice = hospital.post(assessments_path(hospital), {{"fiscal_year", this_fiscal_year()}});
    EXPECT_EQ(twice.status, 409) << twice.body;
}

}  // namespace
}  // namespace mamori::testing

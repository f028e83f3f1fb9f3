// Moving a checklist onto the edition published for its fiscal year (ADR 0017), over HTTP against a demo
// server: checklists started on R7, then the FICTIONAL "R8-like" bundle
// tests/fixtures/catalog/r8-merged-bundle.json imported with `mamori catalog import` while the server runs.
// The hospital moves its draft (answers 要再確認 as new versions, history and evidence kept), the pharmacy
// declines, a checklist already on R8 is offered nothing, a submitted one is refused with the reason, another
// institution sees nothing and a viewer may not choose.
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

std::string today() {
    return to_iso_date(japan_date(std::chrono::system_clock::now()));
}

SessionClient persona(const ServerProcess& server, const std::string& login, const std::string& password) {
    SessionClient c(server.host(), server.port());
    auto r = c.post("/api/v1/session", {{"login", login}, {"password", password}});
    EXPECT_EQ(r.status, 200) << login << ": " << r.body;
    return c;
}

long long organisation_of(SessionClient& c) {
    return c.get("/api/v1/me").json()["organisation_id"].get<long long>();
}

std::string assessments_path(SessionClient& c) {
    return "/api/v1/organisations/" + std::to_string(organisation_of(c)) + "/assessments";
}

std::string path_of(const json& assessment) {
    return "/api/v1/assessments/" + std::to_string(assessment["id"].get<long long>());
}

// this_years: the organisation's checklist of this fiscal year from its list.
json this_years(SessionClient& c) {
    const auto list = c.get(assessments_path(c));
    EXPECT_EQ(list.status, 200) << list.body.substr(0, 500);
    const json body = list.json();
    for (const auto& a : body["assessments"])
        if (a["fiscal_year"] == this_fiscal_year()) return a;
    return nullptr;
}

const json* line(const json& page, const std::string& item, const std::string& row) {
    for (const auto& i : page["items"])
        if (i["canonical_id"] == item)
            for (const auto& r : i["rows"])
                if (r["key"] == row) return &r;
    return nullptr;
}

class EditionMoveApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        server_ = new ServerProcess(dir_->path() / "move.db", {"--demo"});
        SessionClient clinic = persona(*server_, "sakura@demo.example", "sakura-demo-pass");
        SessionClient pharmacy = persona(*server_, "aoba@demo.example", "aoba-demo-pass");
        // Before R8 exists: the clinic answers its whole R7 checklist and submits it; the pharmacy starts
        // this year's from last year's.
        auto started = clinic.post(assessments_path(clinic), {{"fiscal_year", this_fiscal_year()}});
        ASSERT_EQ(started.status, 201) << started.body;
        const json page = started.json();
        const std::string path = path_of(page);
        auto contract = clinic.patch(path, {{"version", page["version"]}, {"has_vendor_contract", false}});
        ASSERT_EQ(contract.status, 200) << contract.body;
        for (const auto& item : page["items"]) {
            if (item["applicability"]["requires_vendor_contract"]) continue;
            for (const auto& row : item["rows"]) {
                auto r = clinic.put(path + "/answers/" + item["canonical_id"].get<std::string>() + "/" +
                                        row["key"].get<std::string>(),
                                    {{"version", 0}, {"value", "yes"}, {"confirmed_on", today()}});
                ASSERT_EQ(r.status, 200) << item["canonical_id"] << ": " << r.body;
            }
        }
        const json filled = clinic.get(path).json();
        auto submitted = clinic.post(path + "/submit", {{"version", filled["version"]}});
        ASSERT_EQ(submitted.status, 200) << submitted.body;
        auto carried = pharmacy.post(assessments_path(pharmacy),
                                     {{"fiscal_year", this_fiscal_year()}, {"carry_forward", true}});
        ASSERT_EQ(carried.status, 201) << carried.body;
        ASSERT_EQ(carried.json()["edition"]["id"], "r7");
        ASSERT_TRUE(carried.json()["newer_edition"].is_null()) << "nothing newer is published yet";

        const auto bundle =
            (std::filesystem::path(MAMORI_SOURCE_DIR) / "tests" / "fixtures/catalog/r8-merged-bundle.json")
                .string();
        const auto imported =
            mamori({"catalog", "import", bundle, "--database", database_url(dir_->path() / "move.db")});
        ASSERT_EQ(imported.code, 0) << imported.output;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (clinic.get("/api/v1/catalog/editions/r8").status != 200) {
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the running server never served r8";
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }

    static void TearDownTestSuite() {
        delete server_;
        delete dir_;
        server_ = nullptr;
        dir_ = nullptr;
    }

    static TempDir* dir_;
    static ServerProcess* server_;
};

TempDir* EditionMoveApi::dir_ = nullptr;
ServerProcess* EditionMoveApi::server_ = nullptr;

TEST_F(EditionMoveApi, TheHospitalMovesItsDraftAndEveryAnswerBecomesANewVersionToReconfirm) {
    SessionClient hospital = persona(*server_, "hospital@demo.example", "hospital-demo-pass");
    const json listed = this_years(hospital);
    ASSERT_TRUE(listed.is_object());
    ASSERT_EQ(listed["edition"], "r7");
    ASSERT_TRUE(listed["newer_edition"].is_object()) << "the list carries the offer: " << listed.dump();
    const std::string path = path_of(listed);
    auto link = hospital.post(path + "/answers/GOV-01/main/links",
                              {{"url", "https://intranet.example/責任者任命書"}, {"title", "責任者任命書"}});
    ASSERT_EQ(link.status, 201) << link.body;
    const json before = hospital.get(path).json();
    const json& offer = before["newer_edition"];
    EXPECT_EQ(offer["edition"], "r8");
    EXPECT_EQ(offer["revision"], 1);
    EXPECT_EQ(offer["form"], "institution");
    EXPECT_EQ(offer["fiscal_year_ja"], "令和8年度");
    EXPECT_TRUE(offer["may_move"].get<bool>());
    std::map<std::string, json> answered;  // the R7 answers of lines R8 keeps
    for (const auto& [item, row] :
         {std::pair{"GOV-01", "main"}, {"AST-01", "general"}, {"VUL-01", "general"}})
        if (const json* l = line(before, item, row);
            l && (*l)["answer"].is_object() && (*l)["answer"]["value"].is_string())
            answered[std::string(item) + "/" + row] = (*l)["answer"];
    ASSERT_TRUE(answered.count("GOV-01/main")) << "the demo hospital answered its first lines";

    auto stale =
        hospital.post(path + "/edition", {{"edition", "r8"}, {"version", before["version"].get<int>() + 1}});
    EXPECT_EQ(stale.status, 409) << stale.body;
    auto wrong = hospital.post(path + "/edition", {{"edition", "r6"}, {"version", before["version"]}});
    EXPECT_EQ(wrong.status, 409) << wrong.body;
    EXPECT_EQ(hospital.post(path + "/edition", {{"edition", "r8"}}).status, 400) << "the version is required";

    auto moved = hospital.post(path + "/edition", {{"edition", "r8"}, {"version", before["version"]}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    const json after = moved.json();
    EXPECT_EQ(after["id"], listed["id"]) << "the same checklist, not a new one";
    EXPECT_EQ(after["edition"]["id"], "r8");
    EXPECT_EQ(after["form"]["id"], "institution");
    EXPECT_EQ(after["edition_revision"], 1);
    EXPECT_TRUE(after["newer_edition"].is_null());
    ASSERT_EQ(after["items"].size(), 4u);
    for (const auto& [key, old] : answered) {
        const auto slash = key.find('/');
        const json* l = line(after, key.substr(0, slash), key.substr(slash + 1));
        ASSERT_NE(l, nullptr) << key;
        ASSERT_TRUE((*l)["answer"].is_object()) << key;
        EXPECT_EQ((*l)["answer"]["value"], old["value"]) << key;
        EXPECT_TRUE((*l)["answer"]["needs_reconfirmation"].get<bool>()) << key << " is 要再確認";
        EXPECT_EQ((*l)["answer"]["version"], old["version"].get<int>() + 1) << key << ": a new version";
    }
    EXPECT_TRUE((*line(after, "IAM-06", "main"))["answer"].is_null()) << "the new item is unanswered";
    // Evidence follows its line; the earlier version stays in the line's history.
    ASSERT_EQ((*line(after, "GOV-01", "main"))["answer"]["evidence"].size(), 1u);
    EXPECT_EQ((*line(after, "GOV-01", "main"))["answer"]["evidence"][0]["title"], "責任者任命書");
    const json history = hospital.get(path + "/answers/GOV-01/main/history").json()["versions"];
    ASSERT_EQ(history.size(), answered["GOV-01/main"]["version"].get<size_t>() + 1);
    EXPECT_TRUE(history[0]["needs_reconfirmation"].get<bool>());
    EXPECT_FALSE(history[1]["needs_reconfirmation"].get<bool>()) << "the R7 answer as it was";
    // Recorded: the choice, and a step in the checklist's history.
    ASSERT_EQ(after["edition_choices"].size(), 1u);
    EXPECT_EQ(after["edition_choices"][0]["choice"], "moved");
    EXPECT_EQ(after["edition_choices"][0]["from"]["edition"], "r7");
    EXPECT_EQ(after["edition_choices"][0]["from"]["form"], "medical");
    EXPECT_EQ(after["edition_choices"][0]["carried_lines"], static_cast<int>(answered.size()));
    EXPECT_EQ(after["events"].back()["kind"], "edition_moved");
    EXPECT_EQ(after["events"].back()["by"]["name"], "佐藤 健（安全管理責任者）");

    // Moved once: nothing more is offered, and a second move is refused.
    auto again = hospital.post(path + "/edition", {{"edition", "r8"}, {"version", after["version"]}});
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_TRUE(this_years(hospital)["newer_edition"].is_null());
    // The answers of lines R8 lacks are kept, not shown: the R7 page of the same line history is still
    // readable.
    EXPECT_EQ(hospital.get(path + "/answers/NET-01/main/history").status, 404) << "NET-01 is no line of R8";
}

TEST_F(EditionMoveApi, ThePharmacyDeclinesAndIsNotAskedAgainForThatRevision) {
    SessionClient pharmacy = persona(*server_, "aoba@demo.example", "aoba-demo-pass");
    const json listed = this_years(pharmacy);
    ASSERT_TRUE(listed["newer_edition"].is_object()) << listed.dump();
    EXPECT_EQ(listed["newer_edition"]["form"], "institution") << "the merged form serves pharmacies too";
    const std::string path = path_of(listed);
    EXPECT_EQ(
        pharmacy.post(path + "/edition", {{"edition", "r8"}, {"decline", true}, {"revision", 2}}).status, 409)
        << "only the offered revision can be declined";
    auto declined = pharmacy.post(path + "/edition", {{"edition", "r8"}, {"decline", true}});
    ASSERT_EQ(declined.status, 200) << declined.body;
    EXPECT_EQ(declined.json()["edition"]["id"], "r7");
    EXPECT_EQ(declined.json()["form"]["id"], "pharmacy");
    EXPECT_TRUE(declined.json()["newer_edition"].is_null());
    EXPECT_EQ(declined.json()["edition_choices"][0]["choice"], "declined");
    EXPECT_EQ(declined.json()["events"].back()["kind"], "edition_declined");
    EXPECT_TRUE(this_years(pharmacy)["newer_edition"].is_null()) << "not shown again";
    EXPECT_EQ(pharmacy.post(path + "/edition", {{"edition", "r8"}, {"decline", true}}).status, 409);
    EXPECT_EQ(
        pharmacy.post(path + "/edition", {{"edition", "r8"}, {"version", declined.json()["version"]}}).status,
        409)
        << "a declined revision is no longer offered for a move either";
}

TEST_F(EditionMoveApi, AChecklistStartedOnTheNewestEditionIsOfferedNothing) {
    SessionClient clinic = persona(*server_, "sakura@demo.example", "sakura-demo-pass");
    auto next = clinic.post(assessments_path(clinic), {{"fiscal_year", this_fiscal_year() + 1}});
    ASSERT_EQ(next.status, 201) << next.body;
    EXPECT_EQ(next.json()["edition"]["id"], "r8");
    EXPECT_TRUE(next.json()["newer_edition"].is_null());
    EXPECT_EQ(
        clinic
            .post(path_of(next.json()) + "/edition", {{"edition", "r8"}, {"version", next.json()["version"]}})
            .status,
        409);
}

TEST_F(EditionMoveApi, ASubmittedChecklistIsNotMovedAndTheAnswerSaysWhy) {
    SessionClient clinic = persona(*server_, "sakura@demo.example", "sakura-demo-pass");
    const json listed = this_years(clinic);
    ASSERT_EQ(listed["status"], "submitted");
    ASSERT_TRUE(listed["newer_edition"].is_object());
    EXPECT_FALSE(listed["newer_edition"]["may_move"].get<bool>());
    auto refused =
        clinic.post(path_of(listed) + "/edition", {{"edition", "r8"}, {"version", listed["version"]}});
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_NE(refused.body.find("submitted"), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find("reopen"), std::string::npos) << refused.body;
    EXPECT_EQ(clinic.get(path_of(listed)).json()["edition"]["id"], "r7");
}

TEST_F(EditionMoveApi, AnotherInstitutionSeesNothingAndAViewerMayNotChoose) {
    SessionClient clinic = persona(*server_, "sakura@demo.example", "sakura-demo-pass");
    SessionClient pharmacy = persona(*server_, "aoba@demo.example", "aoba-demo-pass");
    const json clinics = this_years(clinic);
    const std::string path = path_of(clinics);
    EXPECT_EQ(pharmacy.post(path + "/edition", {{"edition", "r8"}, {"version", clinics["version"]}}).status,
              404);
    EXPECT_EQ(pharmacy.post(path + "/edition", {{"edition", "r8"}, {"decline", true}}).status, 404);

    auto invited = clinic.post(
        "/api/v1/organisations/" + std::to_string(organisation_of(clinic)) + "/invitations",
        {{"login", "viewer@sakura.example"}, {"display_name", "閲覧 職員"}, {"roles", {"viewer"}}});
    ASSERT_EQ(invited.status, 201) << invited.body;
    SessionClient viewer(server_->host(), server_->port());
    auto accepted = viewer.post("/api/v1/invitations/accept",
                                {{"code", invited.json()["code"]}, {"password", "a long enough password"}});
    ASSERT_EQ(accepted.status, 201) << accepted.body;
    const json seen = viewer.get(path).json();
    ASSERT_TRUE(seen["newer_edition"].is_object()) << "a viewer sees the offer";
    EXPECT_FALSE(seen["newer_edition"]["may_decline"].get<bool>());
    EXPECT_EQ(viewer.post(path + "/edition", {{"edition", "r8"}, {"decline", true}}).status, 403);
    EXPECT_EQ(viewer.post(path + "/edition", {{"edition", "r8"}, {"version", seen["version"]}}).status, 403);
}

}  // namespace
}  // namespace mamori::testing

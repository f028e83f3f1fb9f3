// The authorization matrix: every role (and anonymous) against every route the server has. Each row says who
// may get past the access check; anything else must be refused with 401, 403 or 404. A route the server
// registers without a row here fails the test, so no endpoint can be added without deciding who may use it.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "mamori/api/routes.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/core/time.hpp"
#include "mamori/identity/passwords.hpp"
#include "mamori/identity/totp.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/migrations.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "matrix password 2026";

struct Person {
    std::string name;
    std::string organisation;  // demo organisation name
    std::vector<std::string> roles;
};

// One user per role that exists in the demo organisations, plus "anonymous" (no session).
const std::vector<Person> kPeople = {
    {"ministry-admin", "厚生労働省", {"administrator"}},
    {"analyst", "厚生労働省", {"analyst"}},
    {"pref-admin", "東京都", {"administrator"}},
    {"pref-inspector", "東京都", {"inspector"}},
    {"pref-analyst", "東京都", {"analyst"}},
    {"hc-inspector", "デモ区保健所", {"inspector"}},
    {"clinic-admin", "さくら内科クリニック", {"administrator"}},
    {"clinic-secmgr", "さくら内科クリニック", {"security_manager"}},
    {"clinic-editor", "さくら内科クリニック", {"editor"}},
    {"clinic-viewer", "さくら内科クリニック", {"viewer"}},
    {"vendor-respondent", "デモ医療システム株式会社", {"vendor_respondent"}},
    {"vendor-admin", "デモ医療システム株式会社", {"administrator"}},
    {"vendor2-respondent", "第二医療システム株式会社", {"vendor_respondent"}},
};

std::string login_of(const std::string& name) {
    return name + "@matrix.example";
}

// A deterministic TOTP secret per person (20 bytes).
std::vector<std::uint8_t> secret_of(const std::string& name) {
    std::vector<std::uint8_t> s(20);
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::uint8_t>(name[i % name.size()] + i);
    return s;
}

class AuthorizationMatrix : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string out;
        ASSERT_EQ(run_mamori({"demo", "--database", database_url(db())}, out), 0) << out;
        seed_users();
        server_ = std::make_unique<ServerProcess>(db());
    }

    std::filesystem::path db() const { return dir_.path() / "matrix.db"; }

    void seed_users() {
        DatabaseSession direct(db());
        soci::session& sql = *direct;
        const std::string hash = identity::hash_password(kPassword);
        seed_second_vendor(sql);
        for (const auto& p : kPeople) {
            long long org = 0;
            sql << "SELECT id FROM organisations WHERE name = :n", soci::use(p.organisation), soci::into(org);
            orgs_[p.organisation] = org;
            const std::string login = login_of(p.name), secret = identity::base32_encode(secret_of(p.name));
            long long id = 0;
            sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, totp_secret, "
                   "totp_last_step, "
                   "created_at, updated_at, password_changed_at) VALUES (:o, :l, :d, :h, :s, 0, "
                   "'2026-01-01T00:00:00.000Z', "
                   "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id",
                soci::use(org), soci::use(login), soci::use(p.name), soci::use(hash), soci::use(secret),
                soci::into(id);
            users_[p.name] = id;
            for (const auto& role : p.roles)
                sql << "INSERT INTO user_roles (user_id, role) VALUES (:u, :r)", soci::use(id),
                    soci::use(role);
        }
        for (const std::string name : {"デモ総合病院", "なにわ診療所"}) {
            long long org = 0;
            sql << "SELECT id FROM organisations WHERE name = :n", soci::use(name), soci::into(org);
            orgs_[name] = org;
        }
        seed_recovery(sql);
        seed_assessments(sql);
        seed_visits(sql);
    }

    // seed_second_vendor: a second vendor organisation, linked to なにわ診療所 and running its EHR (the demo
    // vendor runs デモ総合病院's and さくら's systems): each vendor must see only its own customers.
    void seed_second_vendor(soci::session& sql) {
        long long vendor = 0, naniwa = 0, system = 0;
        sql << "INSERT INTO organisations (kind, name, created_at) VALUES ('vendor', '第二医療システム株式会社', "
               "'2026-01-01T00:00:00.000Z') RETURNING id",
            soci::into(vendor);
        sql << "SELECT id FROM organisations WHERE name = 'なにわ診療所'", soci::into(naniwa);
        sql << "INSERT INTO vendor_links (institution_organisation_id, vendor_organisation_id, via, created_at) "
               "VALUES (:i, :v, 'operator', '2026-01-01T00:00:00.000Z')",
            soci::use(naniwa), soci::use(vendor);
        sql << "INSERT INTO systems (organisation_id, kind, name, vendor_organisation_id, vendor_name, "
               "data_location, backup_responsibility, created_at, updated_at) VALUES (:o, 'ehr', '電子カルテ', :v, "
               "'第二医療システム株式会社', 'on_premises', 'vendor', '2026-01-01T00:00:00.000Z', "
               "'2026-01-01T00:00:00.000Z') RETURNING id",
            soci::use(naniwa), soci::use(vendor), soci::into(system);
        systems_["なにわ診療所"] = system;
        sql << "SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE o.name = "
               "'さくら内科クリニック' AND s.vendor_organisation_id IS NOT NULL",
            soci::into(system);
        systems_["さくら内科クリニック"] = system;
    }

    // seed_visits: a done visit of さくら by デモ区保健所 with its completed record, and a visit of なにわ by
    // 大阪府 with a record in progress (nobody in the matrix may see it).
    void seed_visits(soci::session& sql) {
        for (const auto& [name, inspecting, status, record] :
             std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
                 {"さくら内科クリニック", "デモ区保健所", "done", "completed"},
                 {"なにわ診療所", "大阪府", "planned", "in_progress"}}) {
            long long by = 0, id = 0;
            const long long org = orgs_.at(name);
            sql << "SELECT id FROM organisations WHERE name = :n", soci::use(inspecting), soci::into(by);
            sql << "INSERT INTO inspection_visits (organisation_id, inspecting_organisation_id, fiscal_year, "
                   "reason, status, version, created_at, updated_at) VALUES (:o, :i, 2026, 'regular', :s, 1, "
                   "'2026-05-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z') RETURNING id",
                soci::use(org), soci::use(by), soci::use(status), soci::into(id);
            sql << "INSERT INTO inspection_records (visit_id, checklist_of_record, status, summary, version, "
                   "started_at) VALUES (:v, '{\"exists\":false,\"lines\":[]}', :s, '', 1, "
                   "'2026-05-01T00:00:00.000Z')",
                soci::use(id), soci::use(record);
            visits_[name] = id;
        }
    }

    // seed_recovery: a viewer of さくら who is no person of the matrix (to be reset as often as allowed) and
    // two pending invitations of さくら (one to renew, one to revoke).
    void seed_recovery(soci::session& sql) {
        const long long sakura = orgs_.at("さくら内科クリニック"), by = users_.at("clinic-admin");
        long long id = 0;
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
               "updated_at, "
               "password_changed_at) VALUES (:o, 'reset-target@matrix.example', 'reset target', 'x', "
               "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') "
               "RETURNING id",
            soci::use(sakura), soci::into(id);
        users_["reset-target"] = id;
        sql << "INSERT INTO user_roles (user_id, role) VALUES (:u, 'viewer')", soci::use(id);
        for (const std::string purpose : {"renew", "revoke"}) {
            const std::string login = "pending-" + purpose + "@matrix.example", hash = "matrix-" + purpose;
            sql << "INSERT INTO invitations (organisation_id, login, display_name, roles, code_hash, "
                   "created_by, "
                   "created_at, expires_at) VALUES (:o, :l, 'pending', 'viewer', :h, :b, "
                   "'2026-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z') RETURNING id",
                soci::use(sakura), soci::use(login), soci::use(hash), soci::use(by), soci::into(id);
            invitations_[purpose] = id;
        }
    }

    // seed_assessments: a draft checklist with two pieces of evidence (one to read, one to remove) for
    // さくら, and the same for なにわ (which nobody in the matrix may see).
    void seed_assessments(soci::session& sql) {
        for (const std::string name : {"さくら内科クリニック", "なにわ診療所"}) {
            const long long org = orgs_.at(name);
            long long id = 0;
            sql << "INSERT INTO assessments (organisation_id, fiscal_year, form, edition, edition_revision, "
                   "status, created_at) VALUES (:o, 2026, 'medical', 'r7', 1, 'draft', "
                   "'2026-05-01T00:00:00.000Z') RETURNING id",
                soci::use(org), soci::into(id);
            assessments_[name] = id;
            const std::string sha = std::string(62, '0') + (name == "なにわ診療所" ? "01" : "02");
            sql << "INSERT INTO evidence_blobs (sha256, media_type, size, content_base64, created_at) VALUES "
                   "(:s, "
                   "'text/plain; charset=utf-8', 2, 'aGk=', '2026-05-01T00:00:00.000Z')",
                soci::use(sha);
            for (const std::string purpose : {"", "/to-remove"}) {
                long long evidence = 0;
                sql << "INSERT INTO evidence (assessment_id, canonical_id, row_key, kind, sha256, file_name, "
                       "added_at) VALUES (:a, 'GOV-01', 'main', 'file', :s, 'hi.txt', "
                       "'2026-05-01T00:00:00.000Z') "
                       "RETURNING id",
                    soci::use(id), soci::use(sha), soci::into(evidence);
                evidence_[name + purpose] = evidence;
            }
        }
    }

    SessionClient session_of(const std::string& name) {
        SessionClient c(server_->host(), server_->port());
        if (name == "anonymous") return c;
        auto step1 = c.post("/api/v1/session", {{"login", login_of(name)}, {"password", kPassword}});
        EXPECT_EQ(step1.status, 200) << name << ": " << step1.body;
        auto step2 = c.post(
            "/api/v1/session/mfa",
            {{"code",
              identity::totp_code(secret_of(name),
                                  identity::totp_step(std::chrono::system_clock::now()) + logins_[name]++)}});
        EXPECT_EQ(step2.status, 200) << name << ": " << step2.body;
        return c;
    }

    std::string org(const std::string& name) { return std::to_string(orgs_.at(name)); }
    // demo_scalar: one number from the demo database (the rows made by `mamori demo`).
    std::string demo_scalar(const std::string& query) {
        DatabaseSession direct(db());
        long long value = 0;
        *direct << query, soci::into(value);
        return std::to_string(value);
    }
    std::string user(const std::string& name) { return std::to_string(users_.at(name)); }
    std::string assessment(const std::string& name) { return std::to_string(assessments_.at(name)); }
    std::string evidence(const std::string& name) { return std::to_string(evidence_.at(name)); }
    std::string invitation(const std::string& name) { return std::to_string(invitations_.at(name)); }
    std::string visit(const std::string& name) { return std::to_string(visits_.at(name)); }
    // system: the system of institution `name` that a vendor runs (さくら: the demo vendor; なにわ: the second).
    std::string system(const std::string& name) { return std::to_string(systems_.at(name)); }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    std::map<std::string, long long> orgs_, users_, assessments_, evidence_, invitations_, visits_, systems_;
    std::map<std::string, int> logins_;  // a TOTP code works once: each login of a person uses the next step
    std::string clinic_admin_token_;
};

// Row: one route, one concrete request, and who gets past the access check ("*" = every signed-in person,
// "everyone" = also anonymous).
struct Row {
    std::string method;
    std::string pattern;  // as registered
    std::function<std::string()> target;
    json body;
    std::set<std::string> allowed;
};

// documented_routes: "METHOD /path" of every operation in docs/api/openapi.yaml.
std::set<std::string> documented_routes() {
    const auto file = std::filesystem::path(MAMORI_SOURCE_DIR) / "docs/api/openapi.yaml";
    std::ifstream in(file);
    std::set<std::string> out;
    std::string line, path;
    const std::regex path_line(R"(^  (/\S*):\s*$)"), method_line(R"(^    (get|post|put|patch|delete):)");
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_match(line, m, path_line))
            path = m[1];
        else if (std::regex_search(line, m, method_line) && !path.empty()) {
            std::string method = m[1];
            std::transform(method.begin(), method.end(), method.begin(), ::toupper);
            out.insert(method + " " + path);
        }
    }
    return out;
}

bool refused(int status) {
    return status == 401 || status == 403 || status == 404;
}

TEST_F(AuthorizationMatrix, EveryRoleAgainstEveryRoute) {
    const std::set<std::string> everyone = {"everyone"}, signed_in = {"*"};
    auto fixed = [](std::string t) { return [t] { return t; }; };
    std::vector<Row> rows = {
        {"GET", "/healthz", fixed("/healthz"), nullptr, everyone},
        {"GET", "/readyz", fixed("/readyz"), nullptr, everyone},
        {"GET", "/metrics", fixed("/metrics"), nullptr, everyone},
        {"GET", "/api/v1/version", fixed("/api/v1/version"), nullptr, everyone},
        {"GET", "/api/v1/catalog/editions", fixed("/api/v1/catalog/editions"), nullptr, everyone},
        {"GET", "/api/v1/catalog/editions/{id}", fixed("/api/v1/catalog/editions/r7"), nullptr, everyone},
        {"GET", "/api/v1/catalog/editions/{id}/forms/{form}",
         fixed("/api/v1/catalog/editions/r7/forms/medical"), nullptr, everyone},
        {"GET", "/api/v1/catalog/items/{canonical_id}", fixed("/api/v1/catalog/items/GOV-01"), nullptr,
         everyone},
        {"GET", "/api/v1/catalog/guideline", fixed("/api/v1/catalog/guideline"), nullptr, everyone},
        {"GET", "/api/v1/catalog/guidelines", fixed("/api/v1/catalog/guidelines"), nullptr, everyone},
        {"GET", "/api/v1/catalog/priorities", fixed("/api/v1/catalog/priorities"), nullptr, everyone},
        {"GET", "/api/v1/catalog/compare", fixed("/api/v1/catalog/compare?from=r6&to=r7&form=medical"),
         nullptr, everyone},
        {"GET", "/api/v1/setup", fixed("/api/v1/setup"), nullptr, everyone},
        // Open by nature; refused by state (already set up) with 409, not by identity.
        {"POST", "/api/v1/setup", fixed("/api/v1/setup"), json{{"organisation_kind", "clinic"}}, everyone},
        {"POST", "/api/v1/session", fixed("/api/v1/session"), json{{"login", "x@y.example"}}, everyone},
        {"POST", "/api/v1/invitations/accept", fixed("/api/v1/invitations/accept"), json{{"code", "X"}},
         everyone},
        // Needs a session that has passed the password step.
        {"POST", "/api/v1/session/mfa", fixed("/api/v1/session/mfa"), json::object(), signed_in},
        {"GET", "/api/v1/session", fixed("/api/v1/session"), nullptr, signed_in},
        {"GET", "/api/v1/me", fixed("/api/v1/me"), nullptr, signed_in},
        {"POST", "/api/v1/me/mfa/enrolment", fixed("/api/v1/me/mfa/enrolment"), json::object(), signed_in},
        {"POST", "/api/v1/me/mfa/confirmation", fixed("/api/v1/me/mfa/confirmation"),
         json{{"code", "000000"}}, signed_in},
        {"POST", "/api/v1/me/password", fixed("/api/v1/me/password"),
         json{{"current_password", "not it"}, {"new_password", "x"}}, signed_in},
        {"GET", "/api/v1/me/tokens", fixed("/api/v1/me/tokens"), nullptr, signed_in},
        {"POST", "/api/v1/me/tokens", fixed("/api/v1/me/tokens"),
         json{{"name", "matrix"}, {"scopes", {"read"}}}, signed_in},
        {"GET", "/api/v1/organisations", fixed("/api/v1/organisations"), nullptr, signed_in},
        {"GET",
         "/api/v1/organisations/{id}/users",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/users"; },
         nullptr,
         {"clinic-admin"}},
        {"GET",
         "/api/v1/organisations/{id}/users",
         [this] { return "/api/v1/organisations/" + org("なにわ診療所") + "/users"; },
         nullptr,
         {}},
        {"POST",
         "/api/v1/organisations/{id}/invitations",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/invitations"; },
         json{{"display_name", "x"}, {"roles", {"viewer"}}},
         {"clinic-admin"}},
        {"POST",
         "/api/v1/organisations/{id}/invitations",
         [this] { return "/api/v1/organisations/" + org("デモ総合病院") + "/invitations"; },
         json{{"display_name", "x"}, {"roles", {"administrator"}}},
         {"pref-admin"}},
        {"POST",
         "/api/v1/organisations/{id}/invitations",
         [this] { return "/api/v1/organisations/" + org("第二医療システム株式会社") + "/invitations"; },
         json{{"display_name", "x"}, {"roles", {"administrator"}}},
         {"ministry-admin"}},
        {"POST",
         "/api/v1/organisations/{id}/invitations",
         [this] { return "/api/v1/organisations/" + org("デモ医療システム株式会社") + "/invitations"; },
         json{{"display_name", "x"}, {"roles", {"vendor_respondent"}}},
         {"vendor-admin"}},
        {"POST",
         "/api/v1/organisations/{id}/invitations",
         [this] { return "/api/v1/organisations/" + org("なにわ診療所") + "/invitations"; },
         json{{"display_name", "x"}, {"roles", {"administrator"}}},
         {}},
        {"PATCH",
         "/api/v1/users/{id}",
         [this] { return "/api/v1/users/" + user("clinic-editor"); },
         json{{"roles", {"editor"}}},
         {"clinic-admin"}},
        {"PATCH",
         "/api/v1/users/{id}",
         [this] { return "/api/v1/users/" + user("analyst"); },
         json{{"roles", {"analyst"}}},
         {"ministry-admin"}},
        {"GET",
         "/api/v1/organisations/{id}/audit",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/audit"; },
         nullptr,
         {"clinic-admin"}},
        {"GET",
         "/api/v1/organisations/{id}/audit",
         [this] { return "/api/v1/organisations/" + org("厚生労働省") + "/audit"; },
         nullptr,
         {"ministry-admin"}},
        // Account recovery and pending invitations: the organisation's administrators (and, for the list,
        // whoever may onboard it: they see its first-administrator invitations).
        {"POST",
         "/api/v1/users/{id}/reset",
         [this] { return "/api/v1/users/" + user("reset-target") + "/reset"; },
         json::object(),
         {"clinic-admin"}},
        {"GET",
         "/api/v1/organisations/{id}/invitations",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/invitations"; },
         nullptr,
         {"clinic-admin", "pref-admin"}},
        {"POST",
         "/api/v1/invitations/{id}/renewal",
         [this] { return "/api/v1/invitations/" + invitation("renew") + "/renewal"; },
         json::object(),
         {"clinic-admin"}},
        {"DELETE",
         "/api/v1/invitations/{id}",
         [this] { return "/api/v1/invitations/" + invitation("revoke"); },
         nullptr,
         {"clinic-admin"}},
        // Reference data; setup's facility search is open by nature and refused by state (409) once set up.
        {"GET", "/api/v1/prefectures", fixed("/api/v1/prefectures"), nullptr, everyone},
        {"POST", "/api/v1/setup/facilities", fixed("/api/v1/setup/facilities"),
         json{{"setup_code", "X"}, {"query", "さくら"}}, everyone},
        {"GET",
         "/api/v1/organisations/{id}/profile",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/profile"; },
         nullptr,
         {"clinic-admin"}},
        {"PATCH",
         "/api/v1/organisations/{id}/profile",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/profile"; },
         json{{"name", "さくら内科クリニック"}},
         {"clinic-admin"}},
        // Demo mode: `mamori demo` made this a demo database, so its personas are listed to everyone (a
        // database that is not a demo database answers 404: DemoPersonasApi.ANonDemoDatabase*).
        {"GET", "/api/v1/demo", fixed("/api/v1/demo"), nullptr, everyone},
        {"GET", "/api/v1/demo/personas", fixed("/api/v1/demo/personas"), nullptr, everyone},
        // The jurisdiction's checklists: health centres, prefectures and the ministry (its scope:
        // DemoPersonasApi.Jurisdiction*).
        {"GET",
         "/api/v1/jurisdiction/checklists",
         fixed("/api/v1/jurisdiction/checklists"),
         nullptr,
         {"ministry-admin", "pref-admin", "pref-inspector", "hc-inspector"}},  // analysts: aggregates only
        {"GET",
         "/api/v1/jurisdiction/choices",
         fixed("/api/v1/jurisdiction/choices"),
         nullptr,
         {"ministry-admin", "pref-admin", "pref-inspector", "hc-inspector"}},
        // The yearly inspection plan: inspectors and administrators of health centres and prefectures (the
        // demo holds デモ区保健所's plan, visit 1 the hospital's); the policy is set by prefecture administrators;
        // notices are the institution's own (InspectionPlanApi.* tests the scopes). Bodies that pass the check
        // change nothing: no rules, no institutions (400), stale versions (409), a file without a header.
        {"GET", "/api/v1/inspections/policies", fixed("/api/v1/inspections/policies"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"PUT", "/api/v1/inspections/policies", fixed("/api/v1/inspections/policies"),
         json{{"rules", json::array()}}, {"pref-admin"}},
        {"GET", "/api/v1/inspections/plan/due", fixed("/api/v1/inspections/plan/due"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"GET", "/api/v1/inspections/plan/inspectors", fixed("/api/v1/inspections/plan/inspectors"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"GET", "/api/v1/inspections/plan.csv", fixed("/api/v1/inspections/plan.csv"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"GET", "/api/v1/inspections/plan.xlsx", fixed("/api/v1/inspections/plan.xlsx"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"POST", "/api/v1/inspections/plan/import", fixed("/api/v1/inspections/plan/import"), json::object(),
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"GET", "/api/v1/inspections/visits", fixed("/api/v1/inspections/visits"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"POST", "/api/v1/inspections/visits", fixed("/api/v1/inspections/visits"),
         json{{"organisation_ids", json::array()}}, {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"GET", "/api/v1/inspections/visits/{id}", fixed("/api/v1/inspections/visits/1"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"PATCH", "/api/v1/inspections/visits/{id}", fixed("/api/v1/inspections/visits/1"),
         json{{"version", 999}}, {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"POST", "/api/v1/inspections/visits/{id}/transition", fixed("/api/v1/inspections/visits/1/transition"),
         json{{"version", 999}, {"action", "postpone"}, {"reason", "x"}},
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        {"GET", "/api/v1/inspections/notices", fixed("/api/v1/inspections/notices"), nullptr,
         {"clinic-admin", "clinic-secmgr", "clinic-editor", "clinic-viewer"}},
        {"GET", "/api/v1/inspections/summary", fixed("/api/v1/inspections/summary"), nullptr,
         {"pref-admin", "pref-inspector", "hc-inspector"}},
        // The national checklist: ministry administrators only (an empty file fails validation with 400).
        {"POST",
         "/api/v1/admin/catalog/imports",
         fixed("/api/v1/admin/catalog/imports?dry_run=true"),
         json::object(),
         {"ministry-admin"}},
        // The edition editor: catalog editors only (ministry administrators here; the demo holds draft 1 of
        // r8). Bodies that pass the access check but change nothing: a stale version (409), no bundle (400).
        {"GET", "/api/v1/catalog/drafts", fixed("/api/v1/catalog/drafts"), nullptr, {"ministry-admin"}},
        {"POST", "/api/v1/catalog/drafts", fixed("/api/v1/catalog/drafts"),
         json{{"from_edition", "r7"}, {"edition_id", "r8"}, {"fiscal_year", 2026}}, {"ministry-admin"}},
        {"POST", "/api/v1/catalog/drafts/import", fixed("/api/v1/catalog/drafts/import"), json::object(),
         {"ministry-admin"}},
        {"GET", "/api/v1/catalog/drafts/{id}", fixed("/api/v1/catalog/drafts/1"), nullptr, {"ministry-admin"}},
        {"PUT", "/api/v1/catalog/drafts/{id}", fixed("/api/v1/catalog/drafts/1"),
         json{{"version", 999}, {"document", json::object()}}, {"ministry-admin"}},
        {"POST", "/api/v1/catalog/drafts/{id}/operations", fixed("/api/v1/catalog/drafts/1/operations"),
         json{{"version", 999}, {"operation", {{"op", "set_edition"}, {"fields", json::object()}}}},
         {"ministry-admin"}},
        {"GET", "/api/v1/catalog/drafts/{id}/compare",
         fixed("/api/v1/catalog/drafts/1/compare?form=institution&from_form=medical"), nullptr, {"ministry-admin"}},
        {"GET", "/api/v1/catalog/drafts/{id}/export", fixed("/api/v1/catalog/drafts/1/export"), nullptr,
         {"ministry-admin"}},
        {"POST", "/api/v1/catalog/drafts/{id}/publish", fixed("/api/v1/catalog/drafts/1/publish"),
         json{{"version", 999}}, {"ministry-admin"}},
        {"DELETE", "/api/v1/catalog/drafts/{id}", fixed("/api/v1/catalog/drafts/1"), nullptr, {"ministry-admin"}},
    };
    // Self-assessments: the institution reads and answers its own; its prefecture and health centre read it.
    const std::set<std::string> sakura_readers = {"clinic-admin",  "clinic-secmgr", "clinic-editor",
                                                  "clinic-viewer", "pref-admin",    "pref-inspector",
                                                  "hc-inspector"};
    const std::set<std::string> sakura_editors = {"clinic-admin", "clinic-secmgr", "clinic-editor"};
    const std::set<std::string> sakura_submitters = {"clinic-admin", "clinic-secmgr"};
    const auto sakura = [this](std::string suffix) {
        return
            [this, suffix] { return "/api/v1/assessments/" + assessment("さくら内科クリニック") + suffix; };
    };
    const auto naniwa = [this](std::string suffix) {
        return [this, suffix] { return "/api/v1/assessments/" + assessment("なにわ診療所") + suffix; };
    };
    const std::string line = "/answers/GOV-01/main";
    const json answer = {{"version", 0}, {"value", "yes"}, {"confirmed_on", "2026-06-01"}};
    const std::vector<Row> assessment_rows = {
        {"GET", "/api/v1/organisations/{id}/assessments",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/assessments"; }, nullptr,
         sakura_readers},
        {"GET",
         "/api/v1/organisations/{id}/assessments",
         [this] { return "/api/v1/organisations/" + org("なにわ診療所") + "/assessments"; },
         nullptr,
         {}},
        // さくら already has FY2026: creating it again is a 409 for the editors, refused for everyone else.
        {"POST", "/api/v1/organisations/{id}/assessments",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/assessments"; },
         json{{"fiscal_year", 2026}}, sakura_editors},
        {"POST",
         "/api/v1/organisations/{id}/assessments",
         [this] { return "/api/v1/organisations/" + org("なにわ診療所") + "/assessments"; },
         json{{"fiscal_year", 2026}},
         {}},
        {"GET", "/api/v1/assessments/{id}", sakura(""), nullptr, sakura_readers},
        {"GET", "/api/v1/assessments/{id}", naniwa(""), nullptr, {}},
        {"PATCH", "/api/v1/assessments/{id}", sakura(""),
         json{{"version", 999}, {"has_vendor_contract", true}}, sakura_editors},
        {"PUT", "/api/v1/assessments/{id}/answers/{item}/{row}", sakura(line), answer, sakura_editors},
        {"PUT", "/api/v1/assessments/{id}/answers/{item}/{row}", naniwa(line), answer, {}},
        {"GET", "/api/v1/assessments/{id}/answers/{item}/{row}/history", sakura(line + "/history"), nullptr,
         sakura_readers},
        {"GET",
         "/api/v1/assessments/{id}/answers/{item}/{row}/history",
         naniwa(line + "/history"),
         nullptr,
         {}},
        {"POST", "/api/v1/assessments/{id}/answers/{item}/{row}/links", sakura(line + "/links"),
         json{{"url", "https://example.jp/policy"}}, sakura_editors},
        {"POST",
         "/api/v1/assessments/{id}/answers/{item}/{row}/links",
         naniwa(line + "/links"),
         json{{"url", "https://example.jp/policy"}},
         {}},
        {"POST", "/api/v1/assessments/{id}/answers/{item}/{row}/evidence",
         sakura(line + "/evidence?file_name=a.txt"), json("hello"), sakura_editors},
        {"GET", "/api/v1/evidence/{id}/content",
         [this] { return "/api/v1/evidence/" + evidence("さくら内科クリニック") + "/content"; }, nullptr,
         sakura_readers},
        {"GET",
         "/api/v1/evidence/{id}/content",
         [this] { return "/api/v1/evidence/" + evidence("なにわ診療所") + "/content"; },
         nullptr,
         {}},
        {"DELETE",
         "/api/v1/evidence/{id}",
         [this] { return "/api/v1/evidence/" + evidence("なにわ診療所"); },
         nullptr,
         {}},
        {"GET", "/api/v1/assessments/{id}/export", sakura("/export?format=csv"), nullptr, sakura_readers},
        {"GET", "/api/v1/assessments/{id}/export", naniwa("/export?format=csv"), nullptr, {}},
        {"POST", "/api/v1/assessments/{id}/import", sakura("/import"), json::object(), sakura_editors},
        {"POST", "/api/v1/assessments/{id}/import", naniwa("/import"), json::object(), {}},
        // Incomplete: 422 for those who may submit.
        {"POST", "/api/v1/assessments/{id}/submit", sakura("/submit"), json{{"version", 1}},
         sakura_submitters},
        {"POST", "/api/v1/assessments/{id}/submit", naniwa("/submit"), json{{"version", 1}}, {}},
        // Not submitted: 409 for those who may reopen.
        {"POST", "/api/v1/assessments/{id}/reopen", sakura("/reopen"), json{{"reason", "x"}},
         sakura_submitters},
        {"POST", "/api/v1/assessments/{id}/reopen", naniwa("/reopen"), json{{"reason", "x"}}, {}},
        // No newer edition in this catalog: 409 for the editors; readers who do not edit 403.
        {"POST", "/api/v1/assessments/{id}/edition", sakura("/edition"), json{{"edition", "r8"}, {"version", 1}},
         sakura_editors},
        {"POST", "/api/v1/assessments/{id}/edition", naniwa("/edition"), json{{"edition", "r8"}, {"decline", true}},
         {}},
        // Guideline 7.0 volumes: whoever reads the institution; its administrators and security managers record.
        {"GET", "/api/v1/organisations/{id}/guideline-volumes",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/guideline-volumes"; }, nullptr,
         sakura_readers},
        {"GET",
         "/api/v1/organisations/{id}/guideline-volumes",
         [this] { return "/api/v1/organisations/" + org("なにわ診療所") + "/guideline-volumes"; },
         nullptr,
         {}},
        {"PUT", "/api/v1/organisations/{id}/guideline-volumes",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/guideline-volumes"; },
         json{{"vendor_update_responsibility", "no"}}, sakura_submitters},
        // Removing is idempotent: the first editor removes it, the others find it removed (204 too).
        {"DELETE", "/api/v1/evidence/{id}",
         [this] { return "/api/v1/evidence/" + evidence("さくら内科クリニック/to-remove"); }, nullptr,
         sakura_editors},
    };
    rows.insert(rows.end(), assessment_rows.begin(), assessment_rows.end());
    // The on-site record (検査記録): the jurisdiction's inspectors and administrators of the health centre or
    // prefecture; the institution reads its completed record (without notes). The さくら record is
    // completed, so every write that passes the access check answers 409.
    const std::set<std::string> sakura_inspectors = {"pref-admin", "pref-inspector", "hc-inspector"};
    std::set<std::string> sakura_record_readers = sakura_inspectors;
    sakura_record_readers.insert({"clinic-admin", "clinic-secmgr", "clinic-editor", "clinic-viewer"});
    const auto record = [this](std::string name, std::string suffix) {
        return
            [this, name, suffix] { return "/api/v1/inspections/visits/" + visit(name) + "/record" + suffix; };
    };
    const std::string record_base = "/api/v1/inspections/visits/{id}/record";
    const json record_line = {{"verdict", "confirmed"}, {"base_version", 0}};
    const json record_file = {{"format", "mamori.inspection-record"},
                              {"format_version", 1},
                              {"visit_id", 1},
                              {"lines", json::array()}};
    for (const std::string name : {"さくら内科クリニック", "なにわ診療所"}) {
        const bool own = name == "さくら内科クリニック";
        const auto who = [&](const std::set<std::string>& people) {
            return own ? people : std::set<std::string>{};
        };
        const std::vector<Row> record_rows = {
            {"POST", record_base, record(name, ""), json::object(), who(sakura_inspectors)},
            {"GET", record_base, record(name, ""), nullptr, who(sakura_record_readers)},
            {"PUT", record_base + "/lines/{item}/{row}", record(name, "/lines/GOV-01/main"), record_line,
             who(sakura_inspectors)},
            {"GET", record_base + "/lines/{item}/{row}/history", record(name, "/lines/GOV-01/main/history"),
             nullptr, who(sakura_inspectors)},
            {"POST", record_base + "/complete", record(name, "/complete"),
             json{{"summary", ""}, {"version", 1}}, who(sakura_inspectors)},
            {"GET", record_base + "/package", record(name, "/package"), nullptr, who(sakura_inspectors)},
            {"POST", record_base + "/import", record(name, "/import"), record_file, who(sakura_inspectors)},
        };
        rows.insert(rows.end(), record_rows.begin(), record_rows.end());
    }
    // Improvement requests, the package and the documents: the demo's requests are デモ総合病院's (no person
    // here works there), so only its jurisdiction's inspectors (and prefecture administrators) get past the
    // check; an institution's own list and inspection page are its users'. Bodies that pass the check change
    // nothing: a stale version (409), a closed-to-edit request (409).
    const std::set<std::string> inspectors = {"pref-admin", "pref-inspector", "hc-inspector"};
    const std::string due_on = to_iso_date(std::chrono::year_month_day(
        std::chrono::sys_days(japan_date(std::chrono::system_clock::now())) + std::chrono::days(30)));
    const auto request = [this](std::string suffix) {
        return [this, suffix] { return "/api/v1/improvement-requests/" + demo_scalar("SELECT MAX(id) FROM improvement_requests WHERE status = 'plan_submitted'") + suffix; };
    };
    const auto visit = [this](std::string suffix, std::string status) {
        return [this, suffix, status] {
            return "/api/v1/inspections/visits/" + demo_scalar("SELECT MIN(id) FROM inspection_visits WHERE status = '" + status + "'") + suffix;
        };
    };
    const std::vector<Row> request_rows = {
        {"GET", "/api/v1/improvement-requests", fixed("/api/v1/improvement-requests"), nullptr, sakura_readers},
        {"POST", "/api/v1/improvement-requests", fixed("/api/v1/improvement-requests"),
         json{{"visit_id", std::stoll(demo_scalar("SELECT MIN(id) FROM inspection_visits WHERE status = 'notified'"))},
              {"canonical_id", "GOV-01"}, {"text", "手順を定めること"}, {"due_on", due_on}},
         inspectors},
        {"GET", "/api/v1/improvement-requests/{id}", request(""), nullptr, inspectors},
        {"PUT", "/api/v1/improvement-requests/{id}", request(""),
         json{{"version", 999}, {"canonical_id", "GOV-01"}, {"text", "x"}, {"due_on", "2099-01-01"}}, inspectors},
        {"POST", "/api/v1/improvement-requests/{id}/steps", request("/steps"),
         json{{"version", 999}, {"action", "close"}}, inspectors},
        {"POST", "/api/v1/improvement-requests/{id}/evidence", request("/evidence?file_name=a.pdf"), json::object(), {}},
        {"GET", "/api/v1/improvement-requests/{id}/steps/{step}/evidence",
         [this] {
             return "/api/v1/improvement-requests/" +
                    demo_scalar("SELECT MIN(request_id) FROM improvement_request_events WHERE evidence_sha256 IS NOT NULL") +
                    "/steps/" + demo_scalar("SELECT MIN(id) FROM improvement_request_events WHERE evidence_sha256 IS NOT NULL") +
                    "/evidence";
         },
         nullptr, inspectors},
        {"GET", "/api/v1/improvement-requests/{id}/document", request("/document"), nullptr, inspectors},
        {"GET", "/api/v1/inspections/visits/{id}/improvement-requests", visit("/improvement-requests", "notified"), nullptr,
         inspectors},
        {"GET", "/api/v1/inspections/visits/{id}/improvement-requests/from-findings",
         visit("/improvement-requests/from-findings", "done"), nullptr, inspectors},
        // A line the record does not have: 400 for those who get past the check, nothing made.
        {"POST", "/api/v1/inspections/visits/{id}/improvement-requests/from-findings",
         visit("/improvement-requests/from-findings", "done"),
         json{{"due_on", due_on}, {"findings", json::array({{{"canonical_id", "GOV-01"}, {"row_key", "no-such-row"}}})}},
         inspectors},
        {"GET", "/api/v1/inspections/visits/{id}/package", visit("/package", "notified"), nullptr, inspectors},
        {"GET", "/api/v1/inspections/visits/{id}/documents/result-notice", visit("/documents/result-notice", "done"),
         nullptr, inspectors},
        {"GET", "/api/v1/organisations/{id}/inspections",
         [this] { return "/api/v1/organisations/" + org("さくら内科クリニック") + "/inspections"; }, nullptr,
         sakura_readers},
    };
    rows.insert(rows.end(), request_rows.begin(), request_rows.end());
    // The systems register (システム台帳): the institution's own users read; its administrators, security
    // managers and editors write; anyone else 404, vendors and inspectors included. Writes to さくら's
    // system carry a stale version (409 past the check); デモ総合病院's system is nobody's here.
    const auto system_of = [this](std::string name, std::string suffix) {
        return [this, name, suffix] {
            return "/api/v1/systems/" +
                   demo_scalar("SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = s.organisation_id "
                               "WHERE o.name = '" + name + "'") +
                   suffix;
        };
    };
    const std::set<std::string> sakura_own = {"clinic-admin", "clinic-secmgr", "clinic-editor", "clinic-viewer"};
    const json new_system = {{"kind", "departmental"}, {"name", "検査システム"}};
    const json stale_system = {{"version", 999}, {"kind", "ehr"}, {"name", "電子カルテ"}};
    const std::vector<Row> system_rows = {
        {"GET", "/api/v1/systems/kinds", fixed("/api/v1/systems/kinds"), nullptr, signed_in},
        {"GET", "/api/v1/systems", fixed("/api/v1/systems"), nullptr, sakura_own},
        {"POST", "/api/v1/systems", fixed("/api/v1/systems"), new_system, sakura_editors},
        {"GET", "/api/v1/systems/{id}", system_of("さくら内科クリニック", ""), nullptr, sakura_own},
        {"GET", "/api/v1/systems/{id}", system_of("デモ総合病院", ""), nullptr, {}},
        {"PUT", "/api/v1/systems/{id}", system_of("さくら内科クリニック", ""), stale_system, sakura_editors},
        {"PUT", "/api/v1/systems/{id}", system_of("デモ総合病院", ""), stale_system, {}},
        {"POST", "/api/v1/systems/{id}/retire", system_of("さくら内科クリニック", "/retire"), json{{"version", 999}},
         sakura_editors},
        {"POST", "/api/v1/systems/{id}/retire", system_of("デモ総合病院", "/retire"), json{{"version", 999}}, {}},
        // The register beside the checklist: the institution's own users, not its inspectors.
        {"GET", "/api/v1/assessments/{id}/register-context",
         [this] { return "/api/v1/assessments/" + assessment("さくら内科クリニック") + "/register-context"; },
         nullptr, sakura_own},
        {"GET", "/api/v1/assessments/{id}/register-context",
         [this] { return "/api/v1/assessments/" + assessment("なにわ診療所") + "/register-context"; }, nullptr, {}},
        {"GET", "/api/v1/assessments/{id}/preparedness-context",
         [this] { return "/api/v1/assessments/" + assessment("さくら内科クリニック") + "/preparedness-context"; },
         nullptr, sakura_own},
        {"GET", "/api/v1/assessments/{id}/preparedness-context",
         [this] { return "/api/v1/assessments/" + assessment("なにわ診療所") + "/preparedness-context"; }, nullptr,
         {}},
        // One click attaches 3-①'s contact chart: the institution's editors only.
        {"POST", "/api/v1/assessments/{id}/answers/{item}/{row}/evidence/preparedness",
         [this] {
             return "/api/v1/assessments/" + assessment("さくら内科クリニック") +
                    "/answers/IR-01/main/evidence/preparedness";
         },
         json::object(), sakura_editors},
        {"POST", "/api/v1/assessments/{id}/answers/{item}/{row}/evidence/preparedness",
         [this] {
             return "/api/v1/assessments/" + assessment("なにわ診療所") + "/answers/IR-01/main/evidence/preparedness";
         },
         json::object(), {}},
    };
    rows.insert(rows.end(), system_rows.begin(), system_rows.end());
    // Preparedness records (issue 19): the institution's own users read, its writers write (a stale version:
    // 409 past the check; an empty body: 400); anyone else 404 — but さくら's demo incident, reported to the
    // health centre, is read by the inspectors and administrators over it (read only: 403 on writes).
    const auto prep_of = [this](std::string name, std::string kind, std::string path, std::string suffix) {
        return [this, name, kind, path, suffix] {
            return "/api/v1/preparedness/" + path + "/" +
                   demo_scalar(
                       "SELECT MIN(r.id) FROM preparedness_records r JOIN organisations o ON o.id = "
                       "r.organisation_id WHERE o.name = '" +
                       name + "' AND r.kind = '" + kind + "'") +
                   suffix;
        };
    };
    const std::set<std::string> incident_readers = {"clinic-admin",  "clinic-secmgr", "clinic-editor",
                                                    "clinic-viewer", "hc-inspector",  "pref-admin",
                                                    "pref-inspector"};
    const std::set<std::string> jurisdiction = {"hc-inspector", "pref-admin", "pref-inspector"};
    std::set<std::string> incident_listers = sakura_own;
    incident_listers.insert(jurisdiction.begin(), jurisdiction.end());
    const json stale = {{"version", 999}};
    std::vector<Row> prep_rows = {
        {"GET", "/api/v1/preparedness/reference", fixed("/api/v1/preparedness/reference"), nullptr,
         signed_in},
        {"GET", "/api/v1/preparedness/summary", fixed("/api/v1/preparedness/summary"), nullptr, sakura_own},
        {"GET", "/api/v1/preparedness/contacts", fixed("/api/v1/preparedness/contacts"), nullptr, sakura_own},
        {"POST", "/api/v1/preparedness/contacts", fixed("/api/v1/preparedness/contacts"), json::object(),
         sakura_editors},
        {"PUT", "/api/v1/preparedness/contacts/review", fixed("/api/v1/preparedness/contacts/review"), stale,
         sakura_editors},
        {"GET", "/api/v1/preparedness/incidents", fixed("/api/v1/preparedness/incidents"), nullptr,
         incident_listers},
        {"POST", "/api/v1/preparedness/incidents", fixed("/api/v1/preparedness/incidents"), json::object(),
         sakura_editors},
        {"GET", "/api/v1/preparedness/incidents/{id}",
         prep_of("さくら内科クリニック", "incident", "incidents", ""), nullptr, incident_readers},
        {"GET",
         "/api/v1/preparedness/incidents/{id}",
         prep_of("デモ総合病院", "incident", "incidents", ""),
         nullptr,
         {}},
        {"PUT", "/api/v1/preparedness/incidents/{id}",
         prep_of("さくら内科クリニック", "incident", "incidents", ""), stale, sakura_editors},
        {"POST", "/api/v1/preparedness/incidents/{id}/remove",
         prep_of("さくら内科クリニック", "incident", "incidents", "/remove"), stale, sakura_editors},
    };
    // The BCP 確認表 and the documents: the institution's own users; answering is for its writers.
    prep_rows.push_back({"GET", "/api/v1/preparedness/bcp", fixed("/api/v1/preparedness/bcp"), nullptr, sakura_own});
    prep_rows.push_back(
        {"PUT", "/api/v1/preparedness/bcp/{row}", fixed("/api/v1/preparedness/bcp/1-1"), stale, sakura_editors});
    for (const std::string document : {"contact-chart.pdf", "contact-chart.csv", "backups.pdf", "bcp.pdf", "bcp.docx"})
        prep_rows.push_back({"GET", "/api/v1/preparedness/documents/" + document,
                             fixed("/api/v1/preparedness/documents/" + document), nullptr, sakura_own});
    for (const std::string part : {"events", "reports", "checklist", "close"})
        prep_rows.push_back({"POST", "/api/v1/preparedness/incidents/{id}/" + part,
                             prep_of("さくら内科クリニック", "incident", "incidents", "/" + part), stale,
                             sakura_editors});
    for (const auto& [path, kind] : {std::pair<std::string, std::string>{"contacts", "contact"},
                                     {"backups", "backup"},
                                     {"restore-tests", "restore_test"},
                                     {"drills", "drill"}}) {
        const std::string base = "/api/v1/preparedness/" + path;
        if (path != "contacts") {
            prep_rows.push_back({"GET", base, fixed(base), nullptr, sakura_own});
            prep_rows.push_back({"POST", base, fixed(base), json::object(), sakura_editors});
        }
        prep_rows.push_back(
            {"GET", base + "/{id}", prep_of("さくら内科クリニック", kind, path, ""), nullptr, sakura_own});
        prep_rows.push_back({"GET", base + "/{id}", prep_of("デモ総合病院", kind, path, ""), nullptr, {}});
        prep_rows.push_back(
            {"PUT", base + "/{id}", prep_of("さくら内科クリニック", kind, path, ""), stale, sakura_editors});
        prep_rows.push_back({"PUT", base + "/{id}", prep_of("デモ総合病院", kind, path, ""), stale, {}});
        prep_rows.push_back({"POST", base + "/{id}/remove",
                             prep_of("さくら内科クリニック", kind, path, "/remove"), stale, sakura_editors});
    }
    rows.insert(rows.end(), prep_rows.begin(), prep_rows.end());
    // Vendor links (vendor join): the institution's writers invite, revoke and unlink, its users read; the
    // vendor's administrator redeems a code (a code of the wrong length: 400 past the check), its users list
    // their customers; the operator (ministry administrators) registers and links vendors. The operator first
    // links デモイメージング to さくら, which さくら's first writer then unlinks (409 for the next ones). The
    // second vendor's link to なにわ is no business of さくら's writers (404).
    const auto vendor_id = [this](std::string name) {
        return demo_scalar("SELECT id FROM organisations WHERE kind = 'vendor' AND name = '" + name + "'");
    };
    const std::vector<Row> vendor_link_rows = {
        {"POST", "/api/v1/vendor-invitations", fixed("/api/v1/vendor-invitations"),
         json{{"vendor_name", "行列テスト株式会社"}}, sakura_editors},
        {"GET", "/api/v1/vendor-invitations", fixed("/api/v1/vendor-invitations"), nullptr, sakura_own},
        {"POST", "/api/v1/vendor-invitations/{id}/revoke",
         [this] {
             return "/api/v1/vendor-invitations/" + demo_scalar("SELECT MIN(id) FROM vendor_invitations") + "/revoke";
         },
         json::object(), sakura_editors},
        {"GET", "/api/v1/vendors", fixed("/api/v1/vendors"), nullptr, sakura_own},
        {"POST", "/api/v1/vendor-organisations/{id}/links",
         [vendor_id] { return "/api/v1/vendor-organisations/" + vendor_id("デモイメージング株式会社") + "/links"; },
         json{{"institution_id", orgs_.at("さくら内科クリニック")}}, {"ministry-admin"}},
        {"POST", "/api/v1/vendors/{id}/unlink",
         [vendor_id] { return "/api/v1/vendors/" + vendor_id("デモイメージング株式会社") + "/unlink"; }, json::object(),
         sakura_editors},
        {"POST", "/api/v1/vendors/{id}/unlink",
         [vendor_id] { return "/api/v1/vendors/" + vendor_id("第二医療システム株式会社") + "/unlink"; }, json::object(),
         {}},
        {"POST", "/api/v1/vendor/links", fixed("/api/v1/vendor/links"), json{{"code", std::string(65, 'X')}},
         {"vendor-admin"}},
        {"GET", "/api/v1/vendor/customers", fixed("/api/v1/vendor/customers"), nullptr,
         {"vendor-admin", "vendor-respondent", "vendor2-respondent"}},
        // Anonymous by nature (the code is the credential); this body is refused with 400 by shape.
        {"POST", "/api/v1/vendor-join", fixed("/api/v1/vendor-join"), json{{"code", "X"}}, everyone},
        {"GET", "/api/v1/vendor-organisations", fixed("/api/v1/vendor-organisations?q=%E3%83%87%E3%83%A2"), nullptr,
         {"ministry-admin"}},
        {"POST", "/api/v1/vendor-organisations", fixed("/api/v1/vendor-organisations"), json{{"name", ""}},
         {"ministry-admin"}},
    };
    rows.insert(rows.end(), vendor_link_rows.begin(), vendor_link_rows.end());
    // 事業者確認用 requests (wip/vreq-api): the institution's own users read its requests (its writers ask and
    // move them); the demo vendor (both its people) reads and answers requests for systems it runs; the second
    // vendor sees none of them. Writes carry a stale version (409 past the access check) so nothing changes.
    const auto request_of = [this](std::string name, std::string suffix) {
        return [this, name, suffix] {
            return "/api/v1/vendor-requests/" +
                   demo_scalar("SELECT MIN(r.id) FROM vendor_requests r JOIN organisations o ON o.id = "
                               "r.institution_organisation_id WHERE o.name = '" + name + "'") +
                   suffix;
        };
    };
    const auto vendor_request_of = [this](std::string name, std::string suffix) {
        return [this, name, suffix] {
            return "/api/v1/vendor/requests/" +
                   demo_scalar("SELECT MIN(r.id) FROM vendor_requests r JOIN organisations o ON o.id = "
                               "r.institution_organisation_id WHERE o.name = '" + name + "'") +
                   suffix;
        };
    };
    const auto product_of = [this](std::string suffix) {
        return [this, suffix] {
            return "/api/v1/vendor/products/" +
                   demo_scalar("SELECT id FROM vendor_products WHERE name = 'デモカルテ Enterprise'") + suffix;
        };
    };
    const auto shared_request = [this](std::string suffix) {
        return [this, suffix] {
            return "/api/v1/vendor-requests/" + demo_scalar("SELECT MIN(id) FROM vendor_requests WHERE latest_version > 0") +
                   suffix;
        };
    };
    const std::set<std::string> demo_vendor = {"vendor-respondent", "vendor-admin"};
    const std::set<std::string> vendors = {"vendor-respondent", "vendor-admin", "vendor2-respondent"};
    std::set<std::string> sakura_and_vendor = sakura_own, sakura_writers_and_vendor = sakura_editors;
    sakura_and_vendor.insert(demo_vendor.begin(), demo_vendor.end());
    sakura_writers_and_vendor.insert(demo_vendor.begin(), demo_vendor.end());
    const int demo_fy = std::stoi(demo_scalar("SELECT MAX(fiscal_year) FROM vendor_requests"));
    const json open_request = {{"fiscal_year", demo_fy}, {"due_on", "2099-01-01"}};
    const json stale_action = {{"action", "decline"}, {"reason", "x"}, {"version", 999}};
    const json stale_answers = {{"fiscal_year", demo_fy}, {"version", 999}, {"answers", json::array()}};
    const std::vector<Row> vendor_request_rows = {
        {"POST", "/api/v1/systems/{id}/vendor-requests",
         [this] { return "/api/v1/systems/" + system("さくら内科クリニック") + "/vendor-requests"; }, open_request,
         sakura_editors},
        {"POST", "/api/v1/systems/{id}/vendor-requests", system_of("デモ総合病院", "/vendor-requests"), open_request, {}},
        {"POST", "/api/v1/systems/{id}/vendor-requests",
         [this] { return "/api/v1/systems/" + system("なにわ診療所") + "/vendor-requests"; }, open_request, {}},
        {"GET", "/api/v1/vendor-requests", fixed("/api/v1/vendor-requests"), nullptr, sakura_own},
        {"GET", "/api/v1/vendor-requests/{id}", request_of("さくら内科クリニック", ""), nullptr, sakura_own},
        {"GET", "/api/v1/vendor-requests/{id}", request_of("デモ総合病院", ""), nullptr, {}},
        {"GET", "/api/v1/vendor-requests/{id}/versions/{n}", shared_request("/versions/1"), nullptr, {}},
        {"POST", "/api/v1/vendor-requests/{id}/actions", request_of("さくら内科クリニック", "/actions"), stale_action,
         sakura_writers_and_vendor},
        {"POST", "/api/v1/vendor-requests/{id}/actions", request_of("デモ総合病院", "/actions"), stale_action,
         demo_vendor},
        {"GET", "/api/v1/vendor-requests/{id}/document.pdf", request_of("さくら内科クリニック", "/document.pdf"), nullptr,
         sakura_and_vendor},
        {"GET", "/api/v1/vendor-requests/{id}/document.xlsx", shared_request("/document.xlsx"), nullptr, demo_vendor},
        {"GET", "/api/v1/vendor/dashboard", fixed("/api/v1/vendor/dashboard"), nullptr, vendors},
        {"GET", "/api/v1/vendor/requests", fixed("/api/v1/vendor/requests"), nullptr, vendors},
        {"GET", "/api/v1/vendor/requests/{id}", vendor_request_of("さくら内科クリニック", ""), nullptr, demo_vendor},
        {"PUT", "/api/v1/vendor/requests/{id}/overrides", vendor_request_of("さくら内科クリニック", "/overrides"),
         json{{"version", 999}, {"answers", json::array()}}, demo_vendor},
        {"GET", "/api/v1/vendor/products", fixed("/api/v1/vendor/products"), nullptr, vendors},
        {"POST", "/api/v1/vendor/products", fixed("/api/v1/vendor/products"), json{{"name", "デモカルテ Enterprise"}},
         vendors},
        {"PUT", "/api/v1/vendor/products/{id}", product_of(""), json{{"name", "デモレセプト Lite"}}, demo_vendor},
        {"GET", "/api/v1/vendor/products/{id}/answers", product_of("/answers?fiscal_year=" + std::to_string(demo_fy)),
         nullptr, demo_vendor},
        {"PUT", "/api/v1/vendor/products/{id}/answers", product_of("/answers"), stale_answers, demo_vendor},
        {"POST", "/api/v1/vendor/products/{id}/share", product_of("/share"),
         json{{"fiscal_year", 2019}, {"request_ids", {1}}}, demo_vendor},
    };
    rows.insert(rows.end(), vendor_request_rows.begin(), vendor_request_rows.end());
    // 役割分担確認表 (issue 16 item 5): the institution's own users and the vendor that runs the system read it;
    // its writers and that vendor's users write (a stale version: 409 past the check). The second vendor
    // reaches only なにわ's system, the demo vendor only さくら's; nobody else either.
    const auto roles_of = [this](std::string institution, std::string suffix) {
        return [this, institution, suffix] { return "/api/v1/systems/" + system(institution) + "/role-sharing" + suffix; };
    };
    const json stale_row = {{"version", 999}, {"first_answer", nullptr}};
    const std::vector<Row> role_sharing_rows = {
        {"GET", "/api/v1/vendor/systems", fixed("/api/v1/vendor/systems"), nullptr, vendors},
        {"GET", "/api/v1/systems/{id}/role-sharing", roles_of("さくら内科クリニック", ""), nullptr, sakura_and_vendor},
        {"GET", "/api/v1/systems/{id}/role-sharing", roles_of("なにわ診療所", ""), nullptr, {"vendor2-respondent"}},
        {"GET", "/api/v1/systems/{id}/role-sharing/document.pdf", roles_of("さくら内科クリニック", "/document.pdf"),
         nullptr, sakura_and_vendor},
        {"GET", "/api/v1/systems/{id}/role-sharing/document.pdf", roles_of("なにわ診療所", "/document.pdf"), nullptr,
         {"vendor2-respondent"}},
        {"PUT", "/api/v1/systems/{id}/role-sharing/rows/{row_id}",
         roles_of("さくら内科クリニック", "/rows/p1-1-1-vendor-security"), stale_row, sakura_writers_and_vendor},
        {"PUT", "/api/v1/systems/{id}/role-sharing/rows/{row_id}",
         roles_of("なにわ診療所", "/rows/p1-1-1-vendor-security"), stale_row, {"vendor2-respondent"}},
    };
    rows.insert(rows.end(), role_sharing_rows.begin(), role_sharing_rows.end());
    // MDS/SDS (開示書, issue 16 item 4): the demo vendor's own products only (the second vendor sees its own
    // list, never the demo vendor's products or files); さくら reads its systems' disclosures and downloads
    // the one of its レセコン's product, never デモ総合病院's. Writes pass the check and stop at 400 (a bad
    // kind, a blank reason), nothing stored.
    {
        DatabaseSession direct(db());
        *direct << "INSERT INTO vendor_disclosures (vendor_product_id, kind, version_label, issued_on, sha256, "
                   "file_name, uploaded_at) SELECT p.id, 'mds', 'Ver.5.0', '2025-04-01', (SELECT MIN(sha256) FROM "
                   "vendor_disclosures), 'mds.pdf', '2026-01-01T00:00:00.000Z' FROM vendor_products p WHERE p.name "
                   "= 'デモレセプト Lite'";
    }
    const auto disclosure_of = [this](std::string product, std::string suffix) {
        return [this, product, suffix] {
            return "/api/v1/vendor/disclosures/" +
                   demo_scalar("SELECT MIN(d.id) FROM vendor_disclosures d JOIN vendor_products p ON p.id = "
                               "d.vendor_product_id WHERE p.name = '" + product + "'") +
                   suffix;
        };
    };
    const auto customer_file = [this](std::string product) {
        return [this, product] {
            return "/api/v1/systems/disclosures/" +
                   demo_scalar("SELECT MIN(d.id) FROM vendor_disclosures d JOIN vendor_products p ON p.id = "
                               "d.vendor_product_id WHERE p.name = '" + product + "'") +
                   "/file";
        };
    };
    const auto receipt_product = [this](std::string suffix) {
        return [this, suffix] {
            return "/api/v1/vendor/products/" +
                   demo_scalar("SELECT MIN(id) FROM vendor_products WHERE name = 'デモレセプト Lite'") + suffix;
        };
    };
    const std::vector<Row> disclosure_rows = {
        {"GET", "/api/v1/systems/disclosures", fixed("/api/v1/systems/disclosures"), nullptr, sakura_own},
        {"GET", "/api/v1/systems/disclosures/{id}/file", customer_file("デモレセプト Lite"), nullptr, sakura_own},
        {"GET", "/api/v1/systems/disclosures/{id}/file", customer_file("デモカルテ Enterprise"), nullptr, {}},
        {"GET", "/api/v1/vendor/disclosures", fixed("/api/v1/vendor/disclosures"), nullptr,
         {"vendor-admin", "vendor-respondent", "vendor2-respondent"}},
        {"GET", "/api/v1/vendor/products/{id}/disclosures", receipt_product("/disclosures"), nullptr, demo_vendor},
        {"POST", "/api/v1/vendor/products/{id}/disclosures",
         receipt_product("/disclosures?kind=bad&version_label=Ver.5.0&issued_on=2025-04-01&file_name=a.pdf"),
         json::object(), demo_vendor},
        {"POST", "/api/v1/vendor/disclosures/{id}/withdraw", disclosure_of("デモカルテ Enterprise", "/withdraw"),
         json{{"reason", " "}}, demo_vendor},
        {"GET", "/api/v1/vendor/disclosures/{id}/file", disclosure_of("デモカルテ Enterprise", "/file"), nullptr,
         demo_vendor},
    };
    rows.insert(rows.end(), disclosure_rows.begin(), disclosure_rows.end());
    // Vulnerability feeds (issue 17, feeds): the operator (the ministry's administrators) reads the status and
    // history and uploads (an empty catalog: 400 past the check, nothing stored); every signed-in person reads a
    // CVE (public data).
    {
        DatabaseSession direct(db());
        *direct << "INSERT INTO kev_entries (cve_id, vendor_project, product, date_added, ransomware_use, "
                   "content_hash, imported_at) VALUES ('CVE-2018-13379', 'Fortinet', 'FortiOS', '2021-11-03', "
                   "'Known', 'x', '2026-01-01T00:00:00.000Z') ON CONFLICT (cve_id) DO NOTHING";  // the demo's feeds may hold it
    }
    const std::vector<Row> feed_rows = {
        {"GET", "/api/v1/feeds", fixed("/api/v1/feeds"), nullptr, {"ministry-admin"}},
        {"GET", "/api/v1/feeds/imports", fixed("/api/v1/feeds/imports"), nullptr, {"ministry-admin"}},
        {"POST", "/api/v1/feeds/{feed}/imports", fixed("/api/v1/feeds/kev/imports?file_name=kev.json"),
         json::object(), {"ministry-admin"}},
        {"GET", "/api/v1/cves/{id}", fixed("/api/v1/cves/CVE-2018-13379"), nullptr, signed_in},
    };
    rows.insert(rows.end(), feed_rows.begin(), feed_rows.end());
    // Findings and the device check (issue 17, the findings piece): さくら's users, its health centre and
    // prefecture read its findings; the demo vendor reads those of the assets of the systems it runs (さくら's
    // レセコンサーバ), not デモ総合病院's FortiGate; the second vendor nothing. Only さくら's writers triage (a stale
    // version: 409 past the check). The national numbers: the ministry's administrators and analysts; the
    // re-match: the operator's administrators; the device check: anyone signed in.
    {
        const std::set<std::string> sakura_findings_readers = {
            "clinic-admin", "clinic-secmgr",  "clinic-editor", "clinic-viewer",    "pref-admin",
            "pref-inspector", "hc-inspector", "vendor-admin",  "vendor-respondent"};
        // さくら's finding on the レセコンサーバ (a system the demo vendor runs).
        const auto sakura_finding = [this](std::string suffix) {
            return [this, suffix] {
                return "/api/v1/findings/" +
                       demo_scalar("SELECT MIN(f.id) FROM findings f JOIN assets a ON a.id = f.asset_id JOIN "
                                   "organisations o ON o.id = a.organisation_id WHERE o.name = 'さくら内科クリニック' "
                                   "AND a.system_id IS NOT NULL") +
                       suffix;
            };
        };
        const auto sakura_query = [this](std::string path) {
            return [this, path] { return path + "?organisation_id=" + org("さくら内科クリニック"); };
        };
        const std::vector<Row> findings_rows = {
            {"GET", "/api/v1/findings", sakura_query("/api/v1/findings"), nullptr, sakura_findings_readers},
            {"GET", "/api/v1/findings/summary", sakura_query("/api/v1/findings/summary"), nullptr,
             sakura_findings_readers},
            {"GET", "/api/v1/findings/{id}", sakura_finding(""), nullptr, sakura_findings_readers},
            // デモ総合病院's FortiGate: its health centre and prefecture read it; no vendor runs it.
            {"GET", "/api/v1/findings/{id}",
             [this] {
                 return "/api/v1/findings/" +
                        demo_scalar("SELECT MIN(f.id) FROM findings f JOIN assets a ON a.id = f.asset_id WHERE "
                                    "a.name LIKE 'VPN装置（FortiGate%'");
             },
             nullptr, {"hc-inspector", "pref-inspector", "pref-admin"}},
            {"POST", "/api/v1/findings/{id}/state", sakura_finding("/state"),
             json{{"state", "in_progress"}, {"version", 999}}, sakura_editors},
            {"GET", "/api/v1/ledger/assets/{id}/findings",
             [this] {
                 return "/api/v1/ledger/assets/" +
                        demo_scalar("SELECT MIN(f.asset_id) FROM findings f JOIN assets a ON a.id = f.asset_id JOIN "
                                    "organisations o ON o.id = a.organisation_id WHERE o.name = 'さくら内科クリニック' "
                                    "AND a.system_id IS NOT NULL") +
                        "/findings";
             },
             nullptr, sakura_findings_readers},
            {"GET", "/api/v1/exposure/national", fixed("/api/v1/exposure/national"), nullptr,
             {"ministry-admin", "analyst"}},
            {"POST", "/api/v1/exposure/check", fixed("/api/v1/exposure/check"),
             json{{"cpes", {"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*"}}}, signed_in},
            {"POST", "/api/v1/exposure/rematch", fixed("/api/v1/exposure/rematch"), json::object(),
             {"ministry-admin"}},
        };
        rows.insert(rows.end(), findings_rows.begin(), findings_rows.end());
    }
    // National statistics (issue 18): the ministry and the prefectures (a prefecture only its own); nobody
    // else, whatever the parameters.
    {
        const std::set<std::string> statistics_readers = {"ministry-admin", "analyst", "pref-admin",
                                                             "pref-inspector", "pref-analyst"};
        const std::vector<Row> statistics_rows = {
            {"GET", "/api/v1/statistics/context", fixed("/api/v1/statistics/context"), nullptr, statistics_readers},
            {"GET", "/api/v1/statistics/items", fixed("/api/v1/statistics/items?form=medical"), nullptr,
             statistics_readers},
            {"GET", "/api/v1/statistics/item", fixed("/api/v1/statistics/item?item=IR-03&by=bed_band"), nullptr,
             statistics_readers},
            {"GET", "/api/v1/statistics/item", fixed("/api/v1/statistics/item?item=IR-03&prefecture=27"), nullptr,
             {"ministry-admin", "analyst"}},
            {"GET", "/api/v1/statistics/cross", fixed("/api/v1/statistics/cross?item=IR-03"), nullptr,
             statistics_readers},
            {"GET", "/api/v1/statistics/cross", fixed("/api/v1/statistics/cross?item=IR-03&prefecture=27"),
             nullptr, {"ministry-admin", "analyst"}},
            {"GET", "/api/v1/statistics/trend", fixed("/api/v1/statistics/trend?item=IR-03"), nullptr,
             statistics_readers},
            {"GET", "/api/v1/statistics/rates", fixed("/api/v1/statistics/rates?by=facility_kind"), nullptr,
             statistics_readers},
            {"GET", "/api/v1/statistics/targets", fixed("/api/v1/statistics/targets?item=IR-03"), nullptr,
             statistics_readers},
            {"GET", "/api/v1/statistics/open-data", fixed("/api/v1/statistics/open-data"), nullptr,
             {"ministry-admin", "analyst"}},
            {"GET", "/api/v1/statistics/open-data/dictionary", fixed("/api/v1/statistics/open-data/dictionary"),
             nullptr, {"ministry-admin", "analyst"}},
            {"GET", "/api/v1/statistics/indicators", fixed("/api/v1/statistics/indicators"), nullptr,
             statistics_readers},
            {"GET", "/api/v1/statistics/indicators",
             fixed("/api/v1/statistics/indicators?fiscal_year=2025&by=bed_band"), nullptr, statistics_readers},
        };
        rows.insert(rows.end(), statistics_rows.begin(), statistics_rows.end());
        // The survey module (issue 18, item 3): its analyst side is the statistics readers'; its questionnaire
        // targets hospitals, so さくら's users list none (200, empty) and reach no questionnaire (404), and
        // nobody else has a list. Writes carry a body that would pass the checks (the hospital side is
        // tests/survey_api_test.cpp's).
        const json survey_answers = {{"revision", 0}, {"answers", {{"ehr_in_use", "yes"}}}};
        const std::vector<Row> survey_rows = {
            {"GET", "/api/v1/surveys", fixed("/api/v1/surveys"), nullptr, sakura_own},
            {"GET", "/api/v1/surveys/{questionnaire}/{version}", fixed("/api/v1/surveys/mhlw-hospital/2026"),
             nullptr, {}},
            {"PUT", "/api/v1/surveys/{questionnaire}/{version}/response",
             fixed("/api/v1/surveys/mhlw-hospital/2026/response"), survey_answers, {}},
            {"POST", "/api/v1/surveys/{questionnaire}/{version}/response/submit",
             fixed("/api/v1/surveys/mhlw-hospital/2026/response/submit"), json{{"revision", 0}}, {}},
            {"GET", "/api/v1/surveys/{questionnaire}/{version}/response/history",
             fixed("/api/v1/surveys/mhlw-hospital/2026/response/history"), nullptr, {}},
            {"GET", "/api/v1/statistics/surveys", fixed("/api/v1/statistics/surveys"), nullptr, statistics_readers},
            {"GET", "/api/v1/statistics/surveys/{questionnaire}/{version}",
             fixed("/api/v1/statistics/surveys/mhlw-hospital/2026?by=bed_band"), nullptr, statistics_readers},
            {"GET", "/api/v1/statistics/surveys/{questionnaire}/{version}",
             fixed("/api/v1/statistics/surveys/mhlw-hospital/2023?format=xlsx"), nullptr, statistics_readers},
        };
        rows.insert(rows.end(), survey_rows.begin(), survey_rows.end());
    }
    // The device ledger (機器台帳, issue 17 — ledger): the institution's own users read, its administrators,
    // security managers and editors write; its health centre's and prefecture's inspectors (and the prefecture's
    // administrator) read with ?organisation=; the demo vendor (both its people) reads only the assets of
    // さくら's レセコン, which it runs; the second vendor nothing. デモ総合病院's assets are not さくら's (404), and
    // its network asset is no system of the demo vendor. Writes carry a stale version (409 past the check) or
    // another institution's system (400 past the check), nothing stored.
    const auto asset_of = [this](std::string name, std::string suffix) {
        return [this, name, suffix] {
            return "/api/v1/ledger/assets/" + demo_scalar("SELECT MIN(id) FROM assets WHERE name = '" + name + "'") +
                   suffix;
        };
    };
    const auto of_sakura = [this](std::string path) {
        return [this, path] { return path + "?organisation=" + org("さくら内科クリニック"); };
    };
    const std::set<std::string> ledger_inspectors = {"hc-inspector", "pref-inspector", "pref-admin"};
    std::set<std::string> sakura_ledger_readers = sakura_own, receipt_readers = sakura_own;
    sakura_ledger_readers.insert(ledger_inspectors.begin(), ledger_inspectors.end());
    receipt_readers.insert(ledger_inspectors.begin(), ledger_inspectors.end());
    receipt_readers.insert({"vendor-admin", "vendor-respondent"});
    const json stale_asset = {{"version", 999}, {"name", "レセコンサーバ"}, {"asset_class", "server"}};
    const json foreign_system = {
        {"name", "検査用PC"},
        {"system_id", std::stoll(demo_scalar("SELECT MIN(s.id) FROM systems s JOIN organisations o ON o.id = "
                                             "s.organisation_id WHERE o.name = 'デモ総合病院'"))}};
    const std::vector<Row> ledger_rows = {
        {"GET", "/api/v1/ledger/assets", fixed("/api/v1/ledger/assets"), nullptr, sakura_own},
        {"GET", "/api/v1/ledger/assets", of_sakura("/api/v1/ledger/assets"), nullptr, receipt_readers},
        {"POST", "/api/v1/ledger/assets", fixed("/api/v1/ledger/assets"), foreign_system, sakura_editors},
        {"GET", "/api/v1/ledger/assets/{id}", asset_of("レセコンサーバ", ""), nullptr, receipt_readers},
        {"GET", "/api/v1/ledger/assets/{id}", asset_of("受付PC", ""), nullptr, sakura_ledger_readers},
        {"GET", "/api/v1/ledger/assets/{id}", asset_of("コアスイッチ", ""), nullptr, ledger_inspectors},
        {"PUT", "/api/v1/ledger/assets/{id}", asset_of("レセコンサーバ", ""), stale_asset, sakura_editors},
        {"PUT", "/api/v1/ledger/assets/{id}", asset_of("コアスイッチ", ""), stale_asset, {}},
        {"POST", "/api/v1/ledger/assets/{id}/retire", asset_of("レセコンサーバ", "/retire"),
         json{{"version", 999}, {"reason", "x"}}, sakura_editors},
        {"POST", "/api/v1/ledger/assets/{id}/restore", asset_of("レセコンサーバ", "/restore"),
         json{{"version", 999}, {"reason", "x"}}, sakura_editors},
        {"GET", "/api/v1/ledger/assets/{id}/versions", asset_of("レセコンサーバ", "/versions"), nullptr,
         receipt_readers},
        {"GET", "/api/v1/ledger/assets/{id}/versions", asset_of("コアスイッチ", "/versions"), nullptr,
         ledger_inspectors},
        {"GET", "/api/v1/ledger/assets/{id}/cpe-suggestions", asset_of("レセコンサーバ", "/cpe-suggestions"), nullptr,
         receipt_readers},
        {"GET", "/api/v1/ledger/assets/{id}/cpe-suggestions", asset_of("コアスイッチ", "/cpe-suggestions"), nullptr,
         ledger_inspectors},
        {"GET", "/api/v1/ledger/summary", fixed("/api/v1/ledger/summary"), nullptr, sakura_own},
        {"GET", "/api/v1/ledger/summary", of_sakura("/api/v1/ledger/summary"), nullptr, receipt_readers},
        {"GET", "/api/v1/ledger/systems", fixed("/api/v1/ledger/systems"), nullptr, sakura_own},
        {"GET", "/api/v1/ledger/export.csv", of_sakura("/api/v1/ledger/export.csv"), nullptr, receipt_readers},
        {"GET", "/api/v1/ledger/export.xlsx", fixed("/api/v1/ledger/export.xlsx"), nullptr, sakura_own},
        {"GET", "/api/v1/ledger/export.pdf", of_sakura("/api/v1/ledger/export.pdf"), nullptr, receipt_readers},
    };
    rows.insert(rows.end(), ledger_rows.begin(), ledger_rows.end());
    // Owner only: the token belongs to clinic-admin (created below).
    rows.push_back({"DELETE",
                    "/api/v1/me/tokens/{id}",
                    [this] { return "/api/v1/me/tokens/" + clinic_admin_token_; },
                    nullptr,
                    {"clinic-admin"}});
    // Imports into the device ledger (issue 17, imports): the institution's administrators, security managers
    // and editors; viewers 403, anyone else 404. An upload that is not the template is 400 past the check
    // (nothing stored); an import nobody has is 404 for everyone.
    {
        const std::vector<Row> ledger_import_rows = {
            {"GET", "/api/v1/ledger/imports/template.csv", fixed("/api/v1/ledger/imports/template.csv"), nullptr,
             signed_in},
            {"GET", "/api/v1/ledger/imports/template.xlsx", fixed("/api/v1/ledger/imports/template.xlsx"), nullptr,
             signed_in},
            {"GET", "/api/v1/ledger/imports", fixed("/api/v1/ledger/imports"), nullptr, sakura_editors},
            {"POST", "/api/v1/ledger/imports", fixed("/api/v1/ledger/imports?format=template_csv&file_name=m.csv"),
             json{{"not", "a template"}}, sakura_editors},
            {"GET", "/api/v1/ledger/imports/{id}", fixed("/api/v1/ledger/imports/999999"), nullptr, {}},
            {"POST", "/api/v1/ledger/imports/{id}/confirm", fixed("/api/v1/ledger/imports/999999/confirm"),
             json::object(), {}},
            {"POST", "/api/v1/ledger/imports/{id}/discard", fixed("/api/v1/ledger/imports/999999/discard"),
             json::object(), {}},
        };
        rows.insert(rows.end(), ledger_import_rows.begin(), ledger_import_rows.end());
    }
    // Last: it ends the session.
    rows.push_back({"DELETE", "/api/v1/session", fixed("/api/v1/session"), nullptr, signed_in});

    // Every registered route has at least one row.
    {
        TempDir scratch;
        auto database = std::move(
            *store::Database::open(*store::parse_database_url(database_url(scratch.path() / "r.db")), 1));
        ASSERT_TRUE(store::migrate(*database, *store::embedded_migrations(database->dialect())));
        services::IdentityService identity(*database);
        auto catalog = services::CatalogService::load(embedded::catalog_files(), database.get());
        ASSERT_TRUE(catalog);
        services::AssessmentService assessments(*database, **catalog);
        services::StatisticsSnapshot statistics_snapshot(*database, **catalog);
        services::Statistics statistics(statistics_snapshot, **catalog);
        http::Metrics metrics;
        http::Router router;
        services::Surveys surveys(*database, statistics);
        api::register_routes(router,
                             {*database, metrics, identity, **catalog, assessments, statistics, surveys, false});
        std::set<std::string> covered;
        for (const auto& r : rows) covered.insert(r.method + " " + r.pattern);
        const auto documented = documented_routes();
        ASSERT_GT(documented.size(), 30u) << "docs/api/openapi.yaml was not read";
        for (const auto& route : router.routes()) {
            const std::string key = std::string(http::to_string(route.method)) + " " + route.pattern;
            EXPECT_TRUE(covered.contains(key)) << key << " (" << route.access << ") has no row in the matrix";
            EXPECT_TRUE(documented.contains(key)) << key << " is not in docs/api/openapi.yaml";
        }
    }

    std::vector<std::string> people = {"anonymous"};
    for (const auto& p : kPeople) people.push_back(p.name);
    {
        SessionClient owner = session_of("clinic-admin");
        auto created = owner.post("/api/v1/me/tokens", {{"name", "owned"}, {"scopes", {"read"}}});
        ASSERT_EQ(created.status, 201);
        clinic_admin_token_ = std::to_string(created.json()["id"].get<long long>());
    }
    int unique = 0;
    for (const auto& person : people) {
        SessionClient c = session_of(person);
        for (const auto& row : rows) {
            json body = row.body;
            if (body.is_object() && row.pattern.find("invitations") != std::string::npos &&
                row.pattern.find("accept") == std::string::npos)
                body["login"] = "invitee" + std::to_string(++unique) + "@matrix.example";
            const auto r = c.call(row.method, row.target(),
                                  row.body.is_null() ? std::nullopt : std::optional<json>(body));
            const bool expected = row.allowed.contains("everyone") ||
                                  (person != "anonymous" && row.allowed.contains("*")) ||
                                  row.allowed.contains(person);
            EXPECT_LT(r.status, 500) << person << " " << row.method << " " << row.target() << ": " << r.body;
            EXPECT_EQ(!refused(r.status), expected) << person << " " << row.method << " " << row.target()
                                                    << " → " << r.status << " " << r.body.substr(0, 200);
        }
    }
}

}  // namespace
}  // namespace mamori::testing

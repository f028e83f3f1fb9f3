// The demo personas: ready users of the demo organisations with public passwords, their checklists, and
// the demo marker that (with each persona's flag) waives two-factor authentication for them.
#include <fmt/format.h>

#include <chrono>
#include <string>

#include "demo_surveys.hpp"
#include "demo_records.hpp"
#include "demo_role_sharing.hpp"
#include "demo_statistics.hpp"
#include "demo_disclosures.hpp"
#include "demo_feeds.hpp"
#include "demo_assets.hpp"
#include "demo_preparedness.hpp"
#include "demo_systems.hpp"
#include "demo_vendor_links.hpp"
#include "demo_vendor_requests.hpp"
#include "demo_requests.hpp"
#include "identity_records.hpp"
#include "mamori/assessment/checklist.hpp"
#include "mamori/audit/audit_log.hpp"
#include "mamori/core/time.hpp"
#include "mamori/identity/passwords.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/services/demo.hpp"
#include "mamori/services/edition_drafts.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;

struct PersonaSpec {
    const char* login;
    const char* password;
    const char* display_name;
    const char* role;
    const char* organisation;  // the demo organisation's name (unique in the demo set)
};

// The passwords are public on purpose: they are printed on the console and listed on the login page of a
// demo database, and nowhere else.
constexpr PersonaSpec kPersonas[] = {
    {"sakura@demo.example", "sakura-demo-pass", "山田 花子（院長）", "administrator", "さくら内科クリニック"},
    {"hospital@demo.example", "hospital-demo-pass", "佐藤 健（安全管理責任者）", "security_manager",
     "デモ総合病院"},
    {"aoba@demo.example", "aoba-demo-pass", "鈴木 薫（薬局開設者）", "administrator", "あおば薬局"},
    {"hokenjo@demo.example", "hokenjo-demo-pass", "高橋 誠（保健所 立入検査担当）", "inspector",
     "デモ区保健所"},
    {"tokyo@demo.example", "tokyo-demo-pass", "伊藤 咲（東京都 管理者）", "administrator", "東京都"},
    {"mhlw@demo.example", "mhlw-demo-pass", "渡辺 直人（厚生労働省 分析担当）", "analyst", "厚生労働省"},
    {"mhlw-admin@demo.example", "mhlw-admin-demo-pass", "小林 真理（厚生労働省 管理者）", "administrator",
     "厚生労働省"},
    {"vendor@demo.example", "vendor-demo-pass", "中村 亮（デモ医療システム）", "vendor_respondent",
     "デモ医療システム株式会社"},
};

const audit::Context kDemoContext{"local", "demo"};

Error refused(std::string message) {
    return Error{ErrorCode::conflict, std::move(message), {}};
}

// create_personas: the missing persona users (flagged), the marker; inside the caller's transaction.
Result<int> create_personas(soci::session& sql) {
    int created = 0;
    for (const auto& persona : kPersonas) {
        const std::string login = persona.login, name = persona.display_name, org_name = persona.organisation;
        long long existing = 0;
        sql << "SELECT COUNT(*) FROM users WHERE login = :l", soci::use(login), soci::into(existing);
        if (existing > 0) continue;
        long long org = 0;
        soci::indicator found = soci::i_null;
        sql << "SELECT MIN(id) FROM organisations WHERE name = :n", soci::use(org_name),
            soci::into(org, found);
        if (found != soci::i_ok)
            return fail(
                ErrorCode::conflict,
                fmt::format("the demo organisation {} is missing: start the demo with an empty database",
                            org_name));
        const std::string hash = identity::hash_password(persona.password), now = records::iso_now();
        long long user_id = 0;
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
               "updated_at, "
               "password_changed_at, demo_persona) VALUES (:o, :l, :d, :h, :c, :u, :p, 1) RETURNING id",
            soci::use(org), soci::use(login), soci::use(name), soci::use(hash), soci::use(now),
            soci::use(now), soci::use(now), soci::into(user_id);
        records::set_user_roles(sql, user_id, {*identity::parse_role(persona.role)});
        audit::append(sql,
                      {.organisation_id = org,
                       .actor = "cli",
                       .action = "demo.persona_created",
                       .target = fmt::format("user:{}", user_id),
                       .detail = {{"login", login}, {"roles", persona.role}}},
                      kDemoContext);
        ++created;
    }
    const std::string now = records::iso_now();
    long long marked = 0;
    sql << "SELECT COUNT(*) FROM demo_installation", soci::into(marked);
    if (marked == 0) sql << "INSERT INTO demo_installation (id, created_at) VALUES (1, :c)", soci::use(now);
    // Users exist now: first-run setup is not needed, and its code must not linger.
    sql << "DELETE FROM setup_code";
    return created;
}

// persona_caller: the Caller of the persona with `login`.
identity::Caller persona_caller(store::Database& db, const std::string& login) {
    auto lease = db.acquire();
    return records::caller_for(*lease, *records::find_user_by_login(*lease, login));
}

bool has_assessment(store::Database& db, std::int64_t organisation_id, int fiscal_year) {
    auto lease = db.acquire();
    long long n = 0;
    const long long org = organisation_id;
    *lease << "SELECT COUNT(*) FROM assessments WHERE organisation_id = :o AND fiscal_year = :y",
        soci::use(org), soci::use(fiscal_year), soci::into(n);
    return n > 0;
}

assessment::Answer answer(assessment::AnswerValue value, year_month_day confirmed,
                          std::optional<year_month_day> target = std::nullopt) {
    return {.value = value, .confirmed_on = confirmed, .target_date = target};
}

// answer_lines: answers the first `count` lines (all when count < 0): はい, except every `no_every`-th line
// (from the third), which is いいえ with the fiscal year's last day as 目標日.
Status answer_lines(AssessmentService& service, const identity::Caller& caller, const AssessmentState& state,
                    int count, int no_every, year_month_day confirmed) {
    const auto last_day = fiscal_year_bounds(state.record.fiscal_year).second;
    int index = 0;
    for (const auto& line : assessment::checklist_rows(*state.form)) {
        if (count >= 0 && index >= count) break;
        const bool no = !line.is_gate() && index >= 2 && (index - 2) % no_every == 0;
        const auto value = no ? answer(assessment::AnswerValue::no, confirmed, last_day)
                              : answer(assessment::AnswerValue::yes, confirmed);
        auto saved = service.save_answer(caller, state.record.id, line.key, {0, value}, kDemoContext);
        if (!saved) return fail(saved.error());
        ++index;
    }
    return {};
}

// create_content: the hospital's draft of this fiscal year, partly answered with some いいえ, and the
// pharmacy's submitted checklist of last year. The clinic has none: its director starts it. Each piece is
// made only when missing, through the assessment service, so the data obeys every rule a person meets.
Status create_content(store::Database& db, AssessmentService& service) {
    const auto today = japan_date(system_clock::now());
    const int fy = fiscal_year(today);

    const auto hospital = persona_caller(db, "hospital@demo.example");
    if (!has_assessment(db, hospital.organisation.id, fy)) {
        auto created = service.create(hospital, hospital.organisation.id, fy, false, kDemoContext);
        if (!created) return fail(created.error());
        if (auto ok = answer_lines(service, hospital, *created, 12, 4, today); !ok) return ok;
    }
    if (auto ok = create_persona_survey_draft(db, hospital, kDemoContext); !ok) return ok;

    const auto pharmacy = persona_caller(db, "aoba@demo.example");
    if (!has_assessment(db, pharmacy.organisation.id, fy - 1)) {
        auto created = service.create(pharmacy, pharmacy.organisation.id, fy - 1, false, kDemoContext);
        if (!created) return fail(created.error());
        const auto confirmed = sys_days(fiscal_year_bounds(fy - 1).first) + days(200);
        if (auto ok = answer_lines(service, pharmacy, *created, -1, 9, year_month_day(confirmed)); !ok)
            return ok;
        auto state = service.get(pharmacy, created->record.id);
        if (!state) return fail(state.error());
        auto submitted = service.submit(pharmacy, created->record.id, state->record.version, kDemoContext);
        if (!submitted) return fail(submitted.error());
    }
    if (auto systems = create_systems_demo(db); !systems) return systems;
    if (auto prep = create_preparedness_demo(db); !prep) return prep;
    if (auto assets = create_assets_demo(db); !assets) return assets;
    if (auto links = create_vendor_links_demo(db); !links) return links;
    if (auto roles = create_role_sharing_demo(db); !roles) return roles;
    if (auto feeds = create_feeds_demo(db); !feeds) return feeds;
    if (auto disclosures = create_disclosures_demo(db); !disclosures) return disclosures;
    // The plan first: its notified visit of デモ総合病院 is the one the requests and the record demos use.
    if (auto plan = create_inspection_plan_demo(db); !plan) return plan;
    return create_request_demo(db, service);
}

// create_edition_draft: the ministry's open draft of 令和8年度版, started from R7 with the merged form, when
// the catalog has no r8 yet and no draft of it exists. It keeps R7's wording: the official R8 wording is
// not known here and is never invented; the edition's notes say so.
Status create_edition_draft(store::Database& db, CatalogService& catalog) {
    const auto snapshot = catalog.snapshot();
    if (snapshot->catalog().latest("r8") != nullptr || snapshot->catalog().latest("r7") == nullptr) return {};
    for (const auto& e : snapshot->catalog().editions)
        if (e.latest().fiscal_year == 2026) return {};
    {
        auto lease = db.acquire();
        long long drafts = 0;
        *lease << "SELECT COUNT(*) FROM edition_drafts WHERE edition_id = 'r8'", soci::into(drafts);
        if (drafts > 0) return {};
    }
    const auto admin = persona_caller(db, "mhlw-admin@demo.example");
    EditionDraftService drafts(db, catalog);
    auto draft = drafts.create(
        admin,
        {"r7", "r8", 2026, "医療機関・薬局におけるサイバーセキュリティ対策チェックリスト（令和8年度版・下書き）", true},
        kDemoContext);
    if (!draft) return fail(draft.error());
    auto document = catalog::Json::parse(draft->document);
    auto notes = document["edition"]["notes"];
    notes.push_back("デモの下書き: 令和8年度版の公式の文言はまだ入力されていません。各項目は令和7年度版の文言のままです。");
    auto noted = drafts.operate(admin, draft->id, draft->version,
                                {{"op", "set_edition"}, {"fields", {{"notes", notes}}}}, kDemoContext);
    if (!noted) return fail(noted.error());
    return {};
}

}  // namespace

Result<DemoInstallation> install_demo(store::Database& db, CatalogService& catalog,
                                      const DemoOptions& options) {
    DemoInstallation out;
    auto written = db.transaction([&](soci::session& sql) -> Result<int> {
        store::serialize(sql, store::SerialWork::first_run_setup);
        // A demo database stays one (people invited into it to try invitations do not make it real); any
        // other database with a user is a real installation.
        long long marked = 0, real_users = 0;
        sql << "SELECT COUNT(*) FROM demo_installation", soci::into(marked);
        sql << "SELECT COUNT(*) FROM users WHERE demo_persona = 0", soci::into(real_users);
        if (marked == 0 && real_users > 0)
            return fail(refused(fmt::format(
                "this database holds {} user account(s) that are not demo personas: demo mode (ready users "
                "with public passwords and no two-factor authentication) is never added to it; nothing was "
                "changed. Start the demo with a new, empty database (e.g. another --data-dir)",
                real_users)));
        long long organisations = 0;
        sql << "SELECT COUNT(*) FROM organisations", soci::into(organisations);
        if (organisations == 0) {
            insert_demo_organisations(sql, options);
            out.organisations_loaded = true;
        } else if (!has_demo_organisations(sql)) {
            return fail(
                refused("this database holds organisations that are not the demo set (e.g. imported from the "
                        "facility "
                        "master): demo mode is not added to it; nothing was changed. Start the demo with a "
                        "new, empty "
                        "database (e.g. another --data-dir)"));
        }
        auto created = create_personas(sql);
        if (!created) return created;
        sql << "SELECT COUNT(*) FROM organisations", soci::into(organisations);
        out.organisations = static_cast<std::size_t>(organisations);
        return created;
    });
    if (!written) return fail(written.error());
    out.personas_created = *written;
    AssessmentService assessments(db, catalog);
    if (auto content = create_content(db, assessments); !content)
        return fail(ErrorCode::internal,
                    fmt::format("the demo checklists could not be created: {}", content.error().message));
    if (auto record = create_inspection_record_demo(db, catalog); !record)
        return fail(ErrorCode::internal, fmt::format("the demo inspection record could not be created: {}",
                                                     record.error().message));
    if (auto vendor = create_vendor_requests_demo(db, catalog); !vendor)
        return fail(ErrorCode::internal, fmt::format("the demo vendor requests could not be created: {}",
                                                     vendor.error().message));
    if (auto draft = create_edition_draft(db, catalog); !draft)
        return fail(ErrorCode::internal,
                    fmt::format("the demo edition draft could not be created: {}", draft.error().message));
    // Last: the national sample that gives the statistics numbers to show (demo_statistics.hpp).
    if (options.statistics_sample) {
        const auto snapshot = catalog.snapshot();
        auto sample =
            create_statistics_sample(db, snapshot->catalog(), japan_date(std::chrono::system_clock::now()));
        if (!sample)
            return fail(
                ErrorCode::internal,
                fmt::format("the demo's national sample could not be created: {}", sample.error().message));
        out.organisations += sample->institutions;  // counted above, before the sample
    }
    auto personas = demo_personas(db);
    if (!personas) return fail(personas.error());
    if (*personas) out.personas = std::move(**personas);
    return out;
}

Result<std::optional<std::vector<DemoPersona>>> demo_personas(store::Database& db) {
    auto lease = db.acquire();
    soci::session& sql = *lease;
    long long marked = 0;
    sql << "SELECT COUNT(*) FROM demo_installation", soci::into(marked);
    if (marked == 0) return std::optional<std::vector<DemoPersona>>();
    std::vector<DemoPersona> out;
    for (const auto& persona : kPersonas) {
        const std::string login = persona.login;
        std::string display_name, org_name, org_kind;
        soci::indicator found = soci::i_null;
        sql << "SELECT u.display_name, o.name, o.kind FROM users u JOIN organisations o ON o.id = "
               "u.organisation_id "
               "WHERE u.login = :l AND u.demo_persona = 1 AND u.disabled_at IS NULL",
            soci::use(login), soci::into(display_name, found), soci::into(org_name), soci::into(org_kind);
        if (!sql.got_data() || found != soci::i_ok) continue;
        out.push_back({login, persona.password, display_name, persona.role, org_name, org_kind});
    }
    return std::optional<std::vector<DemoPersona>>(std::move(out));
}

bool demo_mfa_waived(soci::session& sql, std::int64_t user_id) {
    long long waived = 0;
    const long long id = user_id;
    sql << "SELECT COUNT(*) FROM users u JOIN demo_installation d ON d.id = 1 WHERE u.id = :i AND "
           "u.demo_persona = 1",
        soci::use(id), soci::into(waived);
    return waived > 0;
}

}  // namespace mamori::services

#include "demo_preparedness.hpp"

#include <chrono>

#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/preparedness.hpp"
#include "mamori/services/systems_register.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;
using nlohmann::json;
using preparedness::RecordKind;

const audit::Context demo_context{"local", "demo"};

std::string day(int plus_days) {
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + days(plus_days)));
}

// Persona: what differs between the hospital's records and the clinic's. Telephone numbers are fictional
// (the 0000 blocks); the ministry's and the police's rows stay as pre-filled, to be filled in.
struct Persona {
    const char* login;
    std::vector<json> people;  // internal contacts
    const char* offline_system;
    const char* online_system;
    const char* report_to;  // the closed incident was reported to
};

Persona hospital() {
    return {"hospital@demo.example",
            {{{"kind", "internal"},
              {"role", "manager"},
              {"person_name", "高橋 誠（病院長）"},
              {"phone", "03-0000-1001"},
              {"position", 1}},
             {{"kind", "internal"},
              {"role", "security_officer"},
              {"person_name", "伊藤 直子（医療情報部長）"},
              {"phone", "03-0000-1002"},
              {"email", "security@hospital.demo.example"},
              {"position", 2}},
             {{"kind", "internal"},
              {"role", "system_staff"},
              {"department", "医療情報部"},
              {"person_name", "中村 健"},
              {"phone", "03-0000-1003"},
              {"note", "夜間・休日は当番表の担当者へ"},
              {"position", 3}},
             {{"kind", "internal"},
              {"role", "department"},
              {"department", "医事課"},
              {"person_name", "小林 由美"},
              {"phone", "03-0000-1004"},
              {"position", 4}},
             {{"kind", "internal"},
              {"role", "department"},
              {"department", "看護部"},
              {"person_name", "加藤 恵"},
              {"phone", "03-0000-1005"},
              {"position", 5}}},
            "電子カルテ（全病棟・外来）",
            "医事会計システム（レセコン）",
            "ministry"};
}

Persona clinic() {
    return {"sakura@demo.example",
            {{{"kind", "internal"},
              {"role", "manager"},
              {"person_name", "山田 花子（院長）"},
              {"phone", "03-0000-2001"},
              {"position", 1}},
             {{"kind", "internal"},
              {"role", "security_officer"},
              {"person_name", "山田 花子（院長）"},
              {"phone", "03-0000-2001"},
              {"note", "院長が兼務"},
              {"position", 2}},
             {{"kind", "internal"},
              {"role", "system_staff"},
              {"person_name", "佐々木 亮（事務長）"},
              {"phone", "03-0000-2002"},
              {"position", 3}}},
            "クラウド型電子カルテ",
            "レセコン",
            "health_centre"};
}

Status fill(store::Database& db, const Persona& p) {
    identity::Caller caller;
    {
        auto lease = db.acquire();
        auto user = records::find_user_by_login(*lease, p.login);
        if (!user) return {};
        caller = records::caller_for(*lease, *user);
    }
    PreparednessService prep(db);
    auto drills = prep.list(caller, RecordKind::drill);
    if (!drills) return fail(drills.error());
    if (!drills->records.empty()) return {};  // made before
    auto chart = prep.contact_chart(caller, demo_context);
    if (!chart) return fail(chart.error());
    for (const auto& person : p.people)
        if (auto made = prep.create(caller, RecordKind::contact, person, demo_context); !made)
            return fail(made.error());

    // The vendors of the systems register, one row per system with a vendor.
    SystemsRegister systems(db);
    auto registered = systems.list(caller);
    if (!registered) return fail(registered.error());
    std::optional<std::int64_t> offline_system, online_system;
    int position = 100;
    for (const auto& s : registered->in_use) {
        if (s.record.name == p.offline_system) offline_system = s.id;
        if (s.record.name == p.online_system) online_system = s.id;
        if (s.record.vendor_name.empty()) continue;
        auto made = prep.create(caller, RecordKind::contact,
                                {{"kind", "vendor"},
                                 {"system_id", s.id},
                                 {"system_name", s.record.name},
                                 {"organisation_name", s.record.vendor_name},
                                 {"person_name", "保守窓口"},
                                 {"phone", "0120-000-" + std::to_string(100 + position)},
                                 {"position", position++}},
                                demo_context);
        if (!made) return fail(made.error());
    }
    auto reviewed = prep.review_chart(
        caller, chart->chart.version,
        {{"reviewed_on", day(-60)}, {"reviewer", p.people.front()["person_name"]}}, demo_context);
    if (!reviewed) return fail(reviewed.error());

    // Two backups: one with an offline copy and a restore test, one without (a warning shows).
    auto with_offline =
        prep.create(caller, RecordKind::backup,
                    {{"system_id", offline_system ? json(*offline_system) : json(nullptr)},
                     {"system_name", p.offline_system},
                     {"what", "診療データ（データベース全体）"},
                     {"frequency", "daily"},
                     {"generations", 7},
                     {"location", "外付けディスク（金庫で保管、2台を交互に使用）"},
                     {"offline_copy", true},
                     {"offline_form", "separate_media"},
                     {"responsible", p.people.size() > 2 ? p.people[2]["person_name"] : json("")}},
                    demo_context);
    if (!with_offline) return fail(with_offline.error());
    auto tested =
        prep.create(caller, RecordKind::restore_test,
                    {{"backup_id", with_offline->id},
                     {"tested_on", day(-95)},
                     {"restored", "前日分のデータベースを検証用端末へ復元し、患者3名のカルテを確認"},
                     {"minutes", 80},
                     {"result", "success"}},
                    demo_context);
    if (!tested) return fail(tested.error());
    auto without = prep.create(caller, RecordKind::backup,
                               {{"system_id", online_system ? json(*online_system) : json(nullptr)},
                                {"system_name", p.online_system},
                                {"what", "会計・レセプトデータ"},
                                {"frequency", "weekly"},
                                {"generations", 2},
                                {"location", "院内NAS（常時接続）"},
                                {"offline_copy", false},
                                {"note", "オフラインの複製はまだない"}},
                               demo_context);
    if (!without) return fail(without.error());

    auto drill = prep.create(
        caller, RecordKind::drill,
        {{"held_on", day(-240)},
         {"scenario", "records_unavailable"},
         {"participants", "院長、看護師、受付、事務"},
         {"problems", "紙の受付票の置き場所を知らない職員がいた。保守業者の夜間連絡先が古かった。"},
         {"follow_ups", "紙運用の手順書を受付と診察室に置く。連絡体制図を更新する。"}},
        demo_context);
    if (!drill) return fail(drill.error());

    // One closed incident: a suspicious e-mail attachment opened on a reception PC.
    json checklist = json::array();
    for (const auto item : preparedness::kChecklistItems) {
        const bool done = std::string_view(item) != "report_police";
        checklist.push_back({{"item", std::string(item)},
                             {"done", done},
                             {"by", done ? p.people.back()["person_name"] : json("")},
                             {"at", done ? json(day(-150) + "T10:00") : json(nullptr)}});
    }
    auto incident = prep.create(
        caller, RecordKind::incident,
        {{"title", "受付PCで不審なメールの添付ファイルを開いた"},
         {"detected_at", day(-150) + "T09:20"},
         {"summary", "ウイルス対策ソフトが警告を出した。暗号化などの被害は見つからなかった。"},
         {"events",
          {{{"kind", "detected"}, {"at", day(-150) + "T09:20"}, {"note", "ウイルス対策ソフトの警告"}},
           {{"kind", "isolated"}, {"at", day(-150) + "T09:25"}, {"note", "LANケーブルを抜いた"}},
           {{"kind", "vendor_called"}, {"at", day(-150) + "T09:40"}},
           {{"kind", "reported"}, {"at", day(-150) + "T13:00"}},
           {{"kind", "restored"}, {"at", day(-149) + "T17:00"}, {"note", "初期化して再設定"}}}},
         {"checklist", checklist},
         {"reports", {{{"to", p.report_to}, {"at", day(-150) + "T13:00"}, {"reference", "電話で報告"}}}},
         {"status", "closed"},
         {"closed_at", day(-149)},
         {"lessons", "添付ファイルを開く前に送信元を確かめる。職員研修で取り上げる。"},
         {"bcp_rows", {"1-2", "5-2"}}},
        demo_context);
    if (!incident) return fail(incident.error());

    // Three rows of the BCP 確認表 answered (1-1 is left for the visitor).
    const json answers[] = {
        {{"row", "1-2"}, {"status", "done"}, {"evidence", "連絡体制図（2か月前に見直し）、訓練記録"}},
        {{"row", "5-2"}, {"status", "done"}, {"note", "不審メールの件の後、添付ファイルの扱いを決めた"}},
        {{"row", "5-5"}, {"status", "not_done"}, {"note", "保守業者への指示は文書にしていない"}}};
    for (const auto& a : answers) {
        json body = a;
        body.erase("row");
        auto answered = prep.answer_bcp(caller, a["row"].get<std::string>(), 0, body, demo_context);
        if (!answered) return fail(answered.error());
    }
    return {};
}

}  // namespace

Status create_preparedness_demo(store::Database& db) {
    if (auto ok = fill(db, hospital()); !ok) return ok;
    return fill(db, clinic());
}

}  // namespace mamori::services

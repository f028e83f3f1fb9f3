// The contact chart (PDF letter and CSV) and the draft BCP from an institution's preparedness records.
#include "mamori/documents/preparedness_documents.hpp"

#include <fmt/format.h>

#include "mamori/documents/csv_writer.hpp"

namespace mamori::documents {

namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string number(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? std::to_string(it->get<long long>()) : std::string();
}

std::string label(const std::vector<preparedness::Code>& codes, const std::string& code) {
    for (const auto& c : codes)
        if (c.code == code) return c.label_ja;
    return "";
}

std::string or_blank(std::string text) {
    return text.empty() ? "（未記入）" : text;
}

std::string system_of(const json& body, const std::vector<PaperSystem>& systems) {
    if (const auto it = body.find("system_id"); it != body.end() && it->is_number_integer())
        for (const auto& s : systems)
            if (s.id == it->get<std::int64_t>()) return s.name;
    return str(body, "system_name");
}

// internal_role: the role's label, with the department for a department row.
std::string internal_role(const json& c, const preparedness::Reference& reference) {
    const std::string role = label(reference.internal_roles, str(c, "role"));
    const std::string department = str(c, "department");
    if (department.empty()) return role;
    return role.empty() ? department : fmt::format("{}（{}）", role, department);
}

std::vector<json> contacts_of(const PreparednessPapers& papers, std::string_view kind) {
    std::vector<json> out;
    for (const auto& c : papers.contacts)
        if (str(c, "kind") == kind) out.push_back(c);
    return out;
}

std::string review_line(const json& chart) {
    const std::string on = str(chart, "reviewed_on"), by = str(chart, "reviewer");
    if (on.empty()) return "まだ見直していません";
    return by.empty() ? japanese_date(on) : fmt::format("{}（{}）", japanese_date(on), by);
}

std::string frequency(const json& b) {
    const std::string f = str(b, "frequency");
    if (f == "daily") return "毎日";
    if (f == "weekly") return "毎週";
    if (f == "monthly") return "毎月";
    const std::string note = str(b, "frequency_note");
    return note.empty() ? "その他" : fmt::format("その他（{}）", note);
}

std::string offline(const json& b) {
    if (!b.value("offline_copy", false)) return "なし";
    const std::string form = str(b, "offline_form");
    if (form == "separate_media") return "あり（別媒体・世代管理）";
    if (form == "nas_while_copying") return "あり（複製時のみ接続するNAS）";
    if (form == "logical_cloud") return "あり（論理的に分離したクラウド）";
    return "あり";
}

std::string result(const json& t) {
    const std::string r = str(t, "result");
    if (r == "success") return "成功";
    if (r == "partial") return "一部成功";
    if (r == "failed") return "失敗";
    return "";
}

std::string answer_status(const json& a) {
    const std::string s = a.is_object() ? str(a, "status") : "";
    if (s == "done") return "対応済";
    if (s == "not_done") return "未対応";
    if (s == "not_applicable") return "該当なし";
    return "未回答";
}

std::string footer(const PreparednessPapers& papers) {
    return fmt::format("{} ・ mamori で{}に作成", papers.organisation_name,
                       japanese_date(papers.generated_at));
}

// append_backup_blocks: the backups (system, what, how often, generations, offline copy, where) and the
// restore tests (date, which backup, what was restored, result, time taken).
void append_backup_blocks(std::vector<LetterBlock>& b, const PreparednessPapers& papers) {
    std::vector<std::vector<std::string>> backups, tests;
    for (const auto& k : papers.backups)
        backups.push_back({system_of(k, papers.systems), str(k, "what"), frequency(k),
                           number(k, "generations"), offline(k), str(k, "location")});
    if (backups.empty())
        b.push_back(paragraph("バックアップが登録されていません。"));
    else
        b.push_back(grid({"システム", "対象", "頻度", "世代", "オフライン保管", "保管場所"},
                         {2, 3, 1, 1, 2, 2}, std::move(backups)));
    for (const auto& t : papers.restore_tests) {
        std::string what;
        for (const auto& k : papers.backups)
            if (k.value("id", std::int64_t{0}) == t.value("backup_id", std::int64_t{-1}))
                what = fmt::format("{} {}", system_of(k, papers.systems), str(k, "what"));
        const std::string minutes = number(t, "minutes");
        tests.push_back({japanese_date(str(t, "tested_on")), what, str(t, "restored"), result(t),
                         minutes.empty() ? "" : minutes + "分"});
    }
    b.push_back(paragraph("復元テスト"));
    if (tests.empty())
        b.push_back(paragraph("復元テストの記録がありません。"));
    else
        b.push_back(grid({"実施日", "バックアップ", "戻したもの", "結果", "所要時間"}, {2, 3, 3, 1, 1},
                         std::move(tests)));
}

}  // namespace

std::string first_response_label(std::string_view item) {
    if (item == "disconnect_network") return "ネットワークから切り離す";
    if (item == "preserve_logs") return "ログを保全する";
    if (item == "call_vendor") return "システム事業者に連絡する";
    if (item == "report_ministry") return "厚生労働省に報告する";
    if (item == "report_police") return "警察に相談・通報する";
    if (item == "paper_operations") return "紙運用などの代替手段に切り替える";
    return "";
}

Letter contact_chart_letter(const PreparednessPapers& papers, const preparedness::Reference& reference) {
    Letter letter;
    letter.title = "連絡体制図";
    letter.footer = footer(papers);
    constexpr double kLarge = 14;
    letter.blocks.push_back(large(table({{"医療機関", papers.organisation_name},
                                         {"最終見直し", review_line(papers.chart)},
                                         {"作成日", japanese_date(papers.generated_at)}}),
                                  11));
    const auto section = [&](std::string title, std::vector<std::string> header,
                             std::vector<std::vector<std::string>> rows) {
        letter.blocks.push_back(large(heading(std::move(title)), 16));
        if (rows.empty())
            letter.blocks.push_back(large(paragraph("（登録されていません）"), 12));
        else
            letter.blocks.push_back(
                large(grid(std::move(header), {3, 2.5, 3, 3.5}, std::move(rows)), kLarge));
    };
    std::vector<std::vector<std::string>> inside, vendors, outside;
    for (const auto& c : contacts_of(papers, "internal"))
        inside.push_back({internal_role(c, reference), or_blank(str(c, "person_name")),
                          or_blank(str(c, "phone")), str(c, "email")});
    for (const auto& c : contacts_of(papers, "vendor"))
        vendors.push_back({system_of(c, papers.systems),
                           fmt::format("{}\n{}", str(c, "organisation_name"), str(c, "person_name")),
                           or_blank(str(c, "phone")), str(c, "email")});
    for (const auto& c : contacts_of(papers, "external"))
        outside.push_back(
            {str(c, "organisation_name"), str(c, "person_name"), or_blank(str(c, "phone")), str(c, "email")});
    section("院内", {"役割・部署", "氏名", "電話", "メール"}, std::move(inside));
    section("システム事業者", {"システム", "事業者・担当者", "電話", "メール"}, std::move(vendors));
    section("外部機関", {"機関", "担当者", "電話", "メール"}, std::move(outside));
    letter.blocks.push_back(
        paragraph("異常に気付いたら、まず院内の連絡先に知らせてください。番号が（未記入）の欄は、確かめて記入"
                  "してください。"));
    return letter;
}

std::string contact_chart_csv(const PreparednessPapers& papers, const preparedness::Reference& reference) {
    std::string out(kCsvBom);
    append_csv_record(out,
                      {"区分", "役割・機関", "部署・システム", "組織名", "担当者", "電話", "メール", "備考"});
    for (const auto& c : papers.contacts) {
        const std::string kind = str(c, "kind");
        const std::string section = kind == "internal" ? "院内"
                                    : kind == "vendor" ? "システム事業者"
                                                       : "外部機関";
        const std::string role = kind == "internal"   ? label(reference.internal_roles, str(c, "role"))
                                 : kind == "external" ? label(reference.external_bodies, str(c, "body"))
                                                      : "";
        const std::string where = kind == "vendor" ? system_of(c, papers.systems) : str(c, "department");
        const std::vector<std::string> row{section,
                                           role,
                                           where,
                                           str(c, "organisation_name"),
                                           str(c, "person_name"),
                                           str(c, "phone"),
                                           str(c, "email"),
                                           str(c, "note")};
        append_csv_record(out, row);
    }
    return out;
}

Letter bcp_letter(const PreparednessPapers& papers, const preparedness::Reference& reference,
                  const preparedness::BcpChecklist& checklist) {
    Letter letter;
    letter.title = "医療情報システムの事業継続計画（BCP）（案）";
    letter.date = japanese_date(papers.generated_at);
    letter.addressee = papers.organisation_name;
    letter.footer = footer(papers) + " ・ 下書き";
    auto& b = letter.blocks;
    b.push_back(paragraph(fmt::format(
        "この文書は、{}が mamori "
        "に記録した内容から自動で作成した下書きです。厚生労働省の「医療情報システム部門等に"
        "おける事業継続計画(BCP)のひな形」そのものではありません。ひな形と「{}"
        "」を参照し、自院の実情に合わせて修正・"
        "追記したうえで、管理者の承認を得て職員に周知してください。章の見出しは mamori によるものです。",
        papers.organisation_name, checklist.title_ja)));

    b.push_back(heading("第1章 体制と連絡先"));
    std::vector<std::pair<std::string, std::string>> heads;
    for (const auto& c : contacts_of(papers, "internal")) {
        const std::string role = str(c, "role");
        if (role == "manager" || role == "security_officer")
            heads.emplace_back(label(reference.internal_roles, role), or_blank(str(c, "person_name")));
    }
    if (heads.empty())
        heads.emplace_back("責任者", "（未記入：管理者と医療情報システム安全管理責任者を記入してください）");
    b.push_back(table(std::move(heads)));
    b.push_back(paragraph(fmt::format("連絡体制図の最終見直し：{}", review_line(papers.chart))));
    std::vector<std::vector<std::string>> inside, vendors, outside;
    for (const auto& c : contacts_of(papers, "internal"))
        inside.push_back({internal_role(c, reference), str(c, "person_name"), str(c, "phone")});
    for (const auto& c : contacts_of(papers, "vendor"))
        vendors.push_back({system_of(c, papers.systems), str(c, "organisation_name"), str(c, "person_name"),
                           str(c, "phone")});
    for (const auto& c : contacts_of(papers, "external"))
        outside.push_back({str(c, "organisation_name"), str(c, "person_name"), or_blank(str(c, "phone"))});
    b.push_back(paragraph("部門連絡先"));
    b.push_back(grid({"部署・役割", "担当者", "連絡先"}, {4, 3, 3}, std::move(inside)));
    b.push_back(paragraph("医療システム・サービス事業者連絡先"));
    b.push_back(grid({"システム", "事業者", "担当者", "連絡先"}, {3, 3, 2, 2}, std::move(vendors)));
    b.push_back(paragraph("外部機関"));
    b.push_back(grid({"機関", "担当者", "連絡先"}, {4, 3, 3}, std::move(outside)));

    b.push_back(heading("第2章 医療情報システム"));
    std::vector<std::vector<std::string>> systems;
    for (const auto& s : papers.systems) systems.push_back({s.name, s.product, s.vendor});
    if (systems.empty())
        b.push_back(paragraph("システム台帳にシステムが登録されていません。"));
    else
        b.push_back(grid({"システム", "製品", "事業者"}, {4, 3, 3}, std::move(systems)));

    b.push_back(heading("第3章 バックアップと復旧"));
    append_backup_blocks(b, papers);

    b.push_back(heading("第4章 初動対応"));
    b.push_back(
        paragraph("サイバー攻撃が疑われるときは、次の項目を確認しながら対応します（インシデント記録の初動チェ"
                  "ックリストと同じ項目です）。"));
    int n = 0;
    for (const auto item : preparedness::kChecklistItems)
        b.push_back(paragraph(fmt::format("{}. {}", ++n, first_response_label(item))));

    b.push_back(heading("第5章 訓練"));
    std::vector<std::vector<std::string>> drills;
    for (const auto& d : papers.drills) {
        std::string scenario = label(reference.scenarios, str(d, "scenario"));
        if (const std::string note = str(d, "scenario_note"); !note.empty())
            scenario += fmt::format("（{}）", note);
        drills.push_back({japanese_date(str(d, "held_on")), scenario, str(d, "participants"),
                          str(d, "problems"), str(d, "follow_ups")});
    }
    if (drills.empty())
        b.push_back(paragraph("訓練の記録がありません。"));
    else
        b.push_back(grid({"実施日", "想定", "参加者", "課題", "改善"}, {2, 3, 2, 3, 3}, std::move(drills)));

    b.push_back(heading(fmt::format("第6章 {}の回答", checklist.title_ja)));
    b.push_back(
        paragraph("確かめられた項目だけを収録しています。各項目の出典は mamori の参照データにあります。"));
    for (const auto& phase : checklist.phases) {
        b.push_back(paragraph(fmt::format("{}. {}", phase.code, phase.label_ja)));
        if (phase.rows.empty()) {
            if (!phase.note_ja.empty()) b.push_back(paragraph(phase.note_ja));
            continue;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : phase.rows) {
            const auto found = papers.bcp_answers.find(row.code);
            const json answer = found == papers.bcp_answers.end() ? json() : found->second;
            rows.push_back({row.code, row.heading_ja, answer_status(answer),
                            answer.is_object() ? str(answer, "note") : "",
                            answer.is_object() ? str(answer, "evidence") : ""});
        }
        b.push_back(
            grid({"項番", "確認項目", "状況", "メモ", "根拠資料"}, {1, 4, 1.3, 2.5, 2.5}, std::move(rows)));
        if (!phase.note_ja.empty()) b.push_back(paragraph(phase.note_ja));
    }
    return letter;
}

Letter backup_register_letter(const PreparednessPapers& papers) {
    Letter letter;
    letter.title = "バックアップと復元テストの記録";
    letter.date = japanese_date(papers.generated_at);
    letter.addressee = papers.organisation_name;
    letter.footer = footer(papers);
    letter.blocks.push_back(
        paragraph("mamori のバックアップ台帳に記録した内容です。オフライン保管は、別媒体での世代管理、複製時の"
                  "み接続するNAS、論理的に分離したクラウドのいずれかです。"));
    append_backup_blocks(letter.blocks, papers);
    return letter;
}

}  // namespace mamori::documents

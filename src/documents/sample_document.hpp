/// @file
/// @brief A realistic assessment document for the documents' tests and benchmarks (header only, not part
/// of mamori_lib): the 令和7年度 医療機関確認用 items with device-class rows, a gate question, every kind of
/// answer (はい, いいえ with 目標日, 記入不要, 確認不要, none), 要再確認 rows, rows the catalog marks unconfirmed (never printed), and notes with line
/// breaks, commas, quotes and a leading "=".
///
///     AssessmentDocument doc = sample_document({.rows = 25, .second_confirmation = true});
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "mamori/documents/assessment_document.hpp"

namespace mamori::documents::testing {

struct SampleOptions {
    std::size_t rows = 25;
    bool second_confirmation = false;
    bool submitted = true;
};

inline AssessmentDocument sample_document(SampleOptions options = {}) {
    struct Item {
        const char* id;
        const char* key;
        const char* number;
        const char* section;
        const char* text;
        const char* label;
        bool unconfirmed;
    };
    static const Item items[] = {
        {"PRE-00", "main", "", "医療情報システムの有無", "医療情報システムを導入、運用している。", "", false},
        {"GOV-01", "main", "1-①", "体制構築", "医療情報システム安全管理責任者を設置している。", "", false},
        {"AST-01", "general", "2-①", "医療情報システムの管理・運用",
         "サーバ、端末PC、ネットワーク機器の台帳管理を行っている。", "医療情報システム全般", false},
        {"VND-01", "general", "2-②", "医療情報システムの管理・運用",
         "リモートメンテナンス(保守)を利用している機器の有無を事業者に確認した。", "医療情報システム全般",
         false},
        {"VND-02", "general", "2-③", "医療情報システムの管理・運用",
         "事業者から製造業者/サービス事業者による医療情報セキュリティ開示書(MDS/SDS)を提出してもらう。",
         "医療情報システム全般", false},
        {"IAM-01", "server", "2-④", "医療情報システムの管理・運用",
         "利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。", "サーバ", false},
        {"IAM-01", "terminal", "2-④", "医療情報システムの管理・運用",
         "利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。", "端末PC", false},
        {"IAM-02", "server", "2-⑤", "医療情報システムの管理・運用",
         "退職者や使用していないアカウント等、不要なアカウントを削除している。", "サーバ", false},
        {"IAM-02", "terminal", "2-⑤", "医療情報システムの管理・運用",
         "退職者や使用していないアカウント等、不要なアカウントを削除している。", "端末PC", false},
        {"VUL-01", "general", "2-⑥", "医療情報システムの管理・運用",
         "セキュリティパッチ(最新ファームウェアや更新プログラム)を適用している。", "医療情報システム全般",
         false},
        {"IAM-03", "general", "2-⑦", "医療情報システムの管理・運用",
         "パスワードは英数字、記号が混在した8文字以上とし、定期的に変更している。"
         "※二要素認証、または13文字以上の場合は定期的な変更は不要",
         "医療情報システム全般", false},
        {"IAM-04", "general", "2-⑧", "医療情報システムの管理・運用", "パスワードの使い回しを禁止している。",
         "医療情報システム全般", true},
        {"DEV-01", "server+terminal", "2-⑨", "医療情報システムの管理・運用",
         "USBストレージ等の外部記録媒体の接続を制限している。", "サーバ、端末PC", false},
        {"IAM-05", "main", "2-⑩", "医療情報システムの管理・運用",
         "二要素認証の実装(令和9年度までの導入を目標)", "", false},
        {"LOG-01", "server", "2-⑪", "医療情報システムの管理・運用", "アクセスログを管理している。", "サーバ",
         false},
        {"HRD-01", "server+terminal", "2-⑫", "医療情報システムの管理・運用",
         "バックグラウンドで動作している不要なソフトウェア及びサービスを停止している。", "サーバ、端末PC",
         false},
        {"NET-01", "network", "2-⑬", "医療情報システムの管理・運用", "接続元制限を実施している。",
         "ネットワーク機器", false},
        {"IR-01", "main", "3-①", "インシデント発生に備えた対応",
         "インシデント発生時における組織内と外部関係機関(事業者、厚生労働省、警察等)への連絡体制図がある。",
         "", false},
        {"IR-02", "main", "3-②", "インシデント発生に備えた対応",
         "インシデント発生時に診療を継続するために必要な情報を検討し、データやシステムのバックアップの実施と"
         "復旧手順を確認している。",
         "", false},
        {"IR-03", "main", "3-③", "インシデント発生に備えた対応",
         "サイバー攻撃を想定した事業継続計画(BCP)を策定している。", "", false},
        {"GOV-02", "main", "3-④", "インシデント発生に備えた対応", "運用管理規程等の整備", "", true},
    };
    static const char* notes[] = {
        "",
        "保守事業者(株式会社サンプル医療システム)に確認済み。",
        "電子カルテ端末 12台、レセコン 2台、\"受付\"用PC 1台。\n台帳は院内共有フォルダで管理。",
        "=HYPERLINK(\"http://example.com\") のように見える記入も文字として扱う",
        "次回更新時に対応予定。理由:予算、人員, 業者の日程\r\n担当:事務長",
        "",
    };

    AssessmentDocument doc;
    doc.assessment_id = 4211;
    doc.institution_name = "医療法人社団さくら会 さくら内科クリニック";
    doc.institution_code = "1312345678";
    doc.fiscal_year = 2025;
    doc.fiscal_year_ja = "令和7年度";
    doc.edition_id = options.second_confirmation ? "r6" : "r7";
    doc.edition_revision = 2;
    doc.edition_title_ja = options.second_confirmation ? "令和6年度版" : "令和7年度版";
    doc.form_id = "medical";
    doc.form_title_ja = "医療機関確認用";
    doc.document_title_ja = "医療機関におけるサイバーセキュリティ対策チェックリスト";
    doc.has_second_confirmation = options.second_confirmation;
    doc.status = options.submitted ? "submitted" : "draft";
    doc.submitted_at = options.submitted ? "2025-06-20T01:30:00.000Z" : "";
    doc.submitted_by = options.submitted ? "山田 花子" : "";
    doc.generated_at = "2025-06-20T06:45:12.345Z";

    const std::size_t n = std::size(items);
    for (std::size_t i = 0; i < options.rows; ++i) {
        const Item& item = items[i % n];
        DocumentRow row;
        row.canonical_id = item.id;
        row.row_key = i < n ? item.key : std::string(item.key) + "-" + std::to_string(i / n + 1);
        row.number = item.number;
        row.section_ja = item.section;
        row.text_ja = item.text;
        row.row_label_ja = item.label;
        row.unconfirmed = item.unconfirmed;
        DocumentAnswer a;
        switch (i % 7) {
            case 0: a.value = "yes", a.confirmed_on = "2025-06-01"; break;
            case 1: a.value = "no", a.confirmed_on = "2025-06-02", a.target_date = "2026-03-31"; break;
            case 2: a.value = "yes", a.confirmed_on = "2025-05-30", a.needs_reconfirmation = true; break;
            case 3: a.value = "not_required", a.reason = "no_vendor_contract"; break;
            case 4: a.value = "not_required", a.reason = "gate"; break;
            case 5: a.value = "no", a.target_date = "2027-03-31"; break;
            default: break;
        }
        a.note = notes[i % std::size(notes)];
        if (options.second_confirmation && (a.value == "yes" || a.value == "no") && i % 2 == 0) {
            a.second_value = i % 4 == 0 ? "yes" : "no";
            a.second_confirmed_on = "2025-12-15";
        }
        if (!a.value.empty()) row.answer = a;
        doc.rows.push_back(std::move(row));
    }
    return doc;
}

}  // namespace mamori::documents::testing

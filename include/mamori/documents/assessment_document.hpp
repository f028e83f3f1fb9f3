/// @file
/// @brief One assessment as the documents show it: the institution, the edition and form, the submission
/// stamp and every answer row in the form's printed order. The services build it from the database and the
/// catalog; the renderers (xlsx.hpp, pdf.hpp, csv.hpp) turn it into files and xlsx.hpp reads our own .xlsx
/// back. Pure data, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mamori::documents {

// DocumentAnswer: the answer to one row, in the form's terms. Dates are ISO "YYYY-MM-DD".
struct DocumentAnswer {
    std::string value;                // "yes", "no", "not_required"
    std::string reason;               // for not_required: "gate" or "no_vendor_contract"; else empty
    std::string confirmed_on;         // 確認日, may be empty
    std::string target_date;          // 目標日, may be empty
    std::string second_value;         // 2回目: "yes", "no" or empty
    std::string second_confirmed_on;  // 2回目の確認日 or empty
    std::string note;
    bool needs_reconfirmation = false;  // 要再確認 (carried from last year, not yet confirmed)

    friend bool operator==(const DocumentAnswer&, const DocumentAnswer&) = default;
};

// DocumentEvidence: one piece of evidence kept for a line: a file (by name) or a link (its title and URL).
struct DocumentEvidence {
    std::string kind;       // "file" or "link"
    std::string name;       // the file name, or the link's title (may be empty for a link)
    std::string url;        // links only
    std::int64_t size = 0;  // files only, in bytes

    friend bool operator==(const DocumentEvidence&, const DocumentEvidence&) = default;
};

// DocumentRow: one printed answer line: an item, or one device-class row of an item.
struct DocumentRow {
    std::string canonical_id;  // "VUL-01"; the gate question has the gate's id ("PRE-00")
    std::string row_key;       // "main", "general", "server", …
    std::string number;        // as printed: "2-⑥"; empty for the gate question
    std::string section_ja;    // "医療情報システムの管理・運用"
    std::string text_ja;       // the item text
    std::string row_label_ja;  // "サーバ", "医療情報システム全般"; empty when the item has one row
    // The catalog marks the item's wording as inferred ([I]). Kept as a key of our own .xlsx, never printed:
    // an inspector would read 未確認 as "the institution did not confirm this".
    bool unconfirmed = false;
    std::optional<DocumentAnswer> answer;  // nullopt: not answered yet
    std::vector<DocumentEvidence> evidence;  // printed in the PDF's annex; not part of the .xlsx
};

// DocumentKevFinding: one device's known-exploited vulnerability not yet dealt with, as the annex lists it.
struct DocumentKevFinding {
    std::string asset_name;
    std::string cve_id;
    std::string state_ja;  // 未対応, 対応中
    std::string due_date;  // CISA's due date, YYYY-MM-DD or empty
    bool ransomware = false;

    friend bool operator==(const DocumentKevFinding&, const DocumentKevFinding&) = default;
};

// DocumentLedgerSummary: the institution's device ledger and its findings on the day the document is made,
// printed in the PDF's annex 「別紙　機器台帳と脆弱性の状況」 (institution forms only).
struct DocumentLedgerSummary {
    std::vector<std::pair<std::string, int>> classes_in_use;  // Japanese class label, devices in use
    int in_use = 0;
    int without_cpe = 0;
    std::string last_change;  // YYYY-MM-DD of the newest change or sighting, or empty
    int open_findings = 0;    // 未対応 or 対応中, still true
    int open_kev = 0;
    int open_ransomware = 0;
    std::vector<DocumentKevFinding> kev_findings;  // the first kMaxAnnexFindings, most urgent first

    friend bool operator==(const DocumentLedgerSummary&, const DocumentLedgerSummary&) = default;
};
inline constexpr int kMaxAnnexFindings = 20;

// AssessmentDocument: everything the documents print about one assessment.
struct AssessmentDocument {
    std::int64_t assessment_id = 0;
    std::string institution_name;  // "さくら内科クリニック"
    std::string institution_code;  // 医療機関コード or empty
    // The vendor form (事業者確認用) is answered by a vendor for one institution: the answering organisation
    // is labelled 事業者名 instead of 医療機関名, and the institution it is for is printed as 提出先.
    std::string organisation_label_ja;  // empty: "医療機関名"
    std::string submitted_to;           // 提出先 (the institution), or empty
    int fiscal_year = 0;           // 2025
    std::string fiscal_year_ja;    // "令和7年度"
    std::string edition_id;        // "r7"
    int edition_revision = 1;
    std::string edition_title_ja;  // "医療機関等におけるサイバーセキュリティ対策チェックリスト(令和7年度版)"
    int edition_fiscal_year = 0;   // the edition's own year: 2025 for r7, also when used for FY2026
    std::string form_id;           // "medical", "pharmacy"
    std::string form_title_ja;     // "医療機関確認用"
    std::string document_title_ja;  // "医療機関におけるサイバーセキュリティ対策チェックリスト"
    bool has_second_confirmation = false;  // the form prints 2回目 columns (R5, R6)
    std::string status;                    // "draft", "submitted"
    std::string submitted_at;              // ISO-8601 UTC or empty
    std::string submitted_by;              // the submitter's display name or empty
    std::string generated_at;              // ISO-8601 UTC
    std::vector<DocumentRow> rows;         // printed order; the gate question first when the form has one
    std::optional<DocumentLedgerSummary> ledger;  // nullopt: not an institution form, or an empty ledger
};

}  // namespace mamori::documents

/// @file
/// @brief What the printed documents (xlsx, PDF) say, shared so both say it the same way: the table's
/// columns and headers, the answer labels (はい / いいえ / 記入不要 / 確認不要), the 状態 marks, the title
/// lines and dates as people read them (yyyy/mm/dd, Japan time).
///
///     for (const auto& column : table_columns(doc)) draw(column.header, cell_text(row, column.id));
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/documents/assessment_document.hpp"

namespace mamori::documents {

inline constexpr std::string_view kYesLabel = "はい";
inline constexpr std::string_view kNoLabel = "いいえ";
inline constexpr std::string_view kNoVendorContractLabel = "記入不要";
inline constexpr std::string_view kGateLabel = "確認不要";
inline constexpr std::string_view kReconfirmMark = "要再確認";

// ColumnId: the printed table's columns, in the official checklist's order.
enum class ColumnId {
    number,
    text,
    row_label,
    answer,
    confirmed_on,
    target_date,
    second_answer,
    second_confirmed_on,
    note,
    state,
};

struct TableColumn {
    ColumnId id;
    std::string_view header;
};

// table_columns: the columns of `doc`'s table; the 2回目 pair only when the form has it.
std::vector<TableColumn> table_columns(const AssessmentDocument& doc);

// answer_label: はい / いいえ / 記入不要 / 確認不要 (reason gate); the raw value when it is none of those.
std::string answer_label(const DocumentAnswer& answer);

// second_label: はい / いいえ for the 2回目 answer, empty when there is none.
std::string second_label(const DocumentAnswer& answer);

// state_text: 要再確認 when the answer was carried from last year and not yet confirmed, or empty. The
// catalog's confidence is never printed here (it is about the catalog, not about the institution's answer).
std::string state_text(const DocumentRow& row);

// cell_text: a cell as printed; dates as yyyy/mm/dd.
std::string cell_text(const DocumentRow& row, ColumnId column);

// slash_date: "2025-06-01" as "2025/06/01"; anything else unchanged.
std::string slash_date(std::string_view iso_date);

// parse_iso_instant: "YYYY-MM-DDTHH:MM:SS[.fff]Z" (UTC) to an instant.
std::optional<std::chrono::system_clock::time_point> parse_iso_instant(std::string_view text);

// japan_date_ja: an ISO-8601 UTC instant as its Japan date "2025年6月1日"; the text itself if unparsable.
std::string japan_date_ja(std::string_view iso_instant);

// japan_datetime_ja: an ISO-8601 UTC instant as "2025年6月1日 12:04（日本時間）", or the text itself.
std::string japan_datetime_ja(std::string_view iso_instant);

// edition_line: "点検年度：令和7年度　様式：<the edition's official title>（第1版）".
std::string edition_line(const AssessmentDocument& doc);

// edition_revision_mark: "（第1版）", the end of edition_line, which the PDF never breaks across lines.
std::string edition_revision_mark(const AssessmentDocument& doc);

// edition_notice: "令和8年度版が未登録のため、令和7年度版で点検しています。" when the checklist's fiscal year has no
// edition of its own loaded and an earlier one is used; empty otherwise.
std::string edition_notice(const AssessmentDocument& doc);

// evidence_text: one piece of evidence as the PDF's annex lists it: "ファイル：台帳.xlsx（12 KB）" or
// "リンク：手順書 https://…".
std::string evidence_text(const DocumentEvidence& evidence);

// institution_line: "医療機関名：さくら内科クリニック　医療機関コード：1312345".
std::string institution_line(const AssessmentDocument& doc);
// organisation_line: "医療機関名：さくら内科クリニック", or "事業者名：…" on the vendor form.
std::string organisation_line(const AssessmentDocument& doc);

// is_submitted: whether the stamp says 提出済.
bool is_submitted(const AssessmentDocument& doc);

// submission_line: "提出済　2025年6月1日　山田 太郎" or "下書き".
std::string submission_line(const AssessmentDocument& doc);

// generated_line: "作成日時：2025年6月1日 12:04（日本時間）".
std::string generated_line(const AssessmentDocument& doc);

}  // namespace mamori::documents

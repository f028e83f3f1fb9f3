// The device ledger as a document an inspector recognises: CSV (UTF-8 with a BOM, Japanese headers), an .xlsx
// table with a title row (institution and date) and an A4 landscape PDF (title, institution and printed date
// on every page, the header row repeated, "page i / n"). Pure: the caller gives the rows as text.
//
//     LedgerSheet sheet{.institution = "デモ総合病院", .printed_on = "2026-12-07", .rows = {...}};
//     auto pdf = render_ledger_pdf(sheet);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::documents {

// LedgerColumn: a column of the ledger's table: its Japanese header and its width on the PDF in millimetres
// (0: left out of the PDF, which has less room than a spreadsheet).
struct LedgerColumn {
    std::string_view header;
    double pdf_width_mm;
};

// kLedgerColumns: the columns, in order; each row of a LedgerSheet has one cell per column.
inline constexpr LedgerColumn kLedgerColumns[] = {
    {"名称", 34},       {"区分", 18},         {"設置場所", 26},  {"部署", 20},     {"管理者", 0},
    {"メーカー", 20},   {"型番", 22},         {"シリアル番号", 0}, {"OS", 24},       {"ファームウェア", 0},
    {"IPアドレス", 24}, {"MACアドレス", 0},   {"CPE", 40},       {"関連システム", 20}, {"保守", 14},
    {"外部接続", 10},   {"状態", 10},         {"最終確認日", 15},
};
inline constexpr std::size_t kLedgerColumnCount = std::size(kLedgerColumns);

struct LedgerSheet {
    std::string institution;
    std::string printed_on;  // YYYY-MM-DD (Japan)
    std::string conditions;  // the filters in words, empty for the whole ledger
    std::vector<std::vector<std::string>> rows;
};

// ledger_title: "機器台帳" (the documents' title and the sheet's name).
inline constexpr std::string_view kLedgerTitle = "機器台帳";

std::string render_ledger_csv(const LedgerSheet& sheet);
Result<std::string> render_ledger_xlsx(const LedgerSheet& sheet);
Result<std::string> render_ledger_pdf(const LedgerSheet& sheet);

}  // namespace mamori::documents

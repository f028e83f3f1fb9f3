/// @file
/// @brief Published statistics as a sheet for a person (issue 18, item 5): a title, note lines (when, which
/// filters, what the denominator is, that an empty cell is suppressed and k), a header row and rows of cells,
/// in Japanese or English, then written as CSV or .xlsx. Every number comes from a published view
/// (item_table.hpp), so nothing hidden can reach a file; a suppressed value is an empty cell.
///
///     auto sheet = item_table_sheet(*table, prefecture_labels, {.language = Language::ja, .fiscal_year =
///     2025,
///                                   .form = "medical", .item_number = "1(2)", .item_title = {…}, .as_of =
///                                   …});
///     auto csv = render_csv(*sheet);    // UTF-8 with BOM, CRLF
///     auto xlsx = render_xlsx(*sheet);  // Result<std::string>
///
/// A Japanese sheet names groups, forms and answers by their labels only, never by a key such as
/// "hospital_200_299" or "medical"; a group key without a label is refused (internal: the caller's labels are
/// incomplete), not printed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/statistics/item_table.hpp"

namespace mamori::statistics {

enum class Language { ja, en };

// LocalText: one text in both languages.
struct LocalText {
    std::string ja;
    std::string en;
};

// GroupLabel: how a group key is shown, e.g. {"13", "東京都", "Tokyo"}.
struct GroupLabel {
    std::string key;
    std::string ja;
    std::string en;
};

// SheetFilter: one filter of the query, e.g. {{"病床規模", "Bed band"}, {"200〜299床", "200–299 beds"}}.
struct SheetFilter {
    LocalText name;
    LocalText value;
};

// SheetContext: what the sheet is about, for its title and notes.
struct SheetContext {
    Language language = Language::ja;
    int fiscal_year = 0;      // not used by trend_sheet (its years are its rows)
    std::string form;         // "medical" or "pharmacy"
    std::string item_number;  // as printed on the checklist; not used by rate_table_sheet
    LocalText item_title;     // not used by rate_table_sheet
    std::vector<SheetFilter> filters;
    std::string as_of;  // the snapshot's time as it should be shown, e.g. "2026-12-07 19:00 (JST)"
};

// SheetCell: text, a whole number, a ratio (0..1, shown as a percentage) or a suppressed value (empty).
struct SheetCell {
    enum class Kind { text, count, ratio, suppressed };
    Kind kind = Kind::suppressed;
    std::string text;
    std::int64_t count = 0;
    double ratio = 0.0;

    static SheetCell of_text(std::string text) { return {Kind::text, std::move(text), 0, 0.0}; }
    static SheetCell of_count(std::int64_t count) { return {Kind::count, {}, count, 0.0}; }
    static SheetCell of_ratio(double ratio) { return {Kind::ratio, {}, 0, ratio}; }
    static SheetCell suppressed() { return {}; }
    friend bool operator==(const SheetCell&, const SheetCell&) = default;
};

struct Sheet {
    std::string name;  // the worksheet's tab: at most 31 characters, none of []:*?/\ .
    std::string title;
    std::vector<std::string> notes;
    std::vector<std::string> header;
    std::vector<std::vector<SheetCell>> rows;
};

// item_table_sheet: one line per group, the total last: group | asked | per answer (はい, いいえ, 記入不要,
// 未回答) its count and its share of asked. `labels` name every group key of the table.
Result<Sheet> item_table_sheet(const ItemTable& table, std::span<const GroupLabel> labels,
                               const SheetContext& context);

// cross_table_sheet: one line per row key, the column totals last; per column key (then the row total) the
// count of the answer, the number asked and the share.
Result<Sheet> cross_table_sheet(const CrossTable& table, std::span<const GroupLabel> row_labels,
                                std::span<const GroupLabel> column_labels, const SheetContext& context);

// trend_sheet: item_table_sheet's lines for every year, each line starting with its fiscal year.
Result<Sheet> trend_sheet(std::span<const TrendPoint> trend, std::span<const GroupLabel> labels,
                          const SheetContext& context);

// rate_table_sheet: group | asked | submitted count and rate | complete count and rate; the total last.
Result<Sheet> rate_table_sheet(const RateTable& table, std::span<const GroupLabel> labels,
                               const SheetContext& context);

// render_csv: the title and each note as a one-field record, an empty line, the header, then the rows;
// through documents::append_csv_record (BOM, CRLF, formulas guarded). A ratio is written as shown in the
// .xlsx ("57.7%", one decimal), a suppressed cell as an empty field.
std::string render_csv(const Sheet& sheet);

// render_xlsx: the same layout as one worksheet: counts as numbers, ratios as numbers formatted "0.0%",
// suppressed cells empty; internal when libxlsxwriter fails.
Result<std::string> render_xlsx(const Sheet& sheet);

// form_label: "医療機関確認用" / "薬局確認用" (or English); invalid_input naming "form" for another form.
Result<std::string> form_label(std::string_view form, Language language);

}  // namespace mamori::statistics

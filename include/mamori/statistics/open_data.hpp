/// @file
/// @brief The yearly open-data file of one form (issue 18, item 5): for every line of the checklist (item +
/// row) its published item table by prefecture, one CSV record per prefecture and one for the whole country,
/// with stable ASCII column names; and its data dictionary. Every count comes from a published ItemTable, so
/// a suppressed value is an empty field, exactly as in the statistics pages and sheets.
///
///     std::vector<OpenDataLine> lines;  // the service: item_table(counts by prefecture) for every line
///     auto csv = open_data_csv(2025, "medical", lines);
///     auto dictionary = open_data_dictionary_csv();
///
/// Columns, in this order: fiscal_year, form, item, row, item_number, prefecture_code, asked, yes, no,
/// not_required, unanswered. prefecture_code is the JIS X 0401 code ("01"–"47"), "00" for the country.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/statistics/item_table.hpp"

namespace mamori::statistics {

// national_prefecture_code: prefecture_code of the national record (the table's total).
inline constexpr std::string_view national_prefecture_code = "00";

// OpenDataLine: one line of the checklist and its published answers by prefecture.
struct OpenDataLine {
    std::string item;         // canonical item id, e.g. "GOV-01"
    std::string row;          // the item's row key
    std::string item_number;  // as printed on the checklist
    ItemTable table;          // Dimension::prefecture: one group per prefecture, key its code
};

// open_data_columns: the column names, in order.
std::span<const std::string_view> open_data_columns();

// open_data_csv: UTF-8 with BOM, CRLF, the header then the records (per line its prefectures in the table's
// order, then "00"). invalid_input naming "form", or "lines[i].item" / ".row" (empty), "lines[i].table"
// (not by prefecture) or "lines[i].table.groups[j]" (a key that is not a prefecture code "01"–"47").
Result<std::string> open_data_csv(int fiscal_year, std::string_view form,
                                  std::span<const OpenDataLine> lines);

// open_data_dictionary_csv: one record per column: column, type, meaning_ja, meaning_en, empty_ja, empty_en
// (when the field is empty: suppressed with k = `minimum_count`, or never).
std::string open_data_dictionary_csv(int minimum_count = default_minimum_count);

}  // namespace mamori::statistics

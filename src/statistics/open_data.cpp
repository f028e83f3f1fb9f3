#include "mamori/statistics/open_data.hpp"

#include <fmt/format.h>

#include <array>

#include "mamori/documents/csv_writer.hpp"

namespace mamori::statistics {

namespace {

constexpr std::array<std::string_view, 11> columns = {
    "fiscal_year", "form", "item", "row",          "item_number", "prefecture_code",
    "asked",       "yes",  "no",   "not_required", "unanswered"};

bool is_prefecture_code(std::string_view key) {
    if (key.size() != 2 || key[0] < '0' || key[0] > '9' || key[1] < '0' || key[1] > '9') return false;
    const int code = (key[0] - '0') * 10 + (key[1] - '0');
    return code >= 1 && code <= 47;
}

std::string count_field(const std::optional<std::int64_t>& count) {
    return count ? std::to_string(*count) : std::string();
}

void append_record(std::string& out, std::vector<std::string>& fields, const std::string& year,
                   std::string_view form, const OpenDataLine& line, std::string_view prefecture,
                   const GroupShares& group) {
    fields.assign({year, std::string(form), line.item, line.row, line.item_number, std::string(prefecture),
                   count_field(group.asked)});
    for (std::size_t a = 0; a < answer_column_count; ++a) {
        const auto& share = a < group.shares.size() ? group.shares[a] : std::optional<Share>{};
        fields.push_back(share ? std::to_string(share->count) : std::string());
    }
    documents::append_csv_record(out, fields);
}

}  // namespace

std::span<const std::string_view> open_data_columns() {
    return columns;
}

Result<std::string> open_data_csv(int fiscal_year, std::string_view form,
                                  std::span<const OpenDataLine> lines) {
    if (form != "medical" && form != "pharmacy")
        return fail(ErrorCode::invalid_input, "form must be medical or pharmacy", "form");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (line.item.empty())
            return fail(ErrorCode::invalid_input, "the item is empty", fmt::format("lines[{}].item", i));
        if (line.row.empty())
            return fail(ErrorCode::invalid_input, "the row is empty", fmt::format("lines[{}].row", i));
        if (line.table.dimension != Dimension::prefecture)
            return fail(ErrorCode::invalid_input, "the table is not by prefecture",
                        fmt::format("lines[{}].table", i));
        for (std::size_t j = 0; j < line.table.groups.size(); ++j)
            if (!is_prefecture_code(line.table.groups[j].key))
                return fail(ErrorCode::invalid_input,
                            fmt::format("\"{}\" is not a prefecture code 01-47", line.table.groups[j].key),
                            fmt::format("lines[{}].table.groups[{}]", i, j));
    }
    std::string out(documents::kCsvBom);
    std::vector<std::string> fields(columns.begin(), columns.end());
    documents::append_csv_record(out, fields);
    const auto year = std::to_string(fiscal_year);
    for (const auto& line : lines) {
        for (const auto& group : line.table.groups)
            append_record(out, fields, year, form, line, group.key, group);
        append_record(out, fields, year, form, line, national_prefecture_code, line.table.total);
    }
    return out;
}

std::string open_data_dictionary_csv(int minimum_count) {
    const auto suppressed_ja = fmt::format(
        "秘匿: {0}施設未満の値、またはそこから計算で求められてしまう値(最小集計単位 k = "
        "{0})。対象数が秘匿の行は回答数もすべて秘匿。",
        minimum_count);
    const auto suppressed_en = fmt::format(
        "Suppressed: a value for fewer than {0} institutions, or one from which such a value could be worked "
        "out "
        "(minimum count k = {0}). When asked is suppressed, every answer count of the record is too.",
        minimum_count);
    struct Entry {
        std::string_view column, type, meaning_ja, meaning_en;
        bool may_be_suppressed;
    };
    const std::array<Entry, columns.size()> entries = {{
        {columns[0], "integer", "年度(西暦。4月始まりの年度の開始年。2025 = 令和7年度)",
         "Fiscal year (the calendar year in which it starts on 1 April; 2025 = Reiwa 7)", false},
        {columns[1], "string", "様式: medical = 医療機関確認用、pharmacy = 薬局確認用",
         "Form: medical = medical institution checklist, pharmacy = pharmacy checklist", false},
        {columns[2], "string", "項目の正規ID(年度をまたいで同じ項目は同じID)",
         "Canonical item id (the same item keeps its id across fiscal years)", false},
        {columns[3], "string", "項目内の行キー(1つの項目が複数の行に分かれるとき、その行)",
         "Row key within the item (when an item has several rows, which one)", false},
        {columns[4], "string", "チェックリストに印刷される項目番号",
         "Item number as printed on the checklist", false},
        {columns[5], "string", "都道府県コード(JIS X 0401、01〜47)。00 は全国",
         "Prefecture code (JIS X 0401, 01-47); 00 is the whole country", false},
        {columns[6], "integer", "対象数: この年度にこの様式のチェックリストがある施設の数。各回答数の分母",
         "Asked: institutions with a checklist of this form in this fiscal year; the denominator of every "
         "answer count",
         true},
        {columns[7], "integer", "「はい」と回答した施設の数", "Institutions that answered yes", true},
        {columns[8], "integer", "「いいえ」と回答した施設の数", "Institutions that answered no", true},
        {columns[9], "integer", "「記入不要」とした施設の数",
         "Institutions that marked the line not required", true},
        {columns[10], "integer", "この行に回答していない施設の数",
         "Institutions that left the line unanswered", true},
    }};
    std::string out(documents::kCsvBom);
    documents::append_csv_record(out, {"column", "type", "meaning_ja", "meaning_en", "empty_ja", "empty_en"});
    for (const auto& entry : entries)
        documents::append_csv_record(out, {entry.column, entry.type, entry.meaning_ja, entry.meaning_en,
                                           entry.may_be_suppressed ? std::string_view(suppressed_ja)
                                                                   : std::string_view("空欄になることはない"),
                                           entry.may_be_suppressed ? std::string_view(suppressed_en)
                                                                   : std::string_view("Never empty")});
    return out;
}

}  // namespace mamori::statistics

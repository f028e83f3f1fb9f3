#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>

#include "documents/document_text.hpp"
#include "documents/xlsx_layout.hpp"
#include "documents/xlsx_metadata.hpp"
#include "documents/xlsx_package.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/xlsx.hpp"

namespace mamori::documents {

namespace {

using namespace xlsx_layout;
using namespace std::chrono;

// Place: a cell of a named sheet, for error messages: `sheet "チェックリスト" cell D12: …`.
struct Place {
    std::string_view sheet;
    std::uint32_t row;
    std::uint16_t column;

    tl::unexpected<Error> error(std::string_view message) const {
        const std::string ref = cell_reference(row, column);
        return fail(ErrorCode::invalid_input, fmt::format("sheet \"{}\" cell {}: {}", sheet, ref, message),
                    fmt::format("{}!{}", sheet, ref));
    }
};

// trim: without ASCII white space and the ideographic space (U+3000) at either end.
std::string_view trim(std::string_view text) {
    constexpr std::string_view kIdeographicSpace = "\u3000";
    for (;;) {
        if (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
            text.remove_prefix(1);
        else if (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
            text.remove_suffix(1);
        else if (text.starts_with(kIdeographicSpace))
            text.remove_prefix(kIdeographicSpace.size());
        else if (text.ends_with(kIdeographicSpace))
            text.remove_suffix(kIdeographicSpace.size());
        else
            return text;
    }
}

// halfwidth: full-width digits and date separators (as a Japanese input method types them) made ASCII.
std::string halfwidth(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // U+FF0D..U+FF19 is "－．／０…９": EF BC 8D..99.
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
            static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            const auto third = static_cast<unsigned char>(text[i + 2]);
            if (third >= 0x8D && third <= 0x99) {
                out += static_cast<char>('-' + (third - 0x8D));
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// parse_typed_date: what a person types as a date: 2025/06/01, 2025-6-1, 2025.6.1, 2025年6月1日, optionally
// followed by a time of day.
std::optional<year_month_day> parse_typed_date(std::string_view typed) {
    const std::string text = halfwidth(typed);
    std::size_t at = 0;
    auto number = [&](std::size_t min_digits, std::size_t max_digits) -> std::optional<unsigned> {
        unsigned value = 0;
        std::size_t n = 0;
        while (at < text.size() && n < max_digits && text[at] >= '0' && text[at] <= '9') {
            value = value * 10 + static_cast<unsigned>(text[at++] - '0');
            ++n;
        }
        if (n < min_digits) return std::nullopt;
        return value;
    };
    auto literal = [&](std::string_view expected) {
        if (text.compare(at, expected.size(), expected) != 0) return false;
        at += expected.size();
        return true;
    };
    const auto y = number(4, 4);
    if (!y) return std::nullopt;
    std::string_view separators[2] = {"", ""};
    for (std::string_view s : {"/", "-", ".", "年"}) {
        if (literal(s)) {
            separators[0] = s;
            separators[1] = s == "年" ? "月" : s;
            break;
        }
    }
    if (separators[0].empty()) return std::nullopt;
    const auto m = number(1, 2);
    if (!m || !literal(separators[1])) return std::nullopt;
    const auto d = number(1, 2);
    if (!d) return std::nullopt;
    if (separators[0] == "年" && !literal("日")) return std::nullopt;
    if (at < text.size()) {
        if (text[at] != ' ' && text[at] != 'T') return std::nullopt;
        for (++at; at < text.size(); ++at)
            if (std::string_view("0123456789:.Z+-").find(text[at]) == std::string_view::npos)
                return std::nullopt;
    }
    const year_month_day date{year{static_cast<int>(*y)}, month{*m}, day{*d}};
    if (!date.ok()) return std::nullopt;
    return date;
}

// AnswerLabel: what the はい・いいえ column says, and the value and reason it stands for.
struct AnswerLabel {
    std::string_view label;
    std::string_view value;
    std::string_view reason;
};

constexpr AnswerLabel kAnswerLabels[] = {
    {kYesLabel, "yes", ""},
    {kNoLabel, "no", ""},
    {kNoVendorContractLabel, "not_required", "no_vendor_contract"},
    {kGateLabel, "not_required", "gate"},
};

std::string* date_field(DocumentAnswer& answer, ColumnId column) {
    switch (column) {
        case ColumnId::confirmed_on: return &answer.confirmed_on;
        case ColumnId::target_date: return &answer.target_date;
        default: return &answer.second_confirmed_on;
    }
}

std::string quoted(std::string_view text) {
    return fmt::format("\"{}\"", text);
}

class Reader {
  public:
    Reader(const SheetCells& visible, const SheetCells& hidden, std::string_view visible_name, bool date1904)
        : visible_(visible), hidden_(hidden), visible_name_(visible_name), date1904_(date1904) {}

    Result<std::string> date(std::uint32_t row, std::uint16_t column) const {
        const Place place{visible_name_, row, column};
        const CellValue* cell = visible_.at(row, column);
        if (!cell) return std::string();
        std::optional<year_month_day> parsed;
        if (cell->kind == CellValue::Kind::number) {
            double serial = 0;
            const auto [end, ec] =
                std::from_chars(cell->text.data(), cell->text.data() + cell->text.size(), serial);
            if (ec == std::errc{} && end == cell->text.data() + cell->text.size())
                parsed = serial_date(serial, date1904_);
        } else if (cell->kind == CellValue::Kind::text) {
            const std::string_view text = trim(cell->text);
            if (text.empty()) return std::string();
            parsed = parse_typed_date(text);
        }
        if (!parsed) return place.error(fmt::format("{} is not a date (yyyy/mm/dd)", quoted(cell->text)));
        return to_iso_date(*parsed);
    }

    Result<std::optional<DocumentAnswer>> answer(std::uint32_t row,
                                                 const std::vector<TableColumn>& columns) const {
        DocumentAnswer a;
        std::string answer_text;
        std::uint16_t answer_column = 0;
        std::vector<std::string_view> filled;
        const auto column_count = static_cast<std::uint16_t>(columns.size());
        for (std::uint16_t c = 0; c < column_count; ++c) {
            const Place place{visible_name_, row, c};
            switch (columns[c].id) {
                case ColumnId::answer:
                    answer_column = c;
                    answer_text = std::string(trim(visible_.text_at(row, c)));
                    break;
                case ColumnId::confirmed_on:
                case ColumnId::target_date:
                case ColumnId::second_confirmed_on: {
                    auto d = date(row, c);
                    if (!d) return fail(d.error());
                    if (!d->empty()) filled.push_back(columns[c].header);
                    *date_field(a, columns[c].id) = std::move(*d);
                    break;
                }
                case ColumnId::second_answer: {
                    const std::string_view text = trim(visible_.text_at(row, c));
                    if (text == kYesLabel)
                        a.second_value = "yes";
                    else if (text == kNoLabel)
                        a.second_value = "no";
                    else if (!text.empty())
                        return place.error(
                            fmt::format("{} is not {} or {}", quoted(text), kYesLabel, kNoLabel));
                    if (!text.empty()) filled.push_back(columns[c].header);
                    break;
                }
                case ColumnId::note:
                    a.note = std::string(visible_.text_at(row, c));
                    if (!a.note.empty()) filled.push_back(columns[c].header);
                    break;
                default: break;
            }
        }
        const Place place{visible_name_, row, answer_column};
        if (answer_text.empty()) {
            if (filled.empty()) return std::optional<DocumentAnswer>();
            return place.error(fmt::format("はい・いいえ is empty but {} is filled in", filled.front()));
        }
        // The hidden sheet keeps the raw value and reason; they stand when the label still says the same.
        DocumentAnswer rendered;
        rendered.value = std::string(hidden_.text_at(row, kHiddenValueColumn));
        rendered.reason = std::string(hidden_.text_at(row, kHiddenReasonColumn));
        const auto label = std::find_if(std::begin(kAnswerLabels), std::end(kAnswerLabels),
                                        [&](const AnswerLabel& l) { return l.label == answer_text; });
        if (label == std::end(kAnswerLabels))
            return place.error(fmt::format("{} is not {}, {}, {} or {}", quoted(answer_text), kYesLabel,
                                           kNoLabel, kNoVendorContractLabel, kGateLabel));
        a.value = label->value;
        a.reason = label->reason;
        if (!rendered.value.empty() && answer_label(rendered) == answer_text) {
            a.value = rendered.value;
            a.reason = rendered.reason;
        }
        a.needs_reconfirmation = hidden_.text_at(row, kHiddenReconfirmColumn) == "1";
        return std::optional<DocumentAnswer>(std::move(a));
    }

    Result<DocumentRow> item(std::uint32_t row, const std::vector<TableColumn>& columns,
                             const std::string& section) const {
        DocumentRow out;
        out.canonical_id = std::string(hidden_.text_at(row, kHiddenCanonicalIdColumn));
        out.row_key = std::string(hidden_.text_at(row, kHiddenRowKeyColumn));
        out.section_ja = section;
        out.unconfirmed = hidden_.text_at(row, kHiddenUnconfirmedColumn) == "1";
        if (out.canonical_id.empty())
            return Place{kXlsxMetadataSheetName, row, kHiddenCanonicalIdColumn}.error(
                "the row has no canonical_id");
        const auto column_count = static_cast<std::uint16_t>(columns.size());
        for (std::uint16_t c = 0; c < column_count; ++c) {
            const std::string text(visible_.text_at(row, c));
            switch (columns[c].id) {
                case ColumnId::number: {
                    const std::string_view written = hidden_.text_at(row, kHiddenNumberColumn);
                    if (trim(text) != written)
                        return Place{visible_name_, row, c}.error(
                            fmt::format("番号 {} is not the {} mamori wrote in this row: rows must not be "
                                        "moved, inserted or deleted",
                                        quoted(text), quoted(written)));
                    out.number = std::string(written);
                    break;
                }
                case ColumnId::text: out.text_ja = text; break;
                case ColumnId::row_label: out.row_label_ja = text; break;
                default: break;
            }
        }
        auto a = answer(row, columns);
        if (!a) return fail(a.error());
        out.answer = std::move(*a);
        return out;
    }

  private:
    const SheetCells& visible_;
    const SheetCells& hidden_;
    std::string_view visible_name_;
    bool date1904_;
};

Result<std::uint32_t> metadata_number(
    const std::map<std::string, std::pair<std::string, std::uint32_t>>& metadata, std::string_view key,
    std::uint32_t max) {
    const auto it = metadata.find(std::string(key));
    if (it == metadata.end())
        return fail(
            ErrorCode::invalid_input,
            fmt::format("sheet \"mamori\": the key \"{}\" is missing; the file was not made by mamori or "
                        "the hidden sheet was changed",
                        key),
            "mamori");
    std::uint32_t value = 0;
    const std::string& text = it->second.first;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value > max)
        return Place{kXlsxMetadataSheetName, it->second.second, kMetadataValueColumn}.error(
            fmt::format("{} {} is not a number up to {}", key, quoted(text), max));
    return value;
}

}  // namespace

Result<AssessmentDocument> read_xlsx(std::string_view bytes) {
    auto package = XlsxPackage::open(bytes);
    if (!package) return fail(package.error());
    const SheetInfo* hidden_info = package->find_sheet(kXlsxMetadataSheetName);
    if (!hidden_info)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("the file is not an .xlsx made by mamori (no \"{}\" sheet)", kXlsxMetadataSheetName),
            "file");
    auto hidden = package->load_sheet(*hidden_info);
    if (!hidden) return fail(hidden.error());

    // key → (value, row)
    std::map<std::string, std::pair<std::string, std::uint32_t>> metadata;
    for (std::uint32_t row = 0; row < 64; ++row) {
        const std::string_view key = hidden->text_at(row, kMetadataKeyColumn);
        if (!key.empty())
            metadata.emplace(std::string(key),
                             std::pair{std::string(hidden->text_at(row, kMetadataValueColumn)), row});
    }
    if (metadata[std::string(kFormatKey)].first != kFormatName)
        return fail(ErrorCode::invalid_input,
                    "the file is not an .xlsx made by mamori (its \"mamori\" sheet does not say so)", "file");
    auto version = metadata_number(metadata, kFormatVersionKey, 1000);
    if (!version) return fail(version.error());
    if (*version != kXlsxFormatVersion)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("the file was made by a different version of mamori (layout {}, this one reads {})",
                        *version, kXlsxFormatVersion),
            "file");

    AssessmentDocument doc;
    for (std::string_view key : required_metadata_keys())
        if (!metadata.contains(std::string(key)))
            return fail(ErrorCode::invalid_input,
                        fmt::format("sheet \"mamori\": the key \"{}\" is missing", key), "mamori");
    for (const auto& [key, entry] : metadata) {
        const std::string where = cell_reference(entry.second, kMetadataValueColumn);
        if (auto set = set_document_metadata(doc, key, entry.first, where); !set) return fail(set.error());
    }
    auto first_row = metadata_number(metadata, kFirstRowKey, kFirstTableRow + 1000);
    if (!first_row) return fail(first_row.error());
    auto row_count = metadata_number(metadata, kRowCountKey, kMaxTableRows);
    if (!row_count) return fail(row_count.error());
    if (*first_row == 0)
        return fail(ErrorCode::invalid_input, "sheet \"mamori\": first_row must be at least 1", "mamori");

    const SheetInfo* visible_info = package->find_sheet(metadata[std::string(kSheetKey)].first);
    for (const auto& sheet : package->sheets())
        if (!visible_info && sheet.name != kXlsxMetadataSheetName) visible_info = &sheet;
    if (!visible_info)
        return fail(ErrorCode::invalid_input,
                    fmt::format("the workbook has no \"{}\" sheet beside the hidden one", kXlsxSheetName),
                    "file");
    auto visible = package->load_sheet(*visible_info);
    if (!visible) return fail(visible.error());

    const auto columns = table_columns(doc);
    const Reader reader(*visible, *hidden, visible_info->name, package->date1904());
    std::string section;
    for (std::uint32_t row = *first_row - 1; row < *first_row - 1 + *row_count; ++row) {
        const std::string_view kind = hidden->text_at(row, kHiddenKindColumn);
        if (kind == kKindSection) {
            section = std::string(visible->text_at(row, 0));
        } else if (kind == kKindRow) {
            auto item = reader.item(row, columns, section);
            if (!item) return fail(item.error());
            doc.rows.push_back(std::move(*item));
        } else {
            return Place{kXlsxMetadataSheetName, row, kHiddenKindColumn}.error(
                fmt::format("{} is not \"section\" or \"row\"", quoted(kind)));
        }
    }
    return doc;
}

}  // namespace mamori::documents

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "documents/document_text.hpp"
#include "documents/xlsx_layout.hpp"
#include "documents/xlsx_metadata.hpp"
#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/documents/xlsx.hpp"

namespace mamori::documents {

namespace {

using namespace xlsx_layout;

// TempFile: a unique empty file in the system's temporary directory, removed when it goes out of scope.
class TempFile {
  public:
    static Result<TempFile> create() {
        std::error_code ec;
        const auto dir = std::filesystem::temp_directory_path(ec);
        if (ec) return fail(ErrorCode::internal, "no temporary directory: " + ec.message());
        std::string name = (dir / "mamori-xlsx-XXXXXX").string();
        const int fd = mkstemp(name.data());
        if (fd < 0) return fail(ErrorCode::internal, "cannot create a temporary file in " + dir.string());
        close(fd);
        return TempFile(std::move(name));
    }
    TempFile(TempFile&& other) noexcept : path_(std::exchange(other.path_, {})) {}
    TempFile& operator=(TempFile&&) = delete;
    ~TempFile() {
        if (path_.empty()) return;
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    const std::string& path() const { return path_; }

  private:
    explicit TempFile(std::string path) : path_(std::move(path)) {}
    std::string path_;
};

struct WorkbookFree {
    void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

// Formats: every cell style of the workbook (owned by the workbook).
struct Formats {
    lxw_format* title;
    lxw_format* line;
    lxw_format* header;
    lxw_format* section;
    lxw_format* text;
    lxw_format* centered;
    lxw_format* date;
    lxw_format* state;
    lxw_format* hidden_text;
};

constexpr const char* kFont = "游ゴシック";
constexpr double kLineHeight = 15;     // points per line of the table's 10 pt text
constexpr double kMaxRowHeight = 409;  // Excel's limit

lxw_format* base_format(lxw_workbook* workbook, double size = 10) {
    lxw_format* f = workbook_add_format(workbook);
    format_set_font_name(f, kFont);
    format_set_font_size(f, size);
    return f;
}

lxw_format* table_format(lxw_workbook* workbook) {
    lxw_format* f = base_format(workbook);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

Formats make_formats(lxw_workbook* workbook) {
    Formats f{};
    f.title = base_format(workbook, 14);
    format_set_bold(f.title);
    f.line = base_format(workbook, 11);
    f.header = table_format(workbook);
    format_set_bold(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.header, 0xD9D9D9);
    f.section = table_format(workbook);
    format_set_bold(f.section);
    format_set_bg_color(f.section, 0xF2F2F2);
    format_set_align(f.section, LXW_ALIGN_VERTICAL_CENTER);
    f.text = table_format(workbook);
    f.centered = table_format(workbook);
    format_set_align(f.centered, LXW_ALIGN_CENTER);
    f.date = table_format(workbook);
    format_set_align(f.date, LXW_ALIGN_CENTER);
    format_set_num_format(f.date, "yyyy/mm/dd");
    f.state = table_format(workbook);
    format_set_align(f.state, LXW_ALIGN_CENTER);
    format_set_bold(f.state);
    f.hidden_text = workbook_add_format(workbook);
    format_set_num_format(f.hidden_text, "@");
    return f;
}

double column_width(ColumnId column) {
    switch (column) {
        case ColumnId::number: return 7;
        case ColumnId::text: return 56;
        case ColumnId::row_label: return 16;
        case ColumnId::answer: return 13;
        case ColumnId::confirmed_on:
        case ColumnId::target_date:
        case ColumnId::second_confirmed_on: return 11.5;
        case ColumnId::second_answer: return 13;
        case ColumnId::note: return 38;
        case ColumnId::state: return 9;
    }
    return 10;
}

// display_width: how many column-width units (the width of a "0") a line of text takes: two for a
// full-width character, one for the rest.
double display_width(std::string_view line) {
    double width = 0;
    for (std::size_t i = 0; i < line.size();) {
        const auto lead = static_cast<unsigned char>(line[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        // U+FF61..U+FF9F (half-width katakana) is EF BD A1..EF BE 9F.
        const bool halfwidth_kana = length == 3 && lead == 0xEF && i + 1 < line.size() &&
                                    (static_cast<unsigned char>(line[i + 1]) == 0xBD ||
                                     static_cast<unsigned char>(line[i + 1]) == 0xBE);
        width += length == 1 || halfwidth_kana ? 1.0 : 2.0;
        i += length;
    }
    return width;
}

// wrapped_lines: about how many lines `text` takes in a column `width` units wide when wrapped.
int wrapped_lines(std::string_view text, double width) {
    const double usable = std::max(1.0, width * 0.92 - 1);  // cell padding, and word breaks are not exact
    int lines = 0;
    for (;;) {
        const auto newline = text.find('\n');
        lines += std::max(1, static_cast<int>(std::ceil(display_width(text.substr(0, newline)) / usable)));
        if (newline == std::string_view::npos) return lines;
        text.remove_prefix(newline + 1);
    }
}

// row_height: the height in points of a row whose tallest cell has `lines` lines. Neither Excel nor
// LibreOffice fits rows to wrapped text on opening a file, so the writer sets them.
double row_height(int lines) {
    return std::min(kMaxRowHeight, std::max(1, lines) * kLineHeight + 4);
}

// escape_literal_escapes: Excel reads "_x0041_" in a cell's text as the escape of "A"; a literal one is
// written with its underscore escaped ("_x005F_x0041_") so the text comes back as typed.
std::string escape_literal_escapes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 3])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 4])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 5]))) {
            out += "_x005F_";
            continue;
        }
        out += text[i];
    }
    return out;
}

// SheetWriter: writes cells and remembers the first libxlsxwriter error.
class SheetWriter {
  public:
    explicit SheetWriter(lxw_worksheet* sheet) : sheet_(sheet) {}

    void text(std::uint32_t row, std::uint16_t col, std::string_view value, lxw_format* format) {
        const std::string escaped = escape_literal_escapes(printable_text(value));
        check(worksheet_write_string(sheet_, row, col, escaped.c_str(), format), row, col);
    }
    void date_or_text(std::uint32_t row, std::uint16_t col, std::string_view iso, lxw_format* date,
                      lxw_format* fallback) {
        const auto parsed = parse_iso_date(iso);
        if (!parsed) return text(row, col, iso, iso.empty() ? date : fallback);
        lxw_datetime when{static_cast<int>(parsed->year()),
                          static_cast<int>(unsigned(parsed->month())),
                          static_cast<int>(unsigned(parsed->day())),
                          0,
                          0,
                          0};
        check(worksheet_write_datetime(sheet_, row, col, &when, date), row, col);
    }
    void merged(std::uint32_t row, std::uint16_t last_col, std::string_view value, lxw_format* format) {
        const std::string escaped = escape_literal_escapes(printable_text(value));
        check(worksheet_merge_range(sheet_, row, 0, row, last_col, escaped.c_str(), format), row, 0);
    }
    void check(lxw_error error, std::uint32_t row, std::uint16_t col) {
        if (error != LXW_NO_ERROR && !first_error_)
            first_error_ = fmt::format("row {} column {}: {}", row + 1, col + 1, lxw_strerror(error));
    }
    lxw_worksheet* sheet() const { return sheet_; }
    const std::optional<std::string>& first_error() const { return first_error_; }

  private:
    lxw_worksheet* sheet_;
    std::optional<std::string> first_error_;
};

void write_titles(SheetWriter& out, const AssessmentDocument& doc, std::uint16_t last_col, const Formats& f) {
    out.merged(kTitleRow, last_col, doc.document_title_ja, f.title);
    worksheet_set_row(out.sheet(), kTitleRow, 24, nullptr);
    out.merged(kFormRow, last_col, doc.form_title_ja, f.line);
    out.merged(kEditionRow, last_col, edition_line(doc), f.line);
    out.merged(kInstitutionRow, last_col, institution_line(doc), f.line);
    out.merged(kStatusRow, last_col, "状態：" + submission_line(doc), f.line);
    out.merged(kGeneratedRow, last_col, generated_line(doc), f.line);
    if (const std::string notice = edition_notice(doc); !notice.empty())
        out.merged(kNoticeRow, last_col, notice, f.line);
}

void write_answer_validation(lxw_worksheet* sheet, std::uint32_t first, std::uint32_t last, std::uint16_t col,
                             const char** values, const char* message) {
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = const_cast<char**>(values);
    validation.error_title = const_cast<char*>("入力できない値です");
    validation.error_message = const_cast<char*>(message);
    worksheet_data_validation_range(sheet, first, col, last, col, &validation);
}

// write_item: one answer row of the visible sheet, its height from its longest text.
void write_item(SheetWriter& out, std::uint32_t row, const DocumentRow& item,
                const std::vector<TableColumn>& columns, const Formats& f) {
    const DocumentAnswer none;
    const DocumentAnswer& answer = item.answer ? *item.answer : none;
    int lines = 1;
    const auto column_count = static_cast<std::uint16_t>(columns.size());
    for (std::uint16_t c = 0; c < column_count; ++c) {
        const ColumnId id = columns[c].id;
        const std::string value = cell_text(item, id);
        lines = std::max(lines, wrapped_lines(value, column_width(id)));
        switch (id) {
            case ColumnId::text:
            case ColumnId::row_label:
            case ColumnId::note: out.text(row, c, value, f.text); break;
            case ColumnId::confirmed_on:
                out.date_or_text(row, c, answer.confirmed_on, f.date, f.centered);
                break;
            case ColumnId::target_date:
                out.date_or_text(row, c, answer.target_date, f.date, f.centered);
                break;
            case ColumnId::second_confirmed_on:
                out.date_or_text(row, c, answer.second_confirmed_on, f.date, f.centered);
                break;
            case ColumnId::state: out.text(row, c, value, f.state); break;
            default: out.text(row, c, value, f.centered); break;
        }
    }
    worksheet_set_row(out.sheet(), row, row_height(lines), nullptr);
}

// write_keys: the hidden sheet's line for the answer row in the same row of the visible sheet.
void write_keys(SheetWriter& hidden, std::uint32_t row, const DocumentRow& item, const Formats& f) {
    const DocumentAnswer none;
    const DocumentAnswer& answer = item.answer ? *item.answer : none;
    hidden.text(row, kHiddenKindColumn, kKindRow, f.hidden_text);
    hidden.text(row, kHiddenCanonicalIdColumn, item.canonical_id, f.hidden_text);
    hidden.text(row, kHiddenRowKeyColumn, item.row_key, f.hidden_text);
    hidden.text(row, kHiddenNumberColumn, item.number, f.hidden_text);
    hidden.text(row, kHiddenValueColumn, answer.value, f.hidden_text);
    hidden.text(row, kHiddenReasonColumn, answer.reason, f.hidden_text);
    hidden.text(row, kHiddenReconfirmColumn, answer.needs_reconfirmation ? "1" : "0", f.hidden_text);
    hidden.text(row, kHiddenUnconfirmedColumn, item.unconfirmed ? "1" : "0", f.hidden_text);
}

void write_table(SheetWriter& out, SheetWriter& hidden, const AssessmentDocument& doc, const Formats& f) {
    const auto columns = table_columns(doc);
    const auto last_col = static_cast<std::uint16_t>(columns.size() - 1);
    double table_width = 0;
    int header_lines = 1;
    const auto column_count = static_cast<std::uint16_t>(columns.size());
    for (std::uint16_t c = 0; c < column_count; ++c) {
        std::string header(columns[c].header);
        std::replace(header.begin(), header.end(), ' ', '\n');  // "2回目" above "はい・いいえ"
        out.text(kHeaderRow, c, header, f.header);
        worksheet_set_column(out.sheet(), c, c, column_width(columns[c].id), nullptr);
        table_width += column_width(columns[c].id);
        header_lines = std::max(header_lines, wrapped_lines(header, column_width(columns[c].id)));
    }
    worksheet_set_row(out.sheet(), kHeaderRow, row_height(header_lines), nullptr);
    const std::string hidden_headers[] = {"kind",   "canonical_id",         "row_key",    "number", "value",
                                          "reason", "needs_reconfirmation", "unconfirmed"};
    for (std::uint16_t i = 0; i < static_cast<std::uint16_t>(std::size(hidden_headers)); ++i)
        hidden.text(kHeaderRow, kHiddenKindColumn + i, hidden_headers[i], nullptr);

    std::uint32_t row = kFirstTableRow;
    const std::string* section = nullptr;
    for (const DocumentRow& item : doc.rows) {
        if (!section || *section != item.section_ja) {
            section = &item.section_ja;
            out.merged(row, last_col, item.section_ja, f.section);
            worksheet_set_row(out.sheet(), row, row_height(wrapped_lines(item.section_ja, table_width)),
                              nullptr);
            hidden.text(row, kHiddenKindColumn, kKindSection, f.hidden_text);
            ++row;
        }
        write_item(out, row, item, columns, f);
        write_keys(hidden, row, item, f);
        ++row;
    }

    if (row > kFirstTableRow) {
        const auto column_count = static_cast<std::uint16_t>(columns.size());
        for (std::uint16_t c = 0; c < column_count; ++c) {
            if (columns[c].id == ColumnId::answer) {
                static const char* answers[] = {"はい", "いいえ", "記入不要", "確認不要", nullptr};
                write_answer_validation(out.sheet(), kFirstTableRow, row - 1, c, answers,
                                        "はい、いいえ、記入不要、確認不要のいずれかを選んでください。");
            } else if (columns[c].id == ColumnId::second_answer) {
                static const char* answers[] = {"はい", "いいえ", nullptr};
                write_answer_validation(out.sheet(), kFirstTableRow, row - 1, c, answers,
                                        "はい、いいえのいずれかを選んでください。");
            }
        }
    }

    std::uint32_t meta_row = 0;
    auto meta = [&](std::string_view key, std::string_view value) {
        hidden.text(meta_row, kMetadataKeyColumn, key, f.hidden_text);
        hidden.text(meta_row, kMetadataValueColumn, value, f.hidden_text);
        ++meta_row;
    };
    meta(kFormatKey, kFormatName);
    meta(kFormatVersionKey, std::to_string(kXlsxFormatVersion));
    meta(kSheetKey, kXlsxSheetName);
    meta(kFirstRowKey, std::to_string(kFirstTableRow + 1));
    meta(kRowCountKey, std::to_string(row - kFirstTableRow));
    for (const auto& [key, value] : document_metadata(doc)) meta(key, value);
}

void set_up_printing(lxw_worksheet* sheet) {
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_set_margins(sheet, 0.4, 0.4, 0.5, 0.6);
    worksheet_repeat_rows(sheet, kHeaderRow, kHeaderRow);
    worksheet_set_footer(sheet, "&C&P / &N");
    worksheet_freeze_panes(sheet, kFirstTableRow, 0);
    worksheet_center_horizontally(sheet);
}

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::internal, "cannot read back the workbook from " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

}  // namespace

Result<std::string> render_xlsx(const AssessmentDocument& doc) {
    auto file = TempFile::create();
    if (!file) return fail(file.error());
    std::string tmpdir = std::filesystem::path(file->path()).parent_path().string();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    WorkbookPtr workbook(workbook_new_opt(file->path().c_str(), &options));
    if (!workbook) return fail(ErrorCode::internal, "libxlsxwriter could not create a workbook");

    const std::string title = doc.document_title_ja + "　" + doc.institution_name;
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title.c_str());
    properties.author = const_cast<char*>("mamori");
    workbook_set_properties(workbook.get(), &properties);

    const Formats formats = make_formats(workbook.get());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), std::string(kXlsxSheetName).c_str());
    lxw_worksheet* meta = workbook_add_worksheet(workbook.get(), std::string(kXlsxMetadataSheetName).c_str());
    if (!sheet || !meta) return fail(ErrorCode::internal, "libxlsxwriter could not add the worksheets");
    worksheet_hide(meta);
    worksheet_protect(meta, nullptr, nullptr);

    SheetWriter out(sheet), hidden(meta);
    const auto last_col = static_cast<std::uint16_t>(table_columns(doc).size() - 1);
    write_titles(out, doc, last_col, formats);
    write_table(out, hidden, doc, formats);
    set_up_printing(sheet);
    for (const SheetWriter* w : {&out, &hidden})
        if (w->first_error())
            return fail(ErrorCode::internal,
                        "libxlsxwriter failed writing the workbook: " + *w->first_error());

    // workbook_close frees the workbook whatever it returns.
    const lxw_error closed = workbook_close(workbook.release());
    if (closed != LXW_NO_ERROR)
        return fail(ErrorCode::internal,
                    fmt::format("libxlsxwriter could not save the workbook: {}", lxw_strerror(closed)));
    return read_file(file->path());
}

}  // namespace mamori::documents

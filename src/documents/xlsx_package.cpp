#include "documents/xlsx_package.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "documents/xml_cursor.hpp"

namespace mamori::documents {

namespace {

constexpr std::uint32_t kMaxRows = 1048576;
constexpr std::uint32_t kMaxColumns = 16384;
constexpr std::size_t kMaxCells = 200000;
constexpr std::size_t kMaxSharedStrings = 200000;

using Event = XmlCursor::Event;

tl::unexpected<Error> bad_part(std::string_view part, std::string_view why) {
    return fail(ErrorCode::invalid_input, fmt::format("{}: {}", part, why), std::string(part));
}

struct Relationship {
    std::string id;
    std::string type;
    std::string target;
};

// directory_of: "xl/workbook.xml" → "xl".
std::string_view directory_of(std::string_view part) {
    const auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash);
}

// resolve: a relationship target, relative to the directory of the part that names it, as a zip name.
std::string resolve(std::string_view directory, std::string_view target) {
    std::vector<std::string> segments;
    auto push_path = [&segments](std::string_view path) {
        while (!path.empty()) {
            const auto slash = path.find('/');
            const std::string_view segment = path.substr(0, slash);
            if (segment == "..") {
                if (!segments.empty()) segments.pop_back();
            } else if (!segment.empty() && segment != ".") {
                segments.emplace_back(segment);
            }
            if (slash == std::string_view::npos) break;
            path.remove_prefix(slash + 1);
        }
    };
    if (target.empty() || target.front() != '/') push_path(directory);
    push_path(target);
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

// relationships_part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string relationships_part(std::string_view part) {
    const std::string_view directory = directory_of(part);
    const std::string_view file = directory.empty() ? part : part.substr(directory.size() + 1);
    return fmt::format("{}{}_rels/{}.rels", directory, directory.empty() ? "" : "/", file);
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

Result<std::vector<Relationship>> read_relationships(ZipArchive& zip, const std::string& part) {
    auto xml_text = zip.read(part);
    if (!xml_text) return fail(xml_text.error());
    auto xml = XmlCursor::open(*xml_text, part);
    if (!xml) return fail(xml.error());
    std::vector<Relationship> out;
    for (;;) {
        auto event = xml->next();
        if (!event) return fail(event.error());
        if (*event == Event::done) return out;
        if (*event == Event::start && xml->name() == "Relationship")
            out.push_back({std::string(xml->attribute("Id").value_or("")),
                           std::string(xml->attribute("Type").value_or("")),
                           std::string(xml->attribute("Target").value_or(""))});
    }
}

// append_utf8: one code point, encoded.
void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | cp >> 6);
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | cp >> 12);
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// decode_escapes: Office's "_xHHHH_" escapes in cell text (control characters, and "_x005F_" for a literal
// underscore that would otherwise start one) back to the characters they stand for.
std::string decode_escapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::uint32_t cp = 0;
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            const auto [end, ec] = std::from_chars(text.data() + i + 2, text.data() + i + 6, cp, 16);
            if (ec == std::errc{} && end == text.data() + i + 6 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                append_utf8(out, cp);
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// RichText: collects the text of <si> or <is>: every <t>, except those of phonetic guides (<rPh>).
class RichText {
  public:
    void on_start(std::string_view name) {
        if (name == "rPh")
            ++phonetic_depth_;
        else if (name == "t")
            in_t_ = true;
    }
    void on_end(std::string_view name) {
        if (name == "rPh" && phonetic_depth_ > 0)
            --phonetic_depth_;
        else if (name == "t")
            in_t_ = false;
    }
    void on_text(std::string_view text) {
        if (in_t_ && phonetic_depth_ == 0) raw_ += text;
    }
    std::string take() {
        std::string out = decode_escapes(raw_);
        raw_.clear();
        in_t_ = false;
        phonetic_depth_ = 0;
        return out;
    }

  private:
    std::string raw_;
    bool in_t_ = false;
    int phonetic_depth_ = 0;
};

// parse_reference: "D12" → (11, 3).
std::optional<std::pair<std::uint32_t, std::uint16_t>> parse_reference(std::string_view ref) {
    std::uint32_t column = 0, row = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
        column = column * 26 + static_cast<std::uint32_t>(ref[i] - 'A' + 1);
        if (column > kMaxColumns) return std::nullopt;
    }
    if (i == 0 || i == ref.size()) return std::nullopt;
    const auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    if (ec != std::errc{} || end != ref.data() + ref.size() || row == 0 || row > kMaxRows)
        return std::nullopt;
    return std::pair{row - 1, static_cast<std::uint16_t>(column - 1)};
}

}  // namespace

std::string cell_reference(std::uint32_t row, std::uint16_t column) {
    std::string letters;
    for (std::uint32_t c = column + 1u; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return fmt::format("{}{}", letters, row + 1);
}

std::optional<std::chrono::year_month_day> serial_date(double serial, bool date1904) {
    using namespace std::chrono;
    if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
    const auto whole = static_cast<long>(std::floor(serial));
    if (date1904) return year_month_day{sys_days{year{1904} / January / 1} + days{whole}};
    if (whole == 60) return std::nullopt;
    const sys_days base =
        whole < 60 ? sys_days{year{1899} / December / 31} : sys_days{year{1899} / December / 30};
    return year_month_day{base + days{whole}};
}

const CellValue* SheetCells::at(std::uint32_t row, std::uint16_t column) const {
    const auto it = cells_.find(static_cast<std::uint64_t>(row) << 16 | column);
    return it == cells_.end() ? nullptr : &it->second;
}

std::string_view SheetCells::text_at(std::uint32_t row, std::uint16_t column) const {
    const CellValue* cell = at(row, column);
    return cell ? std::string_view(cell->text) : std::string_view();
}

std::vector<std::uint32_t> SheetCells::used_rows() const {
    std::vector<std::uint32_t> rows;
    rows.reserve(cells_.size());
    for (const auto& [key, value] : cells_) rows.push_back(static_cast<std::uint32_t>(key >> 16));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void SheetCells::set(std::uint32_t row, std::uint16_t column, CellValue value) {
    cells_[static_cast<std::uint64_t>(row) << 16 | column] = std::move(value);
}

const SheetInfo* XlsxPackage::find_sheet(std::string_view name) const {
    for (const auto& sheet : sheets_)
        if (sheet.name == name) return &sheet;
    return nullptr;
}

Result<XlsxPackage> XlsxPackage::open(std::string_view bytes) {
    auto zip = ZipArchive::open(bytes);
    if (!zip) return fail(zip.error());
    XlsxPackage package(std::move(*zip));
    ZipArchive& archive = package.zip_;

    std::string workbook_part = "xl/workbook.xml";
    if (archive.contains("_rels/.rels")) {
        auto rels = read_relationships(archive, "_rels/.rels");
        if (!rels) return fail(rels.error());
        for (const auto& r : *rels)
            if (ends_with(r.type, "/officeDocument")) workbook_part = resolve("", r.target);
    }
    if (!archive.contains(workbook_part))
        return fail(ErrorCode::invalid_input,
                    fmt::format("the file is not an .xlsx workbook (no {} in the archive)", workbook_part),
                    "file");
    const std::string rels_part = relationships_part(workbook_part);
    if (!archive.contains(rels_part))
        return bad_part(rels_part, "missing: the workbook's sheets cannot be found");
    auto rels = read_relationships(archive, rels_part);
    if (!rels) return fail(rels.error());
    const std::string_view directory = directory_of(workbook_part);

    auto workbook_text = archive.read(workbook_part);
    if (!workbook_text) return fail(workbook_text.error());
    auto xml = XmlCursor::open(*workbook_text, workbook_part);
    if (!xml) return fail(xml.error());
    for (;;) {
        auto event = xml->next();
        if (!event) return fail(event.error());
        if (*event == Event::done) break;
        if (*event != Event::start) continue;
        if (xml->name() == "workbookPr") {
            const auto value = xml->attribute("date1904").value_or("0");
            package.date1904_ = value == "1" || value == "true";
        } else if (xml->name() == "sheet") {
            const std::string name(xml->attribute("name").value_or(""));
            const std::string_view id = xml->attribute("id").value_or("");
            const auto rel =
                std::find_if(rels->begin(), rels->end(), [&](const auto& r) { return r.id == id; });
            if (rel == rels->end())
                return bad_part(workbook_part,
                                fmt::format("sheet \"{}\" has no relationship \"{}\"", name, id));
            const auto state = xml->attribute("state").value_or("visible");
            package.sheets_.push_back({name, resolve(directory, rel->target), state != "visible"});
        }
    }

    for (const auto& r : *rels) {
        if (!ends_with(r.type, "/sharedStrings")) continue;
        const std::string part = resolve(directory, r.target);
        if (!archive.contains(part)) break;  // a dangling optional part: the sheets will say if they need it
        auto text = archive.read(part);
        if (!text) return fail(text.error());
        auto sst = XmlCursor::open(*text, part);
        if (!sst) return fail(sst.error());
        RichText rich;
        for (;;) {
            auto event = sst->next();
            if (!event) return fail(event.error());
            if (*event == Event::done) break;
            if (*event == Event::start) {
                rich.on_start(sst->name());
            } else if (*event == Event::end) {
                if (sst->name() == "si") {
                    if (package.shared_strings_.size() >= kMaxSharedStrings)
                        return bad_part(part, "too many shared strings");
                    package.shared_strings_.push_back(rich.take());
                } else {
                    rich.on_end(sst->name());
                }
            } else {
                rich.on_text(sst->text());
            }
        }
        break;
    }
    return package;
}

Result<SheetCells> XlsxPackage::load_sheet(const SheetInfo& sheet) {
    auto text = zip_.read(sheet.part);
    if (!text) return fail(text.error());
    auto xml = XmlCursor::open(*text, sheet.part);
    if (!xml) return fail(xml.error());
    auto where = [&sheet](std::uint32_t row, std::uint16_t column) {
        return fmt::format("sheet \"{}\" cell {}", sheet.name, cell_reference(row, column));
    };

    SheetCells cells;
    std::int64_t row = -1, column = -1;
    bool in_cell = false, in_value = false;
    std::string type, value;
    RichText rich;
    for (;;) {
        auto event = xml->next();
        if (!event) return fail(event.error());
        if (*event == Event::done) break;
        if (*event == Event::text) {
            if (in_value)
                value += xml->text();
            else if (in_cell)
                rich.on_text(xml->text());
            continue;
        }
        const std::string& name = xml->name();
        if (*event == Event::start) {
            if (name == "row") {
                std::uint32_t r = 0;
                if (const auto attr = xml->attribute("r")) {
                    const auto [end, ec] = std::from_chars(attr->data(), attr->data() + attr->size(), r);
                    if (ec != std::errc{} || end != attr->data() + attr->size() || r == 0 || r > kMaxRows)
                        return bad_part(sheet.part, fmt::format("row number \"{}\" is not valid", *attr));
                    row = r - 1;
                } else {
                    ++row;
                }
                column = -1;
            } else if (name == "c") {
                if (const auto ref = xml->attribute("r")) {
                    const auto parsed = parse_reference(*ref);
                    if (!parsed)
                        return bad_part(sheet.part, fmt::format("cell reference \"{}\" is not valid", *ref));
                    row = parsed->first;
                    column = parsed->second;
                } else {
                    ++column;
                }
                if (row < 0 || row >= kMaxRows || column >= kMaxColumns)
                    return bad_part(sheet.part, "a cell lies outside any row");
                in_cell = true;
                type = xml->attribute("t").value_or("n");
                value.clear();
                rich.take();
            } else if (in_cell && name == "v") {
                in_value = true;
            } else if (in_cell) {
                rich.on_start(name);
            }
            continue;
        }
        // Event::end
        if (name == "v") {
            in_value = false;
        } else if (name == "c" && in_cell) {
            in_cell = false;
            const auto r = static_cast<std::uint32_t>(row);
            const auto c = static_cast<std::uint16_t>(column);
            CellValue cell;
            if (type == "s") {
                std::size_t index = 0;
                const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
                if (ec != std::errc{} || end != value.data() + value.size() ||
                    index >= shared_strings_.size())
                    return fail(ErrorCode::invalid_input,
                                fmt::format("{}: shared string \"{}\" does not exist", where(r, c), value),
                                where(r, c));
                cell.text = shared_strings_[index];
            } else if (type == "inlineStr") {
                cell.text = rich.take();
            } else if (type == "str" || type == "d") {
                cell.text = value;
            } else if (type == "b") {
                cell.kind = CellValue::Kind::boolean;
                cell.text = value == "1" ? "TRUE" : "FALSE";
            } else if (type == "e") {
                cell.kind = CellValue::Kind::error;
                cell.text = value;
            } else {
                if (value.empty()) continue;  // a styled blank
                cell.kind = CellValue::Kind::number;
                cell.text = value;
            }
            if (cells.size() >= kMaxCells) return bad_part(sheet.part, "too many cells");
            cells.set(r, c, std::move(cell));
        } else if (in_cell) {
            rich.on_end(name);
        }
    }
    return cells;
}

}  // namespace mamori::documents

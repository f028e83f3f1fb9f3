/// @file
/// @brief The parts of an .xlsx package read_xlsx needs, whoever saved it (mamori, Excel, LibreOffice):
/// the sheets listed in the workbook (through the package relationships), the 1900/1904 date system, the
/// shared strings (rich text runs joined, phonetic guides dropped) and a sheet's cells as text, number,
/// boolean or error. No styles, formulas are taken by their cached value.
///
///     auto package = XlsxPackage::open(bytes);
///     auto cells = package->load_sheet(*package->find_sheet("mamori"));
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "documents/zip_reader.hpp"
#include "mamori/core/error.hpp"

namespace mamori::documents {

// CellValue: one cell as stored; `text` is the string, or a number's, boolean's or error's stored text.
struct CellValue {
    enum class Kind { text, number, boolean, error };
    Kind kind = Kind::text;
    std::string text;
};

// cell_reference: (0-based row, 0-based column) as Excel names it: (11, 3) → "D12".
std::string cell_reference(std::uint32_t row, std::uint16_t column);

// serial_date: an Excel date serial number as a date (the 1900 system counts the fictitious 1900-02-29).
std::optional<std::chrono::year_month_day> serial_date(double serial, bool date1904);

// SheetCells: the non-empty cells of one sheet, by 0-based row and column.
class SheetCells {
  public:
    const CellValue* at(std::uint32_t row, std::uint16_t column) const;
    // text_at: the cell's text, empty when there is no cell.
    std::string_view text_at(std::uint32_t row, std::uint16_t column) const;
    // used_rows: the 0-based rows that hold a cell, in order.
    std::vector<std::uint32_t> used_rows() const;
    void set(std::uint32_t row, std::uint16_t column, CellValue value);
    std::size_t size() const { return cells_.size(); }

  private:
    std::unordered_map<std::uint64_t, CellValue> cells_;
};

struct SheetInfo {
    std::string name;
    std::string part;  // "xl/worksheets/sheet1.xml"
    bool hidden = false;
};

class XlsxPackage {
  public:
    // open: the zip, the workbook's sheet list, its date system and its shared strings.
    static Result<XlsxPackage> open(std::string_view bytes);

    const std::vector<SheetInfo>& sheets() const { return sheets_; }
    const SheetInfo* find_sheet(std::string_view name) const;
    // date1904: the workbook counts dates from 1904-01-01 (old Mac Excel) instead of 1899-12-30.
    bool date1904() const { return date1904_; }

    Result<SheetCells> load_sheet(const SheetInfo& sheet);

  private:
    explicit XlsxPackage(ZipArchive zip) : zip_(std::move(zip)) {}

    ZipArchive zip_;
    std::vector<SheetInfo> sheets_;
    std::vector<std::string> shared_strings_;
    bool date1904_ = false;
};

}  // namespace mamori::documents

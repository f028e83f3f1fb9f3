/// @file
/// @brief The facility files (施設票) of the MHLW 医療情報ネット open data, row by row, with no I/O: which
/// kind of file a header row announces (hospital 65 columns, clinic 62, dental clinic 57, pharmacy 128),
/// and each data row turned into a checked `FacilityRow` or a `RowProblem` naming the column and the reason.
///
///     auto layout = detect_facility_layout(header_fields);      // or an error saying what the header is
///     auto row = parse_facility_row(*layout, fields, known_codes);
///     if (!row) report(line, row.error().column_name, row.error().reason);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <unordered_set>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::feeds {

// FacilityKind: the institution kinds of the open data; to_string gives the `organisations.kind` value.
enum class FacilityKind { hospital, clinic, dental_clinic, pharmacy };

std::string_view to_string(FacilityKind kind);

// FacilityLayout: where the columns mamori reads are in one kind of file (0-based positions), and the name
// of every column for messages.
struct FacilityLayout {
    FacilityKind kind = FacilityKind::hospital;
    std::string title;  // "病院 施設票"
    std::vector<std::string> column_names;
    std::size_t id = 0, name = 0, kana = 0, prefecture = 0, municipality = 0, address = 0, latitude = 0,
                longitude = 0;
    std::optional<std::size_t> beds_general, beds_long_term, beds_psychiatric, beds_tuberculosis,
        beds_infectious, beds_total;
};

// normalize_header_name: the form in which header names are compared: full-width ASCII and the ideographic
// space folded to ASCII (as NFKC does), ASCII letters lower-cased, surrounding spaces removed. One code base
// writes 「その他の休診日（gw、お盆等）」 where others write 「（GW、お盆等）」; both normalise alike.
std::string normalize_header_name(std::string_view name);

// facility_column_names: the header of a file of `kind` as the open data writes it (for pharmacies, the
// columns the data README does not name are "column N").
const std::vector<std::string>& facility_column_names(FacilityKind kind);

// detect_facility_layout: the layout whose header `header` is, comparing every column name that the data
// README verifies, after normalize_header_name. Fails with a message saying what was expected and what was
// found (e.g. a 診療科・診療時間票 given instead of a 施設票, or an unknown file).
Result<FacilityLayout> detect_facility_layout(std::span<const std::string> header);

// FacilityRow: one institution as imported. Empty optional text is stored as NULL.
struct FacilityRow {
    std::string facility_id;  // 13 digits, kept as text (leading zeros matter)
    FacilityKind kind = FacilityKind::hospital;
    std::string name;
    std::optional<std::string> name_kana;
    std::string prefecture_code;    // "01" … "47"
    std::string municipality_code;  // 6 digits with the check digit
    std::optional<std::string> address;
    std::optional<double> latitude, longitude;  // both present or both absent
    std::optional<std::int64_t> beds_general, beds_long_term, beds_psychiatric, beds_tuberculosis,
        beds_infectious, beds_total;

    bool operator==(const FacilityRow&) const = default;
};

// RowProblem: why a row was not imported: the 1-based column (0: the row as a whole), its header name and
// the reason, in words a data steward can act on. A diagnostic per row rather than an `Error`: the import
// goes on after it.
struct RowProblem {
    std::size_t column = 0;
    std::string column_name;
    std::string reason;
};

// MunicipalityCodes: the 6-digit codes in the `municipalities` table. Empty: none are loaded, and a row's
// municipality code is only built with its check digit, not looked up.
using MunicipalityCodes = std::unordered_set<std::string>;

// parse_facility_row: checks and converts one data row of a file with `layout`:
// - ID: 13 ASCII digits;
// - 正式名称 not empty; every text field valid UTF-8; surrounding spaces removed;
// - 都道府県コード "01"–"47"; 市区町村コード 3 digits (or 5 digits starting with the prefecture code, or
//   6 digits with a correct check digit), giving the 6-digit 全国地方公共団体コード, which must be in
//   `known` unless `known` is empty;
// - coordinates: empty or 0 means none (both become absent if either is); otherwise decimal numbers inside
//   Japan (latitude 20–46, longitude 122–154);
// - bed counts: empty means none, else a non-negative integer.
tl::expected<FacilityRow, RowProblem> parse_facility_row(const FacilityLayout& layout,
                                                         std::span<const std::string> fields,
                                                         const MunicipalityCodes& known);

// release_date_from_file_name: the data date of a release file named like
// `01-1_hospital_facility_info_20251201.csv`, as "2025-12-01"; nullopt when the name has no valid
// `_YYYYMMDD` before its extension.
std::optional<std::string> release_date_from_file_name(std::string_view file_name);

// is_valid_utf8: whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace mamori::feeds

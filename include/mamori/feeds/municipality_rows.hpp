/// @file
/// @brief The municipality list of code4fukui/localgovjp (`localgovjp-utf8.csv`: pid, pref, cid, city,
/// citykana, lat, lng, url, phrase, lgcode), row by row, with no I/O. Every 全国地方公共団体コード is
/// checked: six digits (a five-digit value regains its lost leading zero), a correct check digit, and
/// agreement with the row's prefecture number and 5-digit city code.
///
///     auto layout = detect_municipality_layout(header_fields);
///     auto m = parse_municipality_row(*layout, fields);   // {"011002", "01", "札幌市", "さっぽろし"}
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/feeds/facility_rows.hpp"

namespace mamori::feeds {

// MunicipalityLayout: the positions of the columns mamori reads (0-based) and every column's name.
struct MunicipalityLayout {
    std::vector<std::string> column_names;
    std::size_t pid = 0, cid = 0, city = 0, kana = 0, lgcode = 0;
};

// detect_municipality_layout: finds the columns pid, cid, city, citykana and lgcode by name (exactly, in
// any order); fails naming the missing ones.
Result<MunicipalityLayout> detect_municipality_layout(std::span<const std::string> header);

// Municipality: one row of the `municipalities` table.
struct Municipality {
    std::string code;             // 6 digits with check digit
    std::string prefecture_code;  // "01" … "47"
    std::string name;             // 札幌市 中央区 (designated-city wards carry their city's name)
    std::optional<std::string> kana;

    bool operator==(const Municipality&) const = default;
};

// parse_municipality_row: checks and converts one data row.
tl::expected<Municipality, RowProblem> parse_municipality_row(const MunicipalityLayout& layout,
                                                              std::span<const std::string> fields);

}  // namespace mamori::feeds

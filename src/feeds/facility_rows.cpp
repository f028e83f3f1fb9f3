#include "mamori/feeds/facility_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "mamori/core/time.hpp"
#include "mamori/feeds/local_government_code.hpp"

namespace mamori::feeds {

namespace {

constexpr const char* kDays[] = {"月", "火", "水", "木", "金", "土", "日"};
constexpr std::size_t kCommonColumns = 57;

// Coordinates inside Japan with a margin: 沖ノ鳥島 20.4°N, 択捉島 45.6°N; 与那国島 122.9°E, 南鳥島 154.0°E.
constexpr double kMinLatitude = 20.0, kMaxLatitude = 46.0, kMinLongitude = 122.0, kMaxLongitude = 154.0;

// LayoutSpec: a layout and the header that announces it. `expected[i]` holds the accepted names of column i
// (normalised); an empty entry is a column whose name the data README does not verify, so it is not
// checked. Inside `unordered` ranges [first, last) the names are verified but not their order, so the range
// is compared as a multiset; mamori reads nothing from those columns.
struct LayoutSpec {
    FacilityLayout layout;
    std::vector<std::vector<std::string>> expected;
    std::vector<std::pair<std::size_t, std::size_t>> unordered;
};

std::vector<std::string> common_columns() {
    std::vector<std::string> names = {"ID",
                                      "正式名称",
                                      "正式名称（フリガナ）",
                                      "略称",
                                      "略称（フリガナ）",
                                      "英語表記（ローマ字表記）",
                                      "機関区分",
                                      "都道府県コード",
                                      "市区町村コード",
                                      "所在地",
                                      "所在地座標（緯度）",
                                      "所在地座標（経度）",
                                      "案内用ホームページアドレス"};
    for (const char* d : kDays) names.push_back(fmt::format("毎週決まった曜日に休診（{}）", d));
    for (int week = 1; week <= 5; ++week)
        for (const char* d : kDays)
            names.push_back(fmt::format("決まった週に休診（定期週）第{}週（{}）", week, d));
    names.push_back("祝日に休診");
    names.push_back("その他の休診日（GW、お盆等）");
    return names;
}

LayoutSpec medical_spec(FacilityKind kind, std::string title, const std::vector<std::string>& bed_columns) {
    LayoutSpec spec;
    auto names = common_columns();
    names.insert(names.end(), bed_columns.begin(), bed_columns.end());
    spec.layout.kind = kind;
    spec.layout.title = std::move(title);
    spec.layout.column_names = names;
    for (const auto& n : names) spec.expected.push_back({normalize_header_name(n)});
    spec.unordered.emplace_back(20, 55);  // 決まった週に休診 第1–5週 × 月–日
    auto& l = spec.layout;
    l.id = 0, l.name = 1, l.kana = 2, l.prefecture = 7, l.municipality = 8, l.address = 9, l.latitude = 10,
    l.longitude = 11;
    auto position = [&](std::string_view name) -> std::optional<std::size_t> {
        for (std::size_t i = kCommonColumns; i < names.size(); ++i)
            if (names[i] == name) return i;
        return std::nullopt;
    };
    l.beds_general = position("一般病床");
    l.beds_long_term = position("療養病床");
    l.beds_psychiatric = position("精神病床");
    l.beds_tuberculosis = position("結核病床");
    l.beds_infectious = position("感染症病床");
    l.beds_total = position("合計病床数");
    return spec;
}

// The pharmacy file: the data README verifies only some positions, and real readers of the file call
// column 2 「名称」 where the README says 「正式名称」, so both are accepted.
LayoutSpec pharmacy_spec() {
    LayoutSpec spec;
    constexpr std::size_t kColumns = 128;
    spec.layout.kind = FacilityKind::pharmacy;
    spec.layout.title = "薬局";
    spec.layout.column_names.resize(kColumns);
    spec.expected.resize(kColumns);
    auto set = [&](std::size_t i, std::vector<std::string> names) {
        spec.layout.column_names[i] = names.front();
        for (const auto& n : names) spec.expected[i].push_back(normalize_header_name(n));
    };
    set(0, {"ID"});
    set(1, {"正式名称", "名称"});
    set(2, {"フリガナ"});
    set(5, {"都道府県コード"});
    set(6, {"市区町村コード"});
    set(7, {"所在地"});
    set(8, {"所在地座標（緯度）"});
    set(9, {"所在地座標（経度）"});
    set(10, {"薬局のホームページアドレス"});
    std::size_t i = 64;
    for (const char* d : {"月", "火", "水", "木", "金", "土", "日", "祝"})
        for (int slot = 1; slot <= 4; ++slot)
            for (const char* edge : {"開始", "終了"})
                set(i++, {fmt::format("{}_開店時間帯{}_{}時間", d, slot, edge)});
    spec.unordered.emplace_back(64, kColumns);
    for (std::size_t c = 0; c < kColumns; ++c)
        if (spec.layout.column_names[c].empty())
            spec.layout.column_names[c] = fmt::format("column {}", c + 1);
    auto& l = spec.layout;
    l.id = 0, l.name = 1, l.kana = 2, l.prefecture = 5, l.municipality = 6, l.address = 7, l.latitude = 8,
    l.longitude = 9;
    return spec;
}

const std::vector<LayoutSpec>& layout_specs() {
    static const std::vector<LayoutSpec> specs = {
        medical_spec(FacilityKind::hospital, "病院 施設票",
                     {"一般病床", "療養病床", "療養病床のうち医療保険適用", "療養病床のうち介護保険適用",
                      "精神病床", "結核病床", "感染症病床", "合計病床数"}),
        medical_spec(FacilityKind::clinic, "診療所 施設票",
                     {"一般病床", "療養病床", "療養病床のうち医療保険適用", "療養病床のうち介護保険適用",
                      "合計病床数"}),
        medical_spec(FacilityKind::dental_clinic, "歯科診療所 施設票", {}),
        pharmacy_spec(),
    };
    return specs;
}

}  // namespace

const std::vector<std::string>& facility_column_names(FacilityKind kind) {
    for (const auto& spec : layout_specs())
        if (spec.layout.kind == kind) return spec.layout.column_names;
    return layout_specs().front().layout.column_names;
}

namespace {

// shown: a value quoted for a message, cut at 40 bytes on a character boundary.
std::string shown(std::string_view value) {
    if (!is_valid_utf8(value)) return "(not valid UTF-8)";
    if (value.size() <= 40) return fmt::format("'{}'", value);
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return fmt::format("'{}…'", value.substr(0, cut));
}

std::string joined_sample(const std::vector<std::string>& names) {
    std::vector<std::string> first;
    for (std::size_t i = 0; i < names.size() && i < 4; ++i) first.push_back(shown(names[i]));
    return fmt::format("{}", fmt::join(first, ", "));
}

// differences: what keeps `header` (normalised) from matching `spec`, as messages; empty when it matches.
std::vector<std::string> differences(const LayoutSpec& spec, const std::vector<std::string>& header,
                                     std::span<const std::string> raw) {
    std::vector<std::string> out;
    auto in_unordered = [&](std::size_t i) {
        return std::any_of(spec.unordered.begin(), spec.unordered.end(),
                           [i](const auto& r) { return i >= r.first && i < r.second; });
    };
    for (std::size_t i = 0; i < header.size(); ++i) {
        const auto& accepted = spec.expected[i];
        if (accepted.empty() || in_unordered(i)) continue;
        if (std::find(accepted.begin(), accepted.end(), header[i]) == accepted.end())
            out.push_back(fmt::format("column {} is {} where '{}' is expected", i + 1, shown(raw[i]),
                                      spec.layout.column_names[i]));
    }
    for (const auto& [first, last] : spec.unordered) {
        std::vector<std::string> want, have;
        for (std::size_t i = first; i < last; ++i) {
            want.push_back(spec.expected[i].front());
            have.push_back(header[i]);
        }
        std::sort(want.begin(), want.end());
        std::sort(have.begin(), have.end());
        std::vector<std::string> missing;
        std::set_difference(want.begin(), want.end(), have.begin(), have.end(), std::back_inserter(missing));
        if (!missing.empty())
            out.push_back(fmt::format("columns {}–{} lack '{}'", first + 1, last, missing.front()));
    }
    return out;
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        } else if (s.substr(0, 3) == kIdeographicSpace) {
            s.remove_prefix(3);
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
            s.remove_suffix(1);
        } else if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view to_string(FacilityKind kind) {
    switch (kind) {
        case FacilityKind::hospital: return "hospital";
        case FacilityKind::clinic: return "clinic";
        case FacilityKind::dental_clinic: return "dental_clinic";
        case FacilityKind::pharmacy: return "pharmacy";
    }
    return "hospital";
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t cp = 0, min = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (i + length > n) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

std::string normalize_header_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c == 0xE3 && name.substr(i, 3) == "\xE3\x80\x80") {
            out.push_back(' ');
            i += 3;
            continue;
        }
        if (c == 0xEF && i + 2 < name.size()) {
            const auto b1 = static_cast<unsigned char>(name[i + 1]),
                       b2 = static_cast<unsigned char>(name[i + 2]);
            const char32_t cp = (char32_t{0x0F} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
            if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0xFF01 && cp <= 0xFF5E) {
                out.push_back(static_cast<char>(cp - 0xFEE0));
                i += 3;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
        ++i;
    }
    for (auto& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

Result<FacilityLayout> detect_facility_layout(std::span<const std::string> header) {
    for (const auto& name : header)
        if (!is_valid_utf8(name))
            return fail(
                ErrorCode::invalid_input,
                "the header is not UTF-8 text: the open data is UTF-8 with a BOM; convert a Shift_JIS "
                "copy first (e.g. iconv -f CP932 -t UTF-8)",
                "header");
    std::vector<std::string> normalized;
    normalized.reserve(header.size());
    for (const auto& name : header) normalized.push_back(normalize_header_name(name));
    const auto has = [&](std::string_view name) {
        return std::find(normalized.begin(), normalized.end(), normalize_header_name(name)) !=
               normalized.end();
    };

    for (const auto& spec : layout_specs()) {
        if (spec.expected.size() != header.size()) continue;
        const auto diff = differences(spec, normalized, header);
        if (diff.empty()) return spec.layout;
        return fail(
            ErrorCode::invalid_input,
            fmt::format("the header has the {} columns of a {} file but does not match it: {}{}",
                        header.size(), spec.layout.title, diff.front(),
                        diff.size() > 1 ? fmt::format(" (and {} more differences)", diff.size() - 1) : ""),
            "header");
    }
    if (has("診療科目コード"))
        return fail(
            ErrorCode::invalid_input,
            "this is a 診療科・診療時間票 (specialties and hours), not a 施設票: import the facility files "
            "(01-1_hospital_facility_info, 02-1_clinic_facility_info, 03-1_dental_facility_info, "
            "05_pharmacy)",
            "header");
    if (header.size() == 153 || has("祝日に休業"))
        return fail(ErrorCode::invalid_input,
                    "this looks like the 助産所 (maternity home) file, which mamori does not import",
                    "header");
    return fail(
        ErrorCode::invalid_input,
        fmt::format("unknown header ({} columns, starting {}): expected a 医療情報ネット 施設票 of "
                    "hospitals (65 columns), clinics (62), dental clinics (57) or pharmacies (128)",
                    header.size(), joined_sample(std::vector<std::string>(header.begin(), header.end()))),
        "header");
}

tl::expected<FacilityRow, RowProblem> parse_facility_row(const FacilityLayout& layout,
                                                         std::span<const std::string> fields,
                                                         const MunicipalityCodes& known) {
    using Problem = tl::unexpected<RowProblem>;
    if (fields.size() != layout.column_names.size())
        return Problem(RowProblem{0, "",
                                  fmt::format("the row has {} fields where the header has {}", fields.size(),
                                              layout.column_names.size())});
    auto problem = [&](std::size_t column, std::string reason) {
        return Problem(RowProblem{column + 1, layout.column_names[column], std::move(reason)});
    };
    auto value = [&](std::size_t column) { return trim(fields[column]); };

    FacilityRow row;
    row.kind = layout.kind;

    const auto id = value(layout.id);
    if (id.empty()) return problem(layout.id, "the facility ID is empty");
    if (id.size() != 13 || !all_digits(id))
        return problem(layout.id, fmt::format("{} is not a facility ID of 13 digits", shown(id)));
    row.facility_id = id;

    for (const std::size_t column : {layout.name, layout.kana, layout.address})
        if (!is_valid_utf8(fields[column])) return problem(column, "the text is not valid UTF-8");
    row.name = value(layout.name);
    if (row.name.empty()) return problem(layout.name, "the name is empty");
    if (const auto kana = value(layout.kana); !kana.empty()) row.name_kana = std::string(kana);
    if (const auto address = value(layout.address); !address.empty()) row.address = std::string(address);

    const auto prefecture = value(layout.prefecture);
    if (!is_prefecture_code(prefecture))
        return problem(layout.prefecture,
                       fmt::format("{} is not a prefecture code (01–47)", shown(prefecture)));
    row.prefecture_code = prefecture;

    const auto city = value(layout.municipality);
    if (!all_digits(city) || (city.size() != 3 && city.size() != 5 && city.size() != 6))
        return problem(layout.municipality,
                       fmt::format("{} is not a 3-digit municipality code", shown(city)));
    if (city.size() == 3) {
        row.municipality_code = *local_government_code(prefecture, city);
    } else {
        if (city.substr(0, 2) != prefecture)
            return problem(layout.municipality,
                           fmt::format("{} belongs to prefecture {}, but the row's 都道府県コード is {}",
                                       shown(city), city.substr(0, 2), prefecture));
        if (city.size() == 6 && !is_valid_local_government_code(city))
            return problem(layout.municipality, fmt::format("{} has a wrong check digit (expected {})",
                                                            shown(city), *check_digit(city.substr(0, 5))));
        row.municipality_code =
            city.size() == 6 ? std::string(city) : *local_government_code(prefecture, city.substr(2));
    }
    if (!known.empty() && !known.contains(row.municipality_code))
        return problem(
            layout.municipality,
            fmt::format("municipality {} (全国地方公共団体コード {}) is not in the municipality list",
                        shown(city), row.municipality_code));

    auto coordinate = [&](std::size_t column) -> tl::expected<std::optional<double>, RowProblem> {
        const auto text = value(column);
        if (text.empty()) return std::nullopt;
        double number = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number))
            return problem(column, fmt::format("{} is not a decimal number", shown(text)));
        if (number == 0) return std::nullopt;  // the open data writes 0 for "no coordinates"
        return number;
    };
    auto latitude = coordinate(layout.latitude);
    if (!latitude) return Problem(latitude.error());
    auto longitude = coordinate(layout.longitude);
    if (!longitude) return Problem(longitude.error());
    if (*latitude && *longitude) {
        const double lat = **latitude, lon = **longitude;
        const bool lat_ok = lat >= kMinLatitude && lat <= kMaxLatitude;
        const bool lon_ok = lon >= kMinLongitude && lon <= kMaxLongitude;
        if (!lat_ok || !lon_ok) {
            const bool swapped =
                lon >= kMinLatitude && lon <= kMaxLatitude && lat >= kMinLongitude && lat <= kMaxLongitude;
            const auto column = lat_ok ? layout.longitude : layout.latitude;
            return problem(
                column,
                swapped ? fmt::format("latitude {} and longitude {} look swapped", lat, lon)
                : lat_ok
                    ? fmt::format("longitude {} is outside Japan ({}–{})", lon, kMinLongitude, kMaxLongitude)
                    : fmt::format("latitude {} is outside Japan ({}–{})", lat, kMinLatitude, kMaxLatitude));
        }
        row.latitude = lat;
        row.longitude = lon;
    }

    auto beds = [&](const std::optional<std::size_t>& column,
                    std::optional<std::int64_t>& out) -> std::optional<RowProblem> {
        if (!column) return std::nullopt;
        const auto text = value(*column);
        if (text.empty()) return std::nullopt;
        std::int64_t number = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (!all_digits(text) || text.size() > 9 || ec != std::errc() || end != text.data() + text.size())
            return RowProblem{*column + 1, layout.column_names[*column],
                              fmt::format("{} is not a bed count (a whole number, 0 or more)", shown(text))};
        out = number;
        return std::nullopt;
    };
    for (auto [column, out] : {std::pair{&layout.beds_general, &row.beds_general},
                               std::pair{&layout.beds_long_term, &row.beds_long_term},
                               std::pair{&layout.beds_psychiatric, &row.beds_psychiatric},
                               std::pair{&layout.beds_tuberculosis, &row.beds_tuberculosis},
                               std::pair{&layout.beds_infectious, &row.beds_infectious},
                               std::pair{&layout.beds_total, &row.beds_total}})
        if (auto bad = beds(*column, *out)) return Problem(std::move(*bad));
    return row;
}

std::optional<std::string> release_date_from_file_name(std::string_view file_name) {
    const auto slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
    const auto dot = file_name.rfind('.');
    const auto stem = dot == std::string_view::npos ? file_name : file_name.substr(0, dot);
    if (stem.size() < 9 || stem[stem.size() - 9] != '_') return std::nullopt;
    const auto digits = stem.substr(stem.size() - 8);
    if (!all_digits(digits)) return std::nullopt;
    const std::string iso =
        fmt::format("{}-{}-{}", digits.substr(0, 4), digits.substr(4, 2), digits.substr(6, 2));
    if (!parse_iso_date(iso)) return std::nullopt;
    return iso;
}

}  // namespace mamori::feeds

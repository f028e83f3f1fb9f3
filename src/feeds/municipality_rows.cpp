#include "mamori/feeds/municipality_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mamori/feeds/local_government_code.hpp"

namespace mamori::feeds {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// left_pad: `digits` with leading zeros up to `width` (the list drops them in pid, cid and sometimes lgcode).
std::string left_pad(std::string_view digits, std::size_t width) {
    std::string out(width > digits.size() ? width - digits.size() : 0, '0');
    out.append(digits);
    return out;
}

}  // namespace

Result<MunicipalityLayout> detect_municipality_layout(std::span<const std::string> header) {
    MunicipalityLayout layout;
    layout.column_names.assign(header.begin(), header.end());
    std::vector<std::string> missing;
    auto find = [&](std::string_view name, std::size_t& position) {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) {
            missing.emplace_back(name);
        } else {
            position = static_cast<std::size_t>(it - header.begin());
        }
    };
    find("pid", layout.pid);
    find("cid", layout.cid);
    find("city", layout.city);
    find("citykana", layout.kana);
    find("lgcode", layout.lgcode);
    if (!missing.empty())
        return fail(ErrorCode::invalid_input,
                    fmt::format("unknown header: a code4fukui localgovjp municipality list has the columns "
                                "pid, pref, cid, city, citykana, lat, lng, url, phrase, lgcode; missing: {}",
                                fmt::join(missing, ", ")),
                    "header");
    return layout;
}

tl::expected<Municipality, RowProblem> parse_municipality_row(const MunicipalityLayout& layout,
                                                              std::span<const std::string> fields) {
    using Problem = tl::unexpected<RowProblem>;
    if (fields.size() != layout.column_names.size())
        return Problem(RowProblem{0, "",
                                  fmt::format("the row has {} fields where the header has {}", fields.size(),
                                              layout.column_names.size())});
    auto problem = [&](std::size_t column, std::string reason) {
        return Problem(RowProblem{column + 1, layout.column_names[column], std::move(reason)});
    };
    Municipality m;
    const std::string_view lgcode = fields[layout.lgcode];
    if (!all_digits(lgcode) || (lgcode.size() != 5 && lgcode.size() != 6))
        return problem(layout.lgcode, fmt::format("'{}' is not a 6-digit 全国地方公共団体コード", lgcode));
    m.code = left_pad(lgcode, 6);
    if (!is_valid_local_government_code(m.code))
        return problem(layout.lgcode, fmt::format("{} has a wrong check digit (expected {})", m.code,
                                                  *check_digit(std::string_view(m.code).substr(0, 5))));
    const std::string_view pid = fields[layout.pid];
    if (!all_digits(pid) || pid.size() > 2 || !is_prefecture_code(left_pad(pid, 2)))
        return problem(layout.pid, fmt::format("'{}' is not a prefecture number (1–47)", pid));
    m.prefecture_code = left_pad(pid, 2);
    if (m.code.substr(0, 2) != m.prefecture_code)
        return problem(layout.lgcode,
                       fmt::format("{} does not belong to prefecture {}", m.code, m.prefecture_code));
    const std::string_view cid = fields[layout.cid];
    if (!all_digits(cid) || cid.size() > 5 || left_pad(cid, 5) != m.code.substr(0, 5))
        return problem(layout.cid, fmt::format("'{}' does not match the code {}", cid, m.code));
    m.name = fields[layout.city];
    if (m.name.empty()) return problem(layout.city, "the name is empty");
    if (!is_valid_utf8(m.name)) return problem(layout.city, "the text is not valid UTF-8");
    if (!fields[layout.kana].empty()) {
        if (!is_valid_utf8(fields[layout.kana])) return problem(layout.kana, "the text is not valid UTF-8");
        m.kana = fields[layout.kana];
    }
    return m;
}

}  // namespace mamori::feeds

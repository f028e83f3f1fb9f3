#include "mamori/core/time.hpp"

#include <fmt/format.h>

namespace mamori {

using namespace std::chrono;

year_month_day japan_date(system_clock::time_point t) {
    return year_month_day{floor<days>(t + hours{9})};
}

int fiscal_year(year_month_day date) {
    const int y = static_cast<int>(date.year());
    return static_cast<unsigned>(date.month()) >= 4 ? y : y - 1;
}

std::string fiscal_year_ja(int fy) {
    const int reiwa = fy - kReiwaOffset;
    return reiwa == 1 ? std::string("令和元年度") : fmt::format("令和{}年度", reiwa);
}

std::pair<year_month_day, year_month_day> fiscal_year_bounds(int fy) {
    return {year{fy} / April / 1, year{fy + 1} / March / 31};
}

std::optional<year_month_day> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < lengths[i]; ++j) {
            const char c = text[starts[i] + j];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const year_month_day date{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                              day{static_cast<unsigned>(parts[2])}};
    if (!date.ok()) return std::nullopt;
    return date;
}

namespace {

// put_digits: `value` as exactly `width` decimal digits (zero-padded, the lowest kept), written at `at`.
// Timestamps are formatted on every request; fmt's format-string parsing showed in the profile.
void put_digits(std::string& out, std::size_t at, long long value, std::size_t width) {
    for (std::size_t i = width; i > 0; --i) {
        out[at + i - 1] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

}  // namespace

std::string to_iso_date(year_month_day date) {
    const int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999)
        return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(date.month()),
                           static_cast<unsigned>(date.day()));
    std::string out = "YYYY-MM-DD";
    put_digits(out, 0, year, 4);
    put_digits(out, 5, static_cast<unsigned>(date.month()), 2);
    put_digits(out, 8, static_cast<unsigned>(date.day()), 2);
    return out;
}

std::string to_iso_utc(system_clock::time_point t) {
    const auto day_start = floor<days>(t);
    const hh_mm_ss<milliseconds> clock{floor<milliseconds>(t - day_start)};
    std::string out = to_iso_date(year_month_day{day_start});
    const std::size_t at = out.size();
    out += "THH:MM:SS.mmmZ";
    put_digits(out, at + 1, clock.hours().count(), 2);
    put_digits(out, at + 4, clock.minutes().count(), 2);
    put_digits(out, at + 7, clock.seconds().count(), 2);
    put_digits(out, at + 10, clock.subseconds().count(), 3);
    return out;
}

std::optional<system_clock::time_point> parse_iso_utc(std::string_view text) {
    // "YYYY-MM-DDTHH:MM:SS.mmmZ"
    if (text.size() != 24 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != '.' ||
        text[23] != 'Z')
        return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    auto number = [&](std::size_t at, std::size_t length) -> int {
        int n = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    const int h = number(11, 2), m = number(14, 2), sec = number(17, 2), ms = number(20, 3);
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59 || ms < 0) return std::nullopt;
    return sys_days{*date} + hours{h} + minutes{m} + seconds{sec} + milliseconds{ms};
}

}  // namespace mamori

#include "mamori/inspection/improvement.hpp"

#include <fmt/format.h>

#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::inspection {

using std::chrono::year_month_day;

Status check_due_on(std::string_view due_on, year_month_day today) {
    const auto due = parse_iso_date(due_on);
    if (due_on.size() != 10 || !due)
        return fail(ErrorCode::invalid_input, "due_on must be a date (YYYY-MM-DD)", "due_on");
    if (std::chrono::sys_days(*due) < std::chrono::sys_days(today))
        return fail(ErrorCode::invalid_input,
                    fmt::format("due_on {} is in the past (today is {})", due_on, to_iso_date(today)),
                    "due_on");
    const year_month_day latest{today.year() + std::chrono::years(kMaxDueYearsAhead), today.month(),
                                today.day() == std::chrono::day(29) && today.month() == std::chrono::February
                                    ? std::chrono::day(28)
                                    : today.day()};
    if (std::chrono::sys_days(*due) > std::chrono::sys_days(latest))
        return fail(ErrorCode::invalid_input,
                    fmt::format("due_on may be at most {} years ahead", kMaxDueYearsAhead), "due_on");
    return {};
}

Status check_request_text(std::string_view text, std::string_view field) {
    const auto first = text.find_first_not_of(" \t\r\n");
    const long count = character_count(text);
    if (first == std::string_view::npos)
        return fail(ErrorCode::invalid_input, fmt::format("{} is empty", field), std::string(field));
    if (count < 0)
        return fail(ErrorCode::invalid_input, fmt::format("{} is not valid UTF-8", field),
                    std::string(field));
    if (count > kMaxRequestTextCharacters)
        return fail(ErrorCode::invalid_input,
                    fmt::format("{} is longer than {} characters", field, kMaxRequestTextCharacters),
                    std::string(field));
    return {};
}

bool is_overdue(RequestStatus status, std::string_view due_on, year_month_day today) {
    if (!is_open(status)) return false;
    const auto due = parse_iso_date(due_on);
    return due && std::chrono::sys_days(*due) < std::chrono::sys_days(today);
}

}  // namespace mamori::inspection

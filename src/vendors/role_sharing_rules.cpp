// The rules of one contract's answers to a row of the 役割分担確認表 (初回確認, 完了日, note).
#include <fmt/format.h>

#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/vendors/role_sharing.hpp"

namespace mamori::vendors {

namespace {

// date_problem: why `text` is not a usable date (a real day, not after today), or nullopt.
std::optional<std::string> date_problem(const std::string& text, std::chrono::year_month_day today) {
    const auto date = parse_iso_date(text);
    if (!date) return std::string("a date is YYYY-MM-DD (a day that exists)");
    if (std::chrono::sys_days(*date) > std::chrono::sys_days(today))
        return std::string("a check is recorded on or after the day it was made, not before: the date is in the "
                           "future");
    return std::nullopt;
}

}  // namespace

std::string_view to_string(FirstAnswer answer) { return answer == FirstAnswer::yes ? "yes" : "no"; }

std::optional<FirstAnswer> parse_first_answer(std::string_view text) {
    if (text == "yes") return FirstAnswer::yes;
    if (text == "no") return FirstAnswer::no;
    return std::nullopt;
}

Status check_row(const RowCheck& check, std::chrono::year_month_day today) {
    if (check.first_answer && !check.first_checked_on)
        return fail(ErrorCode::invalid_input, "first_checked_on: 初回確認 needs the date it was made",
                    "first_checked_on");
    if (!check.first_answer && check.first_checked_on)
        return fail(ErrorCode::invalid_input, "first_answer: a date of 初回確認 needs its answer (yes or no)",
                    "first_answer");
    if (check.first_checked_on)
        if (auto problem = date_problem(*check.first_checked_on, today))
            return fail(ErrorCode::invalid_input, fmt::format("first_checked_on: {}", *problem), "first_checked_on");
    if (check.completed_on) {
        if (check.first_answer != FirstAnswer::no)
            return fail(ErrorCode::invalid_input,
                        "completed_on: 完了日 is the day a いいえ of 初回確認 was resolved; this row is not いいえ",
                        "completed_on");
        if (auto problem = date_problem(*check.completed_on, today))
            return fail(ErrorCode::invalid_input, fmt::format("completed_on: {}", *problem), "completed_on");
        if (*check.completed_on < *check.first_checked_on)
            return fail(ErrorCode::invalid_input, "completed_on: 完了日 cannot be before the date of 初回確認",
                        "completed_on");
    }
    if (auto problem = text_problem(check.note))
        return fail(ErrorCode::invalid_input, fmt::format("note: {}", *problem), "note");
    if (character_count(check.note) > kMaxRowNoteCharacters)
        return fail(ErrorCode::invalid_input,
                    fmt::format("note: at most {} characters", kMaxRowNoteCharacters), "note");
    return {};
}

bool is_answered(const RowCheck& check) { return check.first_answer.has_value(); }

bool is_settled(const RowCheck& check) {
    return check.first_answer == FirstAnswer::yes || (check.first_answer == FirstAnswer::no && check.completed_on);
}

std::vector<std::string> changed_row_fields(const RowCheck& before, const RowCheck& after) {
    std::vector<std::string> out;
    if (before.first_answer != after.first_answer) out.emplace_back("first_answer");
    if (before.first_checked_on != after.first_checked_on) out.emplace_back("first_checked_on");
    if (before.completed_on != after.completed_on) out.emplace_back("completed_on");
    if (before.note != after.note) out.emplace_back("note");
    return out;
}

RowProgress progress_of(std::span<const RowCheck> checks, int total_rows) {
    RowProgress out;
    out.total = total_rows;
    for (const auto& c : checks) {
        if (is_answered(c)) ++out.answered;
        if (is_settled(c)) ++out.settled;
    }
    return out;
}

}  // namespace mamori::vendors

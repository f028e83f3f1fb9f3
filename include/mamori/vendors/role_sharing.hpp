/// @file
/// @brief The 役割分担確認表 (「医療情報システムの契約における当事者間の役割分担等に関する確認表」, MIC/MHLW/METI
/// 2024-06) as data, and the rules of one contract's answers to a row. The rows are read from
/// reference/role-sharing-table.json (docs/role-sharing-api.md describes the format), so a row is added or
/// corrected by shipping a data file, never by changing code. Only rows the sources verify are listed; each
/// says how sure its wording is (V printed wording seen, S summary/secondary, I inferred).
///
///     const auto& table = builtin_role_sharing_table();
///     RowCheck check{.first_answer = FirstAnswer::no, .first_checked_on = "2026-04-01"};
///     if (auto ok = check_row(check, today); !ok) … ok.error().fields.front().field …
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "mamori/core/error.hpp"

namespace mamori::vendors {

// RoleSharingPart: Part1 (the institution leads) or Part2 (done jointly).
struct RoleSharingPart {
    std::string code;  // part1, part2
    std::string label_ja;
    std::string label_en;
};

// RoleSharingRow: one row of the table as the sources give it. number, group_ja and content_ja are
// nullopt when the source does not give them; a confidence other than "V" means the text is a summary,
// not the official wording.
struct RoleSharingRow {
    std::string id;
    std::string part;
    std::optional<std::string> group_ja;
    std::optional<std::string> number;
    std::string item_ja;
    std::string item_confidence;
    std::optional<std::string> content_ja;
    std::optional<std::string> content_confidence;
    std::string source;
    std::vector<std::string> checklist_items;  // canonical checklist item ids the source relates
    std::string note;                          // for maintainers, never shown
};

struct RoleSharingTable {
    std::string title_ja;
    std::string title_en;
    std::string published;
    std::string source;
    std::vector<RoleSharingPart> parts;
    std::vector<RoleSharingRow> rows;
};

// kRoleSharingFile: the embedded file's path under reference/.
inline constexpr std::string_view kRoleSharingFile = "role-sharing-table.json";

// parse_role_sharing_table: the table of a role-sharing file. Every problem is one field error named
// "<file>: <JSON path>" (e.g. "role-sharing-table.json: rows[2].item_ja"); any problem refuses the file.
Result<RoleSharingTable> parse_role_sharing_table(std::string_view file, std::string_view text);

// builtin_role_sharing_table: the embedded file's table (a broken file is a build error caught by the unit
// tests, so this throws std::logic_error).
const RoleSharingTable& builtin_role_sharing_table();

const RoleSharingRow* find_row(const RoleSharingTable& table, std::string_view id);
const RoleSharingPart* find_part(const RoleSharingTable& table, std::string_view code);

// ---- one contract's answers to a row ----

// FirstAnswer: the 初回確認 (はい・いいえ) given on the day of the first meeting with the vendor.
enum class FirstAnswer { yes, no };
std::string_view to_string(FirstAnswer answer);
std::optional<FirstAnswer> parse_first_answer(std::string_view text);

// RowCheck: 初回確認 (answer and date), 完了日 (the day a いいえ was resolved) and a note. Dates YYYY-MM-DD.
struct RowCheck {
    std::optional<FirstAnswer> first_answer;
    std::optional<std::string> first_checked_on;
    std::optional<std::string> completed_on;
    std::string note;
    bool operator==(const RowCheck&) const = default;
};

inline constexpr long kMaxRowNoteCharacters = 1000;

// check_json / check_from_json: a row's answers by their JSON names (the API's and the history's); a missing
// or mistyped field reads as empty.
nlohmann::json check_json(const RowCheck& check);
RowCheck check_from_json(const nlohmann::json& json);

// check_row: the rules of a row's answers, each refusal naming its field:
// - first_answer and first_checked_on go together (both or neither);
// - completed_on only on a いいえ row (a はい row needs nothing resolved), never before first_checked_on;
// - dates are real days, not after `today` (Japan's date: a check is recorded when it happened);
// - the note is user text of at most kMaxRowNoteCharacters characters.
// An empty check (nothing answered) is valid: it clears a row.
Status check_row(const RowCheck& check, std::chrono::year_month_day today);

// is_answered: 初回確認 is recorded. is_settled: はい, or いいえ later resolved (完了日).
bool is_answered(const RowCheck& check);
bool is_settled(const RowCheck& check);

// changed_row_fields: the fields of `after` that differ from `before` (first_answer, first_checked_on,
// completed_on, note).
std::vector<std::string> changed_row_fields(const RowCheck& before, const RowCheck& after);

// RowProgress: of `total` rows, how many are answered and how many settled.
struct RowProgress {
    int total = 0;
    int answered = 0;
    int settled = 0;
};
RowProgress progress_of(std::span<const RowCheck> checks, int total_rows);

}  // namespace mamori::vendors

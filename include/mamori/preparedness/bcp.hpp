/// @file
/// @brief The cyber-BCP 確認表 (「サイバー攻撃を想定した事業継続計画(BCP)策定の確認表」, MHLW 2024-06-06) as
/// data (reference/preparedness/bcp-checklist.json): its five phases and only the rows a retrieved source
/// verifies, each with its source URL and confidence tag. A phase without verified rows is present with
/// none and a note; rows are added to the file, not to the code. An institution answers each row
/// (対応済 / 未対応 / 該当なし) with a note and a reference to its evidence.
///
///     const auto& checklist = builtin_bcp_checklist();
///     auto stored = check_bcp_answer(body);   // {status, note, evidence} or invalid_input naming the field
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::preparedness {

struct BcpRow {
    std::string code;        // "1-1"
    std::string heading_ja;  // the row's 大項目 as the source gives it
    std::string summary_en;  // what the row asks, paraphrased (never shown as official wording)
    std::string source;
    std::string confidence;  // V, S
};

struct BcpPhase {
    std::string code;  // "1" … "5"
    std::string label_ja;
    std::string label_en;
    std::string source;
    std::string confidence;
    std::string note_ja;  // e.g. that its rows are not loaded yet
    std::vector<BcpRow> rows;
};

struct BcpChecklist {
    std::string title_ja;
    std::string issued_on;
    std::string source;
    std::vector<BcpPhase> phases;
};

inline constexpr std::string_view kBcpChecklistFile = "preparedness/bcp-checklist.json";
inline constexpr std::size_t kMaxBcpPhases = 10;
inline constexpr std::size_t kMaxBcpRowsPerPhase = 50;

// parse_bcp_checklist: the data file; every problem names "<file>: <JSON path>" (e.g.
// "phases[0].rows[1].code").
Result<BcpChecklist> parse_bcp_checklist(std::string_view file, std::string_view text);
// builtin_bcp_checklist: the embedded file (a broken one throws std::logic_error; the unit tests catch it).
const BcpChecklist& builtin_bcp_checklist();
// find_bcp_row: the row with `code`, or nullptr.
const BcpRow* find_bcp_row(const BcpChecklist& checklist, std::string_view code);

// Answer statuses: 対応済, 未対応, 該当なし.
inline constexpr std::string_view kBcpStatuses[] = {"done", "not_done", "not_applicable"};
inline constexpr long kMaxBcpEvidence = 1000;

// check_bcp_answer: {status (required), note (≤ 1,000), evidence (≤ 1,000)} as stored, or invalid_input
// naming each field that breaks a rule; other members are not stored.
Result<nlohmann::json> check_bcp_answer(const nlohmann::json& body);

}  // namespace mamori::preparedness

/// @file
/// @brief The on-site record's pure parts: the checklist of record (the institution's checklist frozen when
/// the record starts) as JSON, the lines an inspector would mark 記載不備 because the frozen answer or one of
/// its dates is missing, and the record file an offline tablet hands back (validated with limits; every
/// error names the JSON path of the offending value).
///
///     auto frozen = checklist_json(checklist);                 // stored in inspection_records
///     auto proposals = propose_incomplete(checklist.lines);    // 記載不備 candidates
///     auto file = parse_record_file(text);                     // invalid_input naming "lines[3].verdict"
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/inspection/workflow.hpp"

namespace mamori::inspection {

// FrozenLine: one line of the institution's checklist as it stood when the record started.
struct FrozenLine {
    std::string canonical_id;
    std::string row;     // the catalog's row key ("main", "server", …)
    std::string number;  // as printed: "2-(7)"; empty for the gate question
    std::string text;    // the item's text (Japanese)
    std::string device_classes;
    std::optional<std::string> answer;  // "yes", "no", "not_required"; nullopt: not answered
    std::optional<std::string> confirmed_on;
    std::optional<std::string> target_date;
    std::string note;
    bool needs_reconfirmation = false;  // carried from last year, not confirmed this year
    bool gate = false;                  // the gate question (医療情報システムの有無)
    std::vector<std::string> evidence;  // file names and link titles attached to the line
};

// FrozenChecklist: the checklist of record; `assessment_id` 0 when the institution had none.
struct FrozenChecklist {
    std::int64_t assessment_id = 0;
    int fiscal_year = 0;
    std::string edition;
    int edition_revision = 0;
    std::string form;
    std::string form_title;
    std::string status;  // "draft", "submitted"
    std::optional<std::string> submitted_at;
    std::string frozen_at;
    std::vector<FrozenLine> lines;
};

nlohmann::json checklist_json(const FrozenChecklist& checklist);

// inspection_day: the day of the on-site inspection as the documents state it: the planned date when it
// falls between the day the record started and the day it was completed (Japan dates; an open record
// counts up to `today`), else the day the record started (the visit was held on another day than planned).
std::chrono::year_month_day inspection_day(std::optional<std::chrono::year_month_day> planned_on,
                                           std::chrono::year_month_day record_started,
                                           std::optional<std::chrono::year_month_day> record_completed,
                                           std::chrono::year_month_day today);

// Proposal: a line the helper proposes as 記載不備, and what is missing ("answer", "confirmed_on",
// "target_date").
struct Proposal {
    std::string canonical_id;
    std::string row;
    std::string missing;
};

// propose_incomplete: lines without an answer (or only carried from last year), はい/いいえ without 確認日,
// いいえ without 目標日. 記入不要 lines need neither date.
std::vector<Proposal> propose_incomplete(const std::vector<FrozenLine>& lines);

// ---- The record file (an offline device's lines, handed back as a file). ----
inline constexpr std::size_t kRecordFileMaxBytes = std::size_t{2} * 1024 * 1024;
inline constexpr int kRecordFileMaxDepth = 6;
inline constexpr std::size_t kRecordFileMaxLines = 2000;
inline constexpr long kFindingMaxCharacters = 2000;
inline constexpr long kNoteMaxCharacters = 2000;
inline constexpr long kEvidenceSeenMaxCharacters = 1000;
inline constexpr long kSummaryMaxCharacters = 8000;
inline constexpr long kDeviceMaxCharacters = 100;
inline constexpr std::string_view kRecordFileFormat = "mamori.inspection-record";

// LineEdit: one line as a device last wrote it, against the version it last saw (0: none yet).
struct LineEdit {
    std::string canonical_id;
    std::string row;
    Verdict verdict = Verdict::confirmed;
    std::string finding;
    std::string note;
    std::string evidence_seen;
    int base_version = 0;
};

// check_line_edit: the text limits and check_verdict, fields named under `path` ("lines[2]." or "").
Status check_line_edit(const LineEdit& edit, std::string_view path = "");

// parse_line_edit: one line object (canonical_id, row, verdict, finding, note, evidence_seen,
// base_version); fields named under `at` ("lines[3]" gives "lines[3].verdict"; "" gives "verdict").
Result<LineEdit> parse_line_edit(const nlohmann::json& line, const std::string& at = "");

// kRecordFileReasons: the stable reasons (problem+json errors[].reason) a record file import may give, with
// errors[].value where there is one (a limit, the other visit, the repeated or unknown line).
inline constexpr std::string_view kRecordFileReasons[] = {
    "file_too_large", "file_too_deep",   "file_not_json",     "not_object",          "file_format",
    "visit_id_invalid", "other_visit",   "text_invalid",      "text_too_long",       "required",
    "verdict_unknown", "base_version_invalid", "finding_required", "finding_not_allowed", "completed_invalid",
    "lines_invalid",  "too_many_lines",  "line_repeated",     "line_unknown"};

// RecordFile: what parse_record_file accepts.
struct RecordFile {
    std::int64_t visit_id = 0;
    std::string device;
    std::optional<std::string> summary;
    bool completed = false;  // complete the record once the lines are in
    std::vector<LineEdit> lines;
};

nlohmann::json record_file_json(const RecordFile& file);

// parse_record_file: invalid_input naming the JSON path ("lines[3].verdict") for anything out of shape or
// beyond the limits (size, depth, lines, text lengths, duplicate lines).
Result<RecordFile> parse_record_file(std::string_view text);

}  // namespace mamori::inspection

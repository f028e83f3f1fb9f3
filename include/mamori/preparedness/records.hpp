/// @file
/// @brief The preparedness records of an institution (issue 19): the contact chart (連絡体制図) with its
/// review, the backup register with restore tests, drills (訓練) and the incident log. Pure: each record is
/// a JSON object; check_record reads what a person sent against the rules (limits, dates, codes from the
/// data in reference/preparedness/) and answers the record as stored (known fields only, defaults filled),
/// or invalid_input naming every field that breaks a rule.
///
///     auto stored = check_record(RecordKind::drill, body, reference, today);   // "held_on" named if future
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::preparedness {

enum class RecordKind { chart, contact, backup, restore_test, drill, incident };

// The stored words of a kind ("chart", "contact", "backup", "restore_test", "drill", "incident").
std::string_view to_string(RecordKind kind);
std::optional<RecordKind> parse_record_kind(std::string_view text);

// Code: one code of the data file with its labels, where it comes from and whether the label is official.
struct Code {
    std::string code;
    std::string label_ja;
    std::string label_en;
    bool required = false;  // roles and bodies a contact chart must hold
    std::string source;
    std::string confidence;  // V, S or mamori
    std::string wording;     // official or mamori
};

struct Reference {
    std::vector<Code> internal_roles;
    std::vector<Code> external_bodies;
    std::vector<Code> scenarios;
};

inline constexpr std::string_view kReferenceFile = "preparedness/preparedness.json";

// parse_reference: the data file; every problem names "<file>: <JSON path>".
Result<Reference> parse_reference(std::string_view file, std::string_view text);
// builtin_reference: the embedded file (a broken one throws std::logic_error; the unit tests catch it).
const Reference& builtin_reference();

// The closed vocabularies.
inline constexpr std::string_view kContactKinds[] = {"internal", "vendor", "external"};
inline constexpr std::string_view kFrequencies[] = {"daily", "weekly", "monthly", "other"};
inline constexpr std::string_view kOfflineForms[] = {"separate_media", "nas_while_copying", "logical_cloud"};
inline constexpr std::string_view kRestoreResults[] = {"success", "partial", "failed"};
inline constexpr std::string_view kIncidentStatuses[] = {"open", "closed"};
inline constexpr std::string_view kEventKinds[] = {"detected", "isolated", "vendor_called",
                                                   "reported", "restored", "other"};
inline constexpr std::string_view kChecklistItems[] = {"disconnect_network", "preserve_logs",
                                                       "call_vendor",        "report_ministry",
                                                       "report_police",      "paper_operations"};
inline constexpr std::string_view kReportTargets[] = {"ministry", "police", "prefecture", "health_centre",
                                                      "other"};

// Limits (characters, or entries for lists).
inline constexpr long kMaxName = 100;
inline constexpr long kMaxPhone = 30;
inline constexpr long kMaxEmail = 254;
inline constexpr long kMaxNote = 1000;
inline constexpr long kMaxLongText = 4000;
inline constexpr std::size_t kMaxEvents = 200;
inline constexpr std::size_t kMaxReports = 50;
inline constexpr std::size_t kMaxBcpRows = 30;
inline constexpr int kMaxGenerations = 1000;
inline constexpr int kMaxMinutes = 100'000;
inline constexpr int kMaxPosition = 10'000;

// check_record: the record as stored, or invalid_input listing each field (JSON path, e.g.
// "events[2].at") that breaks a rule. Dates are YYYY-MM-DD; a moment is YYYY-MM-DD or YYYY-MM-DDTHH:MM
// (Japan's time, as people write it). Dates of things that happened (a drill, a restore test, a review, an
// incident's events) may not be after `today` (Japan's date).
Result<nlohmann::json> check_record(RecordKind kind, const nlohmann::json& body, const Reference& reference,
                                    std::chrono::year_month_day today);

// reports_to_jurisdiction: an incident reported to the health centre or the prefecture (they may read it).
bool reports_to_jurisdiction(const nlohmann::json& incident);

// Warning: something the records say is missing or stale, with a stable code and the record it concerns
// (kind and id; no id when it concerns the absence of a record) and, where useful, a code naming what
// (a role, a body, the first-response items not done).
struct Warning {
    std::string code;
    std::string kind;
    std::optional<std::int64_t> record_id;
    std::vector<std::string> details;

    bool operator==(const Warning&) const = default;
};

// StoredRecord: one active record as the warnings see it (restore tests name their backup in body).
struct StoredRecord {
    std::int64_t id = 0;
    RecordKind kind = RecordKind::contact;
    nlohmann::json body;
};

// Warning codes.
inline constexpr std::string_view kBackupWithoutOffline = "backup_without_offline_copy";
inline constexpr std::string_view kNoRecentRestoreTest = "no_recent_restore_test";
inline constexpr std::string_view kNoRecentDrill = "no_recent_drill";
inline constexpr std::string_view kContactRoleMissing = "contact_role_missing";
inline constexpr std::string_view kContactBodyMissing = "contact_body_missing";
inline constexpr std::string_view kChartNotReviewed = "chart_not_reviewed";
inline constexpr std::string_view kIncidentFirstResponseOpen = "incident_first_response_open";

// warnings: every warning of one institution's records, given today (Japan's date). "In the last 12
// months" counts from the same day a year before today. A contact chart that was never opened (no chart
// record) is warned about like an empty one.
std::vector<Warning> warnings(std::span<const StoredRecord> records, const Reference& reference,
                              std::chrono::year_month_day today);

// year_before: the same day a year earlier (29 February → 28 February).
std::chrono::year_month_day year_before(std::chrono::year_month_day day);

}  // namespace mamori::preparedness

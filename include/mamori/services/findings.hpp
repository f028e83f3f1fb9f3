/// @file
/// @brief An institution's vulnerability findings (issue 17): the "what to fix first" list, one finding with
/// its CVE detail (NVD, CISA KEV, JVN) and history, triage (未対応 → 対応中 → 対策済, リスク受容 and 誤検知
/// with a reason; optimistic version), the institution's summary and the ministry's national KEV-exposure
/// numbers (no institution named; counts under ten institutions shown as "<10").
///
/// Who sees what: the institution's own users read and its administrators, security managers and editors
/// triage; its health centre and prefecture read; a vendor reads the findings of assets belonging to systems
/// it runs; the ministry and analysts read only the national numbers. Anyone else: not_found.
///
///     Findings findings(db);
///     auto page = findings.list(caller, {.kev_only = true});
///     auto changed = findings.change_state(caller, id, {"in_progress", "", 1}, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

inline constexpr std::string_view kFindingStates[] = {"open", "in_progress", "mitigated", "risk_accepted",
                                                      "false_positive"};
inline constexpr long kMaxFindingReason = 2000;  // characters
inline constexpr int kMaxFindingsPage = 200;
inline constexpr int kSmallCell = 10;  // national counts below this many institutions are shown as "<10"

struct FindingRow {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::int64_t asset_id = 0;
    std::string asset_name;
    std::string asset_class;
    bool internet_facing = false;
    bool exposed = false;  // internet-facing or a connection point
    std::string cve_id;
    std::string state;
    std::string state_reason;
    bool active = true;
    int priority = 0;
    std::optional<double> cvss_score;
    std::string cvss_severity;
    bool kev = false;
    std::string kev_date_added;
    std::string kev_due_date;
    std::string ransomware_use;  // Known, Unknown, or empty
    std::string jvndb_id;
    std::string jvn_title;  // Japanese, from JVN iPedia
    std::vector<std::string> matched_cpes;
    std::string first_found_at;
    std::string last_matched_at;
    std::string inactive_since;
    int version = 1;
    std::string updated_at;
};

struct FindingEvent {
    int seq = 1;
    std::string action;  // found, state_changed, gone, returned
    std::string from_state, to_state, reason;
    std::string by;  // the person's display name; empty for the matcher
    std::string at;
};

struct FindingDetail {
    FindingRow finding;
    std::string description;  // NVD (English)
    std::string cvss_version, cvss_vector, published, last_modified;
    std::string kev_vulnerability_name, kev_required_action, kev_short_description;
    std::string jvn_summary, jvn_link;
    std::vector<FindingEvent> events;  // oldest first
    bool can_write = false;
};

struct FindingsQuery {
    std::string state;  // empty: those still to deal with (open, in_progress)
    bool kev_only = false;
    std::optional<std::int64_t> asset_id;
    std::string asset_class;
    std::optional<std::int64_t> organisation_id;  // for readers of several institutions; default the caller's
    int limit = 50;
    int offset = 0;
};

struct FindingsPage {
    std::vector<FindingRow> rows;
    std::int64_t total = 0;
    bool can_write = false;
};

struct FindingsSummary {
    std::int64_t open = 0;         // active, not closed
    std::int64_t open_kev = 0;     // of those, in KEV
    std::int64_t ransomware = 0;   // of those, KEV with known ransomware use
    std::int64_t exposed = 0;      // of those, on an exposed asset
    std::int64_t exposed_kev = 0;  // exposed and in KEV
    std::int64_t in_progress = 0;
    std::int64_t overdue_kev = 0;      // open KEV past CISA's due date
    std::int64_t assets_affected = 0;  // assets with at least one open finding
};

struct StateChange {
    std::string state;
    std::string reason;
    int version = 1;
};

// NationalCount: a count of institutions, "<10" below the small-cell threshold.
struct NationalCve {
    std::string cve_id;
    std::string institutions;   // a number or "<10"
    std::int64_t findings = 0;  // open findings (never small-celled: it names no institution)
    bool ransomware = false;
};
struct NationalExposure {
    std::string institutions_with_open_kev;  // a number or "<10"
    std::int64_t institutions_total = 0;
    std::int64_t open_kev_findings = 0;
    std::vector<NationalCve> top_cves;  // the KEV CVEs with the most institutions, at most 20
};

class Findings {
  public:
    explicit Findings(store::Database& db) : db_(db) {}

    Result<FindingsPage> list(const identity::Caller& caller, const FindingsQuery& query);
    Result<FindingsSummary> summary(const identity::Caller& caller,
                                    std::optional<std::int64_t> organisation_id);
    Result<FindingDetail> get(const identity::Caller& caller, std::int64_t id);
    Result<FindingsPage> for_asset(const identity::Caller& caller, std::int64_t asset_id);
    Result<FindingDetail> change_state(const identity::Caller& caller, std::int64_t id,
                                       const StateChange& change, const audit::Context& context);
    Result<NationalExposure> national(const identity::Caller& caller);

  private:
    store::Database& db_;
};

}  // namespace mamori::services

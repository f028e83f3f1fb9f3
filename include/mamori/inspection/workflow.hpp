/// @file
/// @brief The states of an inspection and of an improvement request, and who may move them where. Pure:
/// the services check the caller's side (inspector or institution) and persist; these functions decide.
///
///     auto next = visit_transition(VisitStatus::planned, VisitAction::notify);       // notified
///     auto refused = request_transition(RequestStatus::open, RequestAction::close,   // conflict
///                                       Side::inspector);
#pragma once

#include <optional>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::inspection {

// Side: who acts. Inspectors (and administrators) of the jurisdiction, or the institution itself.
enum class Side { inspector, institution };

// ---- The visit (年度計画の一件): planned → notified → done; postponed (with a reason) and back. ----
enum class VisitStatus { planned, notified, postponed, done };
enum class VisitAction { notify, postpone, reschedule, complete };

std::string_view to_string(VisitStatus s);
std::optional<VisitStatus> parse_visit_status(std::string_view text);
std::string_view to_string(VisitAction a);
std::optional<VisitAction> parse_visit_action(std::string_view text);

// visit_transition: the status after `action`; conflict naming both when the status does not allow it.
// Only inspectors move visits; a postponement needs a reason (checked by the caller, field "reason").
Result<VisitStatus> visit_transition(VisitStatus from, VisitAction action);

// ---- The on-site record (検査記録): started (the checklist of record frozen) → completed. ----
enum class RecordStatus { in_progress, completed };
enum class Verdict { confirmed, incomplete, finding };  // 確認 / 記載不備 / 指摘

std::string_view to_string(RecordStatus s);
std::optional<RecordStatus> parse_record_status(std::string_view text);
std::string_view to_string(Verdict v);
std::optional<Verdict> parse_verdict(std::string_view text);

// check_verdict: a finding needs its text (field "finding"); the other verdicts carry none.
Status check_verdict(Verdict verdict, std::string_view finding);

// ---- Offline edits of a record line: a change made on a device against the version it last saw. ----
enum class SyncOutcome { applied, unchanged, conflict };

// sync_outcome: a change based on the current version applies; a change equal to what is stored is
// unchanged whatever its base; anything else is a conflict the inspector resolves (never overwritten).
SyncOutcome sync_outcome(int stored_version, int base_version, bool same_content);

// ---- The improvement request (改善指導): open → plan submitted → completion reported → closed, or returned
// to the institution with a reason, which answers again. ----
enum class RequestStatus { open, plan_submitted, completion_reported, returned, closed };
enum class RequestAction { submit_plan, report_completion, close, send_back };

std::string_view to_string(RequestStatus s);
std::optional<RequestStatus> parse_request_status(std::string_view text);
std::string_view to_string(RequestAction a);
std::optional<RequestAction> parse_request_action(std::string_view text);

// request_transition: the status after `action` by `side`; forbidden when the side may never take the
// action, conflict when the status does not allow it now (a closed request is final).
Result<RequestStatus> request_transition(RequestStatus from, RequestAction action, Side side);

// is_open: the request still waits for someone (everything but closed).
bool is_open(RequestStatus s);

}  // namespace mamori::inspection

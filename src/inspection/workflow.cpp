#include "mamori/inspection/workflow.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "mamori/core/enum_names.hpp"

namespace mamori::inspection {

namespace {

constexpr std::array<std::pair<VisitStatus, std::string_view>, 4> kVisitStatuses = {{
    {VisitStatus::planned, "planned"},
    {VisitStatus::notified, "notified"},
    {VisitStatus::postponed, "postponed"},
    {VisitStatus::done, "done"},
}};
constexpr std::array<std::pair<VisitAction, std::string_view>, 4> kVisitActions = {{
    {VisitAction::notify, "notify"},
    {VisitAction::postpone, "postpone"},
    {VisitAction::reschedule, "reschedule"},
    {VisitAction::complete, "complete"},
}};
constexpr std::array<std::pair<RecordStatus, std::string_view>, 2> kRecordStatuses = {{
    {RecordStatus::in_progress, "in_progress"},
    {RecordStatus::completed, "completed"},
}};
constexpr std::array<std::pair<Verdict, std::string_view>, 3> kVerdicts = {{
    {Verdict::confirmed, "confirmed"},
    {Verdict::incomplete, "incomplete"},
    {Verdict::finding, "finding"},
}};
constexpr std::array<std::pair<RequestStatus, std::string_view>, 5> kRequestStatuses = {{
    {RequestStatus::open, "open"},
    {RequestStatus::plan_submitted, "plan_submitted"},
    {RequestStatus::completion_reported, "completion_reported"},
    {RequestStatus::returned, "returned"},
    {RequestStatus::closed, "closed"},
}};
constexpr std::array<std::pair<RequestAction, std::string_view>, 4> kRequestActions = {{
    {RequestAction::submit_plan, "submit_plan"},
    {RequestAction::report_completion, "report_completion"},
    {RequestAction::close, "close"},
    {RequestAction::send_back, "send_back"},
}};

tl::unexpected<Error> not_now(std::string_view action, std::string_view status) {
    return fail(ErrorCode::conflict,
                fmt::format("'{}' is not possible while the status is '{}'", action, status), "status");
}

}  // namespace

std::string_view to_string(VisitStatus s) {
    return name_of(kVisitStatuses, s);
}
std::optional<VisitStatus> parse_visit_status(std::string_view t) {
    return parse_name(kVisitStatuses, t);
}
std::string_view to_string(VisitAction a) {
    return name_of(kVisitActions, a);
}
std::optional<VisitAction> parse_visit_action(std::string_view t) {
    return parse_name(kVisitActions, t);
}
std::string_view to_string(RecordStatus s) {
    return name_of(kRecordStatuses, s);
}
std::optional<RecordStatus> parse_record_status(std::string_view t) {
    return parse_name(kRecordStatuses, t);
}
std::string_view to_string(Verdict v) {
    return name_of(kVerdicts, v);
}
std::optional<Verdict> parse_verdict(std::string_view t) {
    return parse_name(kVerdicts, t);
}
std::string_view to_string(RequestStatus s) {
    return name_of(kRequestStatuses, s);
}
std::optional<RequestStatus> parse_request_status(std::string_view t) {
    return parse_name(kRequestStatuses, t);
}
std::string_view to_string(RequestAction a) {
    return name_of(kRequestActions, a);
}
std::optional<RequestAction> parse_request_action(std::string_view t) {
    return parse_name(kRequestActions, t);
}

Result<VisitStatus> visit_transition(VisitStatus from, VisitAction action) {
    using S = VisitStatus;
    switch (action) {
        case VisitAction::notify:
            if (from == S::planned) return S::notified;
            break;
        case VisitAction::postpone:
            if (from == S::planned || from == S::notified) return S::postponed;
            break;
        case VisitAction::reschedule:
            if (from == S::postponed) return S::planned;
            break;
        case VisitAction::complete:
            if (from == S::planned || from == S::notified) return S::done;
            break;
    }
    return not_now(to_string(action), to_string(from));
}

Status check_verdict(Verdict verdict, std::string_view finding) {
    if (verdict == Verdict::finding && finding.empty())
        return fail(ErrorCode::invalid_input, "a finding (指摘) needs its text", "finding");
    if (verdict != Verdict::finding && !finding.empty())
        return fail(ErrorCode::invalid_input, "only a finding (指摘) has a finding text", "finding");
    return {};
}

SyncOutcome sync_outcome(int stored_version, int base_version, bool same_content) {
    if (same_content) return SyncOutcome::unchanged;
    return base_version == stored_version ? SyncOutcome::applied : SyncOutcome::conflict;
}

Result<RequestStatus> request_transition(RequestStatus from, RequestAction action, Side side) {
    using S = RequestStatus;
    const bool institution_action =
        action == RequestAction::submit_plan || action == RequestAction::report_completion;
    if (institution_action != (side == Side::institution))
        return fail(ErrorCode::forbidden,
                    fmt::format("'{}' is for the {}", to_string(action),
                                institution_action ? "institution" : "inspector"),
                    "action");
    const bool institution_turn = from == S::open || from == S::plan_submitted || from == S::returned;
    switch (action) {
        case RequestAction::submit_plan:
            if (from == S::open || from == S::returned) return S::plan_submitted;
            break;
        case RequestAction::report_completion:
            if (institution_turn) return S::completion_reported;
            break;
        case RequestAction::close:
            if (from == S::completion_reported) return S::closed;
            break;
        case RequestAction::send_back:
            if (from == S::plan_submitted || from == S::completion_reported) return S::returned;
            break;
    }
    return not_now(to_string(action), to_string(from));
}

bool is_open(RequestStatus s) {
    return s != RequestStatus::closed;
}

}  // namespace mamori::inspection

/// @file
/// @brief A request for a vendor's checklist (事業者確認用) for one system and fiscal year: who may move it
/// where. Pure: the services check the caller's side and persist; these functions decide.
///
///     auto next = vendor_request_transition(VendorRequestStatus::requested, VendorRequestAction::share,
///                                           VendorSide::vendor);   // answered
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::vendors {

// VendorSide: who acts: the institution that asked, or the vendor asked.
enum class VendorSide { institution, vendor };

// requested → answered (the vendor shares a version of its answers; sharing again makes a newer version);
// answered → returned (the institution asks for a correction, with a reason) → answered again;
// requested / returned → declined (the vendor, with a reason: e.g. no contract for this system) → requested
// (the institution asks again); anything but withdrawn → withdrawn (the institution, final).
enum class VendorRequestStatus { requested, answered, returned, declined, withdrawn };
enum class VendorRequestAction { share, return_for_correction, decline, ask_again, withdraw };

std::string_view to_string(VendorRequestStatus s);
std::optional<VendorRequestStatus> parse_vendor_request_status(std::string_view text);
std::string_view to_string(VendorRequestAction a);
std::optional<VendorRequestAction> parse_vendor_request_action(std::string_view text);

// side_of: the side that takes `action`.
VendorSide side_of(VendorRequestAction action);

// needs_reason: return_for_correction and decline carry a reason (field "reason").
bool needs_reason(VendorRequestAction action);

// vendor_request_transition: the status after `action` by `side`; forbidden when the side never takes the
// action (field "action"), conflict when the status does not allow it now (field "status").
Result<VendorRequestStatus> vendor_request_transition(VendorRequestStatus from, VendorRequestAction action,
                                                      VendorSide side);

// is_outstanding: the request waits for the vendor (requested, or returned for a correction).
bool is_outstanding(VendorRequestStatus s);

// is_overdue: outstanding after its due date (the due date itself is still in time).
bool is_overdue(VendorRequestStatus s, std::chrono::year_month_day due_on, std::chrono::year_month_day today);

}  // namespace mamori::vendors

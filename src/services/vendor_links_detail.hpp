// Rules shared by the files of the VendorLinks service (vendor_links.cpp: the institution and the operator;
// vendor_links_join.cpp: the vendor): who may do what, the checks of a vendor's name and 法人番号, the refusal
// of a vendor already in mamori, and redeeming an invitation. Private to src/services.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

#include "mamori/audit/audit_log.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/vendor_links.hpp"
#include "vendor_links_records.hpp"

namespace mamori::services::vendor_links_detail {

inline constexpr int kMaxVendorNameCharacters = 200;

bool institution_reader(const identity::Caller& caller);
bool institution_writer(const identity::Caller& caller);
bool vendor_user(const identity::Caller& caller);
bool vendor_administrator(const identity::Caller& caller);
bool operator_administrator(const identity::Caller& caller);

// check_vendor_identity: a name of 1–200 characters on one line (`name_field`) and, when given, a 法人番号
// with a right check digit ("corporate_number").
Status check_vendor_identity(const std::string& name, const std::optional<std::string>& corporate_number,
                             const std::string& name_field);

// refuse_known_vendor: 409 when a vendor organisation has the same 法人番号 (field corporate_number), or the
// same normalised name and the person has not confirmed a new one (field `name_field`, reason same_name,
// value: the matching names joined by "、").
Status refuse_known_vendor(soci::session& sql, const vendors::VendorIdentity& candidate, bool confirm_new,
                           const std::string& name_field);

// redeem_invitation: links the invitation's institution to `vendor` (taking the invitation first, so of two
// redeems of one code one wins: gone for the other), names the vendor on the invitation's systems still in
// use (a new version each) and audits on both sides with `actor` (an entry without organisation).
Result<RedeemedLink> redeem_invitation(soci::session& sql, const vendor_link_records::StoredInvitation& invitation,
                                       std::int64_t vendor, const audit::Entry& actor,
                                       const audit::Context& context);

// unknown_code, spent_code: the answers to a code that is no pending invitation's, never naming an
// institution: not_found, or a conflict whose field "code" has the reason kSpentCodeReason (HTTP 410).
tl::unexpected<Error> unknown_code();
tl::unexpected<Error> spent_code();

}  // namespace mamori::services::vendor_links_detail

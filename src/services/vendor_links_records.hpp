// The rows behind vendor links (vendor_invitations, vendor_invitation_systems, vendor_links and vendor
// organisations), for vendor_links*.cpp and the demo. Inside the caller's transaction; no access decisions.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/services/vendor_links.hpp"
#include "mamori/vendors/vendor_match.hpp"

namespace mamori::services::vendor_link_records {

// StoredInvitation: the facts of an invitation needed to redeem it.
struct StoredInvitation {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::string vendor_name;
    std::string expires_at;
    bool used = false;
    bool revoked = false;
};

std::optional<StoredInvitation> invitation_by_code_hash(soci::session& sql, const std::string& hash);
std::optional<StoredInvitation> invitation_by_id(soci::session& sql, std::int64_t id);
std::vector<VendorInvitation> invitations_of(soci::session& sql, std::int64_t institution);
int pending_invitations(soci::session& sql, std::int64_t institution, const std::string& now);
std::int64_t insert_invitation(soci::session& sql, std::int64_t institution, const VendorInvitationInput& input,
                               const std::string& code_hash, std::int64_t by, const std::string& now,
                               const std::string& expires_at);
// take_invitation: marks it used by `vendor` when still pending (false when another took it first).
bool take_invitation(soci::session& sql, std::int64_t id, std::optional<std::int64_t> by, std::int64_t vendor,
                     const std::string& now);
bool revoke_invitation(soci::session& sql, std::int64_t id, std::int64_t by, const std::string& now);
std::vector<std::int64_t> invitation_system_ids(soci::session& sql, std::int64_t invitation);

// known_vendors: every vendor organisation, for vendors::match_vendor.
std::vector<vendors::KnownVendor> known_vendors(soci::session& sql);
std::int64_t insert_vendor_organisation(soci::session& sql, const std::string& name,
                                        const std::optional<std::string>& corporate_number, const std::string& now);
std::vector<VendorOrganisation> vendor_organisations(soci::session& sql);

// LinkChange: what link() did; `previous` is the ended link it replaced (via, created_at, ended_at).
struct LinkChange {
    bool already_linked = false;
    std::optional<std::string> previous;
};
LinkChange link(soci::session& sql, std::int64_t institution, std::int64_t vendor, const std::string& via,
                std::optional<std::int64_t> by, const std::string& now);
// link_ended: the institution linked the vendor once and ended the link.
bool link_ended(soci::session& sql, std::int64_t institution, std::int64_t vendor);
bool end_link(soci::session& sql, std::int64_t institution, std::int64_t vendor, std::int64_t by,
              const std::string& now);

std::vector<LinkedVendor> linked_vendors(soci::session& sql, std::int64_t institution);
std::vector<VendorCustomer> customers_of(soci::session& sql, std::int64_t vendor);
std::optional<std::string> organisation_name(soci::session& sql, std::int64_t id);

}  // namespace mamori::services::vendor_link_records

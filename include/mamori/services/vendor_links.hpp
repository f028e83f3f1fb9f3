/// @file
/// @brief How a vendor comes to see an institution (ADR 0019): the institution invites it with a one-time
/// code (kept hashed), the vendor redeems the code (a vendor administrator signed in, or a vendor not yet in
/// mamori joining with it), or the operator (the ministry's administrators) registers a vendor and links it.
/// A link lets the vendor see the institution's name and the systems it runs, nothing else; the institution
/// ends it (history kept). Vendors are matched by 法人番号, else by normalised name with a person's
/// confirmation, so none is registered twice. Every change is one transaction with audit entries.
///
///     VendorLinks links(db);
///     auto made = links.invite(caller, {.vendor_name = "デモクラウドヘルス株式会社"}, context);  // made->code once
///     auto linked = links.redeem(vendor_admin, made->code, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// NamedSystem: a system by id and name.
struct NamedSystem {
    std::int64_t id = 0;
    std::string name;
};

// VendorInvitationInput: what the institution says of the vendor it invites.
struct VendorInvitationInput {
    std::string vendor_name;
    std::optional<std::string> corporate_number;
    std::vector<std::int64_t> system_ids;  // the institution's systems in use this vendor runs
    std::string contact_email;
};

// VendorInvitation: an invitation as the institution sees it (never its code).
struct VendorInvitation {
    std::int64_t id = 0;
    std::string vendor_name;
    std::optional<std::string> corporate_number;
    std::string contact_email;
    std::vector<NamedSystem> systems;
    std::string status;  // pending, used, revoked, expired
    std::string created_by;
    std::string created_at;
    std::string expires_at;
    std::optional<std::string> used_at;
    std::optional<std::string> used_by_vendor;  // the vendor organisation that redeemed it
    std::optional<std::string> revoked_at;
};

// CreatedVendorInvitation: the invitation and its code, shown this once.
struct CreatedVendorInvitation {
    VendorInvitation invitation;
    std::string code;
};

// LinkedVendor: a vendor organisation an institution links, with the systems of the institution naming it.
struct LinkedVendor {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> corporate_number;
    std::string via;  // invitation, operator
    std::string linked_at;
    std::vector<NamedSystem> systems;
};

// VendorCustomer: an institution that links the caller's vendor organisation, with the systems it runs there.
struct VendorCustomer {
    std::int64_t id = 0;
    std::string name;
    std::string linked_at;
    std::vector<NamedSystem> systems;
};

// VendorOrganisation: a vendor organisation as the operator sees it.
struct VendorOrganisation {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> corporate_number;
    std::string created_at;
    int customers = 0;  // institutions linking it now
    int users = 0;
};

// VendorJoin: a vendor not yet in mamori joins with an invitation code: its organisation and its first
// administrator. confirm_new: the vendor confirmed it is none of the vendors with the same name.
struct VendorJoin {
    std::string code;
    std::string vendor_name;
    std::optional<std::string> corporate_number;
    std::string login;
    std::string display_name;
    std::string password;
    bool confirm_new = false;
};

// JoinedVendor: what was made; the administrator signs in and enrols the second factor.
struct JoinedVendor {
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t user_id = 0;
    std::string login;
    std::string institution_name;
};

// RedeemedLink: the institution the caller's vendor organisation is now linked to.
struct RedeemedLink {
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::vector<NamedSystem> systems;
};

// kSpentCodeReason: the reason of the field "code" when an invitation code was used, withdrawn or has expired
// (a conflict the API answers with 410 Gone).
inline constexpr std::string_view kSpentCodeReason = "code_spent";

class VendorLinks {
  public:
    explicit VendorLinks(store::Database& db) : db_(db) {}

    // The institution (administrators, security managers and editors write; viewers read).
    Result<CreatedVendorInvitation> invite(const identity::Caller& caller, const VendorInvitationInput& input,
                                           const audit::Context& context);
    Result<std::vector<VendorInvitation>> invitations(const identity::Caller& caller);
    Result<VendorInvitation> revoke(const identity::Caller& caller, std::int64_t id, const audit::Context& context);
    Result<std::vector<LinkedVendor>> linked_vendors(const identity::Caller& caller);
    Status unlink(const identity::Caller& caller, std::int64_t vendor_id, const audit::Context& context);

    // The vendor: its administrators redeem codes; its users see its customers.
    Result<RedeemedLink> redeem(const identity::Caller& caller, const std::string& code,
                                const audit::Context& context);
    Result<JoinedVendor> join(const VendorJoin& request, const audit::Context& context);
    Result<std::vector<VendorCustomer>> customers(const identity::Caller& caller);

    // The operator (the ministry's administrators).
    Result<VendorOrganisation> register_vendor(const identity::Caller& caller, const std::string& name,
                                               const std::optional<std::string>& corporate_number, bool confirm_new,
                                               const audit::Context& context);
    Result<std::vector<VendorOrganisation>> find_vendors(const identity::Caller& caller, const std::string& query);
    // institution_by_facility_id: the institution with this 医療機関等コード (the operator's link form names it so).
    Result<std::int64_t> institution_by_facility_id(const identity::Caller& caller, const std::string& facility_id);
    Result<LinkedVendor> link_by_operator(const identity::Caller& caller, std::int64_t vendor_id,
                                          std::int64_t institution_id, const audit::Context& context);

  private:
    store::Database& db_;
};

// register_vendor_organisation: the operator's registration without a caller (the CLI and the demo): the
// same checks and matching; audited with actor "cli".
Result<VendorOrganisation> register_vendor_organisation(store::Database& db, const std::string& name,
                                                        const std::optional<std::string>& corporate_number,
                                                        bool confirm_new, const audit::Context& context);

}  // namespace mamori::services

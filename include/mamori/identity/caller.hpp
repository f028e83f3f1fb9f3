/// @file
/// @brief Who is calling and what they may do: roles, organisation kinds, the `Caller` every service call
/// receives, and the access rules, decided here and nowhere else. Deny by default.
///
///     if (!can_manage_users(caller, target)) return fail(ErrorCode::forbidden, "…");
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::identity {

// Role: what a user does in their organisation.
enum class Role { administrator, security_manager, editor, viewer, inspector, analyst, vendor_respondent };

// OrgKind: the kind of an organisation; the four institution kinds are the ones that self-assess.
enum class OrgKind { ministry, prefecture, health_centre, hospital, clinic, dental_clinic, pharmacy, vendor };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
std::string_view to_string(OrgKind kind);
std::optional<OrgKind> parse_org_kind(std::string_view text);

// is_institution: hospital, clinic, dental clinic or pharmacy.
bool is_institution(OrgKind kind);

// roles_for: the roles a user of an organisation of `kind` may hold.
std::vector<Role> roles_for(OrgKind kind);

// mfa_required: two-factor authentication is mandatory for administrators, inspectors and analysts.
bool mfa_required(const std::set<Role>& roles);

// OrganisationRef: the facts about an organisation that access rules look at.
struct OrganisationRef {
    std::int64_t id = 0;
    OrgKind kind = OrgKind::clinic;
    std::optional<std::int64_t> parent_id;
    std::string prefecture_code;    // empty when none
    std::string municipality_code;  // empty when none
};

// Caller: an authenticated user (or API token) with their organisation and its jurisdiction.
struct Caller {
    std::int64_t user_id = 0;
    std::string login;
    OrganisationRef organisation;
    std::set<Role> roles;
    std::vector<std::string> municipalities;   // health centres: their jurisdiction
    std::optional<std::int64_t> api_token_id;  // set when authenticated by an API token
    std::set<std::string> token_scopes;        // for API tokens: "read", "write"

    bool has(Role role) const { return roles.contains(role); }
};

// names_institutions: false for a caller who is only an analyst (ministry or prefecture): analysts work with
// aggregates, and no list or page names an institution to them (issue 18).
bool names_institutions(const Caller& caller);

// can_read_organisation: an institution sees itself; a prefecture its institutions and health centres; a
// health centre the institutions in its municipalities; the ministry only organisations of its own kind
// (it reads aggregates, not institutions); a vendor only itself (links come with the vendor issue).
bool can_read_organisation(const Caller& caller, const OrganisationRef& target);

// can_manage_users: administrators manage the users of their own organisation.
bool can_manage_users(const Caller& caller, const OrganisationRef& target);

// can_onboard: administrators of a supervising organisation (ministry → prefectures and vendors, which stand
// outside the tree and are admitted nationally; prefecture → its health
// centres and institutions; health centre → institutions in its jurisdiction) may invite the first
// administrator of an organisation that has none yet.
bool can_onboard(const Caller& caller, const OrganisationRef& target);

// can_read_audit: administrators read their own organisation's audit log.
bool can_read_audit(const Caller& caller, const OrganisationRef& target);

// can_read_assessments: whoever may read an institution reads its self-assessments (the institution, its
// health centre and prefecture); the ministry reads statistics, not assessments.
bool can_read_assessments(const Caller& caller, const OrganisationRef& target);

// can_edit_assessment: the institution's administrators, security managers and editors answer its checklist.
bool can_edit_assessment(const Caller& caller, const OrganisationRef& target);

// can_submit_assessment: the institution's administrators and security managers submit and reopen it.
bool can_submit_assessment(const Caller& caller, const OrganisationRef& target);

// can_edit_catalog: who drafts and publishes checklist editions: administrators of the ministry, and on a
// single-institution installation (`single_institution`: the database holds no ministry, prefecture or health
// centre organisation) the administrators of that institution, who load the ministry's files themselves.
bool can_edit_catalog(const Caller& caller, bool single_institution);

// can_inspect: inspectors and administrators of a health centre or prefecture plan, record and request at
// the institutions in their jurisdiction (the ones they may read); nobody else, the ministry included.
bool can_inspect(const Caller& caller, const OrganisationRef& target);

// allows_write: API tokens need the "write" scope for state-changing calls; sessions always may.
bool allows_write(const Caller& caller);

}  // namespace mamori::identity

/// @file
/// @brief Identity and access use cases: first-run setup by purpose, login with throttling and lockout, TOTP
/// verification and enrolment with recovery codes, sessions (idle and absolute timeouts, rotation on login),
/// API tokens, invitations, user management, account recovery, the organisation profile and password
/// changes. The implementation is split by purpose into src/services/identity_*.cpp. Every change is written together with its
/// audit row in one transaction. Argon2id work happens here, so the HTTP routes that reach these calls are
/// marked blocking and run on the server's worker pool.
///
///     auto started = identity.login("sato@example.jp", password, context);
///     auto caller = identity.authenticate_session(token, context, SessionUse::full);
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/audit/audit_names.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// IdentitySettings: timeouts and throttling limits.
struct IdentitySettings {
    std::chrono::minutes session_idle{30};
    std::chrono::minutes session_absolute{12 * 60};
    std::chrono::minutes mfa_pending{10};
    std::chrono::hours invitation_lifetime{72};
    int account_failures =
        5;  // guesses per account within any window (then refused until the oldest leaves it)
    int address_failures = 30;  // guesses per client address within any window
    std::chrono::minutes throttle_window{15};
};

// UserView: a user as others may see them (no secrets).
struct UserView {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string organisation_kind;
    std::string login;
    std::string display_name;
    std::vector<std::string> roles;
    bool mfa_enabled = false;
    bool mfa_required = false;
    bool disabled = false;
    std::string created_at;
    // may_edit_catalog: the caller drafts and publishes checklist editions (identity::can_edit_catalog);
    // set by `me` only, for the pages that show the way in.
    std::optional<bool> may_edit_catalog;
};

// MfaStep: what a fresh session still needs before it is a full session.
enum class MfaStep { none, verify, enrol };

// SessionStart: the result of a login step. `token` goes into the cookie; `csrf_token` to the page.
struct SessionStart {
    std::string token;
    std::string csrf_token;
    MfaStep step = MfaStep::none;
    UserView user;
    std::vector<std::string> recovery_codes;  // only right after TOTP enrolment
    bool account_reset = false;  // the session began with the code of an account reset (user.reset)
};

// SessionUse: what a request needs from its session. Pending sessions may only finish MFA.
enum class SessionUse { full, mfa_pending };

// TotpEnrolment: what the enrolment page shows once.
struct TotpEnrolment {
    std::string secret_base32;
    std::string uri;
    std::string qr_svg;
};

// Invitation: the one-time code (shown once) for a new user.
struct Invitation {
    std::int64_t id = 0;
    std::string code;
    std::string expires_at;
};

// InvitationView: a pending invitation or account reset as its administrators list it (never its code).
// An account reset is an invitation for an existing login with no roles (identity_recovery.cpp).
struct InvitationView {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string login;
    std::string display_name;
    std::vector<std::string> roles;
    bool account_reset = false;
    std::string created_at;
    std::string expires_at;
    bool expired = false;
};

// ApiTokenCreated: a new API token, shown once.
struct ApiTokenCreated {
    std::int64_t id = 0;
    std::string token;
    std::string expires_at;
};

// ApiTokenView: an API token without its secret.
struct ApiTokenView {
    std::int64_t id = 0;
    std::string name;
    std::vector<std::string> scopes;
    std::string created_at;
    std::string expires_at;
    std::optional<std::string> last_used_at;
};

// OrganisationView: an organisation as listed.
struct OrganisationView {
    identity::OrganisationRef ref;
    std::string name;
    bool has_administrator = false;
};

// SetupRequest: the first administrator and their organisation, with the one-time setup code the server
// printed (services/setup_code.hpp). `purpose` says what the installation is for:
//   "institution": one institution, picked from the facility master (`organisation_id`) or entered by its
//                  codes (facility_id, organisation_kind, organisation_name, prefecture_code,
//                  municipality_code); an entered facility id that exists is that organisation;
//   "prefecture":  the prefecture organisation of `prefecture_code` (created when missing);
//   "nation":      the ministry / operator organisation (created as `organisation_name` when missing).
// Without a purpose, the organisation is `organisation_id` or a new one of kind and name (the API's first
// form, kept for scripts).
struct SetupRequest {
    std::string setup_code;
    std::string purpose;
    std::optional<std::int64_t> organisation_id;
    std::string organisation_kind;
    std::string organisation_name;
    std::string facility_id;
    std::string prefecture_code;
    std::string municipality_code;
    std::string login;
    std::string display_name;
    std::string password;
};

// Prefecture: reference data for forms.
struct Prefecture {
    std::string code;
    std::string name_ja;
    std::string name_en;
};

// FacilityMatch / FacilityPage: institutions of the facility master found for first-run setup.
struct FacilityMatch {
    std::int64_t id = 0;
    std::string kind;
    std::string name;
    std::string facility_id;
    std::string prefecture_code;
    std::string municipality_code;
    std::string address;
};
struct FacilityPage {
    std::vector<FacilityMatch> facilities;
    bool more = false;
};

// OrganisationProfile: an organisation's name, address and codes, as its administrators edit them.
struct OrganisationProfile {
    std::int64_t id = 0;
    std::string kind;
    std::string name;
    std::string address;
    std::string facility_id;
    std::string prefecture_code;
    std::string municipality_code;
};

// OrganisationChange: the fields of a profile to change (absent: unchanged).
struct OrganisationChange {
    std::optional<std::string> name;
    std::optional<std::string> address;
    std::optional<std::string> facility_id;
    std::optional<std::string> prefecture_code;
    std::optional<std::string> municipality_code;
};

// UserChange: what an administrator may change about a user.
struct UserChange {
    std::optional<std::vector<std::string>> roles;
    std::optional<bool> disabled;
};

class IdentityService {
  public:
    IdentityService(store::Database& db, IdentitySettings settings = {});

    // csrf_token_for: the CSRF token that belongs to a session token (derived, so nothing more is stored).
    static std::string csrf_token_for(std::string_view session_token);

    // session_idle: how long an unused session lasts (the page warns before it ends).
    std::chrono::minutes session_idle() const { return settings_.session_idle; }

    Result<bool> setup_needed();
    Result<SessionStart> setup(const SetupRequest& request, const audit::Context& context);
    // setup_facilities: the facility master's institutions matching `query` (name or 医療機関コード), 20 at
    // a time from `offset`, for the setup form; only with the valid setup code and while setup is needed
    // (each code tried counts against the address like a password).
    Result<FacilityPage> setup_facilities(std::string_view setup_code, std::string_view query, int offset,
                                          const audit::Context& context);
    Result<std::vector<Prefecture>> prefectures();

    // Organisation profile (identity_organisation.cpp): administrators read and change their own
    // organisation's name, address and codes; every change is audited with before and after.
    Result<OrganisationProfile> organisation_profile(const identity::Caller& caller,
                                                     std::int64_t organisation_id);
    Result<OrganisationProfile> change_organisation(const identity::Caller& caller,
                                                    std::int64_t organisation_id,
                                                    const OrganisationChange& change,
                                                    const audit::Context& context);

    Result<SessionStart> login(std::string_view login, std::string_view password,
                               const audit::Context& context);
    // verify_mfa: a TOTP code or an unused recovery code for a pending session; rotates the token.
    Result<SessionStart> verify_mfa(std::string_view pending_token, std::string_view code,
                                    const audit::Context& context);
    Status logout(std::string_view token, const audit::Context& context);

    // authenticate_session: the caller behind a session cookie; refreshes its idle timer.
    Result<identity::Caller> authenticate_session(std::string_view token, const audit::Context& context,
                                                  SessionUse use);
    // authenticate_api_token: the caller behind "Authorization: Bearer mmr_…".
    Result<identity::Caller> authenticate_api_token(std::string_view token, const audit::Context& context);

    Result<UserView> me(const identity::Caller& caller);
    Result<TotpEnrolment> begin_totp(const identity::Caller& caller);
    // confirm_totp: checks a code against the pending secret, turns MFA on, returns recovery codes; a pending
    // (enrol) session becomes a full one under a new token.
    Result<SessionStart> confirm_totp(const identity::Caller& caller, std::string_view session_token,
                                      std::string_view code, const audit::Context& context);
    // change_password: checks the current password, stores the new one and ends the user's other sessions
    // (the one making the change, `session_token`, stays).
    Status change_password(const identity::Caller& caller, std::string_view session_token,
                           std::string_view current, std::string_view next, const audit::Context& context);

    Result<std::vector<OrganisationView>> organisations(const identity::Caller& caller);
    Result<std::vector<UserView>> users(const identity::Caller& caller, std::int64_t organisation_id);
    Result<Invitation> invite(const identity::Caller& caller, std::int64_t organisation_id,
                              std::string_view login, std::string_view display_name,
                              const std::vector<std::string>& roles, const audit::Context& context);
    Result<SessionStart> accept_invitation(std::string_view code, std::string_view password,
                                           const audit::Context& context);
    Result<UserView> change_user(const identity::Caller& caller, std::int64_t user_id,
                                 const UserChange& change, const audit::Context& context);

    // Account recovery (identity_recovery.cpp). reset_account: an administrator of the user's organisation
    // (never the user themselves) ends the user's password, two-factor enrolment, recovery codes, sessions
    // and API tokens, and receives a one-time code (shown once) with which the user sets a new password and
    // enrols again through accept_invitation.
    Result<Invitation> reset_account(const identity::Caller& caller, std::int64_t user_id,
                                     const audit::Context& context);
    // reset_account_by_operator: the same for the operator's CLI (`mamori user reset-mfa LOGIN`), for a sole
    // administrator who lost both phone and recovery codes. Audited with actor "cli".
    Result<Invitation> reset_account_by_operator(std::string_view login, const audit::Context& context);
    // invitations: the pending (not accepted, not revoked) invitations and resets of an organisation.
    Result<std::vector<InvitationView>> invitations(const identity::Caller& caller,
                                                    std::int64_t organisation_id);
    // renew_invitation: a new code for a pending invitation or reset; the old code stops working.
    Result<Invitation> renew_invitation(const identity::Caller& caller, std::int64_t invitation_id,
                                        const audit::Context& context);
    Status revoke_invitation(const identity::Caller& caller, std::int64_t invitation_id,
                             const audit::Context& context);

    Result<ApiTokenCreated> create_api_token(const identity::Caller& caller, std::string_view name,
                                             const std::vector<std::string>& scopes, int days,
                                             const audit::Context& context);
    Result<std::vector<ApiTokenView>> api_tokens(const identity::Caller& caller);
    Status revoke_api_token(const identity::Caller& caller, std::int64_t token_id,
                            const audit::Context& context);

    Result<audit::Page> audit_log(const identity::Caller& caller, std::int64_t organisation_id,
                                  std::optional<std::int64_t> before_seq, int limit);

  private:
    store::Database& db_;
    IdentitySettings settings_;
    std::string dummy_hash_;  // verified against when a login is unknown, so timing does not reveal accounts
};

}  // namespace mamori::services

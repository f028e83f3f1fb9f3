/// @file
/// @brief Identity and access use cases: first-run setup, login with throttling and lockout, TOTP
/// verification and enrolment with recovery codes, sessions (idle and absolute timeouts, rotation on login),
/// API tokens, invitations, user management and password changes. Every change is written together with its
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

// SetupRequest: the first administrator and their organisation (an existing top-level one, or a new one),
// with the one-time setup code the server printed (services/setup_code.hpp).
struct SetupRequest {
    std::string setup_code;
    std::optional<std::int64_t> organisation_id;
    std::string organisation_kind;
    std::string organisation_name;
    std::string login;
    std::string display_name;
    std::string password;
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

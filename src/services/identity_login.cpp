// Login with throttling and lockout, MFA verification, logout, and authenticating sessions and API tokens.
#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <algorithm>
#include <boost/optional.hpp>

#include "caller_lookup.hpp"
#include "identity_detail.hpp"
#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/identity/login_name.hpp"
#include "mamori/identity/passwords.hpp"
#include "mamori/identity/qr.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/identity/totp.hpp"
#include "mamori/services/identity_service.hpp"
#include "mamori/services/setup_code.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::services {

namespace r = records;
using identity::Caller;
using identity::Role;
using namespace identity_detail;

Result<SessionStart> IdentityService::login(std::string_view login_name, std::string_view password,
                                            const audit::Context& context) {
    // Every spelling of one login counts against one account (see normalise_login).
    auto normal = identity::normalise_login(login_name);
    if (!normal) return fail(normal.error());
    const std::string& login = *normal;
    // The guess is counted for the account and the address before the password is checked, in one
    // transaction with the count that allows it: parallel requests and other app servers cannot check more
    // passwords than the limits allow. Refusals are not written to the audit log (the lockout is), or
    // anyone could fill it for free.
    struct Reserved {
        std::optional<r::UserRecord> user;
        r::Guess account, address;
    };
    auto reserved = db_.transaction([&](soci::session& sql) -> Result<Reserved> {
        Reserved out;
        out.account =
            r::reserve_guess(sql, account_key(login), settings_.account_failures, settings_.throttle_window);
        if (out.account.refused_until) return out;
        out.address = r::reserve_guess(sql, address_key(context.remote), settings_.address_failures,
                                       settings_.throttle_window);
        if (out.address.refused_until) {
            r::release_guess(sql, out.account.attempt_id);  // this guess was never checked
            return out;
        }
        out.user = r::find_user_by_login(sql, login);
        return out;
    });
    if (!reserved) return fail(reserved.error());
    for (const auto* guess : {&reserved->account, &reserved->address})
        if (guess->refused_until) return fail(ErrorCode::rate_limited, locked_message(*guess->refused_until));
    const auto& user = reserved->user;
    // Verify against a dummy hash for unknown logins so the answer takes as long either way.
    const bool password_ok = identity::verify_password(user ? user->password_hash : dummy_hash_, password);
    if (!password_ok || !user || user->disabled) {
        const r::Guess* last = reserved->account.last_allowed   ? &reserved->account
                               : reserved->address.last_allowed ? &reserved->address
                                                                : nullptr;
        db_.transaction([&](soci::session& sql) -> Result<int> {
            audit::append(sql,
                          event("login.failure", "session", user,
                                {{"login", login},
                                 {"reason", !user            ? "unknown login"
                                            : user->disabled ? "disabled"
                                                             : "wrong password"}}),
                          context);
            if (last != nullptr)
                audit::append(
                    sql,
                    event("login.lockout",
                          last == &reserved->account ? account_key(login) : address_key(context.remote), user,
                          {{"until", last->full_until}}),
                    context);
            return 0;
        });
        if (last != nullptr) return fail(ErrorCode::rate_limited, locked_message(last->full_until));
        return fail(ErrorCode::unauthenticated, std::string(kWrongCredentials));
    }
    return db_.transaction([&](soci::session& sql) -> Result<SessionStart> {
        r::clear_guesses(sql, account_key(login));
        r::release_guess(sql, reserved->address.attempt_id);
        SessionStart start;
        start.step = mfa_step_for(sql, *user, r::user_roles(sql, user->id));
        const bool pending = start.step != MfaStep::none;
        start.token = r::create_session(
            sql, user->id, pending, pending ? settings_.mfa_pending : settings_.session_absolute, context);
        start.csrf_token = csrf_token_for(start.token);
        start.user = r::user_view(sql, *user);
        audit::append(sql, event(pending ? "login.password_accepted" : "login.success", "session", user),
                      context);
        return start;
    });
}

Result<SessionStart> IdentityService::verify_mfa(std::string_view pending_token, std::string_view code,
                                                 const audit::Context& context) {
    auto caller = authenticate_session(pending_token, context, SessionUse::mfa_pending);
    if (!caller) return fail(caller.error());
    std::optional<r::UserRecord> user;
    // The code guess is counted before it is checked, like a password (see login).
    auto guess = db_.transaction([&](soci::session& sql) -> Result<r::Guess> {
        user = r::find_user(sql, caller->user_id);
        return r::reserve_guess(sql, account_key(user->login), settings_.account_failures,
                                settings_.throttle_window);
    });
    if (!guess) return fail(guess.error());
    if (guess->refused_until) return fail(ErrorCode::rate_limited, locked_message(*guess->refused_until));
    if (!user->totp_secret || !user->totp_last_step)
        return fail(ErrorCode::conflict, "two-factor authentication is not set up for this account yet");
    const auto secret = identity::base32_decode(*user->totp_secret).value_or(std::vector<std::uint8_t>{});
    const auto step =
        identity::verify_totp(secret, code, std::chrono::system_clock::now(), user->totp_last_step);
    struct Outcome {
        std::optional<SessionStart> start;
        std::optional<Error> error;
    };
    auto outcome = db_.transaction([&](soci::session& sql) -> Result<Outcome> {
        std::optional<long long> recovery_id;
        if (!step) {
            const std::string hash = identity::token_hash(code);
            const long long uid = user->id;
            long long id = 0;
            sql << "SELECT id FROM recovery_codes WHERE user_id = :u AND code_hash = :h AND used_at IS NULL",
                soci::use(uid), soci::use(hash), soci::into(id);
            if (sql.got_data()) recovery_id = id;
        }
        if (!step && !recovery_id) {
            audit::append(sql, event("mfa.failure", "session", user), context);
            if (guess->last_allowed) {
                r::delete_session(sql, std::string(pending_token));
                audit::append(
                    sql,
                    event("login.lockout", account_key(user->login), user, {{"until", guess->full_until}}),
                    context);
                return Outcome{std::nullopt,
                               Error{ErrorCode::rate_limited, locked_message(guess->full_until), {}}};
            }
            return Outcome{std::nullopt,
                           Error{ErrorCode::unauthenticated, "the code is wrong or already used", {}}};
        }
        const std::string now = r::iso_now();
        if (step) {
            const long long s = *step, uid = user->id;
            sql << "UPDATE users SET totp_last_step = :s WHERE id = :u", soci::use(s), soci::use(uid);
        } else {
            sql << "UPDATE recovery_codes SET used_at = :n WHERE id = :i", soci::use(now),
                soci::use(*recovery_id);
        }
        r::clear_guesses(sql, account_key(user->login));
        r::delete_session(sql, std::string(pending_token));
        SessionStart start;
        start.token = r::create_session(sql, user->id, false, settings_.session_absolute, context);
        start.csrf_token = csrf_token_for(start.token);
        start.user = r::user_view(sql, *user);
        audit::append(sql, event(step ? "login.success" : "login.success_recovery_code", "session", user),
                      context);
        return Outcome{std::move(start), std::nullopt};
    });
    if (!outcome) return fail(outcome.error());
    if (outcome->error) return fail(*outcome->error);
    return std::move(*outcome->start);
}

Status IdentityService::logout(std::string_view token, const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Status {
        const std::string hash = identity::token_hash(token);
        long long user_id = 0;
        sql << "SELECT user_id FROM sessions WHERE token_hash = :h", soci::use(hash), soci::into(user_id);
        if (!sql.got_data()) return {};
        sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
        audit::append(sql, event("logout", "session", r::find_user(sql, user_id)), context);
        return {};
    });
}

Result<Caller> IdentityService::authenticate_session(std::string_view token, const audit::Context& context,
                                                     SessionUse use) {
    (void)context;
    if (token.empty() || token.size() > 128) return fail(ErrorCode::unauthenticated, "please log in");
    const std::string hash = identity::token_hash(token);
    auto lease = db_.acquire();
    auto found = r::find_session_caller(*lease, hash);
    if (!found) return fail(ErrorCode::unauthenticated, "please log in");
    const long long id = found->session_id;
    const std::string& last_seen = found->last_seen_at;
    const std::string now = r::iso_now();
    if (found->expires_at <= now || last_seen <= r::iso_after(-settings_.session_idle)) {
        store::execute(*lease, "DELETE FROM sessions WHERE id = :i", id);
        return fail(ErrorCode::unauthenticated, "the session has expired; please log in again");
    }
    if (found->mfa_pending && use == SessionUse::full)
        return fail(ErrorCode::unauthenticated, "finish two-factor authentication first");
    const auto& user = found->user;
    if (user.disabled) return fail(ErrorCode::unauthenticated, "please log in");
    // Roles that make MFA mandatory, given after this session began (a promotion): enrol first.
    if (use == SessionUse::full && !mfa_satisfied(*lease, user, found->caller.roles))
        return fail(ErrorCode::unauthenticated, std::string(kEnrolFirst));
    // Refreshing the idle timer is a write; once a minute (a tenth of a short idle timeout) is precise enough
    // for the page's warning before the timeout and keeps reads cheap.
    const auto refresh_after = std::min<std::chrono::seconds>(std::chrono::minutes(1), settings_.session_idle / 10);
    if (last_seen <= r::iso_after(-refresh_after))
        store::execute(*lease, "UPDATE sessions SET last_seen_at = :n WHERE id = :i", now, id);
    return std::move(found->caller);
}

Result<Caller> IdentityService::authenticate_api_token(std::string_view token,
                                                       const audit::Context& context) {
    (void)context;
    if (token.rfind("mmr_", 0) != 0 || token.size() > 128)
        return fail(ErrorCode::unauthenticated, "invalid API token");
    const std::string hash = identity::token_hash(token);
    auto lease = db_.acquire();
    auto found = r::find_api_token_caller(*lease, hash);
    if (!found || found->revoked_at) return fail(ErrorCode::unauthenticated, "invalid API token");
    const long long id = found->token_id;
    const std::string& scopes = found->scopes;
    const std::string now = r::iso_now();
    if (found->expires_at <= now) return fail(ErrorCode::unauthenticated, "the API token has expired");
    if (found->user.disabled) return fail(ErrorCode::unauthenticated, "invalid API token");
    if (!mfa_satisfied(*lease, found->user, found->caller.roles))
        return fail(ErrorCode::unauthenticated,
                    "this API token is suspended until its owner enrols two-factor authentication");
    if (!found->last_used_at || *found->last_used_at <= r::iso_after(-std::chrono::minutes(1)))
        store::execute(*lease, "UPDATE api_tokens SET last_used_at = :n WHERE id = :i", now, id);
    Caller caller = std::move(found->caller);
    caller.api_token_id = id;
    for (std::size_t start = 0; start < scopes.size();) {
        const auto comma = scopes.find(',', start);
        caller.token_scopes.insert(scopes.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return caller;
}

}  // namespace mamori::services

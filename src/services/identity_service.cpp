#include "mamori/services/identity_service.hpp"

#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <algorithm>
#include <boost/optional.hpp>

#include "caller_lookup.hpp"
#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/identity/login_name.hpp"
#include "mamori/identity/passwords.hpp"
#include "mamori/identity/qr.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/identity/totp.hpp"
#include "mamori/services/setup_code.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::services {

namespace r = records;
using identity::Caller;
using identity::Role;

namespace {

constexpr int kRecoveryCodes = 10;
constexpr std::string_view kWrongCredentials = "the login name or password is wrong";

std::string account_key(std::string_view login) {
    return fmt::format("account:{}", login);
}
std::string address_key(std::string_view remote) {
    return fmt::format("address:{}", remote);
}

audit::Entry event(std::string action, std::string target, const std::optional<r::UserRecord>& user,
                   nlohmann::json detail = nlohmann::json::object()) {
    audit::Entry e;
    e.action = std::move(action);
    e.target = std::move(target);
    e.detail = std::move(detail);
    if (user) {
        e.organisation_id = user->organisation_id;
        e.actor_user_id = user->id;
        e.actor = fmt::format("user:{}", user->id);
    } else {
        e.actor = "anonymous";
    }
    return e;
}

Status check_display_name(std::string_view name) {
    const long n = character_count(name);
    if (n < 1 || n > 100 || name.find_first_of("\r\n") != std::string_view::npos)
        return fail(ErrorCode::invalid_input, "the name must have 1 to 100 characters on one line",
                    "display_name");
    return {};
}

Result<std::set<Role>> parse_roles(const std::vector<std::string>& names, identity::OrgKind kind) {
    std::set<Role> roles;
    const auto allowed = identity::roles_for(kind);
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto role = identity::parse_role(names[i]);
        if (!role || std::find(allowed.begin(), allowed.end(), *role) == allowed.end())
            return fail(
                ErrorCode::invalid_input,
                fmt::format("'{}' is not a role for a {} organisation", names[i], identity::to_string(kind)),
                fmt::format("roles[{}]", i));
        roles.insert(*role);
    }
    if (roles.empty()) return fail(ErrorCode::invalid_input, "give at least one role", "roles");
    return roles;
}

MfaStep mfa_step_for(const r::UserRecord& user, const std::set<Role>& roles) {
    if (user.totp_secret && user.totp_last_step) return MfaStep::verify;
    return identity::mfa_required(roles) ? MfaStep::enrol : MfaStep::none;
}

constexpr std::string_view kEnrolFirst =
    "your role now requires two-factor authentication: log in again and set it up";

// mfa_satisfied: the user has enrolled MFA, or none of `roles` requires it.
bool mfa_satisfied(const r::UserRecord& user, const std::set<Role>& roles) {
    return (user.totp_secret && user.totp_last_step) || !identity::mfa_required(roles);
}

std::string locked_message(const std::string& until) {
    return fmt::format("too many failed attempts: login is locked until {} (UTC); try again then", until);
}

}  // namespace

IdentityService::IdentityService(store::Database& db, IdentitySettings settings)
    : db_(db),
      settings_(settings),
      dummy_hash_(identity::hash_password("mamori-dummy-password-for-timing")) {}

std::string IdentityService::csrf_token_for(std::string_view session_token) {
    return identity::sha256_hex(fmt::format("csrf:{}", session_token));
}

Result<bool> IdentityService::setup_needed() {
    auto lease = db_.acquire();
    return r::count_users(*lease) == 0;
}

Result<SessionStart> IdentityService::setup(const SetupRequest& request, const audit::Context& context) {
    auto login = identity::normalise_login(request.login);
    if (!login) return fail(login.error());
    if (auto ok = check_display_name(request.display_name); !ok) return fail(ok.error());
    if (auto ok = identity::check_password_rule(request.password, *login, false); !ok)
        return fail(ok.error());
    constexpr std::string_view kAlreadySetUp =
        "mamori is already set up: ask an administrator for an invitation";
    // Each setup code tried counts for the address before it is compared, like an invitation code.
    auto guess = db_.transaction([&](soci::session& sql) -> Result<r::Guess> {
        if (r::count_users(sql) > 0) return fail(ErrorCode::conflict, std::string(kAlreadySetUp));
        return r::reserve_guess(sql, address_key(context.remote), settings_.address_failures,
                                settings_.throttle_window);
    });
    if (!guess) return fail(guess.error());
    if (guess->refused_until) return fail(ErrorCode::rate_limited, locked_message(*guess->refused_until));
    constexpr std::string_view kWrongCode =
        "the setup code is wrong: use the one the server printed at start (its console or log), or run "
        "'mamori setup-code' on the server for a new one";
    if (!setup_code_matches(*db_.acquire(), request.setup_code))
        return fail(ErrorCode::forbidden, std::string(kWrongCode), "setup_code");
    const std::string hash = identity::hash_password(request.password);
    return db_.transaction([&](soci::session& sql) -> Result<SessionStart> {
        // Two first-run setups at once (two app servers) must not both find no users.
        store::serialize(sql, store::SerialWork::first_run_setup);
        if (r::count_users(sql) > 0) return fail(ErrorCode::conflict, std::string(kAlreadySetUp));
        // `mamori setup-code` may have replaced the code while the password was hashed.
        if (!setup_code_matches(sql, request.setup_code))
            return fail(ErrorCode::forbidden, std::string(kWrongCode), "setup_code");
        discard_setup_code(sql);
        r::release_guess(sql, guess->attempt_id);
        long long org_id = 0;
        if (request.organisation_id) {
            auto org = r::find_organisation(sql, *request.organisation_id);
            if (!org) return fail(ErrorCode::invalid_input, "no such organisation", "organisation_id");
            org_id = org->ref.id;
        } else {
            auto kind = identity::parse_org_kind(request.organisation_kind);
            if (!kind)
                return fail(ErrorCode::invalid_input, "unknown organisation kind", "organisation_kind");
            if (auto ok = check_display_name(request.organisation_name); !ok)
                return fail(ErrorCode::invalid_input, "the organisation name must have 1 to 100 characters",
                            "organisation_name");
            const std::string kind_name(identity::to_string(*kind)), now = r::iso_now();
            sql << "INSERT INTO organisations (kind, name, created_at) VALUES (:k, :n, :c) RETURNING id",
                soci::use(kind_name), soci::use(request.organisation_name), soci::use(now),
                soci::into(org_id);
        }
        const std::string now = r::iso_now();
        long long user_id = 0;
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
               "updated_at, "
               "password_changed_at) VALUES (:o, :l, :d, :h, :c, :u, :p) RETURNING id",
            soci::use(org_id), soci::use(*login), soci::use(request.display_name), soci::use(hash),
            soci::use(now), soci::use(now), soci::use(now), soci::into(user_id);
        r::set_user_roles(sql, user_id, {Role::administrator});
        const auto user = r::find_user(sql, user_id);
        audit::append(sql,
                      event("setup.first_administrator", fmt::format("user:{}", user_id), user,
                            {{"login", *login}, {"organisation_id", org_id}}),
                      context);
        SessionStart start;
        start.step = MfaStep::enrol;
        start.token = r::create_session(sql, user_id, true, settings_.mfa_pending, context);
        start.csrf_token = csrf_token_for(start.token);
        start.user = r::user_view(sql, *user);
        return start;
    });
}

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
        start.step = mfa_step_for(*user, r::user_roles(sql, user->id));
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
    if (use == SessionUse::full && !mfa_satisfied(user, found->caller.roles))
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
    if (!mfa_satisfied(found->user, found->caller.roles))
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

Result<UserView> IdentityService::me(const Caller& caller) {
    auto lease = db_.acquire();
    auto view = r::find_user_view(*lease, caller.user_id);
    if (!view) return fail(ErrorCode::not_found, "no such user");
    return std::move(*view);
}

Result<TotpEnrolment> IdentityService::begin_totp(const Caller& caller) {
    if (caller.api_token_id)
        return fail(ErrorCode::forbidden, "API tokens cannot change two-factor settings");
    return db_.transaction([&](soci::session& sql) -> Result<TotpEnrolment> {
        auto user = r::find_user(sql, caller.user_id);
        if (user->totp_secret && user->totp_last_step)
            return fail(ErrorCode::conflict, "two-factor authentication is already on");
        const auto secret = identity::random_totp_secret();
        TotpEnrolment e;
        e.secret_base32 = identity::base32_encode(secret);
        e.uri = identity::totp_uri(secret, "mamori", user->login);
        e.qr_svg = identity::qr_svg(e.uri);
        const long long uid = user->id;
        sql << "UPDATE users SET totp_secret = :s, totp_last_step = NULL WHERE id = :u",
            soci::use(e.secret_base32), soci::use(uid);
        return e;
    });
}

Result<SessionStart> IdentityService::confirm_totp(const Caller& caller, std::string_view session_token,
                                                   std::string_view code, const audit::Context& context) {
    if (caller.api_token_id)
        return fail(ErrorCode::forbidden, "API tokens cannot change two-factor settings");
    return db_.transaction([&](soci::session& sql) -> Result<SessionStart> {
        auto user = r::find_user(sql, caller.user_id);
        if (!user->totp_secret || user->totp_last_step)
            return fail(ErrorCode::conflict, "start the enrolment first (a new QR code)");
        const auto secret = identity::base32_decode(*user->totp_secret).value_or(std::vector<std::uint8_t>{});
        const auto step = identity::verify_totp(secret, code, std::chrono::system_clock::now(), std::nullopt);
        if (!step)
            return fail(ErrorCode::invalid_input, "the code does not match; check the time on the phone",
                        "code");
        const long long s = *step, uid = user->id;
        const std::string now = r::iso_now();  // bound by reference: must outlive the statement
        sql << "UPDATE users SET totp_last_step = :s, updated_at = :n WHERE id = :u", soci::use(s),
            soci::use(now), soci::use(uid);
        sql << "DELETE FROM recovery_codes WHERE user_id = :u", soci::use(uid);
        SessionStart start;
        for (int i = 0; i < kRecoveryCodes; ++i) {
            start.recovery_codes.push_back(identity::random_code(3));
            const std::string hash = identity::token_hash(start.recovery_codes.back());
            sql << "INSERT INTO recovery_codes (user_id, code_hash) VALUES (:u, :h)", soci::use(uid),
                soci::use(hash);
        }
        // A new token after the security level changed (no fixation across the enrolment).
        r::delete_session(sql, std::string(session_token));
        start.token = r::create_session(sql, uid, false, settings_.session_absolute, context);
        start.csrf_token = csrf_token_for(start.token);
        user = r::find_user(sql, uid);
        start.user = r::user_view(sql, *user);
        audit::append(sql, audit::caller_entry(caller, "mfa.enrolled", fmt::format("user:{}", uid)), context);
        return start;
    });
}

Status IdentityService::change_password(const Caller& caller, std::string_view session_token,
                                        std::string_view current, std::string_view next,
                                        const audit::Context& context) {
    if (caller.api_token_id) return fail(ErrorCode::forbidden, "API tokens cannot change passwords");
    std::optional<r::UserRecord> user;
    {
        auto lease = db_.acquire();
        user = r::find_user(*lease, caller.user_id);
    }
    if (!identity::verify_password(user->password_hash, current))
        return fail(ErrorCode::invalid_input, "the current password is wrong", "current_password");
    const bool has_mfa = user->totp_secret && user->totp_last_step;
    if (auto ok = identity::check_password_rule(next, user->login, has_mfa); !ok) return fail(ok.error());
    const std::string hash = identity::hash_password(next);
    return db_.transaction([&](soci::session& sql) -> Status {
        const std::string now = r::iso_now();
        const long long uid = user->id;
        sql << "UPDATE users SET password_hash = :h, password_changed_at = :n, updated_at = :n2 WHERE id = "
               ":u",
            soci::use(hash), soci::use(now), soci::use(now), soci::use(uid);
        // Whoever may have learnt the old password loses the sessions it opened.
        const std::string kept = identity::token_hash(session_token);
        sql << "DELETE FROM sessions WHERE user_id = :u AND token_hash <> :h", soci::use(uid),
            soci::use(kept);
        audit::append(sql, audit::caller_entry(caller, "password.changed", fmt::format("user:{}", uid)),
                      context);
        return {};
    });
}

Result<std::vector<OrganisationView>> IdentityService::organisations(const Caller& caller) {
    auto lease = db_.acquire();
    const long long own = caller.organisation.id;
    const std::string pref = caller.organisation.prefecture_code;
    const int ministry = caller.organisation.kind == identity::OrgKind::ministry ? 1 : 0;
    std::vector<OrganisationView> out;
    // One query (not one per organisation: a prefecture has thousands): a coarse SQL filter, then the access
    // rules decide.
    soci::rowset<soci::row> rows =
        (lease->prepare << fmt::format(
             "SELECT {}, EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id "
             "WHERE u.organisation_id = o.id AND r.role = 'administrator' AND u.disabled_at IS NULL) "
             "FROM organisations o WHERE id = :own OR (:pref <> '' AND prefecture_code = :pref2) "
             "OR (kind IN ('prefecture', 'vendor') AND :ministry = 1) ORDER BY kind, name",
             r::kOrganisationColumns),
         soci::use(own), soci::use(pref), soci::use(pref), soci::use(ministry));
    for (const auto& row : rows) {
        auto org = r::read_organisation(row);
        if (!identity::can_read_organisation(caller, org.ref) && !identity::can_onboard(caller, org.ref))
            continue;
        out.push_back({org.ref, org.name, store::int64_at(row, 6) != 0});
    }
    return out;
}

Result<std::vector<UserView>> IdentityService::users(const Caller& caller, std::int64_t organisation_id) {
    auto lease = db_.acquire();
    auto org = r::find_organisation(*lease, organisation_id);
    if (!org || !identity::can_manage_users(caller, org->ref))
        return fail(ErrorCode::not_found, "no such organisation among those you administer");
    const long long key = organisation_id;
    soci::rowset<long long> ids =
        (lease->prepare << "SELECT id FROM users WHERE organisation_id = :o ORDER BY display_name",
         soci::use(key));
    std::vector<long long> user_ids(ids.begin(), ids.end());
    std::vector<UserView> out;
    for (auto id : user_ids)
        if (auto u = r::find_user(*lease, id)) out.push_back(r::user_view(*lease, *u));
    return out;
}

Result<Invitation> IdentityService::invite(const Caller& caller, std::int64_t organisation_id,
                                           std::string_view login, std::string_view display_name,
                                           const std::vector<std::string>& role_names,
                                           const audit::Context& context) {
    if (!identity::allows_write(caller)) return fail(ErrorCode::forbidden, "this API token may only read");
    auto normal_login = identity::normalise_login(login);
    if (!normal_login) return fail(normal_login.error());
    if (auto ok = check_display_name(display_name); !ok) return fail(ok.error());
    return db_.transaction([&](soci::session& sql) -> Result<Invitation> {
        auto org = r::find_organisation(sql, organisation_id);
        if (!org) return fail(ErrorCode::not_found, "no such organisation");
        auto roles = parse_roles(role_names, org->ref.kind);
        if (!roles) return fail(roles.error());
        const bool manage = identity::can_manage_users(caller, org->ref);
        const bool onboard = identity::can_onboard(caller, org->ref) &&
                             !r::has_administrator(sql, organisation_id) &&
                             *roles == std::set<Role>{Role::administrator};
        if (!manage && !onboard) {
            if (!identity::can_read_organisation(caller, org->ref) &&
                !identity::can_onboard(caller, org->ref))
                return fail(ErrorCode::not_found, "no such organisation");
            return fail(
                ErrorCode::forbidden,
                "you may invite users only into an organisation you administer, or its first administrator");
        }
        const std::string& login_text = *normal_login;
        if (r::find_user_by_login(sql, login_text))
            return fail(ErrorCode::conflict, "a user with this login name already exists", "login");
        Invitation inv;
        inv.code = identity::random_code(3);
        inv.expires_at = r::iso_after(settings_.invitation_lifetime);
        std::string role_list;
        for (auto role : *roles)
            role_list += fmt::format("{}{}", role_list.empty() ? "" : ",", identity::to_string(role));
        const std::string hash = identity::token_hash(inv.code), name(display_name), now = r::iso_now();
        const long long org_id = organisation_id, by = caller.user_id;
        const int first_administrator = manage ? 0 : 1;
        long long id = 0;
        sql << "INSERT INTO invitations (organisation_id, login, display_name, roles, code_hash, created_by, "
               "created_at, expires_at, first_administrator) VALUES (:o, :l, :d, :r, :h, :b, :c, :e, :f) "
               "RETURNING id",
            soci::use(org_id), soci::use(login_text), soci::use(name), soci::use(role_list), soci::use(hash),
            soci::use(by), soci::use(now), soci::use(inv.expires_at), soci::use(first_administrator),
            soci::into(id);
        inv.id = id;
        auto entry = audit::caller_entry(
            caller, "user.invited", fmt::format("invitation:{}", id),
            {{"login", login_text}, {"roles", role_list}, {"organisation_id", organisation_id}});
        entry.organisation_id = organisation_id;
        audit::append(sql, entry, context);
        return inv;
    });
}

Result<SessionStart> IdentityService::accept_invitation(std::string_view code, std::string_view password,
                                                        const audit::Context& context) {
    // Each code tried counts for the address before it is looked up; a right code is forgotten again.
    auto guess = db_.transaction([&](soci::session& sql) -> Result<r::Guess> {
        return r::reserve_guess(sql, address_key(context.remote), settings_.address_failures,
                                settings_.throttle_window);
    });
    if (!guess) return fail(guess.error());
    if (guess->refused_until) return fail(ErrorCode::rate_limited, locked_message(*guess->refused_until));
    const std::string hash = identity::token_hash(code);
    std::string stored_login, roles_text, expires;
    long long id = 0, org_id = 0;
    int first_administrator = 0;
    boost::optional<std::string> accepted, revoked;
    std::string display_name;
    {
        auto lease = db_.acquire();
        *lease << "SELECT id, organisation_id, login, display_name, roles, expires_at, accepted_at, "
                  "revoked_at, first_administrator FROM invitations WHERE code_hash = :h",
            soci::use(hash), soci::into(id), soci::into(org_id), soci::into(stored_login),
            soci::into(display_name), soci::into(roles_text), soci::into(expires), soci::into(accepted),
            soci::into(revoked), soci::into(first_administrator);
        if (!lease->got_data() || accepted || revoked || expires <= r::iso_now()) {
            db_.transaction([&](soci::session& sql) -> Result<int> {
                audit::append(sql, event("invitation.refused", "invitation", std::nullopt), context);
                return 0;
            });
            return fail(ErrorCode::invalid_input, "the invitation code is wrong, used or expired", "code");
        }
    }
    // Invitations written before logins had one normal form are normalised as they are used.
    auto normal_login = identity::normalise_login(stored_login);
    if (!normal_login) return fail(normal_login.error());
    const std::string& login = *normal_login;
    if (auto ok = identity::check_password_rule(password, login, false); !ok) {
        // The code was right: a weak first password is not a guess.
        db_.transaction([&](soci::session& sql) -> Result<int> {
            r::release_guess(sql, guess->attempt_id);
            return 0;
        });
        return fail(ok.error());
    }
    const std::string password_hash = identity::hash_password(password);
    return db_.transaction([&](soci::session& sql) -> Result<SessionStart> {
        const std::string now = r::iso_now();
        // Taking the invitation is the first write: of two acceptances of one code at once, one finds it
        // taken. An organisation's first administrator is one person: the organisation's row is locked and
        // the second of two first-administrator invitations finds the first one's administrator.
        if (first_administrator) {
            r::lock_organisation(sql, org_id);
            if (r::has_administrator(sql, org_id))
                return fail(ErrorCode::conflict,
                            "this organisation already has its administrator: ask them for a new invitation",
                            "code");
        }
        soci::statement take = (sql.prepare << "UPDATE invitations SET accepted_at = :n WHERE id = :i AND "
                                               "accepted_at IS NULL AND revoked_at IS NULL",
                                soci::use(now), soci::use(id));
        take.execute(true);
        if (take.get_affected_rows() != 1)
            return fail(ErrorCode::invalid_input, "the invitation code is wrong, used or expired", "code");
        if (r::find_user_by_login(sql, login))
            return fail(ErrorCode::conflict, "a user with this login name already exists", "login");
        long long user_id = 0;
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
               "updated_at, "
               "password_changed_at) VALUES (:o, :l, :d, :h, :c, :u, :p) RETURNING id",
            soci::use(org_id), soci::use(login), soci::use(display_name), soci::use(password_hash),
            soci::use(now), soci::use(now), soci::use(now), soci::into(user_id);
        std::set<Role> roles;
        for (std::size_t start = 0; start <= roles_text.size();) {
            const auto comma = roles_text.find(',', start);
            if (auto role = identity::parse_role(roles_text.substr(start, comma - start)))
                roles.insert(*role);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        r::set_user_roles(sql, user_id, roles);
        if (first_administrator)
            sql << "UPDATE invitations SET revoked_at = :n WHERE organisation_id = :o AND "
                   "first_administrator = 1 "
                   "AND accepted_at IS NULL AND revoked_at IS NULL",
                soci::use(now), soci::use(org_id);
        r::release_guess(sql, guess->attempt_id);
        const auto user = r::find_user(sql, user_id);
        audit::append(sql,
                      event("user.created", fmt::format("user:{}", user_id), user,
                            {{"invitation_id", id}, {"roles", roles_text}}),
                      context);
        SessionStart start;
        start.step = mfa_step_for(*user, roles);
        const bool pending = start.step != MfaStep::none;
        start.token = r::create_session(
            sql, user_id, pending, pending ? settings_.mfa_pending : settings_.session_absolute, context);
        start.csrf_token = csrf_token_for(start.token);
        start.user = r::user_view(sql, *user);
        return start;
    });
}

Result<UserView> IdentityService::change_user(const Caller& caller, std::int64_t user_id,
                                              const UserChange& change, const audit::Context& context) {
    if (!identity::allows_write(caller)) return fail(ErrorCode::forbidden, "this API token may only read");
    return db_.transaction([&](soci::session& sql) -> Result<UserView> {
        auto user = r::find_user(sql, user_id);
        auto org = user ? r::find_organisation(sql, user->organisation_id) : std::nullopt;
        if (!user || !org || !identity::can_manage_users(caller, org->ref))
            return fail(ErrorCode::not_found, "no such user among those you administer");
        const UserView before = r::user_view(sql, *user);
        const long long uid = user_id;
        const std::string now = r::iso_now();
        if (change.roles) {
            auto roles = parse_roles(*change.roles, org->ref.kind);
            if (!roles) return fail(roles.error());
            if (user_id == caller.user_id && !roles->contains(Role::administrator))
                return fail(ErrorCode::conflict, "you cannot remove your own administrator role", "roles");
            r::set_user_roles(sql, user_id, *roles);
            // A promotion to a role that requires MFA ends the sessions opened without it.
            if (!mfa_satisfied(*user, *roles)) r::delete_user_sessions(sql, user_id);
        }
        if (change.disabled) {
            if (user_id == caller.user_id && *change.disabled)
                return fail(ErrorCode::conflict, "you cannot disable your own account", "disabled");
            const boost::optional<std::string> at =
                *change.disabled ? boost::optional<std::string>(now) : boost::none;
            sql << "UPDATE users SET disabled_at = :d, updated_at = :n WHERE id = :u", soci::use(at),
                soci::use(now), soci::use(uid);
            if (*change.disabled) {
                // Disabling ends every session and API token at once.
                r::delete_user_sessions(sql, user_id);
                sql << "UPDATE api_tokens SET revoked_at = :n WHERE user_id = :u AND revoked_at IS NULL",
                    soci::use(now), soci::use(uid);
            }
        }
        const UserView after = r::user_view(sql, *r::find_user(sql, user_id));
        auto as_json = [](const UserView& v) {
            return nlohmann::json{{"roles", v.roles}, {"disabled", v.disabled}};
        };
        audit::append(sql,
                      audit::caller_entry(caller, "user.changed", fmt::format("user:{}", user_id),
                                          {{"before", as_json(before)}, {"after", as_json(after)}}),
                      context);
        return after;
    });
}

Result<ApiTokenCreated> IdentityService::create_api_token(const Caller& caller, std::string_view name,
                                                          const std::vector<std::string>& scopes, int days,
                                                          const audit::Context& context) {
    if (caller.api_token_id) return fail(ErrorCode::forbidden, "an API token cannot create API tokens");
    const long n = character_count(name);
    if (n < 1 || n > 100)
        return fail(ErrorCode::invalid_input, "the name must have 1 to 100 characters", "name");
    if (days < 1 || days > 365)
        return fail(ErrorCode::invalid_input, "a token lives 1 to 365 days", "expires_in_days");
    std::set<std::string> scope_set;
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        if (scopes[i] != "read" && scopes[i] != "write")
            return fail(ErrorCode::invalid_input, "scopes are 'read' and 'write'",
                        fmt::format("scopes[{}]", i));
        scope_set.insert(scopes[i]);
    }
    if (scope_set.empty()) return fail(ErrorCode::invalid_input, "give at least one scope", "scopes");
    return db_.transaction([&](soci::session& sql) -> Result<ApiTokenCreated> {
        ApiTokenCreated created;
        created.token = identity::random_token("mmr_");
        created.expires_at = r::iso_after(std::chrono::hours(24) * days);
        std::string scope_text;
        for (const auto& s : scope_set) scope_text += (scope_text.empty() ? "" : ",") + s;
        const std::string hash = identity::token_hash(created.token), now = r::iso_now(), token_name(name);
        const long long uid = caller.user_id;
        long long id = 0;
        sql << "INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at, expires_at) "
               "VALUES (:u, :n, :h, :s, :c, :e) RETURNING id",
            soci::use(uid), soci::use(token_name), soci::use(hash), soci::use(scope_text), soci::use(now),
            soci::use(created.expires_at), soci::into(id);
        created.id = id;
        audit::append(sql,
                      audit::caller_entry(
                          caller, "api_token.created", fmt::format("api_token:{}", id),
                          {{"name", token_name}, {"scopes", scope_text}, {"expires_at", created.expires_at}}),
                      context);
        return created;
    });
}

Result<std::vector<ApiTokenView>> IdentityService::api_tokens(const Caller& caller) {
    auto lease = db_.acquire();
    const long long uid = caller.user_id;
    std::vector<ApiTokenView> out;
    soci::rowset<soci::row> rows =
        (lease->prepare << "SELECT id, name, scopes, created_at, expires_at, last_used_at FROM api_tokens "
                           "WHERE user_id = :u AND revoked_at IS NULL ORDER BY id",
         soci::use(uid));
    for (const auto& row : rows) {
        ApiTokenView v;
        v.id = store::int64_at(row, 0);
        v.name = row.get<std::string>(1);
        const auto scopes = row.get<std::string>(2);
        for (std::size_t start = 0; start <= scopes.size();) {
            const auto comma = scopes.find(',', start);
            v.scopes.push_back(scopes.substr(start, comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        v.created_at = row.get<std::string>(3);
        v.expires_at = row.get<std::string>(4);
        if (auto used = store::optional_text_at(row, 5)) v.last_used_at = *used;
        out.push_back(std::move(v));
    }
    return out;
}

Status IdentityService::revoke_api_token(const Caller& caller, std::int64_t token_id,
                                         const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Status {
        const long long id = token_id, uid = caller.user_id;
        long long owner = 0;
        sql << "SELECT user_id FROM api_tokens WHERE id = :i AND revoked_at IS NULL", soci::use(id),
            soci::into(owner);
        if (!sql.got_data() || owner != uid) return fail(ErrorCode::not_found, "no such API token");
        const std::string now = r::iso_now();
        sql << "UPDATE api_tokens SET revoked_at = :n WHERE id = :i", soci::use(now), soci::use(id);
        audit::append(sql, audit::caller_entry(caller, "api_token.revoked", fmt::format("api_token:{}", id)),
                      context);
        return {};
    });
}

Result<audit::Page> IdentityService::audit_log(const Caller& caller, std::int64_t organisation_id,
                                               std::optional<std::int64_t> before_seq, int limit) {
    {
        auto lease = db_.acquire();
        auto org = r::find_organisation(*lease, organisation_id);
        if (!org || !identity::can_read_audit(caller, org->ref))
            return fail(ErrorCode::not_found, "no such organisation among those you administer");
    }
    if (limit < 1 || limit > 200) return fail(ErrorCode::invalid_input, "limit must be 1 to 200", "limit");
    auto rows = audit::list(db_, organisation_id, before_seq, limit);
    if (!rows) return fail(rows.error());
    auto names = audit::party_names(db_, *rows);
    if (!names) return fail(names.error());
    return audit::Page{std::move(*rows), std::move(*names)};
}

}  // namespace mamori::services

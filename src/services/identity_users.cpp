// Organisations, users and invitations as administrators see and change them.
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
        if (auto existing = r::find_user_by_login(sql, login_text)) {
            // Say what to do instead; name the organisation only to someone who administers it.
            auto home = r::find_organisation(sql, existing->organisation_id);
            if (home && identity::can_manage_users(caller, home->ref))
                return fail(ErrorCode::conflict,
                            fmt::format("this user already exists in {}: if they lost access, reset their "
                                        "account from the user list instead",
                                        home->name),
                            "login");
            return fail(
                ErrorCode::conflict,
                "this login name already belongs to a user of another organisation: if it is the same "
                "person, ask that organisation's administrator; otherwise choose another login name",
                "login");
        }
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
        if (roles_text.empty()) {
            // An account reset (identity_recovery.cpp): the user exists; the code gives them a password.
            auto user = r::find_user_by_login(sql, login);
            if (!user || user->disabled)
                return fail(ErrorCode::invalid_input, "the invitation code is wrong, used or expired",
                            "code");
            const long long uid = user->id;
            sql << "UPDATE users SET password_hash = :h, password_changed_at = :n, updated_at = :n2 WHERE "
                   "id = :u",
                soci::use(password_hash), soci::use(now), soci::use(now), soci::use(uid);
            r::release_guess(sql, guess->attempt_id);
            audit::append(
                sql,
                event("user.reset_completed", fmt::format("user:{}", uid), user, {{"invitation_id", id}}),
                context);
            SessionStart start;
            start.step = mfa_step_for(sql, *user, r::user_roles(sql, uid));
            const bool pending = start.step != MfaStep::none;
            start.token = r::create_session(
                sql, uid, pending, pending ? settings_.mfa_pending : settings_.session_absolute, context);
            start.csrf_token = csrf_token_for(start.token);
            start.user = r::user_view(sql, *user);
            start.account_reset = true;
            return start;
        }
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
        start.step = mfa_step_for(sql, *user, roles);
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
            if (!mfa_satisfied(sql, *user, *roles)) r::delete_user_sessions(sql, user_id);
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

}  // namespace mamori::services

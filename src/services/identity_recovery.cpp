// Account recovery and pending invitations: an administrator resets another user's password and two-factor
// enrolment and hands them a one-time code; the operator does the same from the CLI for a sole administrator;
// administrators list, renew and revoke pending invitations.
//
// A reset is stored as an invitation for the existing login with no roles: one table of one-time codes (hash
// only), one expiry, one "accept" path (accept_invitation), one list to see and revoke them.
#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <boost/optional.hpp>

#include "identity_detail.hpp"
#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/identity/login_name.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/services/identity_service.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace r = records;
using identity::Caller;
using identity::Role;
using namespace identity_detail;

namespace {

// kNoPassword: what a reset account's password hash becomes; verify_password never accepts it.
constexpr std::string_view kNoPassword = "!reset";

struct InvitationRow {
    long long id = 0, organisation_id = 0;
    std::string login, display_name, roles, created_at, expires_at;
    int first_administrator = 0;
};

std::optional<InvitationRow> find_pending_invitation(soci::session& sql, long long id) {
    InvitationRow row;
    row.id = id;
    sql << "SELECT organisation_id, login, display_name, roles, created_at, expires_at, first_administrator "
           "FROM invitations WHERE id = :i AND accepted_at IS NULL AND revoked_at IS NULL",
        soci::use(id), soci::into(row.organisation_id), soci::into(row.login), soci::into(row.display_name),
        soci::into(row.roles), soci::into(row.created_at), soci::into(row.expires_at),
        soci::into(row.first_administrator);
    if (!sql.got_data()) return std::nullopt;
    return row;
}

// may_handle_invitation: administrators of the organisation, or (for the first administrator's invitation
// only) those who may onboard it.
bool may_handle_invitation(const Caller& caller, const identity::OrganisationRef& org,
                           const InvitationRow& row) {
    return identity::can_manage_users(caller, org) ||
           (row.first_administrator != 0 && identity::can_onboard(caller, org));
}

// reset_user: ends everything that lets `user` in and stores a new one-time code for them. The old codes of
// earlier resets stop working. `created_by` is the administrator, or the user themselves for the operator's
// reset (the column needs a user; the audit row names the operator).
Invitation reset_user(soci::session& sql, const r::UserRecord& user, long long created_by,
                      std::chrono::hours lifetime) {
    const std::string now = r::iso_now(), no_password(kNoPassword);
    const long long uid = user.id;
    sql << "UPDATE users SET password_hash = :p, totp_secret = NULL, totp_last_step = NULL, updated_at = :n "
           "WHERE id = :u",
        soci::use(no_password), soci::use(now), soci::use(uid);
    sql << "DELETE FROM recovery_codes WHERE user_id = :u", soci::use(uid);
    r::delete_user_sessions(sql, uid);
    sql << "UPDATE api_tokens SET revoked_at = :n WHERE user_id = :u AND revoked_at IS NULL", soci::use(now),
        soci::use(uid);
    sql << "UPDATE invitations SET revoked_at = :n WHERE login = :l AND roles = '' AND accepted_at IS NULL "
           "AND revoked_at IS NULL",
        soci::use(now), soci::use(user.login);
    Invitation inv;
    inv.code = identity::random_code(3);
    inv.expires_at = r::iso_after(lifetime);
    const std::string hash = identity::token_hash(inv.code);
    const long long org_id = user.organisation_id;
    long long id = 0;
    sql << "INSERT INTO invitations (organisation_id, login, display_name, roles, code_hash, created_by, "
           "created_at, expires_at, first_administrator) VALUES (:o, :l, :d, '', :h, :b, :c, :e, 0) "
           "RETURNING id",
        soci::use(org_id), soci::use(user.login), soci::use(user.display_name), soci::use(hash),
        soci::use(created_by), soci::use(now), soci::use(inv.expires_at), soci::into(id);
    inv.id = id;
    return inv;
}

std::vector<std::string> split_roles(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < text.size();) {
        const auto comma = text.find(',', start);
        out.push_back(text.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace

Result<Invitation> IdentityService::reset_account(const Caller& caller, std::int64_t user_id,
                                                  const audit::Context& context) {
    if (caller.api_token_id) return fail(ErrorCode::forbidden, "API tokens cannot reset accounts");
    if (user_id == caller.user_id)
        return fail(ErrorCode::conflict,
                    "you cannot reset your own account: change your password on the account page, or ask "
                    "another administrator");
    return db_.transaction([&](soci::session& sql) -> Result<Invitation> {
        auto user = r::find_user(sql, user_id);
        auto org = user ? r::find_organisation(sql, user->organisation_id) : std::nullopt;
        // Administrators of the user's organisation; administrators above it (who may onboard it) may
        // reset its administrators, so an organisation whose only administrator lost access is not stuck.
        const bool allowed = org && (identity::can_manage_users(caller, org->ref) ||
                                     (identity::can_onboard(caller, org->ref) &&
                                      r::user_roles(sql, user->id).contains(Role::administrator)));
        if (!allowed) return fail(ErrorCode::not_found, "no such user among those you administer");
        if (user->disabled)
            return fail(ErrorCode::conflict, "this user is disabled: enable them before resetting");
        auto inv = reset_user(sql, *user, caller.user_id, settings_.invitation_lifetime);
        auto entry = audit::caller_entry(caller, "user.reset", fmt::format("user:{}", user_id),
                                         {{"login", user->login}, {"invitation_id", inv.id}});
        entry.organisation_id = user->organisation_id;
        audit::append(sql, entry, context);
        return inv;
    });
}

Result<Invitation> IdentityService::reset_account_by_operator(std::string_view login,
                                                              const audit::Context& context) {
    auto normal = identity::normalise_login(login);
    if (!normal) return fail(normal.error());
    return db_.transaction([&](soci::session& sql) -> Result<Invitation> {
        auto user = r::find_user_by_login(sql, *normal);
        if (!user)
            return fail(ErrorCode::not_found, fmt::format("no user has the login '{}'", *normal), "LOGIN");
        if (user->disabled)
            return fail(ErrorCode::conflict, "this user is disabled; an administrator must enable them first",
                        "LOGIN");
        auto inv = reset_user(sql, *user, user->id, settings_.invitation_lifetime);
        audit::Entry entry;
        entry.organisation_id = user->organisation_id;
        entry.actor = "cli";
        entry.action = "user.reset";
        entry.target = fmt::format("user:{}", user->id);
        entry.detail = {{"login", user->login}, {"invitation_id", inv.id}};
        audit::append(sql, entry, context);
        return inv;
    });
}

Result<std::vector<InvitationView>> IdentityService::invitations(const Caller& caller,
                                                                 std::int64_t organisation_id) {
    auto lease = db_.acquire();
    auto org = r::find_organisation(*lease, organisation_id);
    const bool manage = org && identity::can_manage_users(caller, org->ref);
    if (!org || (!manage && !identity::can_onboard(caller, org->ref)))
        return fail(ErrorCode::not_found, "no such organisation among those you administer");
    const long long key = organisation_id;
    const int only_first = manage ? 0 : 1;
    soci::rowset<soci::row> rows =
        (lease->prepare << "SELECT id, login, display_name, roles, created_at, expires_at FROM invitations "
                           "WHERE organisation_id = :o AND accepted_at IS NULL AND revoked_at IS NULL "
                           "AND (:only_first = 0 OR first_administrator = 1) ORDER BY id",
         soci::use(key), soci::use(only_first));
    const std::string now = r::iso_now();
    std::vector<InvitationView> out;
    for (const auto& row : rows) {
        InvitationView v;
        v.id = store::int64_at(row, 0);
        v.organisation_id = organisation_id;
        v.login = row.get<std::string>(1);
        v.display_name = row.get<std::string>(2);
        v.roles = split_roles(row.get<std::string>(3));
        v.account_reset = v.roles.empty();
        v.created_at = row.get<std::string>(4);
        v.expires_at = row.get<std::string>(5);
        v.expired = v.expires_at <= now;
        out.push_back(std::move(v));
    }
    return out;
}

Result<Invitation> IdentityService::renew_invitation(const Caller& caller, std::int64_t invitation_id,
                                                     const audit::Context& context) {
    if (!identity::allows_write(caller)) return fail(ErrorCode::forbidden, "this API token may only read");
    return db_.transaction([&](soci::session& sql) -> Result<Invitation> {
        auto row = find_pending_invitation(sql, invitation_id);
        auto org = row ? r::find_organisation(sql, row->organisation_id) : std::nullopt;
        if (!row || !org || !may_handle_invitation(caller, org->ref, *row))
            return fail(ErrorCode::not_found, "no such pending invitation among those you administer");
        Invitation inv;
        inv.code = identity::random_code(3);
        inv.expires_at = r::iso_after(settings_.invitation_lifetime);
        const std::string hash = identity::token_hash(inv.code), now = r::iso_now();
        const long long old_id = row->id, org_id = row->organisation_id, by = caller.user_id;
        sql << "UPDATE invitations SET revoked_at = :n WHERE id = :i", soci::use(now), soci::use(old_id);
        long long id = 0;
        sql << "INSERT INTO invitations (organisation_id, login, display_name, roles, code_hash, created_by, "
               "created_at, expires_at, first_administrator) VALUES (:o, :l, :d, :r, :h, :b, :c, :e, :f) "
               "RETURNING id",
            soci::use(org_id), soci::use(row->login), soci::use(row->display_name), soci::use(row->roles),
            soci::use(hash), soci::use(by), soci::use(now), soci::use(inv.expires_at),
            soci::use(row->first_administrator), soci::into(id);
        inv.id = id;
        auto entry = audit::caller_entry(caller, "invitation.renewed", fmt::format("invitation:{}", id),
                                         {{"login", row->login}, {"replaces", old_id}});
        entry.organisation_id = row->organisation_id;
        audit::append(sql, entry, context);
        return inv;
    });
}

Status IdentityService::revoke_invitation(const Caller& caller, std::int64_t invitation_id,
                                          const audit::Context& context) {
    if (!identity::allows_write(caller)) return fail(ErrorCode::forbidden, "this API token may only read");
    return db_.transaction([&](soci::session& sql) -> Status {
        auto row = find_pending_invitation(sql, invitation_id);
        auto org = row ? r::find_organisation(sql, row->organisation_id) : std::nullopt;
        if (!row || !org || !may_handle_invitation(caller, org->ref, *row))
            return fail(ErrorCode::not_found, "no such pending invitation among those you administer");
        const std::string now = r::iso_now();
        const long long id = row->id;
        sql << "UPDATE invitations SET revoked_at = :n WHERE id = :i", soci::use(now), soci::use(id);
        auto entry = audit::caller_entry(caller, "invitation.revoked", fmt::format("invitation:{}", id),
                                         {{"login", row->login}, {"account_reset", row->roles.empty()}});
        entry.organisation_id = row->organisation_id;
        audit::append(sql, entry, context);
        return {};
    });
}

}  // namespace mamori::services

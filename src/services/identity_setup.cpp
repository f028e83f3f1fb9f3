// First-run setup: the first administrator and their organisation.
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

}  // namespace mamori::services

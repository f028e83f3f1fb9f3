// A user's own credentials: TOTP enrolment and password changes.
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

Result<TotpEnrolment> IdentityService::begin_totp(const Caller& caller) {
    if (caller.api_token_id)
        return fail(ErrorCode::forbidden, "API tokens cannot change two-factor settings");
    return db_.transaction([&](soci::session& sql) -> Result<TotpEnrolment> {
        auto user = r::find_user(sql, caller.user_id);
        if (user->totp_secret && user->totp_last_step)
            return fail(ErrorCode::conflict, "two-factor authentication is already on");
        // A pending secret (not yet confirmed) is shown again: a reload of the enrolment page must not
        // invalidate the entry the phone already made. A reset (user.reset) clears it.
        auto pending = user->totp_secret ? identity::base32_decode(*user->totp_secret) : std::nullopt;
        const auto secret = pending && !pending->empty() ? *pending : identity::random_totp_secret();
        TotpEnrolment e;
        e.secret_base32 = identity::base32_encode(secret);
        e.uri = identity::totp_uri(secret, "mamori", user->login);
        e.qr_svg = identity::qr_svg(e.uri);
        if (!pending || pending->empty()) {
            const long long uid = user->id;
            sql << "UPDATE users SET totp_secret = :s, totp_last_step = NULL WHERE id = :u",
                soci::use(e.secret_base32), soci::use(uid);
        }
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
            return fail(ErrorCode::invalid_input,
                        "the code does not match the key on this page: check that the phone shows the entry "
                        "for this key "
                        "(enter the key again if unsure) and that its clock is right",
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

}  // namespace mamori::services

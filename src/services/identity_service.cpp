// IdentityService: construction, the caller's own view and the audit log. The use cases live in
// identity_*.cpp.
#include "mamori/services/identity_service.hpp"

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
#include "mamori/services/setup_code.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::services {

namespace r = records;
using identity::Caller;
using identity::Role;
using namespace identity_detail;

IdentityService::IdentityService(store::Database& db, IdentitySettings settings)
    : db_(db),
      settings_(settings),
      dummy_hash_(identity::hash_password("mamori-dummy-password-for-timing")) {}

std::string IdentityService::csrf_token_for(std::string_view session_token) {
    return identity::sha256_hex(fmt::format("csrf:{}", session_token));
}

Result<UserView> IdentityService::me(const Caller& caller) {
    auto lease = db_.acquire();
    auto view = r::find_user_view(*lease, caller.user_id);
    if (!view) return fail(ErrorCode::not_found, "no such user");
    // Only an institution's administrator needs the installation counted (the ministry's always may edit).
    const bool institution_administrator =
        identity::is_institution(caller.organisation.kind) && caller.has(identity::Role::administrator);
    view->may_edit_catalog =
        identity::can_edit_catalog(caller, institution_administrator && r::single_institution(*lease));
    return std::move(*view);
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

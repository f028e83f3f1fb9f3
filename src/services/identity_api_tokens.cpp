// API tokens: create, list, revoke.
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

}  // namespace mamori::services

#include "caller_lookup.hpp"

#include <fmt/format.h>

#include <set>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::records {

namespace {

// Columns after the credential's own: the user in read_user's order, the organisation in
// kOrganisationColumns' order, then one role and one municipality per row. The joins multiply
// rows (roles × municipalities), both a handful at most; jurisdictions are joined for health centres only.
const std::string kCallerColumns =
    fmt::format("{}, r.role, j.municipality_code", kUserAndOrganisationColumns);
constexpr std::string_view kCallerJoins =
    "JOIN users u ON u.id = c.user_id "
    "LEFT JOIN organisations o ON o.id = u.organisation_id "
    "LEFT JOIN user_roles r ON r.user_id = u.id "
    "LEFT JOIN jurisdictions j ON j.organisation_id = u.organisation_id AND o.kind = 'health_centre'";

// read_caller: fills user and caller from every row of the rowset (from column `first` on); false when the
// rowset is empty. `credential` is called with the first row to read the credential's columns.
template <typename ReadCredential>
bool read_caller(store::Rows& rows, std::size_t first, UserRecord& user, identity::Caller& caller,
                 ReadCredential credential) {
    bool any = false;
    std::set<std::string> municipalities;
    for (const auto& r : rows) {
        if (!any) {
            credential(r);
            user = read_user(r, first);
            caller.user_id = user.id;
            caller.login = user.login;
            if (r.get_indicator(first + 9) != soci::i_null)
                caller.organisation = read_organisation(r, first + 9).ref;
            any = true;
        }
        if (auto name = store::optional_text_at(r, first + 15))
            if (auto role = identity::parse_role(*name)) caller.roles.insert(*role);
        if (auto code = store::optional_text_at(r, first + 16)) municipalities.insert(*code);
    }
    if (caller.organisation.kind == identity::OrgKind::health_centre)
        caller.municipalities.assign(municipalities.begin(), municipalities.end());
    return any;
}

}  // namespace

std::optional<SessionCaller> find_session_caller(soci::session& sql, const std::string& token_hash) {
    static const std::string query = fmt::format(
        "SELECT c.id, c.mfa_pending, c.last_seen_at, c.expires_at, {} FROM sessions c "
        "{} WHERE c.token_hash = :h",
        kCallerColumns, kCallerJoins);
    SessionCaller out;
    auto rows = store::query(sql, query, token_hash);
    const bool found = read_caller(rows, 4, out.user, out.caller, [&](const soci::row& r) {
        out.session_id = store::int64_at(r, 0);
        out.mfa_pending = store::int64_at(r, 1) != 0;
        out.last_seen_at = r.get<std::string>(2);
        out.expires_at = r.get<std::string>(3);
    });
    if (!found) return std::nullopt;
    return out;
}

std::optional<ApiTokenCaller> find_api_token_caller(soci::session& sql, const std::string& token_hash) {
    static const std::string query = fmt::format(
        "SELECT c.id, c.scopes, c.expires_at, c.revoked_at, c.last_used_at, {} "
        "FROM api_tokens c {} WHERE c.token_hash = :h",
        kCallerColumns, kCallerJoins);
    ApiTokenCaller out;
    auto rows = store::query(sql, query, token_hash);
    const bool found = read_caller(rows, 5, out.user, out.caller, [&](const soci::row& r) {
        out.token_id = store::int64_at(r, 0);
        out.scopes = r.get<std::string>(1);
        out.expires_at = r.get<std::string>(2);
        out.revoked_at = store::optional_text_at(r, 3);
        out.last_used_at = store::optional_text_at(r, 4);
    });
    if (!found) return std::nullopt;
    return out;
}

}  // namespace mamori::services::records

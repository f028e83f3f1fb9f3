#include "mamori/audit/audit_names.hpp"

#include <fmt/format.h>

#include <charconv>
#include <set>
#include <string_view>
#include <utility>

namespace mamori::audit {

namespace {

// reference: "user:12" as ("user", 12); nothing for "session", "anonymous" or a malformed id.
std::optional<std::pair<std::string, long long>> reference(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    long long id = 0;
    const std::string_view digits = text.substr(colon + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
    return std::make_pair(std::string(text.substr(0, colon)), id);
}

void look_up(soci::session& sql, const std::string& kind, long long id, PartyNames& names) {
    const std::string key = fmt::format("{}:{}", kind, id);
    Party party{.kind = kind};
    if (kind == "user") {
        sql << "SELECT u.display_name, o.name FROM users u JOIN organisations o ON o.id = u.organisation_id "
               "WHERE u.id = :id",
            soci::use(id), soci::into(party.name), soci::into(party.organisation);
    } else if (kind == "invitation") {
        sql << "SELECT display_name FROM invitations WHERE id = :id", soci::use(id), soci::into(party.name);
    } else if (kind == "api_token" || kind == "token") {
        sql << "SELECT name FROM api_tokens WHERE id = :id", soci::use(id), soci::into(party.name);
    } else if (kind == "assessment") {
        int fiscal_year = 0;
        sql << "SELECT fiscal_year, form FROM assessments WHERE id = :id", soci::use(id),
            soci::into(fiscal_year), soci::into(party.form);
        if (sql.got_data()) party.fiscal_year = fiscal_year;
    } else {
        return;
    }
    if (sql.got_data()) names.emplace(key, std::move(party));
}

}  // namespace

Result<PartyNames> party_names(store::Database& db, const std::vector<Row>& rows) {
    std::set<std::pair<std::string, long long>> wanted;
    for (const Row& row : rows)
        for (const std::string* text : {&row.entry.actor, &row.entry.target})
            if (auto ref = reference(*text)) wanted.insert(std::move(*ref));
    try {
        auto lease = db.acquire();
        PartyNames names;
        for (const auto& [kind, id] : wanted) look_up(*lease, kind, id, names);
        return names;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable,
                    fmt::format("cannot read the names in the audit log: {}", e.what()));
    }
}

}  // namespace mamori::audit

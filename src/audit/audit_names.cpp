#include "mamori/audit/audit_names.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <soci/soci.h>

#include <charconv>
#include <set>
#include <string_view>
#include <utility>

#include "mamori/store/row_values.hpp"

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

// The query that names every reference of one kind on the page at once: its first column is the id.
std::optional<std::string_view> names_query(const std::string& kind) {
    if (kind == "user")
        return "SELECT u.id, u.display_name, o.name FROM users u JOIN organisations o ON o.id = u.organisation_id "
               "WHERE u.id IN ({})";
    if (kind == "invitation") return "SELECT id, display_name FROM invitations WHERE id IN ({})";
    if (kind == "api_token" || kind == "token") return "SELECT id, name FROM api_tokens WHERE id IN ({})";
    if (kind == "assessment") return "SELECT id, fiscal_year, form FROM assessments WHERE id IN ({})";
    if (kind == "system") return "SELECT id, name FROM systems WHERE id IN ({})";
    return std::nullopt;
}

// look_up: the names of `ids` (all of kind `kind`) in one query; ids are numbers parsed above, so they are
// written into the statement as they are.
void look_up(soci::session& sql, const std::string& kind, const std::vector<long long>& ids, PartyNames& names) {
    const auto query = names_query(kind);
    if (!query) return;
    soci::rowset<soci::row> rows = (sql.prepare << fmt::format(fmt::runtime(*query), fmt::join(ids, ", ")));
    for (const auto& row : rows) {
        Party party{.kind = kind};
        if (kind == "assessment") {
            party.fiscal_year = static_cast<int>(store::int64_at(row, 1));
            party.form = row.get<std::string>(2);
        } else {
            party.name = row.get<std::string>(1);
            if (kind == "user") party.organisation = row.get<std::string>(2);
        }
        names.emplace(fmt::format("{}:{}", kind, store::int64_at(row, 0)), std::move(party));
    }
}

}  // namespace

Result<PartyNames> party_names(store::Database& db, const std::vector<Row>& rows) {
    std::map<std::string, std::set<long long>> wanted;  // ids by kind
    for (const Row& row : rows)
        for (const std::string* text : {&row.entry.actor, &row.entry.target})
            if (auto ref = reference(*text)) wanted[ref->first].insert(ref->second);
    try {
        auto lease = db.acquire();
        PartyNames names;
        for (const auto& [kind, ids] : wanted)
            look_up(*lease, kind, std::vector<long long>(ids.begin(), ids.end()), names);
        return names;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable,
                    fmt::format("cannot read the names in the audit log: {}", e.what()));
    }
}

}  // namespace mamori::audit

/// @file
/// @brief Who and what an audit page talks about, in words: the display name and organisation of each
/// person (actor "user:<id>", target "user:<id>"), the name of an invitation or API token, the fiscal year
/// and form of a checklist. The audit log page shows these instead of `user:2`.
///
///     auto page = audit::list(db, org, std::nullopt, 50);
///     auto names = audit::party_names(db, *page);   // names.at("user:2").name == "山田 太郎"
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::audit {

// Party: what a reference names. `kind` is the reference's prefix ("user", "invitation", "api_token",
// "token", "assessment"); `organisation` is a person's organisation name; `fiscal_year` and `form` describe a
// checklist.
struct Party {
    std::string kind;
    std::string name;
    std::string organisation;
    std::optional<int> fiscal_year;
    std::string form;
};

// PartyNames: by reference as written in the log ("user:2", "assessment:7").
using PartyNames = std::map<std::string, Party>;

// Page: audit rows with the names of everyone and everything they refer to.
struct Page {
    std::vector<Row> rows;
    PartyNames names;
};

// party_names: the names of the actors and targets of `rows` that still exist. Only references that appear
// in `rows` are looked up, so a page never reveals more than the entries it shows.
Result<PartyNames> party_names(store::Database& db, const std::vector<Row>& rows);

}  // namespace mamori::audit

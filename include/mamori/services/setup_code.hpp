/// @file
/// @brief The one-time setup code. A fresh installation would make whoever reaches its port first the
/// administrator; with the code, setup also needs what only the operator sees: the server's console (or
/// log), or `mamori setup-code` run on the machine. The code is made when the database has no users, stored
/// only as a hash (any app server checks it; it outlives a restart), and deleted when setup is done.
///
///     auto state = issue_setup_code(db);           // at `serve` start: a new code to print, if any
///     auto fresh = replace_setup_code(db);         // `mamori setup-code`: a new code, the old one is void
///     if (!setup_code_matches(sql, typed)) …       // inside the setup transaction, then discard_setup_code
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// SetupCodeState: what a server finds at start.
struct SetupCodeState {
    bool needed = false;              // the database has no users yet
    std::optional<std::string> code;  // made now, to print; empty when `needed`: an earlier code stands
};

// issue_setup_code: on a database without users and without a code, stores a new code and returns it. A code
// already stored (another server made it, or this one before a restart) stays valid and is not shown again.
Result<SetupCodeState> issue_setup_code(store::Database& db);

// replace_setup_code: a new code that replaces any earlier one; `conflict` when setup is done.
Result<std::string> replace_setup_code(store::Database& db);

// setup_code_matches: whether `typed` is the stored code (case, spaces and dashes do not matter).
bool setup_code_matches(soci::session& sql, std::string_view typed);

// discard_setup_code: deletes the code; call in the transaction that creates the first administrator.
void discard_setup_code(soci::session& sql);

}  // namespace mamori::services

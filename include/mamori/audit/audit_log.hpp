/// @file
/// @brief The tamper-evident audit log: append-only rows, each hashed together with the previous row's hash,
/// written in the same transaction as the change they record, so a change without its audit row cannot
/// exist. `verify` walks the chain and names the first row that was changed, removed or inserted.
///
///     append(sql, {.organisation_id = org, .actor = "user:12", .action = "user.disable",
///                  .target = "user:40", .detail = {{"before", …}, {"after", …}}}, context);
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/store/database.hpp"

namespace mamori::audit {

// Entry: one recorded event. `actor` is "user:<id>", "token:<id>", "cli" or "anonymous"; `target` names
// what was acted on ("user:40", "organisation:3", "session"); `detail` holds before/after values for
// changes, or the reason of a failure. Secrets never go in `detail`.
struct Entry {
    std::optional<std::int64_t> organisation_id;
    std::optional<std::int64_t> actor_user_id;
    std::string actor;
    std::string action;
    std::string target;
    nlohmann::json detail = nlohmann::json::object();
};

// Context: where the event came from.
struct Context {
    std::string remote;      // client address, or "local" for the CLI
    std::string request_id;  // the HTTP request id, or a CLI run id
};

// Row: an entry as stored.
struct Row {
    std::int64_t seq = 0;
    std::string at;
    Entry entry;
    Context context;
    std::string prev_hash;
    std::string hash;
};

// kGenesisHash: the prev_hash of the first row.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// row_hash: SHA-256 over the previous hash and a canonical rendering of every stored field of the row.
std::string row_hash(const Row& row);

// append: adds an entry inside the caller's open transaction (`sql`) and returns its sequence number.
std::int64_t append(soci::session& sql, const Entry& entry, const Context& context);

// VerifyReport: the outcome of walking the chain.
struct VerifyReport {
    std::int64_t rows = 0;
    bool intact = true;
    std::optional<std::int64_t> first_bad_seq;
    std::string problem;  // e.g. "row 17 was changed (its hash does not match its content)"
};

// verify: checks every row in order.
Result<VerifyReport> verify(store::Database& db);

// verify: the same on `sql`, e.g. inside a snapshot or a transaction that has not committed yet.
Result<VerifyReport> verify(soci::session& sql);

// list: rows of one organisation, newest first, before `before_seq` (exclusive) when given; at most `limit`.
Result<std::vector<Row>> list(store::Database& db, std::int64_t organisation_id,
                              std::optional<std::int64_t> before_seq, int limit);

}  // namespace mamori::audit

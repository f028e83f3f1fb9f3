#include "mamori/audit/audit_log.hpp"

#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <boost/optional.hpp>

#include "mamori/core/time.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::audit {

namespace {

boost::optional<std::int64_t> to_boost(const std::optional<std::int64_t>& v) {
    return v ? boost::optional<std::int64_t>(*v) : boost::none;
}

Row read_row(const soci::row& r) {
    Row row;
    row.seq = store::int64_at(r, 0);
    row.at = r.get<std::string>(1);
    row.entry.organisation_id = store::optional_int64_at(r, 2);
    row.entry.actor_user_id = store::optional_int64_at(r, 3);
    row.entry.actor = r.get<std::string>(4);
    row.entry.action = r.get<std::string>(5);
    row.entry.target = r.get<std::string>(6);
    row.context.remote = r.get<std::string>(7);
    row.context.request_id = r.get<std::string>(8);
    row.entry.detail = nlohmann::json::parse(r.get<std::string>(9), nullptr, false);
    row.prev_hash = r.get<std::string>(10);
    row.hash = r.get<std::string>(11);
    return row;
}

constexpr std::string_view kColumns =
    "seq, at, organisation_id, actor_user_id, actor, action, target, remote, request_id, detail, prev_hash, "
    "hash";

}  // namespace

std::string row_hash(const Row& row) {
    // A JSON array fixes field order and escaping, so the rendering is canonical.
    const nlohmann::json fields = {
        row.seq,
        row.at,
        row.entry.organisation_id ? nlohmann::json(*row.entry.organisation_id) : nlohmann::json(nullptr),
        row.entry.actor_user_id ? nlohmann::json(*row.entry.actor_user_id) : nlohmann::json(nullptr),
        row.entry.actor,
        row.entry.action,
        row.entry.target,
        row.context.remote,
        row.context.request_id,
        row.entry.detail.dump(),
    };
    return identity::sha256_hex(row.prev_hash + "\n" + fields.dump());
}

std::int64_t append(soci::session& sql, const Entry& entry, const Context& context) {
    Row row;
    row.entry = entry;
    row.context = context;
    row.at = to_iso_utc(std::chrono::system_clock::now());
    soci::indicator ind = soci::i_ok;
    long long last_seq = 0;
    std::string last_hash;
    // The chain needs one appender at a time until its commit: at READ COMMITTED two PostgreSQL transactions
    // would both read the same last row.
    store::serialize(sql, store::SerialWork::audit_chain);
    sql << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(last_seq, ind),
        soci::into(last_hash);
    const bool empty = !sql.got_data();
    row.seq = empty ? 1 : last_seq + 1;
    row.prev_hash = empty ? std::string(kGenesisHash) : last_hash;
    row.hash = row_hash(row);
    const auto organisation = to_boost(entry.organisation_id);
    const auto actor_user = to_boost(entry.actor_user_id);
    const std::string detail = entry.detail.dump();
    const long long seq = row.seq;
    sql << fmt::format(
        "INSERT INTO audit_log ({}) VALUES (:seq, :at, :org, :user, :actor, :action, :target, "
        ":remote, :rid, :detail, :prev, :hash)",
        kColumns),
        soci::use(seq), soci::use(row.at), soci::use(organisation), soci::use(actor_user),
        soci::use(entry.actor), soci::use(entry.action), soci::use(entry.target), soci::use(context.remote),
        soci::use(context.request_id), soci::use(detail), soci::use(row.prev_hash), soci::use(row.hash);
    return row.seq;
}

Result<VerifyReport> verify(store::Database& db) {
    try {
        auto lease = db.acquire();
        return verify(*lease);
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot read the audit log: {}", e.what()));
    }
}

Result<VerifyReport> verify(soci::session& sql) {
    try {
        VerifyReport report;
        std::string expected_prev(kGenesisHash);
        std::int64_t expected_seq = 1;
        soci::rowset<soci::row> rows =
            (sql.prepare << fmt::format("SELECT {} FROM audit_log ORDER BY seq", kColumns));
        for (const auto& r : rows) {
            const Row row = read_row(r);
            ++report.rows;
            auto broken = [&](std::string problem) {
                report.intact = false;
                report.first_bad_seq = row.seq;
                report.problem = std::move(problem);
            };
            if (row.seq != expected_seq) {
                broken(row.seq > expected_seq
                           ? fmt::format("row {} is missing: the log jumps from row {} to row {}",
                                         expected_seq, expected_seq - 1, row.seq)
                           : fmt::format("row {} appears out of order", row.seq));
                return report;
            }
            if (row.prev_hash != expected_prev) {
                broken(fmt::format("row {} does not follow row {}: a row was removed or inserted before it",
                                   row.seq, row.seq - 1));
                return report;
            }
            if (row_hash(row) != row.hash) {
                broken(fmt::format("row {} was changed: its hash does not match its content", row.seq));
                return report;
            }
            expected_prev = row.hash;
            ++expected_seq;
        }
        return report;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot read the audit log: {}", e.what()));
    }
}

Result<std::vector<Row>> list(store::Database& db, std::int64_t organisation_id,
                              std::optional<std::int64_t> before_seq, int limit) {
    try {
        auto lease = db.acquire();
        const long long org = organisation_id;
        const long long before = before_seq.value_or(std::numeric_limits<std::int64_t>::max());
        std::vector<Row> out;
        soci::rowset<soci::row> rows =
            (lease->prepare << fmt::format(
                 "SELECT {} FROM audit_log WHERE organisation_id = :org AND seq < :before "
                 "ORDER BY seq DESC LIMIT :limit",
                 kColumns),
             soci::use(org), soci::use(before), soci::use(limit));
        for (const auto& r : rows) out.push_back(read_row(r));
        return out;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot read the audit log: {}", e.what()));
    }
}

}  // namespace mamori::audit

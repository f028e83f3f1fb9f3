// Ledger: one asset read, and every write (create, update, retire, restore) with its version and audit entry.
#include "ledger.hpp"

#include <fmt/format.h>

#include "ledger_access.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

namespace rec = asset_records;
using identity::Caller;
using ledger_access::Access;
using ledger_access::Reach;
using nlohmann::json;

constexpr long kMaxReason = 500;

Status check_writer(const Access& access) {
    if (access.reach == Reach::none) return ledger_access::no_ledger();
    if (!access.can_write)
        return fail(
            ErrorCode::forbidden,
            "only the institution's administrators, security managers and editors change its device ledger");
    return {};
}

// check_system: a linked system is one of the institution's systems; keeping the one linked before is
// allowed.
Status check_system(soci::session& sql, std::int64_t organisation_id, const ledger::AssetRecord& record,
                    const ledger::AssetRecord* before) {
    if (!record.system_id || (before && before->system_id == record.system_id)) return {};
    const long long id = *record.system_id, org = organisation_id;
    for (const auto& r :
         store::query(sql, "SELECT 1 FROM systems WHERE id = :id AND organisation_id = :o", id, org)) {
        (void)r;
        return {};
    }
    return fail(ErrorCode::invalid_input, "system_id: not a system of this institution's systems register",
                "system_id");
}

Status check_reason(const std::string& reason) {
    if (auto problem = text_problem(reason)) return fail(ErrorCode::invalid_input, *problem, "reason");
    const long count = character_count(reason);
    if (count == 0) return fail(ErrorCode::invalid_input, "reason: say why", "reason");
    if (count > kMaxReason)
        return fail(ErrorCode::invalid_input, fmt::format("reason: at most {} characters", kMaxReason),
                    "reason");
    return {};
}

std::string system_name(soci::session& sql, std::optional<std::int64_t> system_id) {
    if (!system_id) return {};
    const long long id = *system_id;
    for (const auto& r : store::query(sql, "SELECT name FROM systems WHERE id = :id", id))
        return r.get<std::string>(0);
    return {};
}

json changes(const ledger::AssetRecord& before, const ledger::AssetRecord& after,
             const std::vector<std::string>& fields) {
    const json b = ledger::record_json(before), a = ledger::record_json(after);
    json out_before = json::object(), out_after = json::object();
    for (const auto& f : fields) {
        if (f == "software") {  // thousands of packages do not belong in the audit log: their count does
            out_before[f] = before.software.size();
            out_after[f] = after.software.size();
            continue;
        }
        out_before[f] = b[f];
        out_after[f] = a[f];
    }
    return {{"before", out_before}, {"after", out_after}};
}

// asset_to_change: an asset the caller sees (not_found otherwise), locked, for a writer, at `version`.
Result<rec::StoredAsset> asset_to_change(soci::session& sql, const Caller& caller, std::int64_t id,
                                         int version) {
    const long long key = id;
    const auto seen = rec::find_asset(sql, id);
    if (!seen) return ledger_access::no_asset(id);
    const auto access = ledger_access::access_to(sql, caller, seen->organisation_id);
    if (access.reach == Reach::none ||
        !ledger_access::sees_asset(sql, caller, access, seen->record.system_id))
        return ledger_access::no_asset(id);
    if (auto ok = check_writer(access); !ok) return fail(ok.error());
    store::execute(sql, "UPDATE assets SET version = version WHERE id = :id", key);
    auto found = rec::find_asset(sql, id);
    if (!found) return ledger_access::no_asset(id);
    if (found->version != version)
        return fail(ErrorCode::conflict,
                    fmt::format("the asset changed meanwhile (version {}, not {}): reload it", found->version,
                                version),
                    "version");
    return std::move(*found);
}

}  // namespace

Result<LedgerAsset> Ledger::get(const Caller& caller, std::int64_t id) {
    auto lease = db_.acquire();
    auto& sql = *lease;
    auto found = rec::find_asset(sql, id);
    if (!found) return ledger_access::no_asset(id);
    const auto access = ledger_access::access_to(sql, caller, found->organisation_id);
    if (access.reach == Reach::none ||
        !ledger_access::sees_asset(sql, caller, access, found->record.system_id))
        return ledger_access::no_asset(id);
    LedgerAsset out;
    out.system_name = system_name(sql, found->record.system_id);
    out.versions = rec::versions_of(sql, id);
    out.can_write = access.can_write;
    out.asset = std::move(*found);
    return out;
}

Result<std::vector<asset_records::AssetVersion>> Ledger::versions(const Caller& caller, std::int64_t id) {
    auto found = get(caller, id);
    if (!found) return fail(found.error());
    return std::move(found->versions);
}

Result<LedgerAsset> Ledger::create(const Caller& caller, const ledger::AssetRecord& record,
                                   const audit::Context& context) {
    auto id = db_.transaction([&](soci::session& sql) -> Result<std::int64_t> {
        const auto access = ledger_access::access_to(sql, caller, std::nullopt);
        if (auto ok = check_writer(access); !ok) return fail(ok.error());
        if (auto ok = ledger::check_asset_record(record); !ok) return fail(ok.error());
        if (auto ok = check_system(sql, access.organisation_id, record, nullptr); !ok)
            return fail(ok.error());
        const auto made = rec::insert_asset(sql, access.organisation_id, record, "manual", caller.user_id,
                                            std::nullopt, std::nullopt);
        json after = ledger::record_json(record);
        after["software"] = record.software.size();
        audit::append(sql,
                      audit::caller_entry(caller, "asset.created", fmt::format("asset:{}", made),
                                          {{"before", nullptr}, {"after", after}}),
                      context);
        rec::after_assets_changed(db_, sql, {made});
        return made;
    });
    if (!id) return fail(id.error());
    return get(caller, *id);
}

Result<LedgerAsset> Ledger::update(const Caller& caller, std::int64_t id, int version,
                                   const ledger::AssetRecord& edited, const audit::Context& context,
                                   bool keep_software) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto current = asset_to_change(sql, caller, id, version);
        if (!current) return fail(current.error());
        ledger::AssetRecord record = edited;
        if (keep_software) record.software = current->record.software;
        if (current->status == "retired")
            return fail(ErrorCode::conflict, "a retired asset is kept as it was; restore it first", "status");
        if (auto ok = ledger::check_asset_record(record); !ok) return fail(ok.error());
        if (auto ok = check_system(sql, current->organisation_id, record, &current->record); !ok)
            return fail(ok.error());
        const auto fields = ledger::changed_fields(current->record, record);
        if (fields.empty()) return 0;  // nothing changed: no new version
        if (!rec::update_asset(sql, id, version, record, "changed", fields, caller.user_id, std::nullopt,
                               std::nullopt))
            return fail(ErrorCode::conflict, "the asset changed meanwhile: reload it", "version");
        audit::append(sql,
                      audit::caller_entry(caller, "asset.changed", fmt::format("asset:{}", id),
                                          changes(current->record, record, fields)),
                      context);
        if (rec::exposure_changed(fields)) rec::after_assets_changed(db_, sql, {id});
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

Result<LedgerAsset> Ledger::change_status(const Caller& caller, std::int64_t id, int version,
                                          const std::string& reason, bool retire,
                                          const audit::Context& context) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto current = asset_to_change(sql, caller, id, version);
        if (!current) return fail(current.error());
        const std::string from = retire ? "in_use" : "retired", to = retire ? "retired" : "in_use";
        if (current->status != from)
            return fail(ErrorCode::conflict,
                        retire ? "the asset is already retired" : "the asset is in use (nothing to restore)",
                        "status");
        if (auto ok = check_reason(reason); !ok) return fail(ok.error());
        if (!rec::update_asset(sql, id, version, current->record, retire ? "retired" : "restored", {"status"},
                               caller.user_id, std::nullopt, std::nullopt, reason))
            return fail(ErrorCode::conflict, "the asset changed meanwhile: reload it", "version");
        audit::append(sql,
                      audit::caller_entry(caller, retire ? "asset.retired" : "asset.restored",
                                          fmt::format("asset:{}", id),
                                          {{"before", {{"status", from}}},
                                           {"after", {{"status", to}}},
                                           {"name", current->record.name},
                                           {"reason", reason}}),
                      context);
        rec::after_assets_changed(db_, sql, {id});
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

Result<LedgerAsset> Ledger::retire(const Caller& caller, std::int64_t id, int version,
                                   const std::string& reason, const audit::Context& context) {
    return change_status(caller, id, version, reason, true, context);
}

Result<LedgerAsset> Ledger::restore(const Caller& caller, std::int64_t id, int version,
                                    const std::string& reason, const audit::Context& context) {
    return change_status(caller, id, version, reason, false, context);
}

}  // namespace mamori::services

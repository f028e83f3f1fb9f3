#include "asset_import.hpp"

#include <fmt/format.h>

#include "asset_records.hpp"
#include "identity_records.hpp"
#include "ledger_access.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/ledger/import_plan.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using nlohmann::json;
namespace rec = asset_records;

constexpr std::string_view kSummaryColumns =
    "i.id, i.format, i.file_name, i.file_sha256, i.file_size, i.status, i.created_count, i.updated_count, "
    "i.unchanged_count, i.error_count, COALESCE(c.display_name, ''), i.created_at, COALESCE(d.display_name, "
    "''), "
    "i.decided_at";
constexpr std::string_view kSummaryFrom =
    " FROM asset_imports i LEFT JOIN users c ON c.id = i.created_by LEFT JOIN users d ON d.id = "
    "i.decided_by ";

AssetImportSummary read_summary(const soci::row& row) {
    AssetImportSummary out;
    out.id = store::int64_at(row, 0);
    out.format = row.get<std::string>(1);
    out.file_name = row.get<std::string>(2);
    out.file_sha256 = row.get<std::string>(3);
    out.file_size = store::int64_at(row, 4);
    out.status = row.get<std::string>(5);
    out.created = static_cast<int>(store::int64_at(row, 6));
    out.updated = static_cast<int>(store::int64_at(row, 7));
    out.unchanged = static_cast<int>(store::int64_at(row, 8));
    out.errors = static_cast<int>(store::int64_at(row, 9));
    out.created_by = row.get<std::string>(10);
    out.created_at = row.get<std::string>(11);
    out.decided_by = row.get<std::string>(12);
    out.decided_at = store::optional_text_at(row, 13);
    return out;
}

// writer: the caller's own institution when the caller may write its ledger (ledger_access: its
// administrators, security managers and editors). Viewers 403; anyone else 404, inspectors and vendors too
// (they read a ledger, they do not import into it).
Result<ledger_access::Access> writer(soci::session& sql, const identity::Caller& caller) {
    auto access = ledger_access::access_to(sql, caller, std::nullopt);
    if (access.reach != ledger_access::Reach::institution) return ledger_access::no_ledger();
    if (!access.can_write)
        return fail(
            ErrorCode::forbidden,
            "importing into the ledger is for the institution's administrators, security managers and "
            "editors");
    return access;
}

std::vector<ledger::ExistingAsset> assets_in_use(soci::session& sql, std::int64_t organisation_id) {
    std::vector<rec::StoredAsset> stored;
    const long long org = organisation_id;
    for (const auto& row : store::query(
             sql,
             fmt::format(
                 "SELECT {} FROM assets a WHERE a.organisation_id = :o AND a.status = 'in_use' ORDER BY a.id",
                 rec::kAssetColumns),
             org))
        stored.push_back(rec::read_asset(row));
    rec::read_children_of(sql, stored, true);
    std::vector<ledger::ExistingAsset> out;
    out.reserve(stored.size());
    for (auto& asset : stored) out.push_back({asset.id, asset.version, std::move(asset.record)});
    return out;
}

struct StoredImport {
    AssetImportSummary summary;
    std::string plan;
};

std::optional<StoredImport> find_import(soci::session& sql, std::int64_t organisation_id, std::int64_t id) {
    const long long key = id, org = organisation_id;
    for (const auto& row :
         store::query(sql,
                      fmt::format("SELECT {}, i.plan {} WHERE i.id = :i AND i.organisation_id = :o",
                                  kSummaryColumns, kSummaryFrom),
                      key, org))
        return StoredImport{read_summary(row), row.get<std::string>(14)};
    return std::nullopt;
}

tl::unexpected<Error> no_import(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no import {}", id));
}

tl::unexpected<Error> stale_plan() {
    return fail(ErrorCode::conflict, "the ledger changed since the preview; preview again", "plan");
}

// seen_at: the device's last sighting as ISO 8601 UTC when the file gave a date and time we can read.
std::optional<std::string> seen_at(const std::optional<std::string>& text) {
    if (!text || text->size() < 19) return std::nullopt;
    const std::string head = text->substr(0, 19);
    for (std::size_t i = 0; i < head.size(); ++i) {
        const char c = head[i];
        const bool ok = (i == 4 || i == 7)     ? c == '-'
                        : (i == 10)            ? (c == 'T' || c == ' ')
                        : (i == 13 || i == 16) ? c == ':'
                                               : std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (!ok) return std::nullopt;
    }
    std::string out = head;
    out[10] = 'T';
    return out + "Z";
}

}  // namespace

Result<AssetImportDetail> AssetImports::preview(const identity::Caller& caller, std::string_view format,
                                                std::string_view file_name, std::string_view bytes,
                                                const audit::Context& context) {
    if (auto problem = text_problem(file_name))
        return fail(ErrorCode::invalid_input, fmt::format("file_name: {}", *problem), "file_name");
    if (character_count(file_name) > 200)
        return fail(ErrorCode::invalid_input, "file_name: at most 200 characters", "file_name");
    std::string name(file_name);
    if (name.empty()) name = "upload";
    {
        auto lease = db_.acquire();  // who may import is decided before the file is read
        if (auto access = writer(*lease, caller); !access) return fail(access.error());
    }
    auto file = read_inventory(format, name, bytes);
    if (!file) return fail(file.error());
    auto id = db_.transaction([&](soci::session& sql) -> Result<std::int64_t> {
        auto access = writer(sql, caller);
        if (!access) return fail(access.error());
        const auto existing = assets_in_use(sql, access->organisation_id);
        const auto plan = ledger::plan_import(existing, *file);
        const std::string plan_text = ledger::plan_json(plan, existing).dump();
        const long long org = access->organisation_id, size = static_cast<long long>(bytes.size());
        const std::optional<long long> user =
            caller.user_id > 0 ? std::optional<long long>(caller.user_id) : std::nullopt;
        const int created = plan.created, updated = plan.updated, unchanged = plan.unchanged,
                  errors = plan.errors;
        long long made = 0;
        for (const auto& row :
             store::query(sql,
                          "INSERT INTO asset_imports (organisation_id, format, file_name, file_sha256, "
                          "file_size, plan, status, "
                          "created_count, updated_count, unchanged_count, error_count, created_by, "
                          "created_at) VALUES (:o, :f, "
                          ":n, :h, :s, :p, 'preview', :c, :u, :k, :e, :by, :at) RETURNING id",
                          org, file->format, name, identity::sha256_hex(bytes), size, plan_text, created,
                          updated, unchanged, errors, user, records::iso_now()))
            made = store::int64_at(row, 0);
        audit::append(
            sql,
            audit::caller_entry(
                caller, "asset_import.previewed", fmt::format("asset_import:{}", made),
                {{"format", file->format},
                 {"file_name", name},
                 {"counts",
                  {{"create", created}, {"update", updated}, {"unchanged", unchanged}, {"error", errors}}}}),
            context);
        return made;
    });
    if (!id) return fail(id.error());
    return get(caller, *id);
}

Result<std::vector<AssetImportSummary>> AssetImports::list(const identity::Caller& caller) {
    auto lease = db_.acquire();
    auto& sql = *lease;
    auto access = writer(sql, caller);
    if (!access) return fail(access.error());
    std::vector<AssetImportSummary> out;
    const long long org = access->organisation_id;
    for (const auto& row :
         store::query(sql,
                      fmt::format("SELECT {} {} WHERE i.organisation_id = :o ORDER BY i.id DESC LIMIT {}",
                                  kSummaryColumns, kSummaryFrom, kImportHistoryLimit),
                      org))
        out.push_back(read_summary(row));
    return out;
}

Result<AssetImportDetail> AssetImports::get(const identity::Caller& caller, std::int64_t id) {
    auto lease = db_.acquire();
    auto& sql = *lease;
    auto access = writer(sql, caller);
    if (!access) return fail(access.error());
    auto found = find_import(sql, access->organisation_id, id);
    if (!found) return no_import(id);
    return AssetImportDetail{std::move(found->summary), json::parse(found->plan)};
}

Result<AssetImportDetail> AssetImports::confirm(const identity::Caller& caller, std::int64_t id,
                                                const audit::Context& context) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto access = writer(sql, caller);
        if (!access) return fail(access.error());
        auto found = find_import(sql, access->organisation_id, id);
        if (!found) return no_import(id);
        const long long key = id;
        const std::optional<long long> user =
            caller.user_id > 0 ? std::optional<long long>(caller.user_id) : std::nullopt;
        // The status moves first and only from preview: of two confirms at once, one changes the row.
        if (store::execute(
                sql,
                "UPDATE asset_imports SET status = 'confirmed', decided_by = :u, decided_at = :at WHERE id = "
                ":i AND status = 'preview'",
                user, records::iso_now(), key) != 1)
            return fail(ErrorCode::conflict, "the import has already been confirmed or discarded", "status");
        const auto plan = ledger::plan_from_json(json::parse(found->plan));
        std::vector<std::int64_t> planned;  // the assets the preview saw, checked again below
        for (const auto& device : plan.devices)
            if ((device.action == "update" || device.action == "unchanged") && device.asset_id)
                planned.push_back(*device.asset_id);
        auto states = rec::states_of(sql, planned);
        std::vector<std::int64_t> touched, created;
        int updated = 0;
        for (const auto& device : plan.devices) {
            const auto seen = seen_at(device.last_seen);
            if (device.action == "create") {
                if (!ledger::check_asset_record(device.record)) return stale_plan();
                const auto made = rec::insert_asset(
                    sql, access->organisation_id, device.record, plan.source,
                    caller.user_id > 0 ? std::optional<std::int64_t>(caller.user_id) : std::nullopt, id,
                    seen);
                created.push_back(made);
                touched.push_back(made);
                continue;
            }
            if (device.action != "update" && device.action != "unchanged")
                continue;  // errors are not applied
            if (!device.asset_id || !device.asset_version) return stale_plan();
            const auto current = states.find(*device.asset_id);
            if (current == states.end() || current->second.organisation_id != access->organisation_id ||
                current->second.status != "in_use" || current->second.version != *device.asset_version)
                return stale_plan();
            if (device.action == "unchanged") {
                if (seen) rec::touch_seen(sql, *device.asset_id, *seen);
                continue;
            }
            if (!rec::update_asset(
                    sql, *device.asset_id, current->second.version, device.record, "changed",
                    device.changed_fields,
                    caller.user_id > 0 ? std::optional<std::int64_t>(caller.user_id) : std::nullopt, id,
                    seen))
                return stale_plan();
            ++current->second.version;  // a later device of the plan naming this asset again is stale
            ++updated;
            if (rec::exposure_changed(device.changed_fields)) touched.push_back(*device.asset_id);
        }
        if (!touched.empty()) rec::after_assets_changed(db_, sql, touched);
        audit::append(
            sql,
            audit::caller_entry(caller, "asset_import.confirmed", fmt::format("asset_import:{}", id),
                                {{"file_name", found->summary.file_name},
                                 {"created_asset_ids", created},
                                 {"updated", updated},
                                 {"skipped_with_errors", plan.errors}}),
            context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

Result<AssetImportDetail> AssetImports::discard(const identity::Caller& caller, std::int64_t id,
                                                const audit::Context& context) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto access = writer(sql, caller);
        if (!access) return fail(access.error());
        auto found = find_import(sql, access->organisation_id, id);
        if (!found) return no_import(id);
        const long long key = id;
        const std::optional<long long> user =
            caller.user_id > 0 ? std::optional<long long>(caller.user_id) : std::nullopt;
        if (store::execute(
                sql,
                "UPDATE asset_imports SET status = 'discarded', decided_by = :u, decided_at = :at WHERE id = "
                ":i AND status = 'preview'",
                user, records::iso_now(), key) != 1)
            return fail(ErrorCode::conflict, "the import has already been confirmed or discarded", "status");
        audit::append(
            sql,
            audit::caller_entry(caller, "asset_import.discarded", fmt::format("asset_import:{}", id),
                                {{"file_name", found->summary.file_name}}),
            context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

}  // namespace mamori::services

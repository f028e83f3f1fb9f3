// The rows of the device ledger (assets, asset_addresses, asset_cpes, asset_software, asset_versions), for
// the ledger service, the imports and the demo. Everything here runs inside the caller's transaction and
// makes no access decisions: the caller has already decided who may write which institution's assets.
//
//     const auto id = asset_records::insert_asset(sql, org, record, "manual", user_id, std::nullopt,
//     std::nullopt); if (!asset_records::update_asset(sql, id, 1, edited, "changed", fields, user_id,
//     std::nullopt, std::nullopt))
//         … // stale: someone else wrote version 2 meanwhile
//     asset_records::after_assets_changed(db, sql, {id});   // when CPEs or exposure flags changed (see below)
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "mamori/ledger/asset.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services::asset_records {

// StoredAsset: one asset as stored, with its addresses, CPE names and software in the record.
struct StoredAsset {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    ledger::AssetRecord record;
    std::string status = "in_use";  // in_use, retired
    std::string source = "manual";  // one of ledger::kAssetSources: how it first came in
    std::optional<std::string> last_seen_at;
    int version = 1;
    std::string created_at;
    std::string updated_at;
};

// AssetVersion: one row of asset_versions, the snapshot read back.
struct AssetVersion {
    int version = 1;
    std::string action;                       // created, changed, retired, restored
    std::vector<std::string> changed_fields;  // JSON names (ledger::changed_fields, or "status")
    std::optional<std::int64_t> user_id;
    std::string by;  // the person's display name, empty for none
    std::optional<std::int64_t> import_id;
    std::string at;
    ledger::AssetRecord record;
    std::string status;
    std::string reason;  // retire / restore: why (from the snapshot)
};

// kAssetColumns / read_asset: the columns of assets `a` a StoredAsset is read from, in order (without the
// child rows: read_children adds addresses and CPE names, and the software when `software`).
inline constexpr std::string_view kAssetColumns =
    "a.id, a.organisation_id, a.asset_class, a.name, a.location, a.department, a.owner, a.serial, "
    "a.manufacturer, a.model, a.os_name, a.os_version, a.firmware_version, a.system_id, a.system_note, "
    "a.vendor_managed, a.internet_facing, a.remote_maintenance, a.status, a.source, a.last_seen_at, a.note, "
    "a.version, a.created_at, a.updated_at";
StoredAsset read_asset(const soci::row& row);
void read_children(soci::session& sql, StoredAsset& asset, bool software);

// read_children_of: read_children for many assets at once, in the same order for each asset (addresses by
// kind and value, CPE names by name, software by position): two or three queries for every
// store::kIdsPerSet assets, however many child rows they have.
void read_children_of(soci::session& sql, std::span<StoredAsset* const> assets, bool software);
void read_children_of(soci::session& sql, std::vector<StoredAsset>& assets, bool software);

std::optional<StoredAsset> find_asset(soci::session& sql, std::int64_t id);

// AssetState: what a writer checks before it writes an asset: whose it is, its status and its version.
struct AssetState {
    std::int64_t organisation_id = 0;
    std::string status;
    int version = 0;
};
// states_of: the states of those of `ids` that exist, by id (one query per store::kIdsPerSet ids).
std::unordered_map<std::int64_t, AssetState> states_of(soci::session& sql,
                                                       const std::vector<std::int64_t>& ids);
// versions_of: newest first.
std::vector<AssetVersion> versions_of(soci::session& sql, std::int64_t asset_id);

// snapshot_json: what asset_versions.snapshot holds: record_json plus status, source and last_seen_at, and
// the reason when there is one.
nlohmann::json snapshot_json(const ledger::AssetRecord& record, const std::string& status,
                             const std::string& source, const std::optional<std::string>& last_seen_at,
                             const std::string& reason = {});

// split_cpe: part, vendor and product of a canonical CPE 2.3 formatted string, exactly as written there
// (escapes kept); nullopt if it has fewer than five components.
struct CpeKey {
    std::string part, vendor, product;
};
std::optional<CpeKey> split_cpe(std::string_view formatted);

// insert_asset: the row at version 1 (status in_use), its addresses, CPE names (with part/vendor/product),
// software, and version 1 (action created) in asset_versions. `record` must pass ledger::check_asset_record;
// `user_id` (a person, or nullopt) and `import_id` (an asset_imports row, or nullopt) say who made it;
// `seen_at` (ISO 8601 UTC) is when the device was last seen, if known. Returns the new id.
std::int64_t insert_asset(soci::session& sql, std::int64_t organisation_id, const ledger::AssetRecord& record,
                          const std::string& source, std::optional<std::int64_t> user_id,
                          std::optional<std::int64_t> import_id, const std::optional<std::string>& seen_at);

// update_asset: writes `record` as version `expected_version` + 1 when the row is still at `expected_version`
// (false, and nothing written, otherwise) and appends that version with `action` and `changed`. The status
// follows the action: retired → retired, restored → in_use, changed → as it was. `seen_at`, when given,
// becomes last_seen_at. `reason` (retire/restore) is kept in the version's snapshot.
bool update_asset(soci::session& sql, std::int64_t id, int expected_version,
                  const ledger::AssetRecord& record, const std::string& action,
                  const std::vector<std::string>& changed, std::optional<std::int64_t> user_id,
                  std::optional<std::int64_t> import_id, const std::optional<std::string>& seen_at,
                  const std::string& reason = {});

// touch_seen: sets last_seen_at to `seen_at` when that is later than what is stored. This is NOT a version:
// the version number, updated_at and asset_versions stay as they are (an import that saw the device
// unchanged records the sighting in its own asset_imports plan). Returns whether the row changed.
bool touch_seen(soci::session& sql, std::int64_t id, const std::string& seen_at);

// exposure_changed: whether a change of these fields (ledger::changed_fields, plus "status" for retire and
// restore) can change which vulnerabilities apply to the asset: its CPE names, internet_facing,
// remote_maintenance, asset_class (connection_point) or status.
bool exposure_changed(const std::vector<std::string>& changed);

// after_assets_changed: call after any write that changed the CPE names or exposure flags of `ids`, in the
// same transaction: their findings are matched again there (exposure_matching.hpp, rematch_assets_in), so an
// asset and its findings change together. Every writer of assets (the ledger service, the imports, the demo)
// calls it.
void after_assets_changed(const store::Database& db, soci::session& sql, const std::vector<std::int64_t>& ids);

}  // namespace mamori::services::asset_records

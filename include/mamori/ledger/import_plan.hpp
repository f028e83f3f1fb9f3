/// @file
/// @brief What importing an inventory file would do to an institution's ledger, decided before anything is
/// written (pure): for each device of the file, create a new asset, update a matched one (which fields
/// change), leave it unchanged, or refuse it with errors naming the file's line, element or JSON path and
/// the field; and which in-use assets the file does not mention ("left": never retired by an import).
///
/// Matching (docs/ledger-import-api.md), first rule that finds an asset wins:
///   1. serial number (case-insensitive; placeholders such as "0000000000" are not serials);
///   2. a MAC address in common;
///   3. an IP address in common and the same name (case-insensitive);
///   4. only for a device with no serial, MAC or IP (an SBOM): the same name, and the same model when both
///      have one.
/// Several assets found by one rule: the lowest id, with a warning naming the others. An asset is matched
/// at most once per file: a later device that matches the same asset is an error.
/// What a device does not say keeps the ledger's value; addresses and CPE names are added to the asset's
/// (never removed); the software list is replaced when the file lists software; the class the file guesses
/// applies only to new assets (the template's 区分 always applies).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "mamori/feeds/inventory_device.hpp"
#include "mamori/ledger/asset.hpp"

namespace mamori::ledger {

struct ExistingAsset {
    std::int64_t id = 0;
    int version = 1;
    AssetRecord record;
};

// PlanIssue: `message` is English; `code` is stable for pages to word (not_ip, not_mac, not_cpe, same_asset,
// invalid, cpes_dropped, several_matches, or a reader's InventoryIssue code).
struct PlanIssue {
    std::string where;
    std::string field;
    std::string message;
    std::string code;
};

struct PlannedDevice {
    std::size_t index = 0;
    std::string where;
    std::string action;  // create, update, unchanged, error
    std::optional<std::int64_t> asset_id;
    std::optional<int> asset_version;  // the version the plan saw (confirm checks it is still current)
    std::string match;                 // serial, mac, ip_name, name, or empty
    AssetRecord record;                // the asset as it will be (for error: as far as it could be read)
    std::vector<std::string> changed_fields;
    std::vector<PlanIssue> errors;
    std::vector<PlanIssue> warnings;
    std::optional<std::string> last_seen;
    std::optional<int> os_accuracy;
    std::vector<std::string> platform_facts;
};

struct ImportPlan {
    std::string format;
    std::string source;  // the ledger's source word: template, nmap, glpi, fusioninventory, cyclonedx
    std::vector<PlannedDevice> devices;
    std::vector<PlanIssue> file_issues;
    std::vector<std::int64_t> left_asset_ids;
    int created = 0, updated = 0, unchanged = 0, errors = 0;
};

// source_of_format: the ledger's source word for a file format ("template_csv" → "template").
std::string source_of_format(std::string_view format);

// plan_import: `existing` are the institution's assets in use.
ImportPlan plan_import(std::span<const ExistingAsset> existing, const feeds::InventoryFile& file);

// plan_json: the plan as stored in asset_imports.plan and shown by the API; with `before` (the matched
// assets) each update lists its fields' old and new values. plan_from_json reads it back.
nlohmann::json plan_json(const ImportPlan& plan, std::span<const ExistingAsset> before);
ImportPlan plan_from_json(const nlohmann::json& json);

// scanner_cpe: a CPE name as a file wrote it, in canonical CPE 2.3 form, with the matcher's scanner-URI
// policy (exposure::normalise_scanner_cpe: "cpe:/o:microsoft:windows_7::sp1" → "…:windows_7:-:sp1:…").
Result<std::string> scanner_cpe(std::string_view text);

}  // namespace mamori::ledger

/// @file
/// @brief One asset of an institution's device ledger (台帳) and the rules its fields obey: the class,
/// limits, addresses in one normal form (so the same device is recognised across imports), CPE names in
/// canonical CPE 2.3 form, and which fields changed between two versions. Pure: the service stores what these
/// rules accept. Implemented in src/ledger/asset.cpp.
///
///     if (auto ok = check_asset_record(record); !ok) …   // every broken field named by its JSON name
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::ledger {

// The closed vocabularies (stored as these words; the pages show Japanese labels).
// サーバ, 端末PC, ネットワーク機器, 記録媒体, 医療機器, 外部接続点
inline constexpr std::string_view kAssetClasses[] = {"server", "terminal",       "network",
                                                     "media",  "medical_device", "connection_point"};
inline constexpr std::string_view kAssetSources[] = {"manual", "template",        "nmap",
                                                     "glpi",   "fusioninventory", "cyclonedx"};
inline constexpr std::string_view kCpeOrigins[] = {"manual", "import", "sbom", "suggestion"};

// A device not seen (nor the ledger changed) for longer than this is stale: mamori's own rule, not an
// official one (the checklist asks for a ledger kept up to date without naming a period).
inline constexpr int kLedgerStaleDays = 365;

// Limits (characters, or entries for lists).
inline constexpr long kMaxAssetName = 200;
inline constexpr long kMaxAssetText = 200;  // location, department, owner, serial, manufacturer, model, os…
inline constexpr long kMaxAssetNote = 2000;
inline constexpr long kMaxAddresses = 64;  // per kind
inline constexpr long kMaxCpes = 1000;  // an SBOM names a CPE per component (the real case-study device: 65)
inline constexpr long kMaxSoftware = 10000;  // a GLPI inventory may list 3,000+ packages

struct AssetCpe {
    std::string cpe;     // canonical CPE 2.3 formatted string
    std::string origin;  // one of kCpeOrigins
    bool operator==(const AssetCpe&) const = default;
};

struct AssetSoftware {
    std::string name;
    std::string version;
    std::string publisher;
    std::string kind;  // e.g. library, firmware, operating-system, application, service
    std::string cpe;   // canonical CPE 2.3 when known
    std::string purl;
    std::string port;  // nmap: "443/tcp"
    bool operator==(const AssetSoftware&) const = default;
};

// AssetRecord: what a person (or an import) says about one asset.
struct AssetRecord {
    std::string asset_class = "terminal";
    std::string name;
    std::string location;
    std::string department;
    std::string owner;
    std::string serial;
    std::string manufacturer;
    std::string model;
    std::string os_name;
    std::string os_version;
    std::string firmware_version;
    std::optional<std::int64_t> system_id;  // a system of the institution's systems register
    std::string system_note;                // free text when no system row fits
    bool vendor_managed = false;
    bool internet_facing = false;
    bool remote_maintenance = false;
    std::vector<std::string> ip_addresses;   // normal form: see normalise_ip
    std::vector<std::string> mac_addresses;  // normal form: see normalise_mac
    std::vector<AssetCpe> cpes;
    std::vector<AssetSoftware> software;
    std::string note;

    bool operator==(const AssetRecord&) const = default;
};

// normalise_ip: IPv4 dotted decimal without leading zeros, or IPv6 in RFC 5952 form; nullopt if not an
// address.
std::optional<std::string> normalise_ip(std::string_view text);
// normalise_mac: "00:1a:2b:3c:4d:5e" from any of 00-1A-2B-3C-4D-5E, 001a.2b3c.4d5e, 001A2B3C4D5E; nullopt
// if not a 48-bit MAC.
std::optional<std::string> normalise_mac(std::string_view text);

// normalise_record: `record` with each address that normalise_ip/normalise_mac reads and each CPE name that
// exposure::normalise_cpe reads written in normal form, and repeated addresses and CPE names dropped (the
// first kept); what cannot be read is left as it is for check_asset_record to name.
AssetRecord normalise_record(AssetRecord record);

// check_asset_record: every rule (class known, name present, limits, addresses in normal form, each CPE
// canonical, origins known); the error (invalid_input) lists each broken field by its JSON name, with the
// index for lists ("mac_addresses[1]", "cpes[0].cpe").
Status check_asset_record(const AssetRecord& record);

// changed_fields: the JSON names of the fields that differ, in the order of AssetRecord.
std::vector<std::string> changed_fields(const AssetRecord& before, const AssetRecord& after);

// record_json / record_from_json: an asset's fields by their JSON names (the API's and the history
// snapshot's); a missing or mistyped field reads as its default (the input rules check the API's input).
nlohmann::json record_json(const AssetRecord& record);
AssetRecord record_from_json(const nlohmann::json& json);

}  // namespace mamori::ledger

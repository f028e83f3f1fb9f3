/// @file
/// @brief One system of an institution's systems register (システム台帳) and the rules its fields obey:
/// limits, the kind from the data, and consistency (a contract ends after it starts; a remote maintenance
/// method only where there is remote maintenance). Pure: the service stores what these rules accept.
///
///     if (auto ok = check_system_record(record, builtin_system_kinds()); !ok) …   // fields named
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "mamori/core/error.hpp"
#include "mamori/vendors/system_kinds.hpp"

namespace mamori::vendors {

// The closed vocabularies (stored as these words; the pages show Japanese labels).
inline constexpr std::string_view kDataLocations[] = {"on_premises", "cloud"};                   // 院内, クラウド
inline constexpr std::string_view kRemoteMethods[] = {"vpn", "leased_line", "internet", "other"};  // VPN, 専用線, …
inline constexpr std::string_view kBackupResponsibilities[] = {"institution", "vendor", "shared"};

// Limits in characters.
inline constexpr long kMaxSystemName = 100;
inline constexpr long kMaxProductText = 100;
inline constexpr long kMaxVendorName = 100;
inline constexpr long kMaxRemoteText = 200;

// SystemRecord: what a person enters for one system. Dates are YYYY-MM-DD.
struct SystemRecord {
    std::string kind;
    std::string name;
    std::string product_name;
    std::string product_version;
    std::string vendor_name;  // the vendor's name (kept after it joins, as the institution wrote it)
    std::optional<std::int64_t> vendor_organisation_id;  // the vendor organisation, once linked
    std::optional<std::string> contract_start;
    std::optional<std::string> contract_end;
    bool maintenance_contract = false;  // 保守契約
    bool subcontracting = false;        // 再委託
    std::string data_location = "on_premises";
    bool remote_maintenance = false;
    std::optional<std::string> remote_method;
    std::string remote_method_note;  // what "other" means, or a detail of the method
    std::string remote_device;       // e.g. the VPN device
    std::string connection_point;    // where the vendor's connection enters the institution's network
    std::string backup_responsibility = "institution";
    std::string note;

    bool operator==(const SystemRecord&) const = default;
};

// check_system_record: every rule; the error (invalid_input) lists each field that breaks one, by its JSON
// name (e.g. "contract_end", "remote_method").
Status check_system_record(const SystemRecord& record, std::span<const SystemKind> kinds);

// changed_fields: the JSON names of the fields that differ, in the order of SystemRecord.
std::vector<std::string> changed_fields(const SystemRecord& before, const SystemRecord& after);

// record_json / record_from_json: a system's fields by their JSON names (the API's and the history
// snapshot's); a missing or mistyped field reads as its default (the input rules check the API's input).
nlohmann::json record_json(const SystemRecord& record);
SystemRecord record_from_json(const nlohmann::json& json);

}  // namespace mamori::vendors

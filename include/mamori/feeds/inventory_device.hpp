/// @file
/// @brief What an inventory file says about the devices in it, whatever its format (nmap XML, GLPI native
/// JSON, FusionInventory/GLPI-agent XML, CycloneDX SBOM, our CSV/.xlsx template): one InventoryDevice per
/// device, each field only when the file knows it (a field left unset keeps the ledger's value on import),
/// with where in the file each value came from so that an error can name the line, element or JSON path.
/// The readers are pure (bytes in, devices out); the import plan (ledger/import_plan.hpp) turns devices into
/// ledger records.
///
///     auto file = read_nmap_xml(bytes, "scan.xml");
///     if (!file) return fail(file.error());           // unreadable: wrong root, truncated, too large …
///     for (const auto& device : file->devices) …      // device.where: "scan.xml line 12"
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/ascii.hpp"

namespace mamori::feeds {

// InventoryLimits: what one file may hold. The byte limit is checked before anything is parsed.
struct InventoryLimits {
    std::size_t max_bytes = std::size_t{50} * 1024 * 1024;
    std::size_t max_devices = 5000;
    std::size_t max_software = 10000;  // per device
    int max_depth = 64;                // JSON nesting
};

// InventoryIssue: a problem with one value that does not stop the file from being read (the device it
// belongs to is reported with it). `where` is "file line 12", "file $.content.bios.ssn" or "file line 4
// column シリアル番号"; `field` is the ledger field it concerns (JSON name), or empty.
struct InventoryIssue {
    std::string where;
    std::string field;
    std::string message;
    std::string code;  // stable, for pages to word: class_unknown, flag_unknown, component, no_device
};

// InventoryCpe: a CPE name exactly as the file wrote it (a CPE 2.2 URI from nmap, 2.3 from an SBOM);
// origin "import" or "sbom".
struct InventoryCpe {
    std::string text;
    std::string origin = "import";
    std::string where;
};

struct InventorySoftware {
    std::string name;
    std::string version;
    std::string publisher;
    std::string kind;
    std::string cpe;  // as read
    std::string purl;
    std::string port;  // nmap: "443/tcp"
    std::string where;
};

struct InventoryDevice {
    std::string where;  // the device's place in the file: "scan.xml line 40", "inventory.json $.content"

    std::optional<std::string> asset_class;  // a guess from the file (one of ledger::kAssetClasses)
    std::optional<std::string> name;
    std::optional<std::string> location;
    std::optional<std::string> department;
    std::optional<std::string> owner;
    std::optional<std::string> serial;
    std::optional<std::string> manufacturer;
    std::optional<std::string> model;
    std::optional<std::string> os_name;
    std::optional<std::string> os_version;
    std::optional<std::string> firmware_version;
    std::optional<std::string> system_note;
    std::optional<bool> vendor_managed;
    std::optional<bool> internet_facing;
    std::optional<bool> remote_maintenance;
    std::optional<std::string> note;

    std::vector<std::string> ip_addresses;   // as read (normalised by the plan)
    std::vector<std::string> mac_addresses;  // as read
    std::vector<InventoryCpe> cpes;
    std::optional<std::vector<InventorySoftware>> software;  // set when the file lists the software
    std::optional<std::string> last_seen;                    // ISO 8601 when the file says when
    std::optional<int> os_accuracy;                          // nmap: the best OS match's accuracy (%)
    std::vector<std::string> platform_facts;                 // e.g. "smb1" (nmap smb-protocols)

    std::map<std::string, std::string, std::less<>> where_field;  // ledger field → its place in the file
    std::vector<InventoryIssue> issues;                           // problems with this device's values
};

// InventoryFile: the devices read and the problems that concern the whole file.
struct InventoryFile {
    std::string format;  // nmap, glpi, fusioninventory, cyclonedx, template_csv, template_xlsx
    std::vector<InventoryDevice> devices;
    std::vector<InventoryIssue> issues;
};

// device_field_where: the place of a field's value, or the device's place.
std::string device_field_where(const InventoryDevice& device, std::string_view field);

// is_placeholder_serial: values inventories put where there is no serial ("0000000000", "To Be Filled By
// O.E.M.", "Default string", "None" …): they would match unrelated devices.
bool is_placeholder_serial(std::string_view serial);

// What the inventory agents (GLPI native JSON, FusionInventory/GLPI-agent XML) report, mapped the same way
// whichever format carried it.

// drop_placeholder_serial: unsets a serial that is_placeholder_serial.
void drop_placeholder_serial(InventoryDevice& device);

// class_from_chassis: the ledger class an agent's chassis type suggests ("Laptop" → terminal, "Rack Mount
// Chassis" → server), or empty.
std::string class_from_chassis(std::string_view chassis, std::string_view vm_system);

// derived_firmware_cpe: a CPE 2.3 name for a network device's firmware when the vendor and product are
// certain from the version's shape (Cisco IOS "12.2(55)SE6"), else empty. Never a guess.
std::string derived_firmware_cpe(std::string_view manufacturer, std::string_view firmware);

// usable_ip / usable_mac: false for loopback addresses and the all-zero MAC that agents list on every host.
bool usable_ip(std::string_view ip);
bool usable_mac(std::string_view mac);

// add_ip_address / add_mac_address: the address appended as read when usable and not listed yet.
void add_ip_address(InventoryDevice& device, std::string ip);
void add_mac_address(InventoryDevice& device, std::string mac);

// add_derived_firmware_cpe: the derived_firmware_cpe of the device's manufacturer and firmware, if any, as
// an imported CPE found where the firmware version was.
void add_derived_firmware_cpe(InventoryDevice& device);

}  // namespace mamori::feeds

#include "mamori/feeds/inventory_device.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace mamori::feeds {

std::string device_field_where(const InventoryDevice& device, std::string_view field) {
    if (auto found = device.where_field.find(field); found != device.where_field.end()) return found->second;
    return device.where;
}

bool is_placeholder_serial(std::string_view serial) {
    const std::string lower = ascii_lowercase(trimmed(serial));
    if (lower.empty()) return true;
    if (std::all_of(lower.begin(), lower.end(), [](char c) { return c == '0'; })) return true;
    static constexpr std::array<std::string_view, 10> placeholders = {"to be filled by o.e.m.",
                                                                      "default string",
                                                                      "none",
                                                                      "n/a",
                                                                      "not specified",
                                                                      "system serial number",
                                                                      "123456789",
                                                                      "0123456789",
                                                                      "chassis serial number",
                                                                      "invalid"};
    return std::find(placeholders.begin(), placeholders.end(), lower) != placeholders.end();
}

void drop_placeholder_serial(InventoryDevice& device) {
    if (device.serial && is_placeholder_serial(*device.serial)) device.serial.reset();
}

bool usable_ip(std::string_view ip) {
    const std::string value = trimmed(ip);
    if (value.empty() || value == "::1" || value == "0.0.0.0" || value == "::") return false;
    return !value.starts_with("127.");
}

bool usable_mac(std::string_view mac) {
    const std::string value = trimmed(mac);
    if (value.empty()) return false;
    return std::any_of(value.begin(), value.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) && c != '0'; });
}

std::string class_from_chassis(std::string_view chassis, std::string_view vm_system) {
    const std::string type = ascii_lowercase(chassis);
    if (type.find("rack") != std::string::npos || type.find("server") != std::string::npos ||
        type.find("blade") != std::string::npos)
        return "server";
    if (!vm_system.empty() && ascii_lowercase(vm_system) != "physical") return "server";
    if (type.empty()) return {};
    return "terminal";
}

std::string derived_firmware_cpe(std::string_view manufacturer, std::string_view firmware) {
    static const std::regex cisco_ios(
        R"(^(\d{1,2})\.(\d{1,2})\((\d{1,3}[a-z]?)\)([A-Za-z]{1,4}\d{0,3}[a-z]?)$)");
    const std::string vendor = ascii_lowercase(trimmed(manufacturer));
    const std::string version = trimmed(firmware);
    if (!vendor.starts_with("cisco") || !std::regex_match(version, cisco_ios)) return {};
    std::string escaped;
    for (char c : ascii_lowercase(version)) {
        if (c == '(' || c == ')') escaped += '\\';
        escaped += c;
    }
    return fmt::format("cpe:2.3:o:cisco:ios:{}:*:*:*:*:*:*:*", escaped);
}

void add_ip_address(InventoryDevice& device, std::string ip) {
    if (usable_ip(ip) &&
        std::find(device.ip_addresses.begin(), device.ip_addresses.end(), ip) == device.ip_addresses.end())
        device.ip_addresses.push_back(std::move(ip));
}

void add_mac_address(InventoryDevice& device, std::string mac) {
    if (usable_mac(mac) && std::find(device.mac_addresses.begin(), device.mac_addresses.end(), mac) ==
                               device.mac_addresses.end())
        device.mac_addresses.push_back(std::move(mac));
}

void add_derived_firmware_cpe(InventoryDevice& device) {
    if (!device.manufacturer || !device.firmware_version) return;
    if (auto cpe = derived_firmware_cpe(*device.manufacturer, *device.firmware_version); !cpe.empty())
        device.cpes.push_back({cpe, "import", device_field_where(device, "firmware_version")});
}

}  // namespace mamori::feeds

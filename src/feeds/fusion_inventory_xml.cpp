#include "mamori/feeds/fusion_inventory_xml.hpp"

#include <fmt/format.h>

#include "feeds/inventory_file.hpp"
#include "feeds/xml_tree.hpp"

namespace mamori::feeds {

namespace {

void set_text(InventoryDevice& device, std::optional<std::string>& target, const XmlElement* parent,
              std::string_view tag, std::string_view field, const std::string& file) {
    if (!parent) return;
    const XmlElement* element = parent->child(tag);
    if (!element) return;
    std::string text = trimmed(element->text);
    if (text.empty()) return;
    target = std::move(text);
    device.where_field[std::string(field)] = fmt::format("{} line {} <{}>", file, element->line, tag);
}

Result<InventoryDevice> computer(const XmlElement& content, const std::string& file,
                                 const InventoryLimits& limits) {
    InventoryDevice device;
    device.where = fmt::format("{} line {}", file, content.line);
    const XmlElement* hardware = content.child("HARDWARE");
    const XmlElement* bios = content.child("BIOS");
    const XmlElement* os = content.child("OPERATINGSYSTEM");
    set_text(device, device.name, hardware, "NAME", "name", file);
    set_text(device, device.serial, bios, "SSN", "serial", file);
    drop_placeholder_serial(device);
    set_text(device, device.manufacturer, bios, "SMANUFACTURER", "manufacturer", file);
    set_text(device, device.model, bios, "SMODEL", "model", file);
    set_text(device, device.firmware_version, bios, "BVERSION", "firmware_version", file);
    set_text(device, device.os_name, os, "FULL_NAME", "os_name", file);
    if (!device.os_name) set_text(device, device.os_name, hardware, "OSNAME", "os_name", file);
    set_text(device, device.os_version, os, "VERSION", "os_version", file);
    if (!device.os_version) set_text(device, device.os_version, hardware, "OSVERSION", "os_version", file);
    if (hardware) {
        const auto chassis = hardware->child_text("CHASSIS_TYPE").value_or("");
        const auto vm = hardware->child_text("VMSYSTEM").value_or("");
        if (auto guess = class_from_chassis(chassis, vm); !guess.empty()) device.asset_class = guess;
    }
    for (const XmlElement* network : content.children_named("NETWORKS")) {
        if (ascii_lowercase(network->child_text("TYPE").value_or("")) == "loopback") continue;
        if (auto ip = network->child_text("IPADDRESS")) add_ip_address(device, *ip);
        if (auto ip = network->child_text("IPADDRESS6")) add_ip_address(device, *ip);
        if (auto mac = network->child_text("MACADDR")) add_mac_address(device, *mac);
        device.where_field.try_emplace("ip_addresses",
                                       fmt::format("{} line {} <NETWORKS>", file, network->line));
        device.where_field.try_emplace("mac_addresses",
                                       fmt::format("{} line {} <NETWORKS>", file, network->line));
    }
    if (const XmlElement* access = content.child("ACCESSLOG"))
        if (auto when = access->child_text("LOGDATE")) device.last_seen = *when;
    std::vector<InventorySoftware> software;
    for (const XmlElement* item : content.children_named("SOFTWARES")) {
        if (software.size() >= limits.max_software)
            return fail(ErrorCode::invalid_input,
                        fmt::format("{} line {}: more than {} software entries", file, item->line,
                                    limits.max_software),
                        file);
        InventorySoftware entry;
        entry.name = item->child_text("NAME").value_or("");
        if (entry.name.empty()) continue;
        entry.version = item->child_text("VERSION").value_or("");
        entry.publisher = item->child_text("PUBLISHER").value_or("");
        entry.kind = "application";
        entry.where = fmt::format("{} line {}", file, item->line);
        software.push_back(std::move(entry));
    }
    device.software = std::move(software);
    return device;
}

InventoryDevice network_device(const XmlElement& device_element, const std::string& file) {
    InventoryDevice device;
    device.where = fmt::format("{} line {}", file, device_element.line);
    const XmlElement* info = device_element.child("INFO");
    set_text(device, device.name, info, "NAME", "name", file);
    set_text(device, device.serial, info, "SERIAL", "serial", file);
    drop_placeholder_serial(device);
    set_text(device, device.manufacturer, info, "MANUFACTURER", "manufacturer", file);
    set_text(device, device.model, info, "MODEL", "model", file);
    set_text(device, device.firmware_version, info, "FIRMWARE", "firmware_version", file);
    set_text(device, device.location, info, "LOCATION", "location", file);
    if (info) {
        const std::string type = ascii_lowercase(info->child_text("TYPE").value_or(""));
        device.asset_class = type == "printer" ? "terminal" : "network";
        if (auto mac = info->child_text("MAC")) add_mac_address(device, *mac);
        if (const XmlElement* ips = info->child("IPS"))
            for (const XmlElement* ip : ips->children_named("IP")) add_ip_address(device, trimmed(ip->text));
    }
    add_derived_firmware_cpe(device);
    return device;
}

}  // namespace

Result<InventoryFile> read_fusion_inventory_xml(std::string_view bytes, std::string_view file_name,
                                                const InventoryLimits& limits) {
    const std::string file(file_name);
    auto text = inventory_xml_text(bytes, file, limits);
    if (!text) return fail(text.error());
    auto root = read_xml_tree(*text, file, {.max_depth = limits.max_depth});
    if (!root) return fail(root.error());
    const XmlElement* content = root->name == "REQUEST" ? root->child("CONTENT") : nullptr;
    if (!content)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("{}: not a FusionInventory/GLPI agent XML file (the root element is <{}>, not "
                        "<REQUEST> with <CONTENT>)",
                        file, root->name),
            file);
    InventoryFile result;
    result.format = "fusioninventory";
    const auto devices = content->children_named("DEVICE");
    if (!devices.empty()) {
        for (const XmlElement* element : devices) {
            if (result.devices.size() >= limits.max_devices)
                return fail(ErrorCode::invalid_input,
                            fmt::format("{}: more than {} devices", file, limits.max_devices), file);
            if (!element->child("INFO")) continue;
            result.devices.push_back(network_device(*element, file));
        }
    } else {
        auto device = computer(*content, file, limits);
        if (!device) return fail(device.error());
        result.devices.push_back(std::move(*device));
    }
    if (result.devices.empty())
        result.issues.push_back({file, "", "the file describes no device", "no_device"});
    return result;
}

}  // namespace mamori::feeds

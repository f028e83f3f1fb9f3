#include "mamori/feeds/glpi_inventory.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "feeds/inventory_file.hpp"

namespace mamori::feeds {

namespace {

using nlohmann::json;

std::optional<std::string> text_at(const json& object, std::string_view key) {
    if (!object.is_object()) return std::nullopt;
    const auto found = object.find(key);
    if (found == object.end()) return std::nullopt;
    std::string text;
    if (found->is_string())
        text = trimmed(found->get_ref<const std::string&>());
    else if (found->is_number_integer())
        text = std::to_string(found->get<long long>());
    if (text.empty()) return std::nullopt;
    return text;
}

struct Reader {
    const std::string& file;
    InventoryDevice& device;

    void set(std::optional<std::string>& target, const json& object, std::string_view key,
             std::string_view path, std::string_view field) {
        if (auto value = text_at(object, key)) {
            target = std::move(*value);
            device.where_field[std::string(field)] = fmt::format("{} $.content.{}.{}", file, path, key);
        }
    }
};

const json& member(const json& object, std::string_view key) {
    static const json none;
    if (!object.is_object()) return none;
    const auto found = object.find(key);
    return found == object.end() ? none : *found;
}

Status read_computer(const json& content, Reader& reader, const InventoryLimits& limits, bool phone) {
    InventoryDevice& device = reader.device;
    const json& hardware = member(content, "hardware");
    const json& bios = member(content, "bios");
    const json& os = member(content, "operatingsystem");
    reader.set(device.name, hardware, "name", "hardware", "name");
    reader.set(device.serial, bios, "ssn", "bios", "serial");
    drop_placeholder_serial(device);
    reader.set(device.manufacturer, bios, "smanufacturer", "bios", "manufacturer");
    reader.set(device.model, bios, "smodel", "bios", "model");
    if (!phone) reader.set(device.firmware_version, bios, "bversion", "bios", "firmware_version");
    reader.set(device.os_name, os, "full_name", "operatingsystem", "os_name");
    if (!device.os_name) reader.set(device.os_name, os, "name", "operatingsystem", "os_name");
    reader.set(device.os_version, os, "version", "operatingsystem", "os_version");
    if (phone)
        device.asset_class = "terminal";
    else if (auto guess = class_from_chassis(text_at(hardware, "chassis_type").value_or(""),
                                             text_at(hardware, "vmsystem").value_or(""));
             !guess.empty())
        device.asset_class = guess;
    const json& networks = member(content, "networks");
    if (networks.is_array()) {
        for (const auto& network : networks) {
            if (text_at(network, "type").value_or("") == "loopback") continue;
            for (const char* key : {"ipaddress", "ipaddress6"})
                if (auto ip = text_at(network, key)) add_ip_address(device, *ip);
            if (auto mac = text_at(network, "mac")) add_mac_address(device, *mac);
        }
        device.where_field["ip_addresses"] = fmt::format("{} $.content.networks", reader.file);
        device.where_field["mac_addresses"] = fmt::format("{} $.content.networks", reader.file);
    }
    if (auto when = text_at(member(content, "accesslog"), "logdate")) device.last_seen = *when;
    const json& softwares = member(content, "softwares");
    if (softwares.is_array()) {
        if (softwares.size() > limits.max_software)
            return fail(
                ErrorCode::invalid_input,
                fmt::format("{} $.content.softwares: more than {} entries", reader.file, limits.max_software),
                "$.content.softwares");
        std::vector<InventorySoftware> list;
        list.reserve(softwares.size());
        for (std::size_t i = 0; i < softwares.size(); ++i) {
            const json& item = softwares[i];
            InventorySoftware software;
            software.name = text_at(item, "name").value_or("");
            if (software.name.empty()) continue;
            software.version = text_at(item, "version").value_or("");
            software.publisher = text_at(item, "publisher").value_or("");
            software.kind = "application";
            software.where = fmt::format("{} $.content.softwares[{}]", reader.file, i);
            list.push_back(std::move(software));
        }
        device.software = std::move(list);
    }
    return {};
}

void read_network_device(const json& content, Reader& reader, bool printer) {
    InventoryDevice& device = reader.device;
    const json& info = member(content, "network_device");
    reader.set(device.name, info, "name", "network_device", "name");
    reader.set(device.serial, info, "serial", "network_device", "serial");
    drop_placeholder_serial(device);
    reader.set(device.manufacturer, info, "manufacturer", "network_device", "manufacturer");
    reader.set(device.model, info, "model", "network_device", "model");
    reader.set(device.firmware_version, info, "firmware", "network_device", "firmware_version");
    reader.set(device.location, info, "location", "network_device", "location");
    device.asset_class = printer ? "terminal" : "network";
    if (auto mac = text_at(info, "mac")) add_mac_address(device, *mac);
    const json& ips = member(info, "ips");
    if (ips.is_array())
        for (const auto& ip : ips)
            if (ip.is_string()) add_ip_address(device, trimmed(ip.get_ref<const std::string&>()));
    device.where_field["ip_addresses"] = fmt::format("{} $.content.network_device.ips", reader.file);
    add_derived_firmware_cpe(device);
}

}  // namespace

Result<InventoryFile> read_glpi_inventory(std::string_view bytes, std::string_view file_name,
                                          const InventoryLimits& limits) {
    const std::string file(file_name);
    auto document = inventory_json(bytes, file, limits);
    if (!document) return fail(document.error());
    const json& content = member(*document, "content");
    if (!document->is_object() || !content.is_object())
        return fail(ErrorCode::invalid_input,
                    fmt::format("{}: not a GLPI inventory (no \"content\" object at $.content)", file),
                    "$.content");
    const std::string itemtype = text_at(*document, "itemtype").value_or("Computer");
    InventoryFile result;
    result.format = "glpi";
    InventoryDevice device;
    device.where = fmt::format("{} $.content", file);
    Reader reader{file, device};
    if (itemtype == "Computer" || itemtype == "Phone") {
        if (auto ok = read_computer(content, reader, limits, itemtype == "Phone"); !ok)
            return fail(ok.error());
    } else if (itemtype == "NetworkEquipment" || itemtype == "Printer") {
        read_network_device(content, reader, itemtype == "Printer");
    } else {
        return fail(
            ErrorCode::invalid_input,
            fmt::format("{} $.itemtype: \"{}\" is not an inventory this import reads (Computer, Phone, "
                        "NetworkEquipment, Printer)",
                        file, itemtype),
            "$.itemtype");
    }
    result.devices.push_back(std::move(device));
    return result;
}

}  // namespace mamori::feeds

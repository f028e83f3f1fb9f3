#include "mamori/feeds/nmap_xml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ctime>

#include "feeds/inventory_file.hpp"
#include "feeds/xml_tree.hpp"

namespace mamori::feeds {

namespace {

std::string class_from_os_type(std::string_view type) {
    if (type == "router" || type == "switch" || type == "WAP" || type == "firewall" ||
        type == "broadband router" || type == "load balancer" || type == "bridge" || type == "proxy server" ||
        type == "VoIP adapter")
        return "network";
    if (type == "storage-misc") return "media";
    return {};
}

std::optional<std::string> iso_from_epoch(std::string_view seconds) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(seconds.data(), seconds.data() + seconds.size(), value);
    if (ec != std::errc() || end != seconds.data() + seconds.size() || value <= 0) return std::nullopt;
    const std::time_t time = static_cast<std::time_t>(value);
    std::tm utc{};
    if (!gmtime_r(&time, &utc)) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                       utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

struct OsGuess {
    std::string name;
    int accuracy = -1;
    int line = 0;
    std::string asset_class;
    std::vector<InventoryCpe> cpes;
};

void read_host(const XmlElement& host, const std::string& file, InventoryDevice& device) {
    const auto at = [&](int line) { return fmt::format("{} line {}", file, line); };
    device.where = at(host.line);
    for (const XmlElement* address : host.children_named("address")) {
        const std::string_view type = address->attribute("addrtype");
        const std::string value(address->attribute("addr"));
        if (type == "ipv4" || type == "ipv6") {
            device.ip_addresses.push_back(value);
            device.where_field.try_emplace("ip_addresses", at(address->line));
        } else if (type == "mac") {
            device.mac_addresses.push_back(value);
            device.where_field.try_emplace("mac_addresses", at(address->line));
            if (const auto vendor = trimmed(address->attribute("vendor")); !vendor.empty()) {
                device.manufacturer = vendor;
                device.where_field["manufacturer"] = at(address->line);
            }
        }
    }
    if (const XmlElement* hostnames = host.child("hostnames")) {
        const XmlElement* chosen = nullptr;
        for (const XmlElement* hostname : hostnames->children_named("hostname"))
            if (!chosen || (hostname->attribute("type") == "user" && chosen->attribute("type") != "user"))
                chosen = hostname;
        if (chosen && !trimmed(chosen->attribute("name")).empty()) {
            device.name = trimmed(chosen->attribute("name"));
            device.where_field["name"] = at(chosen->line);
        }
    }
    if (!device.name && !device.ip_addresses.empty()) device.name = device.ip_addresses.front();

    std::vector<InventorySoftware> services;
    if (const XmlElement* ports = host.child("ports")) {
        for (const XmlElement* port : ports->children_named("port")) {
            const XmlElement* state = port->child("state");
            if (!state || state->attribute("state") != "open") continue;
            const XmlElement* service = port->child("service");
            InventorySoftware software;
            software.port = fmt::format("{}/{}", port->attribute("portid"), port->attribute("protocol"));
            software.where = at(port->line);
            software.kind = "service";
            if (service) {
                software.name = trimmed(service->attribute("product"));
                if (software.name.empty()) software.name = trimmed(service->attribute("name"));
                software.version = trimmed(service->attribute("version"));
                for (const XmlElement* cpe : service->children_named("cpe")) {
                    const std::string text = trimmed(cpe->text);
                    if (text.empty()) continue;
                    if (software.cpe.empty()) software.cpe = text;
                    device.cpes.push_back({text, "import", at(cpe->line)});
                }
            }
            if (software.name.empty()) software.name = software.port;
            services.push_back(std::move(software));
        }
    }
    device.software = std::move(services);

    if (const XmlElement* os = host.child("os")) {
        // The best accuracy wins; matches tied at it are all possible, so their CPE names are all kept (nmap
        // lists the best first; the first tied match names the OS).
        OsGuess best;
        for (const XmlElement* match : os->children_named("osmatch")) {
            int accuracy = 0;
            const std::string_view text = match->attribute("accuracy");
            std::from_chars(text.data(), text.data() + text.size(), accuracy);
            if (accuracy < best.accuracy) continue;
            if (accuracy > best.accuracy)
                best = OsGuess{std::string(match->attribute("name")), accuracy, match->line, {}, {}};
            for (const XmlElement* os_class : match->children_named("osclass")) {
                if (best.asset_class.empty())
                    best.asset_class = class_from_os_type(os_class->attribute("type"));
                for (const XmlElement* cpe : os_class->children_named("cpe")) {
                    const std::string cpe_text = trimmed(cpe->text);
                    const bool known =
                        std::any_of(best.cpes.begin(), best.cpes.end(),
                                    [&](const InventoryCpe& held) { return held.text == cpe_text; });
                    if (!cpe_text.empty() && !known) best.cpes.push_back({cpe_text, "import", at(cpe->line)});
                }
            }
        }
        if (best.accuracy >= 0) {
            device.os_name = best.name;
            device.os_accuracy = best.accuracy;
            device.where_field["os_name"] = at(best.line);
            if (!best.asset_class.empty()) device.asset_class = best.asset_class;
            for (auto& cpe : best.cpes) device.cpes.push_back(std::move(cpe));
        }
    }

    if (const XmlElement* scripts = host.child("hostscript")) {
        for (const XmlElement* script : scripts->children_named("script")) {
            if (script->attribute("id") != "smb-protocols") continue;
            if (script->attribute("output").find("SMBv1") != std::string_view::npos)
                device.platform_facts.push_back("smb1");
        }
    }
    if (auto when = iso_from_epoch(host.attribute("endtime")); when) device.last_seen = *when;
}

}  // namespace

Result<InventoryFile> read_nmap_xml(std::string_view bytes, std::string_view file_name,
                                    const InventoryLimits& limits) {
    const std::string file(file_name);
    auto text = inventory_xml_text(bytes, file, limits);
    if (!text) return fail(text.error());
    auto root = read_xml_tree(*text, file, {.max_depth = limits.max_depth, .allow_bare_doctype = true});
    if (!root) return fail(root.error());
    if (root->name != "nmaprun")
        return fail(ErrorCode::invalid_input,
                    fmt::format("{}: not an nmap XML file (the root element is <{}>, not <nmaprun>)", file,
                                root->name),
                    file);
    InventoryFile result;
    result.format = "nmap";
    for (const XmlElement* host : root->children_named("host")) {
        const XmlElement* status = host->child("status");
        if (status && status->attribute("state") != "up") continue;
        if (result.devices.size() >= limits.max_devices)
            return fail(ErrorCode::invalid_input,
                        fmt::format("{}: more than {} hosts", file, limits.max_devices), file);
        InventoryDevice device;
        read_host(*host, file, device);
        if (device.software && device.software->size() > limits.max_software)
            return fail(
                ErrorCode::invalid_input,
                fmt::format("{} line {}: more than {} open ports", file, host->line, limits.max_software),
                file);
        result.devices.push_back(std::move(device));
    }
    return result;
}

}  // namespace mamori::feeds

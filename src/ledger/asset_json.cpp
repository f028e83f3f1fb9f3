// An asset's fields by their JSON names: the API's and the history snapshot's.
#include <nlohmann/json.hpp>

#include "mamori/ledger/asset.hpp"

namespace mamori::ledger {

namespace {

using nlohmann::json;

std::string text(const json& j, const char* name) {
    const auto found = j.find(name);
    return found != j.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool flag(const json& j, const char* name) {
    const auto found = j.find(name);
    return found != j.end() && found->is_boolean() && found->get<bool>();
}

std::vector<std::string> texts(const json& j, const char* name) {
    std::vector<std::string> out;
    const auto found = j.find(name);
    if (found == j.end() || !found->is_array()) return out;
    for (const auto& v : *found) out.push_back(v.is_string() ? v.get<std::string>() : std::string());
    return out;
}

}  // namespace

json record_json(const AssetRecord& r) {
    json cpes = json::array(), software = json::array();
    for (const auto& c : r.cpes) cpes.push_back({{"cpe", c.cpe}, {"origin", c.origin}});
    for (const auto& s : r.software)
        software.push_back({{"name", s.name},
                            {"version", s.version},
                            {"publisher", s.publisher},
                            {"kind", s.kind},
                            {"cpe", s.cpe},
                            {"purl", s.purl},
                            {"port", s.port}});
    return {{"asset_class", r.asset_class},
            {"name", r.name},
            {"location", r.location},
            {"department", r.department},
            {"owner", r.owner},
            {"serial", r.serial},
            {"manufacturer", r.manufacturer},
            {"model", r.model},
            {"os_name", r.os_name},
            {"os_version", r.os_version},
            {"firmware_version", r.firmware_version},
            {"system_id", r.system_id ? json(*r.system_id) : json(nullptr)},
            {"system_note", r.system_note},
            {"vendor_managed", r.vendor_managed},
            {"internet_facing", r.internet_facing},
            {"remote_maintenance", r.remote_maintenance},
            {"ip_addresses", r.ip_addresses},
            {"mac_addresses", r.mac_addresses},
            {"cpes", cpes},
            {"software", software},
            {"note", r.note}};
}

AssetRecord record_from_json(const json& j) {
    AssetRecord r;
    if (!j.is_object()) return r;
    if (const auto c = j.find("asset_class"); c != j.end() && c->is_string()) r.asset_class = c->get<std::string>();
    r.name = text(j, "name");
    r.location = text(j, "location");
    r.department = text(j, "department");
    r.owner = text(j, "owner");
    r.serial = text(j, "serial");
    r.manufacturer = text(j, "manufacturer");
    r.model = text(j, "model");
    r.os_name = text(j, "os_name");
    r.os_version = text(j, "os_version");
    r.firmware_version = text(j, "firmware_version");
    if (const auto s = j.find("system_id"); s != j.end() && s->is_number_integer())
        r.system_id = s->get<std::int64_t>();
    r.system_note = text(j, "system_note");
    r.vendor_managed = flag(j, "vendor_managed");
    r.internet_facing = flag(j, "internet_facing");
    r.remote_maintenance = flag(j, "remote_maintenance");
    r.ip_addresses = texts(j, "ip_addresses");
    r.mac_addresses = texts(j, "mac_addresses");
    if (const auto cpes = j.find("cpes"); cpes != j.end() && cpes->is_array())
        for (const auto& c : *cpes) {
            if (c.is_string()) {
                r.cpes.push_back({c.get<std::string>(), "manual"});
            } else if (c.is_object()) {
                const auto origin = text(c, "origin");
                r.cpes.push_back({text(c, "cpe"), origin.empty() ? "manual" : origin});
            } else {
                r.cpes.push_back({});
            }
        }
    if (const auto software = j.find("software"); software != j.end() && software->is_array())
        for (const auto& s : *software)
            r.software.push_back({text(s, "name"), text(s, "version"), text(s, "publisher"), text(s, "kind"),
                                  text(s, "cpe"), text(s, "purl"), text(s, "port")});
    r.note = text(j, "note");
    return r;
}

}  // namespace mamori::ledger

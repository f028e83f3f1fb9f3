#include "mamori/ledger/import_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "mamori/exposure/cpe.hpp"

namespace mamori::ledger {

namespace {

std::string folded(std::string_view text) {
    return ascii_lowercase(trimmed(text));
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool shares_any(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& value) { return contains(b, value); });
}

// The device's addresses in normal form; what is not an address is an error of the device.
struct Normalised {
    std::vector<std::string> ips;
    std::vector<std::string> macs;
};

Normalised normalise_addresses(const feeds::InventoryDevice& device, PlannedDevice& planned) {
    Normalised out;
    for (const auto& text : device.ip_addresses) {
        if (auto ip = normalise_ip(text)) {
            if (!contains(out.ips, *ip)) out.ips.push_back(*ip);
        } else {
            planned.errors.push_back({feeds::device_field_where(device, "ip_addresses"), "ip_addresses",
                                      fmt::format("\"{}\" is not an IP address", text), "not_ip"});
        }
    }
    for (const auto& text : device.mac_addresses) {
        if (auto mac = normalise_mac(text)) {
            if (!contains(out.macs, *mac)) out.macs.push_back(*mac);
        } else {
            planned.errors.push_back({feeds::device_field_where(device, "mac_addresses"), "mac_addresses",
                                      fmt::format("\"{}\" is not a MAC address", text), "not_mac"});
        }
    }
    return out;
}

struct Match {
    const ExistingAsset* asset = nullptr;
    std::string rule;
    std::vector<std::int64_t> others;
};

Match find_match(std::span<const ExistingAsset> existing, const feeds::InventoryDevice& device,
                 const Normalised& addresses) {
    const std::string serial = device.serial && !feeds::is_placeholder_serial(*device.serial)
                                   ? folded(*device.serial)
                                   : std::string();
    const std::string name = device.name ? folded(*device.name) : std::string();
    const std::string model = device.model ? folded(*device.model) : std::string();
    const bool anonymous = serial.empty() && addresses.ips.empty() && addresses.macs.empty();
    using Rule = std::pair<std::string, std::function<bool(const ExistingAsset&)>>;
    const std::vector<Rule> rules = {
        {"serial",
         [&](const ExistingAsset& a) { return !serial.empty() && folded(a.record.serial) == serial; }},
        {"mac", [&](const ExistingAsset& a) { return shares_any(addresses.macs, a.record.mac_addresses); }},
        {"ip_name",
         [&](const ExistingAsset& a) {
             return !name.empty() && folded(a.record.name) == name &&
                    shares_any(addresses.ips, a.record.ip_addresses);
         }},
        {"name",
         [&](const ExistingAsset& a) {
             return anonymous && !name.empty() && folded(a.record.name) == name &&
                    (model.empty() || a.record.model.empty() || folded(a.record.model) == model);
         }},
    };
    for (const auto& [rule, matches] : rules) {
        Match found;
        for (const auto& asset : existing) {
            if (!matches(asset)) continue;
            if (!found.asset || asset.id < found.asset->id) {
                if (found.asset) found.others.push_back(found.asset->id);
                found.asset = &asset;
            } else {
                found.others.push_back(asset.id);
            }
        }
        if (found.asset) {
            found.rule = rule;
            std::sort(found.others.begin(), found.others.end());
            return found;
        }
    }
    return {};
}

void set_if(std::string& target, const std::optional<std::string>& value) {
    if (value) target = *value;
}

void apply_device(const feeds::InventoryDevice& device, const Normalised& addresses, bool creating,
                  bool class_is_authoritative, AssetRecord& record, PlannedDevice& planned) {
    if (device.asset_class && (creating || class_is_authoritative)) record.asset_class = *device.asset_class;
    set_if(record.name, device.name);
    set_if(record.location, device.location);
    set_if(record.department, device.department);
    set_if(record.owner, device.owner);
    if (device.serial && !(feeds::is_placeholder_serial(*device.serial) && !class_is_authoritative))
        record.serial = trimmed(*device.serial);
    set_if(record.manufacturer, device.manufacturer);
    set_if(record.model, device.model);
    set_if(record.os_name, device.os_name);
    set_if(record.os_version, device.os_version);
    set_if(record.firmware_version, device.firmware_version);
    set_if(record.system_note, device.system_note);
    set_if(record.note, device.note);
    if (device.vendor_managed) record.vendor_managed = *device.vendor_managed;
    if (device.internet_facing) record.internet_facing = *device.internet_facing;
    if (device.remote_maintenance) record.remote_maintenance = *device.remote_maintenance;
    for (const auto& ip : addresses.ips)
        if (!contains(record.ip_addresses, ip)) record.ip_addresses.push_back(ip);
    for (const auto& mac : addresses.macs)
        if (!contains(record.mac_addresses, mac)) record.mac_addresses.push_back(mac);

    std::size_t dropped = 0;
    for (const auto& cpe : device.cpes) {
        auto canonical = scanner_cpe(cpe.text);
        if (!canonical) {
            planned.errors.push_back(
                {cpe.where, "cpes",
                 fmt::format("\"{}\" is not a CPE name: {}", cpe.text, canonical.error().message),
                 "not_cpe"});
            continue;
        }
        const bool known = std::any_of(record.cpes.begin(), record.cpes.end(),
                                       [&](const AssetCpe& held) { return held.cpe == *canonical; });
        if (known) continue;
        if (static_cast<long>(record.cpes.size()) >= kMaxCpes) {
            ++dropped;
            continue;
        }
        record.cpes.push_back({*canonical, cpe.origin});
    }
    if (dropped > 0)
        planned.warnings.push_back(
            {device.where, "cpes",
             fmt::format("{} CPE names beyond the ledger's {} per asset were not taken", dropped, kMaxCpes),
             "cpes_dropped"});
    if (device.software) {
        record.software.clear();
        for (const auto& item : *device.software) {
            AssetSoftware software{item.name, item.version, item.publisher, item.kind,
                                   {},        item.purl,    item.port};
            if (!item.cpe.empty()) {
                if (auto canonical = scanner_cpe(item.cpe)) software.cpe = *canonical;
            }
            record.software.push_back(std::move(software));
        }
    }
    if (creating && record.name.empty()) {
        if (!record.serial.empty())
            record.name = record.serial;
        else if (!record.ip_addresses.empty())
            record.name = record.ip_addresses.front();
        else if (!record.model.empty())
            record.name = record.model;
    }
}

// The ledger field a rule's field path ("cpes[3].cpe", "mac_addresses[1]") is about.
std::string field_root(std::string_view path) {
    const auto end = path.find_first_of("[.");
    return std::string(path.substr(0, end));
}

}  // namespace

std::string source_of_format(std::string_view format) {
    if (format == "template_csv" || format == "template_xlsx") return "template";
    return std::string(format);
}

Result<std::string> scanner_cpe(std::string_view text) {
    return exposure::normalise_scanner_cpe(text);
}

ImportPlan plan_import(std::span<const ExistingAsset> existing, const feeds::InventoryFile& file) {
    ImportPlan plan;
    plan.format = file.format;
    plan.source = source_of_format(file.format);
    for (const auto& issue : file.issues)
        plan.file_issues.push_back({issue.where, issue.field, issue.message, issue.code});
    const bool template_file = plan.source == "template";
    std::map<std::int64_t, std::size_t> claimed;  // asset id → index of the device that matched it
    for (std::size_t index = 0; index < file.devices.size(); ++index) {
        const auto& device = file.devices[index];
        PlannedDevice planned;
        planned.index = index;
        planned.where = device.where;
        planned.last_seen = device.last_seen;
        planned.os_accuracy = device.os_accuracy;
        planned.platform_facts = device.platform_facts;
        for (const auto& issue : device.issues)
            planned.errors.push_back({issue.where, issue.field, issue.message, issue.code});
        const Normalised addresses = normalise_addresses(device, planned);
        const Match match = find_match(existing, device, addresses);
        if (match.asset) {
            planned.asset_id = match.asset->id;
            planned.asset_version = match.asset->version;
            planned.match = match.rule;
            planned.record = match.asset->record;
            if (!match.others.empty()) {
                std::string others;
                for (auto id : match.others) others += fmt::format("{}{}", others.empty() ? "" : ", ", id);
                planned.warnings.push_back({device.where, "",
                                            fmt::format("also matches assets {} by {}; the "
                                                        "lowest id was taken",
                                                        others, match.rule),
                                            "several_matches"});
            }
            if (auto earlier = claimed.find(match.asset->id); earlier != claimed.end()) {
                planned.errors.push_back({device.where, "",
                                          fmt::format("matches the same asset as the device at {}",
                                                      file.devices[earlier->second].where),
                                          "same_asset"});
            } else {
                claimed.emplace(match.asset->id, index);
            }
        }
        apply_device(device, addresses, !match.asset, template_file, planned.record, planned);
        if (auto ok = check_asset_record(planned.record); !ok) {
            for (const auto& field : ok.error().fields) {
                const std::string root = field_root(field.field);
                planned.errors.push_back(
                    {feeds::device_field_where(device, root), field.field, field.message, "invalid"});
            }
            if (ok.error().fields.empty())
                planned.errors.push_back({device.where, "", ok.error().message, "invalid"});
        }
        if (!planned.errors.empty()) {
            planned.action = "error";
            ++plan.errors;
        } else if (!match.asset) {
            planned.action = "create";
            ++plan.created;
        } else {
            planned.changed_fields = changed_fields(match.asset->record, planned.record);
            planned.action = planned.changed_fields.empty() ? "unchanged" : "update";
            ++(planned.changed_fields.empty() ? plan.unchanged : plan.updated);
        }
        plan.devices.push_back(std::move(planned));
    }
    for (const auto& asset : existing)
        if (!claimed.contains(asset.id)) plan.left_asset_ids.push_back(asset.id);
    return plan;
}

}  // namespace mamori::ledger

#include "mamori/feeds/cyclonedx.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "feeds/inventory_file.hpp"

namespace mamori::feeds {

namespace {

using nlohmann::json;

std::string text_of(const json& object, std::string_view key) {
    if (!object.is_object()) return {};
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) return {};
    return trimmed(found->get_ref<const std::string&>());
}

std::string supplier_of(const json& component) {
    if (auto name = text_of(component, "manufacturer"); !name.empty()) return name;
    if (component.is_object()) {
        for (const char* key : {"manufacturer", "supplier"})
            if (auto found = component.find(key); found != component.end() && found->is_object())
                if (auto name = text_of(*found, "name"); !name.empty()) return name;
    }
    if (auto name = text_of(component, "publisher"); !name.empty()) return name;
    return text_of(component, "author");
}

Status read_components(const json& components, const std::string& path, const std::string& file,
                       const InventoryLimits& limits, InventoryDevice& device,
                       std::vector<InventorySoftware>& list) {
    if (!components.is_array()) return {};
    for (std::size_t i = 0; i < components.size(); ++i) {
        const json& component = components[i];
        const std::string where = fmt::format("{}[{}]", path, i);
        if (!component.is_object()) {
            device.issues.push_back(
                {fmt::format("{} {}", file, where), "software", "a component is not an object", "component"});
            continue;
        }
        if (list.size() >= limits.max_software)
            return fail(ErrorCode::invalid_input,
                        fmt::format("{} {}: more than {} components", file, where, limits.max_software),
                        where);
        InventorySoftware software;
        software.name = text_of(component, "name");
        software.version = text_of(component, "version");
        software.publisher = supplier_of(component);
        software.kind = text_of(component, "type");
        software.cpe = text_of(component, "cpe");
        software.purl = text_of(component, "purl");
        software.where = fmt::format("{} {}", file, where);
        if (software.name.empty()) {
            device.issues.push_back(
                {fmt::format("{} {}.name", file, where), "software", "a component has no name", "component"});
            continue;
        }
        if (!software.cpe.empty())
            device.cpes.push_back({software.cpe, "sbom", fmt::format("{} {}.cpe", file, where)});
        list.push_back(std::move(software));
        if (auto nested = component.find("components"); nested != component.end())
            if (auto ok = read_components(*nested, where + ".components", file, limits, device, list); !ok)
                return ok;
    }
    return {};
}

}  // namespace

Result<InventoryFile> read_cyclonedx(std::string_view bytes, std::string_view file_name,
                                     const InventoryLimits& limits) {
    const std::string file(file_name);
    auto document = inventory_json(bytes, file, limits);
    if (!document) return fail(document.error());
    if (text_of(*document, "bomFormat") != "CycloneDX")
        return fail(ErrorCode::invalid_input, fmt::format("{} $.bomFormat: not a CycloneDX SBOM", file),
                    "$.bomFormat");
    if (!text_of(*document, "specVersion").starts_with("1."))
        return fail(ErrorCode::invalid_input,
                    fmt::format("{} $.specVersion: only CycloneDX 1.x is read", file), "$.specVersion");
    InventoryFile result;
    result.format = "cyclonedx";
    InventoryDevice device;
    device.where = fmt::format("{} $.metadata.component", file);
    device.asset_class = "medical_device";
    const json* metadata = document->contains("metadata") ? &(*document)["metadata"] : nullptr;
    const json* main = metadata && metadata->is_object() && metadata->contains("component")
                           ? &(*metadata)["component"]
                           : nullptr;
    if (main && main->is_object()) {
        if (auto name = text_of(*main, "name"); !name.empty()) {
            device.name = name;
            device.where_field["name"] = fmt::format("{} $.metadata.component.name", file);
        }
        if (auto version = text_of(*main, "version"); !version.empty()) {
            device.firmware_version = version;
            device.where_field["firmware_version"] = fmt::format("{} $.metadata.component.version", file);
        }
        if (auto maker = supplier_of(*main); !maker.empty()) device.manufacturer = maker;
        if (auto cpe = text_of(*main, "cpe"); !cpe.empty())
            device.cpes.push_back({cpe, "sbom", fmt::format("{} $.metadata.component.cpe", file)});
    } else {
        result.issues.push_back({fmt::format("{} $.metadata.component", file), "name",
                                 "the SBOM does not name its device (metadata.component)", "no_device"});
    }
    if (metadata && metadata->is_object())
        if (auto when = text_of(*metadata, "timestamp"); !when.empty()) device.last_seen = when;
    std::vector<InventorySoftware> software;
    if (auto found = document->find("components"); found != document->end())
        if (auto ok = read_components(*found, "$.components", file, limits, device, software); !ok)
            return fail(ok.error());
    device.software = std::move(software);
    result.devices.push_back(std::move(device));
    return result;
}

}  // namespace mamori::feeds

#include <nlohmann/json.hpp>

#include "mamori/ledger/import_plan.hpp"

namespace mamori::ledger {

namespace {

using nlohmann::json;

json issues_json(const std::vector<PlanIssue>& issues) {
    json out = json::array();
    for (const auto& issue : issues)
        out.push_back({{"where", issue.where},
                       {"field", issue.field},
                       {"message", issue.message},
                       {"code", issue.code}});
    return out;
}

std::vector<PlanIssue> issues_from(const json& list) {
    std::vector<PlanIssue> out;
    if (!list.is_array()) return out;
    for (const auto& item : list)
        out.push_back({item.value("where", ""), item.value("field", ""), item.value("message", ""),
                       item.value("code", "")});
    return out;
}

const ExistingAsset* find_asset(std::span<const ExistingAsset> assets, std::int64_t id) {
    for (const auto& asset : assets)
        if (asset.id == id) return &asset;
    return nullptr;
}

}  // namespace

json plan_json(const ImportPlan& plan, std::span<const ExistingAsset> before) {
    json devices = json::array();
    for (const auto& device : plan.devices) {
        json item = {{"index", device.index},
                     {"where", device.where},
                     {"action", device.action},
                     {"asset_id", device.asset_id ? json(*device.asset_id) : json(nullptr)},
                     {"asset_version", device.asset_version ? json(*device.asset_version) : json(nullptr)},
                     {"match", device.match},
                     {"name", device.record.name},
                     {"record", record_json(device.record)},
                     {"changed_fields", device.changed_fields},
                     {"errors", issues_json(device.errors)},
                     {"warnings", issues_json(device.warnings)},
                     {"last_seen", device.last_seen ? json(*device.last_seen) : json(nullptr)},
                     {"os_accuracy", device.os_accuracy ? json(*device.os_accuracy) : json(nullptr)},
                     {"platform_facts", device.platform_facts}};
        json changes = json::array();
        if (device.asset_id && !device.changed_fields.empty()) {
            if (const ExistingAsset* old = find_asset(before, *device.asset_id)) {
                const json old_json = record_json(old->record);
                const json& new_json = item["record"];
                for (const auto& field : device.changed_fields)
                    changes.push_back({{"field", field},
                                       {"before", old_json.value(field, json(nullptr))},
                                       {"after", new_json.value(field, json(nullptr))}});
            }
        }
        item["changes"] = std::move(changes);
        devices.push_back(std::move(item));
    }
    return {{"format", plan.format},
            {"source", plan.source},
            {"devices", std::move(devices)},
            {"file_issues", issues_json(plan.file_issues)},
            {"left_asset_ids", plan.left_asset_ids},
            {"counts",
             {{"create", plan.created},
              {"update", plan.updated},
              {"unchanged", plan.unchanged},
              {"error", plan.errors},
              {"left", plan.left_asset_ids.size()}}}};
}

ImportPlan plan_from_json(const json& stored) {
    ImportPlan plan;
    plan.format = stored.value("format", "");
    plan.source = stored.value("source", "");
    plan.file_issues = issues_from(stored.value("file_issues", json::array()));
    plan.left_asset_ids = stored.value("left_asset_ids", std::vector<std::int64_t>{});
    for (const auto& item : stored.value("devices", json::array())) {
        PlannedDevice device;
        device.index = item.value("index", std::size_t{0});
        device.where = item.value("where", "");
        device.action = item.value("action", "");
        if (item.contains("asset_id") && item["asset_id"].is_number_integer())
            device.asset_id = item["asset_id"].get<std::int64_t>();
        if (item.contains("asset_version") && item["asset_version"].is_number_integer())
            device.asset_version = item["asset_version"].get<int>();
        device.match = item.value("match", "");
        device.record = record_from_json(item.value("record", json::object()));
        device.changed_fields = item.value("changed_fields", std::vector<std::string>{});
        device.errors = issues_from(item.value("errors", json::array()));
        device.warnings = issues_from(item.value("warnings", json::array()));
        if (item.contains("last_seen") && item["last_seen"].is_string())
            device.last_seen = item["last_seen"].get<std::string>();
        if (item.contains("os_accuracy") && item["os_accuracy"].is_number_integer())
            device.os_accuracy = item["os_accuracy"].get<int>();
        device.platform_facts = item.value("platform_facts", std::vector<std::string>{});
        if (device.action == "create")
            ++plan.created;
        else if (device.action == "update")
            ++plan.updated;
        else if (device.action == "unchanged")
            ++plan.unchanged;
        else
            ++plan.errors;
        plan.devices.push_back(std::move(device));
    }
    return plan;
}

}  // namespace mamori::ledger

// A system's fields by their JSON names: the API's and the history snapshot's.
#include <nlohmann/json.hpp>

#include "mamori/vendors/system_record.hpp"
#include "mamori/core/json_null.hpp"

namespace mamori::vendors {

namespace {

using nlohmann::json;

std::optional<std::string> text_or_null(const json& j, const char* name) {
    const auto found = j.find(name);
    if (found == j.end() || !found->is_string()) return std::nullopt;
    return found->get<std::string>();
}

}  // namespace

json record_json(const SystemRecord& r) {
    return {{"kind", r.kind},
            {"name", r.name},
            {"product_name", r.product_name},
            {"product_version", r.product_version},
            {"vendor_name", r.vendor_name},
            {"vendor_organisation_id", or_null(r.vendor_organisation_id)},
            {"contract_start", or_null(r.contract_start)},
            {"contract_end", or_null(r.contract_end)},
            {"maintenance_contract", r.maintenance_contract},
            {"subcontracting", r.subcontracting},
            {"data_location", r.data_location},
            {"remote_maintenance", r.remote_maintenance},
            {"remote_method", or_null(r.remote_method)},
            {"remote_method_note", r.remote_method_note},
            {"remote_device", r.remote_device},
            {"connection_point", r.connection_point},
            {"backup_responsibility", r.backup_responsibility},
            {"note", r.note}};
}

SystemRecord record_from_json(const json& j) {
    SystemRecord r;
    r.kind = j.value("kind", "");
    r.name = j.value("name", "");
    r.product_name = j.value("product_name", "");
    r.product_version = j.value("product_version", "");
    r.vendor_name = j.value("vendor_name", "");
    if (const auto vendor = j.find("vendor_organisation_id"); vendor != j.end() && vendor->is_number_integer())
        r.vendor_organisation_id = vendor->get<std::int64_t>();
    r.contract_start = text_or_null(j, "contract_start");
    r.contract_end = text_or_null(j, "contract_end");
    r.maintenance_contract = j.value("maintenance_contract", false);
    r.subcontracting = j.value("subcontracting", false);
    r.data_location = j.value("data_location", "on_premises");
    r.remote_maintenance = j.value("remote_maintenance", false);
    r.remote_method = text_or_null(j, "remote_method");
    r.remote_method_note = j.value("remote_method_note", "");
    r.remote_device = j.value("remote_device", "");
    r.connection_point = j.value("connection_point", "");
    r.backup_responsibility = j.value("backup_responsibility", "institution");
    r.note = j.value("note", "");
    return r;
}

}  // namespace mamori::vendors

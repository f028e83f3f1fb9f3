#include "mamori/vendors/system_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "mamori/core/field_problems.hpp"
#include "mamori/core/time.hpp"

namespace mamori::vendors {

namespace {

// Problems: the field problems of a system record, dates among them.
class Problems : public FieldProblems {
  public:
    std::optional<std::chrono::year_month_day> date(const std::string& field,
                                                    const std::optional<std::string>& value) {
        if (!value) return std::nullopt;
        auto parsed = parse_iso_date(*value);
        if (!parsed) add(field, "a date is written YYYY-MM-DD");
        return parsed;
    }
};

}  // namespace

Status check_system_record(const SystemRecord& r, std::span<const SystemKind> kinds) {
    Problems p;
    if (find_system_kind(kinds, r.kind) == nullptr) p.add("kind", "not a kind of system this register knows");
    p.text("name", r.name, kMaxSystemName, true);
    p.text("product_name", r.product_name, kMaxProductText);
    p.text("product_version", r.product_version, kMaxProductText);
    p.text("vendor_name", r.vendor_name, kMaxVendorName);
    if (r.vendor_organisation_id && *r.vendor_organisation_id <= 0)
        p.add("vendor_organisation_id", "not an organisation id");
    const auto start = p.date("contract_start", r.contract_start);
    const auto end = p.date("contract_end", r.contract_end);
    if (start && end && *end < *start) p.add("contract_end", "the contract cannot end before it starts");
    if (!one_of(kDataLocations, r.data_location))
        p.add("data_location", fmt::format("one of {}", listed(kDataLocations)));
    if (r.remote_method && !one_of(kRemoteMethods, *r.remote_method))
        p.add("remote_method", fmt::format("one of {}", listed(kRemoteMethods)));
    p.text("remote_method_note", r.remote_method_note, kMaxRemoteText);
    p.text("remote_device", r.remote_device, kMaxRemoteText);
    p.text("connection_point", r.connection_point, kMaxRemoteText);
    if (r.remote_maintenance) {
        if (!r.remote_method) p.add("remote_method", "say how the vendor connects for remote maintenance");
        if (r.remote_method == "other" && r.remote_method_note.empty())
            p.add("remote_method_note", "say what the other method is");
    } else {
        if (r.remote_method) p.add("remote_method", "a method only when there is remote maintenance");
        if (!r.remote_method_note.empty())
            p.add("remote_method_note", "a method only when there is remote maintenance");
        if (!r.remote_device.empty())
            p.add("remote_device", "a device only when there is remote maintenance");
        if (!r.connection_point.empty())
            p.add("connection_point", "a connection point only when there is remote maintenance");
    }
    if (!one_of(kBackupResponsibilities, r.backup_responsibility))
        p.add("backup_responsibility", fmt::format("one of {}", listed(kBackupResponsibilities)));
    p.text("note", r.note, 1000);
    return p.status();
}

std::vector<std::string> changed_fields(const SystemRecord& a, const SystemRecord& b) {
    std::vector<std::string> out;
    const auto check = [&](bool same, const char* name) {
        if (!same) out.emplace_back(name);
    };
    check(a.kind == b.kind, "kind");
    check(a.name == b.name, "name");
    check(a.product_name == b.product_name, "product_name");
    check(a.product_version == b.product_version, "product_version");
    check(a.vendor_name == b.vendor_name, "vendor_name");
    check(a.vendor_organisation_id == b.vendor_organisation_id, "vendor_organisation_id");
    check(a.contract_start == b.contract_start, "contract_start");
    check(a.contract_end == b.contract_end, "contract_end");
    check(a.maintenance_contract == b.maintenance_contract, "maintenance_contract");
    check(a.subcontracting == b.subcontracting, "subcontracting");
    check(a.data_location == b.data_location, "data_location");
    check(a.remote_maintenance == b.remote_maintenance, "remote_maintenance");
    check(a.remote_method == b.remote_method, "remote_method");
    check(a.remote_method_note == b.remote_method_note, "remote_method_note");
    check(a.remote_device == b.remote_device, "remote_device");
    check(a.connection_point == b.connection_point, "connection_point");
    check(a.backup_responsibility == b.backup_responsibility, "backup_responsibility");
    check(a.note == b.note, "note");
    return out;
}

}  // namespace mamori::vendors

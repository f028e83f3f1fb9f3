#include "systems_register_records.hpp"

#include <fmt/format.h>

#include "identity_records.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::systems_records {

namespace {

using nlohmann::json;

constexpr std::string_view kColumns =
    "id, organisation_id, kind, name, product_name, product_version, vendor_organisation_id, vendor_name, "
    "contract_start, contract_end, maintenance_contract, subcontracting, data_location, remote_maintenance, "
    "remote_method, remote_method_note, remote_device, connection_point, backup_responsibility, note, status, "
    "version, created_at, updated_at";

std::optional<long long> vendor_id(const vendors::SystemRecord& r) {
    return r.vendor_organisation_id ? std::optional<long long>(*r.vendor_organisation_id) : std::nullopt;
}

RegisteredSystem read(const soci::row& r) {
    RegisteredSystem s;
    s.id = store::int64_at(r, 0);
    s.organisation_id = store::int64_at(r, 1);
    auto& v = s.record;
    v.kind = r.get<std::string>(2);
    v.name = r.get<std::string>(3);
    v.product_name = r.get<std::string>(4);
    v.product_version = r.get<std::string>(5);
    v.vendor_organisation_id = store::optional_int64_at(r, 6);
    v.vendor_name = r.get<std::string>(7);
    v.contract_start = store::optional_text_at(r, 8);
    v.contract_end = store::optional_text_at(r, 9);
    v.maintenance_contract = store::int64_at(r, 10) != 0;
    v.subcontracting = store::int64_at(r, 11) != 0;
    v.data_location = r.get<std::string>(12);
    v.remote_maintenance = store::int64_at(r, 13) != 0;
    v.remote_method = store::optional_text_at(r, 14);
    v.remote_method_note = r.get<std::string>(15);
    v.remote_device = r.get<std::string>(16);
    v.connection_point = r.get<std::string>(17);
    v.backup_responsibility = r.get<std::string>(18);
    v.note = r.get<std::string>(19);
    s.status = r.get<std::string>(20);
    s.version = static_cast<int>(store::int64_at(r, 21));
    s.created_at = r.get<std::string>(22);
    s.updated_at = r.get<std::string>(23);
    return s;
}

void insert_version(soci::session& sql, std::int64_t system_id, int version, const std::string& action,
                    const vendors::SystemRecord& record, const std::string& status,
                    const std::vector<std::string>& changed, std::optional<std::int64_t> user_id,
                    const std::string& at) {
    const long long id = system_id, number = version;
    json snapshot = vendors::record_json(record);
    snapshot["status"] = status;
    const std::optional<long long> user =
        user_id && *user_id > 0 ? std::optional<long long>(*user_id) : std::nullopt;
    store::execute(sql,
                   "INSERT INTO system_versions (system_id, version, action, snapshot, changed_fields, user_id, "
                   "at) VALUES (:s, :v, :a, :sn, :c, :u, :at)",
                   id, number, action, snapshot.dump(), json(changed).dump(), user, at);
}

}  // namespace

std::optional<RegisteredSystem> find_system(soci::session& sql, std::int64_t id) {
    const long long key = id;
    for (const auto& r : store::query(sql, fmt::format("SELECT {} FROM systems WHERE id = :id", kColumns), key))
        return read(r);
    return std::nullopt;
}

std::vector<RegisteredSystem> systems_of(soci::session& sql, std::int64_t organisation_id) {
    std::vector<RegisteredSystem> out;
    const long long org = organisation_id;
    for (const auto& r : store::query(
             sql, fmt::format("SELECT {} FROM systems WHERE organisation_id = :o ORDER BY id", kColumns), org))
        out.push_back(read(r));
    return out;
}

std::vector<SystemVersion> versions_of(soci::session& sql, std::int64_t system_id) {
    std::vector<SystemVersion> out;
    const long long id = system_id;
    for (const auto& r : store::query(sql,
                                      "SELECT v.version, v.action, v.changed_fields, COALESCE(u.display_name, ''), "
                                      "v.at, v.snapshot FROM system_versions v LEFT JOIN users u ON u.id = "
                                      "v.user_id WHERE v.system_id = :s ORDER BY v.version DESC",
                                      id)) {
        SystemVersion v;
        v.version = static_cast<int>(store::int64_at(r, 0));
        v.action = r.get<std::string>(1);
        const json changed = json::parse(r.get<std::string>(2), nullptr, false);
        if (changed.is_array())
            for (const auto& f : changed)
                if (f.is_string()) v.changed_fields.push_back(f.get<std::string>());
        v.by = r.get<std::string>(3);
        v.at = r.get<std::string>(4);
        const json snapshot = json::parse(r.get<std::string>(5), nullptr, false);
        if (snapshot.is_object()) v.record = vendors::record_from_json(snapshot);
        out.push_back(std::move(v));
    }
    return out;
}

std::int64_t insert_system(soci::session& sql, std::int64_t organisation_id, const vendors::SystemRecord& r,
                           std::optional<std::int64_t> user_id) {
    const long long org = organisation_id;
    const std::optional<long long> user =
        user_id && *user_id > 0 ? std::optional<long long>(*user_id) : std::nullopt;
    const std::string now = records::iso_now();
    long long id = 0;
    for (const auto& row : store::query(
             sql,
             "INSERT INTO systems (organisation_id, kind, name, product_name, product_version, vendor_name, "
             "vendor_organisation_id, "
             "contract_start, contract_end, maintenance_contract, subcontracting, data_location, "
             "remote_maintenance, remote_method, remote_method_note, remote_device, connection_point, "
             "backup_responsibility, note, status, version, created_by, created_at, updated_by, updated_at) "
             "VALUES (:o, :k, :n, :pn, :pv, :vn, :vo, :cs, :ce, :mc, :sc, :dl, :rm, :rmm, :rmn, :rd, :cp, :br, :note, "
             "'in_use', 1, :cb, :ca, :ub, :ua) RETURNING id",
             org, r.kind, r.name, r.product_name, r.product_version, r.vendor_name, vendor_id(r), r.contract_start,
             r.contract_end, r.maintenance_contract, r.subcontracting, r.data_location, r.remote_maintenance,
             r.remote_method, r.remote_method_note, r.remote_device, r.connection_point, r.backup_responsibility,
             r.note, user, now, user, now))
        id = store::int64_at(row, 0);
    insert_version(sql, id, 1, "created", r, "in_use", {}, user_id, now);
    return id;
}

bool update_system(soci::session& sql, std::int64_t id, int version, const vendors::SystemRecord& r,
                   const std::string& status, const std::string& action, const std::vector<std::string>& changed,
                   std::optional<std::int64_t> user_id) {
    const long long key = id, previous = version, next = version + 1;
    const std::optional<long long> user =
        user_id && *user_id > 0 ? std::optional<long long>(*user_id) : std::nullopt;
    const std::string now = records::iso_now();
    const auto updated = store::execute(
        sql,
        "UPDATE systems SET kind = :k, name = :n, product_name = :pn, product_version = :pv, vendor_name = :vn, "
        "vendor_organisation_id = :vo, contract_start = :cs, contract_end = :ce, maintenance_contract = :mc, subcontracting = :sc, "
        "data_location = :dl, remote_maintenance = :rm, remote_method = :rmm, remote_method_note = :rmn, "
        "remote_device = :rd, connection_point = :cp, backup_responsibility = :br, note = :note, status = :st, "
        "version = :v, updated_by = :ub, updated_at = :ua WHERE id = :id AND version = :previous",
        r.kind, r.name, r.product_name, r.product_version, r.vendor_name, vendor_id(r), r.contract_start,
        r.contract_end,
        r.maintenance_contract, r.subcontracting, r.data_location, r.remote_maintenance, r.remote_method,
        r.remote_method_note, r.remote_device, r.connection_point, r.backup_responsibility, r.note, status, next,
        user, now, key, previous);
    if (updated != 1) return false;
    insert_version(sql, id, version + 1, action, r, status, changed, user_id, now);
    return true;
}

}  // namespace mamori::services::systems_records

#include "vendor_scope.hpp"

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::vendor_scope {

namespace {

constexpr const char* kVendorSystems =
    "SELECT s.id, s.organisation_id, o.name, s.kind, s.name, s.product_name, s.product_version, s.status "
    "FROM systems s JOIN organisations o ON o.id = s.organisation_id "
    "JOIN vendor_links l ON l.institution_organisation_id = s.organisation_id "
    "AND l.vendor_organisation_id = s.vendor_organisation_id AND l.ended_at IS NULL "
    "WHERE s.vendor_organisation_id = :vendor";

VendorSystem read(const soci::row& r) {
    VendorSystem s;
    s.system_id = store::int64_at(r, 0);
    s.institution_id = store::int64_at(r, 1);
    s.institution_name = r.get<std::string>(2);
    s.kind = r.get<std::string>(3);
    s.name = r.get<std::string>(4);
    s.product_name = r.get<std::string>(5);
    s.product_version = r.get<std::string>(6);
    s.status = r.get<std::string>(7);
    return s;
}

}  // namespace

bool is_linked_vendor(soci::session& sql, std::int64_t institution, std::int64_t vendor) {
    const long long i = institution, v = vendor;
    for (const auto& row : store::query(sql,
                                        "SELECT 1 FROM vendor_links WHERE institution_organisation_id = :i AND "
                                        "vendor_organisation_id = :v AND ended_at IS NULL",
                                        i, v)) {
        (void)row;
        return true;
    }
    return false;
}

std::optional<VendorSystem> system_run_by(soci::session& sql, std::int64_t vendor, std::int64_t system_id) {
    const long long v = vendor, id = system_id;
    for (const auto& row : store::query(sql, std::string(kVendorSystems) + " AND s.id = :id", v, id))
        return read(row);
    return std::nullopt;
}

std::vector<VendorSystem> systems_run_by(soci::session& sql, std::int64_t vendor) {
    const long long v = vendor;
    std::vector<VendorSystem> out;
    for (const auto& row : store::query(sql, std::string(kVendorSystems) + " ORDER BY o.name, s.name, s.id", v))
        out.push_back(read(row));
    return out;
}

}  // namespace mamori::services::vendor_scope

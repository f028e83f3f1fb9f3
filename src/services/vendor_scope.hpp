// What a vendor may see of its customers: the institutions that linked it and, of each, only the systems it
// runs (the system names the vendor organisation and the link is not ended). Shared by every vendor-facing
// service; inside the caller's session, no roles checked here.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mamori::services::vendor_scope {

// is_linked_vendor: `vendor` is a vendor organisation `institution` has linked (and not unlinked).
bool is_linked_vendor(soci::session& sql, std::int64_t institution, std::int64_t vendor);

// VendorSystem: a customer's system as its vendor sees it.
struct VendorSystem {
    std::int64_t system_id = 0;
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::string kind;  // a code of the system kinds
    std::string name;
    std::string product_name;
    std::string product_version;
    std::string status;  // in_use, retired
};

// system_run_by: system `system_id` when `vendor` runs it for an institution that links the vendor.
std::optional<VendorSystem> system_run_by(soci::session& sql, std::int64_t vendor, std::int64_t system_id);

// systems_run_by: every such system, by institution name then system name.
std::vector<VendorSystem> systems_run_by(soci::session& sql, std::int64_t vendor);

}  // namespace mamori::services::vendor_scope

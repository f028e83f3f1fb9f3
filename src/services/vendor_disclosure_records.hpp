// The rows of vendor_disclosures and what they are joined with, for VendorDisclosures (no access checks).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/services/vendor_disclosures.hpp"

namespace mamori::services::disclosure_records {

// StoredDisclosure: a row with the product's vendor and the blob's key; `disclosure.state` is not set.
struct StoredDisclosure {
    Disclosure disclosure;
    std::int64_t vendor_id = 0;
    std::string sha256;
};

std::optional<StoredDisclosure> find(soci::session& sql, std::int64_t id);
// of_vendor / of_product: newest first.
std::vector<StoredDisclosure> of_vendor(soci::session& sql, std::int64_t vendor);
std::vector<StoredDisclosure> of_product(soci::session& sql, std::int64_t product);
// of_institution: every upload of the products of the institution's systems, newest first (one query).
std::vector<StoredDisclosure> of_institution(soci::session& sql, std::int64_t institution);

struct Product {
    std::int64_t id = 0;
    std::int64_t vendor_id = 0;
    std::string name;
    std::string note;
    int systems = 0;
};
std::optional<Product> find_product(soci::session& sql, std::int64_t id);
std::vector<Product> products_of(soci::session& sql, std::int64_t vendor);  // by name

std::int64_t insert(soci::session& sql, std::int64_t product, const DisclosureUpload& upload,
                    const std::string& file_name, const std::string& sha256, std::int64_t user);
void mark_withdrawn(soci::session& sql, std::int64_t id, const std::string& reason, std::int64_t user);

// InstitutionSystem: a system in use of an institution with its linked vendor and product, if any.
struct InstitutionSystem {
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    std::optional<std::int64_t> vendor_id;  // only when the vendor organisation is linked
    std::string vendor_name;
    std::optional<std::int64_t> product_id;  // only a product of that vendor
    std::string product_name;
};
std::vector<InstitutionSystem> institution_systems(soci::session& sql, std::int64_t institution);

// institution_may_read: a system in use of `institution` is product `product`, run by its linked vendor.
bool institution_may_read(soci::session& sql, std::int64_t institution, std::int64_t product);

}  // namespace mamori::services::disclosure_records

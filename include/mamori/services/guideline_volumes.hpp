/// @file
/// @brief An institution's answer to Guideline 第7.0版 保守委託機関編 図1 (is every server's security update
/// the vendor's responsibility by contract?) and the volumes that apply to it (catalog::gl7_volumes_for).
/// Whoever reads the institution reads it; its administrators and security managers record it. Each change is
/// audited with the value before and after.
///
///     auto v = services::guideline_volumes(db, catalog, caller, org_id);
#pragma once

#include <cstdint>
#include <optional>

#include "mamori/audit/audit_log.hpp"
#include "mamori/catalog/guideline_volumes.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// GuidelineVolume: a volume of the guideline that applies.
struct GuidelineVolume {
    std::string id;
    std::string title_ja;
};

// InstitutionGuideline: the recorded answer and what follows from it.
struct InstitutionGuideline {
    std::optional<catalog::VendorUpdateResponsibility> answer;  // nullopt: not recorded yet
    catalog::ApplicableVolumes applicable;
    std::string guideline_title_ja;
    std::vector<GuidelineVolume> volumes;  // `applicable.volumes` with their titles
    bool may_edit = false;
};

// guideline_volumes: not_found unless the caller may read the organisation and it is an institution.
Result<InstitutionGuideline> guideline_volumes(store::Database& db, const CatalogService& catalog,
                                               const identity::Caller& caller, std::int64_t organisation_id);

// set_vendor_update_responsibility: records `answer` (nullopt clears it); forbidden for anyone but the
// institution's administrators and security managers.
Result<InstitutionGuideline> set_vendor_update_responsibility(
    store::Database& db, const CatalogService& catalog, const identity::Caller& caller,
    std::int64_t organisation_id, std::optional<catalog::VendorUpdateResponsibility> answer,
    const audit::Context& context);

}  // namespace mamori::services

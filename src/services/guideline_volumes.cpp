#include "mamori/services/guideline_volumes.hpp"

#include <fmt/format.h>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using catalog::VendorUpdateResponsibility;

std::optional<VendorUpdateResponsibility> stored_answer(soci::session& sql, std::int64_t organisation_id) {
    for (const auto& r : store::query(
             sql, "SELECT vendor_update_responsibility FROM organisations WHERE id = :id", organisation_id))
        if (auto text = store::optional_text_at(r, 0))
            return catalog::parse_vendor_update_responsibility(*text);
    return std::nullopt;
}

nlohmann::json answer_json(const std::optional<VendorUpdateResponsibility>& a) {
    return a ? nlohmann::json(catalog::to_string(*a)) : nlohmann::json(nullptr);
}

InstitutionGuideline describe(const CatalogService& catalog, std::optional<VendorUpdateResponsibility> answer,
                              bool may_edit) {
    InstitutionGuideline out;
    out.answer = answer;
    out.applicable = catalog::gl7_volumes_for(answer);
    out.may_edit = may_edit;
    const auto snapshot = catalog.snapshot()->catalog_ptr();
    const catalog::Guideline* guideline = snapshot->find_guideline(catalog::kGuideline7);
    if (guideline) out.guideline_title_ja = guideline->json.value("title_ja", std::string{});
    for (const auto& id : out.applicable.volumes) {
        const catalog::GuidelineEntry* entry = guideline ? guideline->find(id) : nullptr;
        out.volumes.push_back({id, entry && entry->title_ja ? *entry->title_ja : id});
    }
    return out;
}

// institution: the organisation when the caller may read it and it is an institution.
Result<records::OrganisationRecord> institution(soci::session& sql, const identity::Caller& caller,
                                                std::int64_t organisation_id) {
    auto org = records::find_organisation(sql, organisation_id);
    if (!org || !identity::is_institution(org->ref.kind) ||
        !identity::can_read_organisation(caller, org->ref))
        return fail(ErrorCode::not_found, fmt::format("no institution {}", organisation_id));
    return std::move(*org);
}

}  // namespace

Result<InstitutionGuideline> guideline_volumes(store::Database& db, const CatalogService& catalog,
                                               const identity::Caller& caller, std::int64_t organisation_id) {
    auto lease = db.acquire();
    auto org = institution(*lease, caller, organisation_id);
    if (!org) return fail(org.error());
    return describe(catalog, stored_answer(*lease, organisation_id),
                    identity::can_submit_assessment(caller, org->ref) && identity::allows_write(caller));
}

Result<InstitutionGuideline> set_vendor_update_responsibility(
    store::Database& db, const CatalogService& catalog, const identity::Caller& caller,
    std::int64_t organisation_id, std::optional<VendorUpdateResponsibility> answer,
    const audit::Context& context) {
    return db.transaction([&](soci::session& sql) -> Result<InstitutionGuideline> {
        records::lock_organisation(sql, organisation_id);
        auto org = institution(sql, caller, organisation_id);
        if (!org) return fail(org.error());
        if (!identity::can_submit_assessment(caller, org->ref) || !identity::allows_write(caller))
            return fail(ErrorCode::forbidden,
                        "only the institution's administrators and security managers record its maintenance "
                        "contract");
        const auto before = stored_answer(sql, organisation_id);
        if (before != answer) {
            const std::optional<std::string> text =
                answer ? std::optional<std::string>(std::string(catalog::to_string(*answer))) : std::nullopt;
            store::execute(sql, "UPDATE organisations SET vendor_update_responsibility = :v WHERE id = :id",
                           text, organisation_id);
            auto entry =
                audit::caller_entry(caller, "organisation.vendor_update_responsibility",
                                    fmt::format("organisation:{}", organisation_id),
                                    {{"before", answer_json(before)}, {"after", answer_json(answer)}});
            entry.organisation_id = organisation_id;
            audit::append(sql, entry, context);
        }
        return describe(catalog, answer, true);
    });
}

}  // namespace mamori::services

/// @file
/// @brief The institution's registers beside its checklist: for the vendor items (2-② remote maintenance,
/// 2-③ MDS/SDS, every item 記入不要 without a vendor contract) and 2-①/2-⑥ what the systems register and the
/// device ledger say; for 3-①②③ what the preparedness records say; and where the answers contradict them.
/// Only the institution's own users (the registers are theirs); anyone else not_found.
///
///     auto context = checklist_register_context(assessments, db, caller, assessment_id);
///     auto prepared = checklist_preparedness_context(assessments, db, caller, assessment_id);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/preparedness/checklist_context.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/store/database.hpp"
#include "mamori/vendors/register_context.hpp"

namespace mamori::services {

// ChecklistRegisterContext: the facts and, per item, the warnings.
struct ChecklistRegisterContext {
    vendors::RegisterFacts facts;
    bool has_vendor_contract = true;
    std::vector<vendors::ItemContext> items;
};

// register_facts: the facts of the institution's register (systems in use; MDS/SDS as the vendors gave them).
vendors::RegisterFacts register_facts(soci::session& sql, std::int64_t institution);

// ChecklistPreparednessContext: the preparedness records' facts and, for IR-01..03, the warnings.
struct ChecklistPreparednessContext {
    preparedness::ChecklistFacts facts;
    std::vector<preparedness::ChecklistItemContext> items;
};

Result<ChecklistPreparednessContext> checklist_preparedness_context(AssessmentService& assessments,
                                                                    store::Database& db,
                                                                    const identity::Caller& caller,
                                                                    std::int64_t assessment_id);

Result<ChecklistRegisterContext> checklist_register_context(AssessmentService& assessments, store::Database& db,
                                                            const identity::Caller& caller,
                                                            std::int64_t assessment_id);

}  // namespace mamori::services

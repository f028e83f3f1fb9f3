/// @file
/// @brief The systems register beside the institution's checklist: for the vendor items (2-② remote
/// maintenance, 2-③ MDS/SDS, every item 記入不要 without a vendor contract) what the register says and where
/// the answers contradict it. Only the institution's own users (the register is theirs); anyone else
/// not_found.
///
///     auto context = checklist_register_context(assessments, db, caller, assessment_id);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
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

Result<ChecklistRegisterContext> checklist_register_context(AssessmentService& assessments, store::Database& db,
                                                            const identity::Caller& caller,
                                                            std::int64_t assessment_id);

}  // namespace mamori::services

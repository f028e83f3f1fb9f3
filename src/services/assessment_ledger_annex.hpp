// The device ledger and its findings as the checklist's PDF annex prints them (2-①, 2-⑥). Inside the caller's
// session; the caller has already been allowed to read the assessment.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>

#include "mamori/documents/assessment_document.hpp"

namespace mamori::services {

// ledger_annex: the institution's ledger on this day; nullopt when it has no device in use.
std::optional<documents::DocumentLedgerSummary> ledger_annex(soci::session& sql, std::int64_t institution);

}  // namespace mamori::services

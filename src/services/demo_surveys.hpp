// The survey module's demo data (issue 18, item 3): the hospital persona's draft of the current version of
// the MHLW hospital questionnaire, and submitted responses of the national sample's hospitals to every
// version, deterministic, with yes-rates that roughly follow the published figures by bed band.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <cstddef>
#include <string>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_persona_survey_draft: a draft of mhlw-hospital 2026 for the caller's institution (half answered),
// unless it has a response to that version already.
Status create_persona_survey_draft(store::Database& db, const identity::Caller& hospital, const audit::Context& context);

// write_survey_sample: submitted responses of the hospitals among the organisations `in_sample` selects
// (an SQL condition on organisations o), written with multi-row inserts inside the caller's transaction;
// versions that open after `today` get none. Returns the number of responses.
std::size_t write_survey_sample(soci::session& sql, const std::string& in_sample, std::chrono::year_month_day today);

}  // namespace mamori::services

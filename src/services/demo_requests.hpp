// The inspections' improvement requests in the demo (demo_requests.cpp), called from the personas' content.
#pragma once

#include "mamori/core/error.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// create_request_demo: デモ総合病院's inspection of last fiscal year by デモ区保健所 (done, with its result
// and two findings): one request answered with a plan, completed with evidence and closed, and one with a
// plan submitted whose due date is two weeks ahead; and this year's notified visit when the plan made none.
// Made only when the hospital has no inspection of last fiscal year.
Status create_request_demo(store::Database& db, AssessmentService& assessments);

}  // namespace mamori::services

// Direct writes of institutions with one checklist of the medical form, for the statistics API tests: each test
// keeps its own hand-made list and its own expected counts; this is only how the list reaches the database.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace mamori::testing {

struct SeededAnswer {
    std::string item;  // canonical id; the row is "main"
    std::string value;
    std::string confirmed_on;
    std::optional<std::string> target_date;  // 目標日 of an いいえ
    bool needs_reconfirmation = false;       // carried from last year, not confirmed
};

struct SeededChecklist {
    std::string kind = "hospital";
    std::string name;
    std::string prefecture;
    int beds = 0;
    int fiscal_year = 0;
    std::string edition;
    std::string status = "submitted";
    std::vector<SeededAnswer> answers;
};

// seed_institution: an institution of `kind` in `prefecture` with `beds`; its id.
long long seed_institution(soci::session& sql, const std::string& kind, const std::string& name,
                           const std::string& prefecture, int beds);

// seed_checklist: the institution, its checklist and the checklist's answers.
void seed_checklist(soci::session& sql, const SeededChecklist& checklist);

}  // namespace mamori::testing

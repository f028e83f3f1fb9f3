// The in-memory records of StatisticsSnapshot (statistics_snapshot.cpp counts them, statistics_loading.cpp
// reads them from the database).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "mamori/identity/caller.hpp"
#include "mamori/inspection/bed_band.hpp"
#include "mamori/services/statistics_snapshot.hpp"

namespace mamori::services {

// ChecklistFacts: one checklist. values[slot]: 0 unanswered, 1 はい, 2 いいえ, 3 記入不要 — the answer in effect
// (the gate and the vendor contract applied; an answer carried from last year and not confirmed again counts
// as unanswered).
struct ChecklistFacts {
    std::int16_t fiscal_year = 0;
    std::uint8_t form = 0;  // 1 medical, 2 pharmacy
    bool submitted = false;
    bool complete = false;  // every line answered and confirmed this year
    std::vector<std::uint8_t> values;
    std::vector<std::pair<std::uint16_t, std::int32_t>> no_targets;  // (slot, 目標日 in days since 1970) of いいえ
};

struct InstitutionFacts {
    std::int64_t id = 0;
    bool present = false;  // false once the organisation is gone or no longer an institution
    identity::OrgKind kind = identity::OrgKind::hospital;
    std::string prefecture;
    int prefecture_number = 0;  // the code as a number, 0 when none
    std::int64_t health_centre = 0;  // 0: none covers its municipality
    std::optional<inspection::BedBand> bed_band;
    bool ehr = false;
    std::vector<ChecklistFacts> checklists;
};

struct HealthCentreFacts {
    std::string name;
    std::string prefecture;
    int prefecture_number = 0;  // the code as a number, 0 when none
};

struct StatisticsSnapshot::Facts {
    std::vector<InstitutionFacts> institutions;
    std::unordered_map<std::int64_t, std::size_t> position;  // organisation id → index in institutions
    // (form, canonical id, row) → index into ChecklistFacts::values; slots are only ever added.
    std::map<std::tuple<std::string, std::string, std::string>, std::uint16_t> slots;
    std::map<std::string, statistics::LocalText> prefecture_names;
    std::map<std::int64_t, HealthCentreFacts> health_centres;
    std::unordered_map<std::string, std::int64_t> centre_of_municipality;

    std::map<std::uint8_t, std::set<int>> years_of_form;  // form code → fiscal years with a checklist

    std::int64_t last_change = 0;                // the highest change-log id read
    std::map<std::int64_t, std::chrono::steady_clock::time_point> missing_changes;  // ids below it not seen
    std::chrono::system_clock::time_point refreshed_at;
};

}  // namespace mamori::services

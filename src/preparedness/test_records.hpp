// Test records shared by the preparedness rules' tests: a complete set, checked as the service would store it.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "mamori/preparedness/records.hpp"

namespace mamori::preparedness::test_records {

using nlohmann::json;
using namespace std::chrono;

inline constexpr year_month_day kToday{year(2026), month(12), day(7)};

inline StoredRecord checked(std::int64_t id, RecordKind kind, const json& body) {
    auto r = check_record(kind, body, builtin_reference(), kToday);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return {id, kind, r ? *r : json::object()};
}

// A complete set: a chart reviewed within the year with both required roles and bodies, a backup with an
// offline copy and a successful restore test, a drill within the year, a closed incident.
inline std::vector<StoredRecord> complete() {
    return {
        checked(1, RecordKind::chart, {{"reviewed_on", "2026-04-01"}, {"reviewer", "院長"}}),
        checked(2, RecordKind::contact, {{"kind", "internal"}, {"role", "manager"}}),
        checked(3, RecordKind::contact, {{"kind", "internal"}, {"role", "security_officer"}}),
        checked(4, RecordKind::contact,
                {{"kind", "external"}, {"body", "ministry"}, {"organisation_name", "厚労省"}}),
        checked(5, RecordKind::contact,
                {{"kind", "external"}, {"body", "police"}, {"organisation_name", "県警"}}),
        checked(6, RecordKind::backup,
                {{"system_name", "電子カルテ"},
                 {"what", "DB"},
                 {"frequency", "daily"},
                 {"offline_copy", true},
                 {"offline_form", "separate_media"}}),
        checked(7, RecordKind::restore_test,
                {{"backup_id", 6}, {"tested_on", "2025-12-07"}, {"restored", "DB"}, {"result", "success"}}),
        checked(8, RecordKind::drill, {{"held_on", "2025-12-07"}, {"scenario", "records_unavailable"}}),
        checked(9, RecordKind::incident,
                {{"title", "t"},
                 {"detected_at", "2026-01-05"},
                 {"status", "closed"},
                 {"closed_at", "2026-01-20"}}),
    };
}

inline std::vector<StoredRecord> without(std::vector<StoredRecord> records, std::int64_t id) {
    std::erase_if(records, [&](const StoredRecord& r) { return r.id == id; });
    return records;
}

inline std::vector<StoredRecord> with(std::vector<StoredRecord> records, StoredRecord r) {
    records.push_back(std::move(r));
    return records;
}

}  // namespace mamori::preparedness::test_records

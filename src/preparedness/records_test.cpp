#include "mamori/preparedness/records.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mamori/core/embedded.hpp"

namespace mamori::preparedness {
namespace {

using nlohmann::json;
using namespace std::chrono;

constexpr year_month_day kToday{year(2026), month(12), day(7)};

const Reference& ref() {
    return builtin_reference();
}

std::vector<std::string> fields_of(const Result<json>& r) {
    std::vector<std::string> out;
    if (!r)
        for (const auto& f : r.error().fields) out.push_back(f.field);
    return out;
}

TEST(PreparednessReference, EmbeddedFileHasTheRequiredRolesBodiesAndScenarios) {
    std::vector<std::string> required;
    for (const auto& c : ref().internal_roles)
        if (c.required) required.push_back(c.code);
    for (const auto& c : ref().external_bodies)
        if (c.required) required.push_back(c.code);
    EXPECT_EQ(required, (std::vector<std::string>{"manager", "security_officer", "ministry", "police"}));
    std::vector<std::string> scenarios;
    for (const auto& c : ref().scenarios) scenarios.push_back(c.code);
    EXPECT_EQ(scenarios, (std::vector<std::string>{"records_unavailable", "staff_cannot_communicate",
                                                   "devices_inoperable", "other"}));
    for (const auto& c : ref().scenarios) EXPECT_FALSE(c.source.empty()) << c.code;
}

TEST(PreparednessReference, RefusesAFileNamingEachProblem) {
    const auto parsed = parse_reference(
        "p.json",
        R"({"format":"mamori.preparedness","format_version":1,"internal_roles":[{"code":"A b","label_ja":"x",)"
        R"("label_en":"x","source":"s","confidence":"mamori","wording":"official"}],"external_bodies":[],)"
        R"("scenarios":[{"code":"x","label_ja":"x","label_en":"x","source":"s","confidence":"Q","wording":"mamori"}]})");
    ASSERT_FALSE(parsed);
    std::vector<std::string> fields;
    for (const auto& f : parsed.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields,
              (std::vector<std::string>{"p.json: internal_roles[0].code", "p.json: internal_roles[0].wording",
                                        "p.json: external_bodies", "p.json: scenarios[0].confidence"}));
}

struct Refusal {
    std::string name;
    RecordKind kind;
    json body;
    std::vector<std::string> fields;  // the fields named, in order
};

std::vector<Refusal> refusals() {
    return {
        {"drill in the future",
         RecordKind::drill,
         {{"held_on", "2026-12-08"}, {"scenario", "records_unavailable"}},
         {"held_on"}},
        {"drill without date or scenario", RecordKind::drill, json::object(), {"held_on", "scenario"}},
        {"drill other without text",
         RecordKind::drill,
         {{"held_on", "2026-06-01"}, {"scenario", "other"}},
         {"scenario_note"}},
        {"drill date not a day",
         RecordKind::drill,
         {{"held_on", "2026-02-30"}, {"scenario", "other"}, {"scenario_note", "x"}},
         {"held_on"}},
        {"internal contact with unknown role",
         RecordKind::contact,
         {{"kind", "internal"}, {"role", "boss"}},
         {"role"}},
        {"department without its name",
         RecordKind::contact,
         {{"kind", "internal"}, {"role", "department"}},
         {"department"}},
        {"vendor without system or name",
         RecordKind::contact,
         {{"kind", "vendor"}},
         {"system_name", "organisation_name"}},
        {"external with bad phone and email",
         RecordKind::contact,
         {{"kind", "external"},
          {"body", "police"},
          {"organisation_name", "県警"},
          {"phone", "call me"},
          {"email", "nobody"}},
         {"phone", "email"}},
        {"contact kind unknown", RecordKind::contact, {{"kind", "friend"}}, {"kind"}},
        {"name too long",
         RecordKind::contact,
         {{"kind", "internal"}, {"role", "manager"}, {"person_name", std::string(101, 'a')}},
         {"person_name"}},
        {"backup offline without form",
         RecordKind::backup,
         {{"system_name", "電子カルテ"}, {"what", "DB"}, {"frequency", "daily"}, {"offline_copy", true}},
         {"offline_form"}},
        {"backup form without offline copy",
         RecordKind::backup,
         {{"system_name", "電子カルテ"},
          {"what", "DB"},
          {"frequency", "daily"},
          {"offline_form", "logical_cloud"}},
         {"offline_form"}},
        {"backup missing what and frequency",
         RecordKind::backup,
         {{"system_name", "電子カルテ"}},
         {"what", "frequency"}},
        {"backup generations negative",
         RecordKind::backup,
         {{"system_name", "x"}, {"what", "DB"}, {"frequency", "other"}, {"generations", -1}},
         {"frequency_note", "generations"}},
        {"restore test in the future, bad result",
         RecordKind::restore_test,
         {{"backup_id", 1}, {"tested_on", "2027-01-01"}, {"restored", "DB"}, {"result", "ok"}},
         {"tested_on", "result"}},
        {"restore test without backup",
         RecordKind::restore_test,
         {{"tested_on", "2026-01-01"}, {"restored", "DB"}, {"result", "success"}, {"minutes", 1.5}},
         {"backup_id", "minutes"}},
        {"incident without title or time", RecordKind::incident, json::object(), {"title", "detected_at"}},
        {"incident event in the future and bad kind",
         RecordKind::incident,
         {{"title", "t"},
          {"detected_at", "2026-12-01T09:30"},
          {"events",
           {{{"kind", "detected"}, {"at", "2026-12-01T25:00"}}, {{"kind", "panic"}, {"at", "2026-12-09"}}}}},
         {"events[0].at", "events[1].kind", "events[1].at"}},
        {"incident closed without a time",
         RecordKind::incident,
         {{"title", "t"}, {"detected_at", "2026-12-01"}, {"status", "closed"}},
         {"closed_at"}},
        {"incident closed before detection",
         RecordKind::incident,
         {{"title", "t"}, {"detected_at", "2026-12-01"}, {"status", "closed"}, {"closed_at", "2026-11-30"}},
         {"closed_at"}},
        {"incident bad bcp row and unknown checklist item",
         RecordKind::incident,
         {{"title", "t"},
          {"detected_at", "2026-12-01"},
          {"bcp_rows", {"5-2", "five"}},
          {"checklist", {{{"item", "pray"}, {"done", true}}}}},
         {"checklist[0].item", "bcp_rows[1]"}},
        {"incident checklist who without done",
         RecordKind::incident,
         {{"title", "t"},
          {"detected_at", "2026-12-01"},
          {"checklist", {{{"item", "preserve_logs"}, {"by", "山田"}}}}},
         {"checklist[0].done"}},
        {"incident too many events",
         RecordKind::incident,
         {{"title", "t"},
          {"detected_at", "2026-12-01"},
          {"events", json(std::vector<json>(kMaxEvents + 1, {{"kind", "other"}, {"at", "2026-12-01"}}))}},
         {"events"}},
        {"chart reviewed tomorrow", RecordKind::chart, {{"reviewed_on", "2026-12-08"}}, {"reviewed_on"}},
    };
}

TEST(PreparednessRecords, RefusalsNameEachField) {
    for (const auto& c : refusals()) {
        const auto r = check_record(c.kind, c.body, ref(), kToday);
        EXPECT_FALSE(r) << c.name;
        EXPECT_EQ(fields_of(r), c.fields) << c.name;
    }
}

TEST(PreparednessRecords, DrillTodayIsAcceptedAndStoredWithDefaults) {
    const auto r = check_record(
        RecordKind::drill, {{"held_on", "2026-12-07"}, {"scenario", "devices_inoperable"}, {"unknown", 1}},
        ref(), kToday);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(*r, (json{{"held_on", "2026-12-07"},
                        {"scenario", "devices_inoperable"},
                        {"scenario_note", ""},
                        {"participants", ""},
                        {"problems", ""},
                        {"follow_ups", ""}}));
}

TEST(PreparednessRecords, IncidentChecklistHasEveryItemInOrder) {
    const auto r = check_record(
        RecordKind::incident,
        {{"title", "ランサムウェア"},
         {"detected_at", "2026-12-01T08:15"},
         {"checklist",
          {{{"item", "preserve_logs"}, {"done", true}, {"by", "山田"}, {"at", "2026-12-01T09:00"}}}},
         {"reports", {{{"to", "health_centre"}, {"at", "2026-12-02"}, {"reference", "受付123"}}}}},
        ref(), kToday);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ((*r)["checklist"].size(), std::size(kChecklistItems));
    std::vector<std::string> done;
    for (const auto& item : (*r)["checklist"])
        if (item["done"] == true) done.push_back(item["item"]);
    EXPECT_EQ(done, (std::vector<std::string>{"preserve_logs"}));
    EXPECT_EQ((*r)["checklist"][0]["item"], "disconnect_network");
    EXPECT_EQ((*r)["status"], "open");
    EXPECT_TRUE(reports_to_jurisdiction(*r));
    auto ministry_only = *r;
    ministry_only["reports"] = {{{"to", "ministry"}, {"at", "2026-12-02"}}};
    EXPECT_FALSE(reports_to_jurisdiction(ministry_only));
}

TEST(PreparednessRecords, RecordKindWordsRoundTrip) {
    for (const auto kind : {RecordKind::chart, RecordKind::contact, RecordKind::backup,
                            RecordKind::restore_test, RecordKind::drill, RecordKind::incident})
        EXPECT_EQ(parse_record_kind(to_string(kind)), kind);
    EXPECT_FALSE(parse_record_kind("restore-test"));
}

}  // namespace
}  // namespace mamori::preparedness

// inspection::due_condition and class_condition (frequency_sql.hpp) evaluated by the database (SQLite, or
// PostgreSQL with MAMORI_TEST_DATABASE) against inspection_class() and due_in() on a table of cases: every
// kind with and without a bed count, last inspections from never to this year, and several policies.
#include "mamori/inspection/frequency_sql.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "query_conditions.hpp"
#include "testing/temp_database.hpp"

namespace mamori::inspection {
namespace {

struct Institution {
    long long id = 0;
    std::string kind;
    std::optional<int> beds;
};

std::vector<Institution> insert_institutions(soci::session& sql) {
    std::vector<Institution> out;
    for (const std::string kind : {"hospital", "clinic", "dental_clinic", "pharmacy", "health_centre", "vendor"})
        for (const std::optional<int> beds : {std::optional<int>{}, std::optional<int>{0}, std::optional<int>{19}}) {
            const std::optional<long long> bound = beds ? std::optional<long long>(*beds) : std::nullopt;
            store::execute(sql,
                           "INSERT INTO organisations (kind, name, prefecture_code, beds_total, created_at) "
                           "VALUES (:k, :n, '13', :b, '2026-01-01T00:00:00Z')",
                           kind, fmt::format("{} {}", kind, beds ? std::to_string(*beds) : "?"), bound);
            long long id = 0;
            for (const auto& r : store::query(sql, "SELECT MAX(id) FROM organisations")) id = store::int64_at(r, 0);
            out.push_back({id, kind, beds});
        }
    return out;
}

FrequencyPolicy with(std::vector<std::pair<InspectionClass, std::optional<int>>> changes) {
    FrequencyPolicy policy = default_policy();
    for (const auto& [c, years] : changes)
        policy = *with_override(policy, {.inspection_class = c, .every_years = years});
    return policy;
}

TEST(InspectionDueCondition, TheDatabaseFindsDueExactlyWhatDueInFinds) {
    testing::TempDatabase temp(1);
    auto sql = temp.db().acquire();
    const auto institutions = insert_institutions(*sql);
    const std::vector<FrequencyPolicy> policies = {
        default_policy(),
        with({{InspectionClass::pharmacy, 2}, {InspectionClass::clinic_without_beds, 5}}),
        with({{InspectionClass::hospital, std::nullopt}, {InspectionClass::dental_clinic, 10}}),
        with({{InspectionClass::hospital, std::nullopt}, {InspectionClass::clinic_with_beds, std::nullopt}}),
    };
    const int fy = 2026;
    int due_cases = 0, cases = 0;
    for (std::size_t p = 0; p < policies.size(); ++p) {
        const auto condition = due_condition(policies[p], fy, "d.last");
        const std::string text = fmt::format(
            "SELECT COUNT(*) FROM organisations o CROSS JOIN (SELECT MAX(CAST(:last AS INTEGER)) AS last) d "
            "WHERE o.id = :id AND {}",
            condition.text);
        for (const auto& institution : institutions)
            for (const std::optional<int> last :
                 {std::optional<int>{}, std::optional<int>{fy - 12}, std::optional<int>{fy - 5},
                  std::optional<int>{fy - 3}, std::optional<int>{fy - 2}, std::optional<int>{fy - 1},
                  std::optional<int>{fy}}) {
                const auto c = inspection_class(institution.kind, institution.beds);
                const bool expected = c && due_in(policies[p], *c, last, fy).due == Due::due;
                // Bound as text, like the services bind them; `d.last` is an aggregate without a type, as there.
                std::vector<std::string> latest;
                for (const auto v : condition.values) latest.push_back(std::to_string(v));
                const std::optional<long long> last_value =
                    last ? std::optional<long long>(*last) : std::nullopt;
                long long found = -1;
                services::with_values(latest, [&](const auto&... values) {
                    for (const auto& r : store::query(*sql, text, last_value, institution.id, values...))
                        found = store::int64_at(r, 0);
                });
                EXPECT_EQ(found == 1, expected)
                    << "policy " << p << ", " << institution.kind << " with "
                    << (institution.beds ? std::to_string(*institution.beds) : "unknown") << " beds, last "
                    << (last ? std::to_string(*last) : "never");
                due_cases += expected ? 1 : 0;
                ++cases;
            }
    }
    EXPECT_GT(due_cases, 0);
    EXPECT_LT(due_cases, cases);
}

TEST(InspectionDueCondition, APolicyWithoutIntervalsIsNeverDue) {
    const auto policy = with({{InspectionClass::hospital, std::nullopt}, {InspectionClass::clinic_with_beds, std::nullopt}});
    const auto condition = due_condition(policy, 2026, "d.last");
    EXPECT_EQ(condition.text, "1 = 0");
    EXPECT_TRUE(condition.values.empty());
    const auto hospitals = due_condition(default_policy(), 2026, "d.last");
    EXPECT_EQ(hospitals.values, (std::vector<long long>{2025, 2023})) << "hospital every year, 有床 every 3";
}

}  // namespace
}  // namespace mamori::inspection

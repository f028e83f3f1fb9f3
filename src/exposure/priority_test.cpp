#include "mamori/exposure/priority.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>

#include "exposure/test_data.hpp"

namespace mamori::exposure {
namespace {

using nlohmann::json;

PriorityInput input_of(const json& row) {
    PriorityInput in;
    in.in_kev = row.value("in_kev", false);
    in.ransomware_known = row.value("ransomware_known", false);
    in.kev_due_passed = row.value("kev_due_passed", false);
    in.internet_facing = row.value("internet_facing", false);
    in.connection_point = row.value("connection_point", false);
    in.remote_maintenance = row.value("remote_maintenance", false);
    if (row.contains("cvss")) in.cvss_score = row.at("cvss").get<double>();
    return in;
}

// tests/data/exposure/priority_order.json lists findings from most to least urgent.
TEST(FindingPriority, OrderTable) {
    json table = json::parse(testing::read_text_file(testing::exposure_data_dir() / "priority_order.json"));
    const json rows = table.at("ordered");
    ASSERT_GT(rows.size(), 15u);
    std::vector<Priority> priorities;
    for (const auto& row : rows) {
        Priority p = prioritise(input_of(row));
        EXPECT_EQ(p.tier, row.at("tier").get<int>()) << row.at("label");
        priorities.push_back(p);
    }
    for (std::size_t i = 1; i < rows.size(); ++i) {
        SCOPED_TRACE(rows[i - 1].at("label").get<std::string>() + " / " +
                     rows[i].at("label").get<std::string>());
        if (rows[i].value("same_as_previous", false)) {
            EXPECT_EQ(priorities[i - 1].rank_key, priorities[i].rank_key);
        } else {
            EXPECT_TRUE(comes_before(priorities[i - 1], priorities[i]));
            EXPECT_FALSE(comes_before(priorities[i], priorities[i - 1]));
        }
    }
    // Sorting a shuffled copy gives the table's order back (tiers and keys).
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 random(17);
    std::shuffle(order.begin(), order.end(), random);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return comes_before(priorities[a], priorities[b]);
    });
    for (std::size_t i = 0; i < order.size(); ++i)
        EXPECT_EQ(priorities[order[i]].rank_key, priorities[i].rank_key);
}

TEST(FindingPriority, FlagsForTheLabels) {
    Priority p = prioritise({true, true, true, true, false, true, 9.8});
    EXPECT_TRUE(p.has(PriorityFlag::exploited));
    EXPECT_TRUE(p.has(PriorityFlag::ransomware));
    EXPECT_TRUE(p.has(PriorityFlag::kev_due_passed));
    EXPECT_TRUE(p.has(PriorityFlag::internet_facing));
    EXPECT_FALSE(p.has(PriorityFlag::connection_point));
    EXPECT_TRUE(p.has(PriorityFlag::remote_maintenance));
    EXPECT_TRUE(p.has(PriorityFlag::exposed));
    EXPECT_TRUE(p.has(PriorityFlag::critical_score));
    EXPECT_FALSE(p.has(PriorityFlag::high_score));
    EXPECT_FALSE(p.has(PriorityFlag::no_score));

    Priority q = prioritise({false, true, true, false, false, false, std::nullopt});
    EXPECT_FALSE(q.has(PriorityFlag::ransomware)) << "ransomware use is a KEV field";
    EXPECT_FALSE(q.has(PriorityFlag::kev_due_passed));
    EXPECT_TRUE(q.has(PriorityFlag::no_score));
    EXPECT_FALSE(q.has(PriorityFlag::exposed));
    EXPECT_TRUE(prioritise({false, false, false, false, false, false, 7.0}).has(PriorityFlag::high_score));
}

}  // namespace
}  // namespace mamori::exposure

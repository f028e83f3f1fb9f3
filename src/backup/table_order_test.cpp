#include "mamori/backup/table_order.hpp"

#include <gtest/gtest.h>

namespace mamori::backup {
namespace {

TableSchema table(std::string name, std::set<std::string> references = {}) {
    return {std::move(name), {"id"}, {"id"}, std::move(references)};
}

std::vector<std::string> names(const std::vector<TableSchema>& tables) {
    std::vector<std::string> out;
    for (const auto& t : tables) out.push_back(t.name);
    return out;
}

TEST(TableOrder, ParentsComeBeforeTheTablesThatReferenceThem) {
    auto order = copy_order({table("user_roles", {"users"}), table("users", {"organisations"}),
                             table("organisations", {"prefectures", "organisations"}), table("prefectures"),
                             table("audit_log")});
    ASSERT_TRUE(order) << order.error().message;
    EXPECT_EQ(names(*order),
              (std::vector<std::string>{"audit_log", "prefectures", "organisations", "users", "user_roles"}));
}

TEST(TableOrder, TiesAreBrokenByNameSoTheOrderIsStable) {
    auto order = copy_order({table("c"), table("a"), table("b", {"c"})});
    ASSERT_TRUE(order);
    EXPECT_EQ(names(*order), (std::vector<std::string>{"a", "c", "b"}));
}

TEST(TableOrder, ASelfReferenceKeepsTheTableAndItsColumns) {
    auto order = copy_order({table("assessments", {"assessments"})});
    ASSERT_TRUE(order);
    ASSERT_EQ(order->size(), 1u);
    EXPECT_EQ(order->front().columns, std::vector<std::string>{"id"});
    EXPECT_EQ(order->front().primary_key, std::vector<std::string>{"id"});
}

TEST(TableOrder, ACycleIsRefusedNamingItsTables) {
    auto order = copy_order({table("a", {"b"}), table("b", {"a"}), table("c")});
    ASSERT_FALSE(order);
    EXPECT_NE(order.error().message.find("cycle"), std::string::npos) << order.error().message;
    EXPECT_NE(order.error().message.find("a, b"), std::string::npos) << order.error().message;
}

TEST(TableOrder, AReferenceToAMissingTableIsRefused) {
    auto order = copy_order({table("users", {"organisations"})});
    ASSERT_FALSE(order);
    EXPECT_EQ(order.error().message, "table users references table organisations, which does not exist");
}

TEST(TableOrder, NoTablesIsAnEmptyOrder) {
    auto order = copy_order({});
    ASSERT_TRUE(order);
    EXPECT_TRUE(order->empty());
}

}  // namespace
}  // namespace mamori::backup

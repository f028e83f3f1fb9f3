#include "mamori/exposure/version.hpp"

#include <gtest/gtest.h>

#include "exposure/test_data.hpp"

namespace mamori::exposure {
namespace {

std::string relation_name(std::partial_ordering o) {
    if (o == std::partial_ordering::less) return "<";
    if (o == std::partial_ordering::greater) return ">";
    if (o == std::partial_ordering::equivalent) return "=";
    return "unordered";
}

std::string reversed_relation(const std::string& relation) {
    if (relation == "<") return ">";
    if (relation == ">") return "<";
    return relation;
}

// tests/data/exposure/versions.tsv: a, relation, b, why. Every row is also checked the other way round.
TEST(VersionOrder, DataFile) {
    auto rows = testing::read_tsv(testing::exposure_data_dir() / "versions.tsv");
    ASSERT_GT(rows.size(), 40u);
    for (const auto& row : rows) {
        ASSERT_EQ(row.cells.size(), 4u) << "line " << row.line;
        const auto& a = row.cells[0];
        const auto& relation = row.cells[1];
        const auto& b = row.cells[2];
        SCOPED_TRACE("versions.tsv line " + std::to_string(row.line) + ": " + row.cells[3]);
        EXPECT_EQ(relation_name(compare_versions(a, b)), relation) << a << " vs " << b;
        EXPECT_EQ(relation_name(compare_versions(b, a)), reversed_relation(relation)) << b << " vs " << a;
    }
}

TEST(VersionOrder, LongNumbersDoNotOverflow) {
    EXPECT_EQ(compare_versions("1.99999999999999999999999", "1.100000000000000000000000"),
              std::partial_ordering::less);
}

}  // namespace
}  // namespace mamori::exposure

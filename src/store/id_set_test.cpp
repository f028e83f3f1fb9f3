#include "mamori/store/id_set.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "testing/temp_database.hpp"

namespace mamori::store {
namespace {

using testing::TempDatabase;

std::vector<std::int64_t> found(soci::session& sql, const std::vector<std::int64_t>& ids) {
    const auto text = fmt::format("SELECT id FROM t WHERE {} ORDER BY id", in_id_set(sql, "id"));
    std::vector<std::int64_t> out;
    each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        for (const auto& r : query(sql, text, id_set(sql, chunk))) out.push_back(int64_at(r, 0));
    });
    return out;
}

TEST(IdSet, OneStatementFindsExactlyTheRowsOfTheIdsWhateverTheirNumber) {
    TempDatabase temp(1);
    auto sql = temp.db().acquire();
    *sql << "CREATE TABLE t (id BIGINT PRIMARY KEY)";
    for (long long id = 1; id <= 1200; ++id) execute(*sql, "INSERT INTO t (id) VALUES (:id)", id);

    EXPECT_EQ(found(*sql, {7}), std::vector<std::int64_t>{7});
    EXPECT_EQ(found(*sql, {9, 3, 5000, 4}), (std::vector<std::int64_t>{3, 4, 9})) << "5000 is no row";
    EXPECT_TRUE(found(*sql, {}).empty());
    const auto cached = cache_for(*sql)->size();

    std::vector<std::int64_t> many;  // three chunks: 500, 500 and 101
    for (std::int64_t id = 1101; id >= 1; --id) many.push_back(id);
    auto all = found(*sql, many);
    std::sort(all.begin(), all.end());
    std::reverse(many.begin(), many.end());
    EXPECT_EQ(all, many);
    EXPECT_EQ(cache_for(*sql)->size(), cached) << "lists of every length share one statement";
}

TEST(IdSet, ChunksKeepTheOrderAndTheirSize) {
    std::vector<std::int64_t> ids(2 * kIdsPerSet + 1);
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<std::int64_t>(i);
    std::vector<std::size_t> sizes;
    std::vector<std::int64_t> seen;
    each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        sizes.push_back(chunk.size());
        seen.insert(seen.end(), chunk.begin(), chunk.end());
    });
    EXPECT_EQ(sizes, (std::vector<std::size_t>{kIdsPerSet, kIdsPerSet, 1}));
    EXPECT_EQ(seen, ids);
}

}  // namespace
}  // namespace mamori::store

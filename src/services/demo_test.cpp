#include "mamori/services/demo.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "mamori/store/migrations.hpp"

namespace mamori::services {
namespace {

TEST(Demo, LoadsOnceIntoAnEmptyDatabaseWithAValidHierarchy) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("mamori-demo-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    {
        auto db = std::move(*store::Database::open({store::Dialect::sqlite, (dir / "d.db").string()}, 1));
        ASSERT_TRUE(store::migrate(*db, *store::embedded_migrations(store::Dialect::sqlite)));

        auto first = load_demo(*db, {25});
        ASSERT_TRUE(first) << first.error().message;
        EXPECT_TRUE(first->loaded);
        EXPECT_EQ(first->organisations, 10u + 25u);

        auto second = load_demo(*db, {25});
        ASSERT_TRUE(second);
        EXPECT_FALSE(second->loaded);
        EXPECT_EQ(second->organisations, 35u);

        auto lease = db->acquire();
        int institutions = 0, orphans = 0, kinds = 0;
        *lease << "SELECT COUNT(*) FROM organisations WHERE kind IN "
                  "('hospital','clinic','dental_clinic','pharmacy')",
            soci::into(institutions);
        *lease << "SELECT COUNT(*) FROM organisations WHERE kind <> 'ministry' AND kind <> 'vendor' AND "
                  "parent_id IS NULL",
            soci::into(orphans);
        *lease << "SELECT COUNT(DISTINCT kind) FROM organisations", soci::into(kinds);
        EXPECT_EQ(institutions, 5 + 25);
        EXPECT_EQ(orphans, 0);
        EXPECT_EQ(kinds, 8);
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace mamori::services

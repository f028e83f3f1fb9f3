#include "mamori/services/demo.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "mamori/store/migrations.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

TEST(Demo, LoadsOnceIntoAnEmptyDatabaseWithAValidHierarchy) {
    {
        testing::TempDatabase temp(1);
        auto* db = &temp.db();

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
}

}  // namespace
}  // namespace mamori::services

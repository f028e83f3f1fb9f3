#include "mamori/services/setup_code.hpp"

#include <gtest/gtest.h>

#include "mamori/identity/tokens.hpp"

#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

TEST(SetupCode, AsTypedCaseSpacesAndDashesDoNotMatter) {
    EXPECT_EQ(identity::typed_code_hash("K7WQ-3MZD-9PXR"), identity::typed_code_hash("k7wq 3mzd 9pxr"));
    EXPECT_EQ(identity::typed_code_hash("K7WQ-3MZD-9PXR"), identity::typed_code_hash(" K7WQ3MZD9PXR\n"));
    EXPECT_NE(identity::typed_code_hash("K7WQ-3MZD-9PXR"), identity::typed_code_hash("K7WQ-3MZD-9PXS"));
}

TEST(SetupCode, IssuedOnceStoredOnlyAsAHashAndReplacedOnRequest) {
    testing::TempDatabase temp(1);
    auto first = issue_setup_code(temp.db());
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_TRUE(first->needed);
    ASSERT_TRUE(first->code);
    EXPECT_EQ(first->code->size(), 14u);  // XXXX-XXXX-XXXX

    {
        auto lease = temp.db().acquire();
        std::string stored;
        *lease << "SELECT code_hash FROM setup_code", soci::into(stored);
        EXPECT_EQ(stored, identity::typed_code_hash(*first->code));
        EXPECT_EQ(stored.find(first->code->substr(0, 4)), std::string::npos)
            << "the code itself is not stored";
        EXPECT_TRUE(setup_code_matches(*lease, *first->code));
        EXPECT_FALSE(setup_code_matches(*lease, ""));
    }

    // A second start finds the code and keeps it.
    auto again = issue_setup_code(temp.db());
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->needed);
    EXPECT_FALSE(again->code);
    EXPECT_TRUE(setup_code_matches(*temp.db().acquire(), *first->code));

    // `mamori setup-code`: a new code, the old one void.
    auto replaced = replace_setup_code(temp.db());
    ASSERT_TRUE(replaced);
    EXPECT_NE(*replaced, *first->code);
    EXPECT_FALSE(setup_code_matches(*temp.db().acquire(), *first->code));
    EXPECT_TRUE(setup_code_matches(*temp.db().acquire(), *replaced));

    discard_setup_code(*temp.db().acquire());
    EXPECT_FALSE(setup_code_matches(*temp.db().acquire(), *replaced));
}

}  // namespace
}  // namespace mamori::services

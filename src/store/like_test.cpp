#include "mamori/store/like.hpp"

#include <gtest/gtest.h>

namespace mamori::store {
namespace {

TEST(LikeEscaped, EscapesTheWildcardsAndTheEscapeCharacterOnly) {
    EXPECT_EQ(like_escaped("さくら"), "さくら");
    EXPECT_EQ(like_escaped("100%"), "100!%");
    EXPECT_EQ(like_escaped("a_b"), "a!_b");
    EXPECT_EQ(like_escaped("!"), "!!");
    EXPECT_EQ(like_escaped("C:\\x"), "C:\\x");
    EXPECT_EQ(like_escaped(""), "");
}

}  // namespace
}  // namespace mamori::store

#include "mamori/identity/tokens.hpp"

#include <gtest/gtest.h>

#include <set>

namespace mamori::identity {
namespace {

TEST(Tokens, AreLongRandomAndUrlSafe) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string t = random_token("mmr_");
        ASSERT_EQ(t.size(), 4u + 43u);
        EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 4),
                  std::string::npos);
        seen.insert(t);
    }
    EXPECT_EQ(seen.size(), 1000u);
}

TEST(Tokens, CodesAvoidLookAlikes) {
    const std::string code = random_code(3);
    ASSERT_EQ(code.size(), 14u);
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code.find_first_of("01OIL"), std::string::npos);
}

TEST(Tokens, HashIsSha256Hex) {
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(token_hash("abc"), sha256_hex("abc"));
}

}  // namespace
}  // namespace mamori::identity

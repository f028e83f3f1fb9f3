#include "mamori/identity/passwords.hpp"

#include <gtest/gtest.h>

#include "mamori/core/utf8.hpp"

namespace mamori::identity {
namespace {

TEST(PasswordRule, ThirteenCharactersOrEightWithTwoFactor) {
    EXPECT_TRUE(check_password_rule("abcdefghijklm", "sato", false));
    EXPECT_FALSE(check_password_rule("abcdefghijkl", "sato", false));
    EXPECT_TRUE(check_password_rule("abcdefgh", "sato", true));
    EXPECT_FALSE(check_password_rule("abcdefg", "sato", true));
    const auto error = check_password_rule("short", "sato", false).error();
    EXPECT_EQ(error.code, ErrorCode::invalid_input);
    EXPECT_EQ(error.fields.at(0).field, "password");
    EXPECT_NE(error.message.find("13"), std::string::npos);
}

TEST(PasswordRule, CountsJapaneseCharactersNotBytes) {
    // 8 kanji are 24 bytes but 8 characters: enough only with two-factor authentication.
    EXPECT_EQ(character_count("医療情報安全管理"), 8);
    EXPECT_FALSE(check_password_rule("医療情報安全管理", "sato", false));
    EXPECT_TRUE(check_password_rule("医療情報安全管理", "sato", true));
}

TEST(PasswordRule, RejectsInvalidUtf8OverlongAndLoginName) {
    EXPECT_FALSE(check_password_rule(std::string("abcdefghijklm\xff", 14), "sato", false));
    EXPECT_EQ(character_count("\xe5\xae"), -1);
    EXPECT_FALSE(check_password_rule(std::string(300, 'a'), "sato", false));
    EXPECT_FALSE(check_password_rule("sato.clinic@example.jp", "sato.clinic@example.jp", false));
}

TEST(PasswordHash, Argon2idVerifiesOnlyTheRightPassword) {
    const std::string stored = hash_password("correct horse battery");
    EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(verify_password(stored, "correct horse battery"));
    EXPECT_FALSE(verify_password(stored, "correct horse batterY"));
    EXPECT_FALSE(verify_password("", "x"));
    EXPECT_FALSE(verify_password("$2b$10$notargon", "x"));
    EXPECT_FALSE(needs_rehash(stored));
    EXPECT_NE(stored, hash_password("correct horse battery")) << "each hash has its own salt";
}

}  // namespace
}  // namespace mamori::identity

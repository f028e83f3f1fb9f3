#include "mamori/identity/login_name.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mamori::identity {
namespace {

TEST(NormaliseLogin, PeopleReadTheseAsOneLoginSoTheyAreOne) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"viewer@sakura.example", "viewer@sakura.example"},
        {"Viewer@Sakura.example", "viewer@sakura.example"},
        {"  VIEWER@SAKURA.EXAMPLE\t", "viewer@sakura.example"},
        {"ｖｉｅｗｅｒ＠ｓａｋｕｒａ．ｅｘａｍｐｌｅ", "viewer@sakura.example"},     // full-width
        {"\xE3\x80\x80viewer@sakura.example\xE3\x80\x80", "viewer@sakura.example"},  // ideographic spaces
        {"vie\xE2\x80\x8Bwer@sakura.example", "viewer@sakura.example"},              // zero-width space
        {"Straße@klinik.example", "strasse@klinik.example"},
        {"医師@病院.example", "医師@病院.example"},
    };
    for (const auto& [typed, normal] : cases) {
        auto login = normalise_login(typed);
        ASSERT_TRUE(login) << typed << ": " << login.error().message;
        EXPECT_EQ(*login, normal) << typed;
        EXPECT_EQ(normalise_login(*login).value_or(""), *login) << "the normal form is its own normal form";
    }
}

TEST(NormaliseLogin, RefusesControlCharactersAndWhatIsNoAddress) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {std::string("viewer@sakura.example\0admin", 27), "control character (U+0000)"},
        {"viewer@sakura.example\x1B", "control character"},
        {"viewer@sakura\xEF\xBF\xBE.example", "U+FFFE"},
        {"viewer@\xC0\xAF", "not valid UTF-8"},
        {"viewer.sakura.example", "e-mail address"},
        {"a@", "e-mail address"},
        {"two words@sakura.example", "e-mail address"},
        {"viewer@sakura.example" + std::string(240, 'x'), "e-mail address"},
        {"   ", "e-mail address"},
    };
    for (const auto& [typed, problem] : cases) {
        auto login = normalise_login(typed);
        ASSERT_FALSE(login) << typed;
        EXPECT_EQ(login.error().code, ErrorCode::invalid_input);
        ASSERT_EQ(login.error().fields.size(), 1u);
        EXPECT_EQ(login.error().fields[0].field, "login");
        EXPECT_NE(login.error().message.find(problem), std::string::npos) << login.error().message;
    }
}

}  // namespace
}  // namespace mamori::identity

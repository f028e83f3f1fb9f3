#include "config_file.hpp"

#include <gtest/gtest.h>

#include "mamori/cli/cli.hpp"

namespace mamori::cli {
namespace {

TEST(ConfigFile, ParsesKeysValuesCommentsAndQuotes) {
    auto entries =
        parse_config_text("# mamori\nlisten = 127.0.0.1:9000\n\n  database=\"sqlite:/x y.db\"  \n", "m.conf");
    ASSERT_TRUE(entries) << entries.error().message;
    EXPECT_EQ(entries->at("listen").value, "127.0.0.1:9000");
    EXPECT_EQ(entries->at("listen").line, 2);
    EXPECT_EQ(entries->at("database").value, "sqlite:/x y.db");
}

TEST(ConfigFile, ErrorsNameTheFileAndLine) {
    auto missing_equals = parse_config_text("listen = :1\nnonsense\n", "m.conf");
    ASSERT_FALSE(missing_equals);
    EXPECT_NE(missing_equals.error().message.find("m.conf line 2"), std::string::npos);

    auto twice = parse_config_text("a = 1\na = 2\n", "m.conf");
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.error().message.find("line 2"), std::string::npos);

    EXPECT_FALSE(parse_config_text(" = 1\n", "m.conf"));
    EXPECT_FALSE(parse_config_text(std::string(70 * 1024, '#'), "m.conf"));
}

TEST(ParseListen, AcceptsHostPortForms) {
    EXPECT_EQ(*parse_listen("127.0.0.1:8080"), (std::pair<std::string, std::uint16_t>{"127.0.0.1", 8080}));
    EXPECT_EQ(*parse_listen(":0"), (std::pair<std::string, std::uint16_t>{"0.0.0.0", 0}));
    EXPECT_EQ(*parse_listen("[::1]:443"), (std::pair<std::string, std::uint16_t>{"::1", 443}));
    EXPECT_EQ(parse_listen("localhost:65535")->second, 65535);
}

TEST(ParseListen, RejectsWhatIsNotHostPort) {
    for (const char* bad : {"8080", "host:", "host:65536", "host:80x", "host:-1"}) {
        auto r = parse_listen(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().fields.at(0).field, "listen");
    }
}

}  // namespace
}  // namespace mamori::cli

#include "mamori/http/forwarded_address.hpp"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

TrustedProxies trusting(std::string_view list) {
    auto parsed = TrustedProxies::parse(list);
    EXPECT_TRUE(parsed.has_value()) << list;
    return parsed ? *parsed : TrustedProxies{};
}

std::string client(std::string_view peer, const std::vector<std::string>& forwarded, std::string_view list) {
    Headers headers = {{"Host", "mamori.example"}};
    for (const auto& value : forwarded) headers.emplace_back("X-Forwarded-For", value);
    return client_address(peer, headers, trusting(list));
}

bool trusts(std::string_view list, std::string_view address) {
    return trusting(list).trusts(*IpAddress::parse(address));
}

TEST(IpAddress, ParsesBareIpv4AndIpv6AndPrintsThemCanonically) {
    EXPECT_EQ(IpAddress::parse("192.0.2.1")->to_string(), "192.0.2.1");
    EXPECT_EQ(IpAddress::parse("2001:DB8:0:0::1")->to_string(), "2001:db8::1");
    EXPECT_EQ(IpAddress::parse("::1")->to_string(), "::1");
    EXPECT_EQ(IpAddress::parse("::ffff:127.0.0.1")->to_string(), "127.0.0.1") << "IPv4-mapped is IPv4";
    EXPECT_EQ(*IpAddress::parse("::ffff:127.0.0.1"), *IpAddress::parse("127.0.0.1"));
    for (const char* bad : {"", " 192.0.2.1", "192.0.2.1 ", "192.0.2", "192.0.2.256", "192.0.2.1:80",
                            "[2001:db8::1]", "2001:db8::1%eth0", "fe80::1::2", "unknown", "_hidden",
                            "1.2.3.4.5", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255:1"})
        EXPECT_FALSE(IpAddress::parse(bad).has_value()) << bad;
    // Found by fuzz/forwarded_address: the text after a NUL went unread, so this was ::ffff:1.
    using namespace std::string_view_literals;
    EXPECT_FALSE(IpAddress::parse("::ffff:1\0L1.2.3"sv).has_value());
    EXPECT_FALSE(IpAddress::parse("203.0.113.9\0, 10.0.0.1"sv).has_value());
    EXPECT_FALSE(TrustedProxies::parse("127.0.0.1\0garbage"sv).has_value());
}

TEST(TrustedProxies, ParsesAddressesAndRangesOfBothFamilies) {
    const auto list = "127.0.0.1, 10.0.0.0/8,fd00::/8 , ::1,";
    EXPECT_TRUE(trusts(list, "127.0.0.1"));
    EXPECT_TRUE(trusts(list, "::ffff:127.0.0.1")) << "a dual-stack listener sees IPv4 peers mapped";
    EXPECT_FALSE(trusts(list, "127.0.0.2"));
    EXPECT_TRUE(trusts(list, "10.255.1.2"));
    EXPECT_FALSE(trusts(list, "11.0.0.1"));
    EXPECT_TRUE(trusts(list, "fd12:3456::1"));
    EXPECT_FALSE(trusts(list, "fe80::1"));
    EXPECT_TRUE(trusts(list, "::1"));
    EXPECT_FALSE(trusts(list, "::2"));
    EXPECT_TRUE(trusts("172.16.0.0/12", "172.31.255.255"));
    EXPECT_FALSE(trusts("172.16.0.0/12", "172.32.0.0"));
    EXPECT_TRUE(trusts("0.0.0.0/0", "203.0.113.9"));
    EXPECT_FALSE(trusts("0.0.0.0/0", "2001:db8::1")) << "an IPv4 range holds no IPv6 address";
    EXPECT_TRUE(trusts("192.0.2.77/24", "192.0.2.1")) << "host bits of a range are ignored";
    EXPECT_TRUE(trusting("").empty());
    EXPECT_TRUE(trusting(" , ").empty());
}

TEST(TrustedProxies, TheErrorNamesTheBadEntry) {
    const std::pair<const char*, const char*> cases[] = {
        {"127.0.0.1, 10.0.0.300", "'10.0.0.300'"},
        {"127.0.0.1,localhost", "'localhost'"},
        {"10.0.0.0/33", "'10.0.0.0/33'"},
        {"::/129", "'::/129'"},
        {"10.0.0.0/", "'10.0.0.0/'"},
        {"10.0.0.0/8/8", "'10.0.0.0/8/8'"},
        {"10.0.0.0/-1", "'10.0.0.0/-1'"},
        {"10.0.0.0/ 8", "'10.0.0.0/ 8'"},
        {"10.0.0.0/0008", "'10.0.0.0/0008'"},
    };
    for (const auto& [list, named] : cases) {
        const auto parsed = TrustedProxies::parse(list);
        ASSERT_FALSE(parsed.has_value()) << list;
        ASSERT_EQ(parsed.error().fields.size(), 1u);
        EXPECT_EQ(parsed.error().fields[0].field, "trusted-proxies");
        EXPECT_NE(parsed.error().message.find(named), std::string::npos) << parsed.error().message;
    }
}

TEST(ClientAddress, WithoutTrustedProxiesTheHeaderIsIgnored) {
    EXPECT_EQ(client("198.51.100.4", {"203.0.113.9"}, ""), "198.51.100.4");
    EXPECT_EQ(client("127.0.0.1", {"203.0.113.9"}, ""), "127.0.0.1");
}

TEST(ClientAddress, AnUntrustedPeerCannotChooseItsAddress) {
    EXPECT_EQ(client("198.51.100.4", {"203.0.113.9"}, "127.0.0.1"), "198.51.100.4");
    EXPECT_EQ(client("198.51.100.4", {"127.0.0.1"}, "127.0.0.1"), "198.51.100.4");
}

TEST(ClientAddress, ATrustedPeerNamesTheClient) {
    EXPECT_EQ(client("127.0.0.1", {"203.0.113.9"}, "127.0.0.1"), "203.0.113.9");
    EXPECT_EQ(client("::ffff:127.0.0.1", {" 203.0.113.9 "}, "127.0.0.1"), "203.0.113.9");
    EXPECT_EQ(client("::1", {"2001:DB8::0:1"}, "::1"), "2001:db8::1") << "one spelling per address";
    EXPECT_EQ(client("127.0.0.1", {}, "127.0.0.1"), "127.0.0.1") << "no header: the proxy itself";
}

TEST(ClientAddress, TheRightmostUntrustedEntryWinsSoAClientCannotPrependAnAddress) {
    // The client sent "X-Forwarded-For: 6.6.6.6"; nginx appended the address it saw, then a second proxy its.
    EXPECT_EQ(client("127.0.0.1", {"6.6.6.6, 203.0.113.9, 10.0.0.5"}, "127.0.0.1, 10.0.0.0/8"),
              "203.0.113.9");
    EXPECT_EQ(client("127.0.0.1", {"6.6.6.6", "203.0.113.9"}, "127.0.0.1"), "203.0.113.9")
        << "several headers are one list";
    EXPECT_EQ(client("127.0.0.1", {"10.0.0.7, 10.0.0.5"}, "127.0.0.1, 10.0.0.0/8"), "10.0.0.7")
        << "all trusted: the furthest one";
}

TEST(ClientAddress, AMalformedEntryGivesThePeerNeverTheGarbage) {
    for (const char* bad : {"unknown", "203.0.113.9, nonsense", "203.0.113.9,", "203.0.113.9:443",
                            "[2001:db8::1]", "", " ", "203.0.113.9, _hidden, 10.0.0.5"})
        EXPECT_EQ(client("127.0.0.1", {bad}, "127.0.0.1, 10.0.0.0/8"), "127.0.0.1") << bad;
    // A malformed entry left of the client is never reached.
    EXPECT_EQ(client("127.0.0.1", {"garbage, 203.0.113.9"}, "127.0.0.1"), "203.0.113.9");
    EXPECT_EQ(client("127.0.0.1", {",203.0.113.9"}, "127.0.0.1"), "203.0.113.9");
}

TEST(ClientAddress, AnOverlongHeaderIsIgnored) {
    std::string chain;
    while (chain.size() <= kMaxForwardedForBytes) chain += "10.0.0.1, ";
    chain += "203.0.113.9";
    EXPECT_EQ(client("127.0.0.1", {chain}, "127.0.0.1"), "127.0.0.1");
    EXPECT_EQ(client("127.0.0.1", {std::string(kMaxForwardedForBytes, ' '), "203.0.113.9"}, "127.0.0.1"),
              "127.0.0.1")
        << "the limit applies to all headers together";
}

}  // namespace
}  // namespace mamori::http

#include "mamori/http/host_check.hpp"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

AllowedHosts none() {
    return *AllowedHosts::parse("");
}

TEST(AllowedHosts, LoopbackNamesOnALoopbackConnection) {
    for (const auto host : {"localhost", "localhost:8080", "LocalHost:8080", "127.0.0.1", "127.0.0.1:8080",
                            "[::1]:8080", "[::1]"}) {
        EXPECT_TRUE(none().allows(host, "127.0.0.1")) << host;
        EXPECT_TRUE(none().allows(host, "::ffff:127.0.0.1")) << host;  // a dual-stack listener's view
        EXPECT_TRUE(none().allows(host, "::1")) << host;
    }
    EXPECT_FALSE(none().allows("localhost:8080", "192.0.2.7"));  // reached from the network
}

TEST(AllowedHosts, TheAddressTheConnectionArrivedAt) {
    EXPECT_TRUE(none().allows("192.0.2.7:8080", "192.0.2.7"));
    EXPECT_TRUE(none().allows("192.0.2.7", "::ffff:192.0.2.7"));
    EXPECT_TRUE(none().allows("[2001:db8::7]:8080", "2001:db8::7"));
    EXPECT_FALSE(none().allows("192.0.2.8:8080", "192.0.2.7"));
}

TEST(AllowedHosts, ADnsRebindingNameIsRefused) {
    for (const auto host :
         {"evil.example:8080", "evil.example", "localhost.evil.example", "127.0.0.1.nip.io"})
        EXPECT_FALSE(none().allows(host, "127.0.0.1")) << host;
}

TEST(AllowedHosts, ConfiguredNamesAndAddresses) {
    const auto allowed = AllowedHosts::parse(" Mamori.Clinic.example, 192.0.2.9,[2001:db8::9] ,");
    ASSERT_TRUE(allowed) << allowed.error().message;
    EXPECT_TRUE(allowed->allows("mamori.clinic.example", "127.0.0.1"));
    EXPECT_TRUE(allowed->allows("MAMORI.clinic.example:443", "10.0.1.11"));
    EXPECT_TRUE(allowed->allows("192.0.2.9:8080", "10.0.1.11"));
    EXPECT_TRUE(allowed->allows("[2001:db8::9]", "10.0.1.11"));
    EXPECT_FALSE(allowed->allows("other.clinic.example", "10.0.1.11"));
    EXPECT_FALSE(allowed->allows("mamori.clinic.example.evil.example", "10.0.1.11"));
}

TEST(AllowedHosts, MalformedHostValuesAreRefused) {
    for (const auto host : {"", ":8080", "localhost:", "localhost:80x", "[::1", "[nonsense]:80", "a b",
                            "localhost/x", "user@localhost"})
        EXPECT_FALSE(none().allows(host, "127.0.0.1")) << host;
}

TEST(AllowedHosts, AnEntryWithAPortOrSchemeIsRefusedNamingIt) {
    for (const auto entry : {"mamori.example:443", "https://mamori.example"}) {
        const auto parsed = AllowedHosts::parse(entry);
        ASSERT_FALSE(parsed) << entry;
        EXPECT_NE(parsed.error().message.find(entry), std::string::npos) << parsed.error().message;
    }
}

TEST(AllowedHosts, OperationalEndpointsAreExempt) {
    EXPECT_TRUE(exempt_from_host_check("/healthz"));
    EXPECT_TRUE(exempt_from_host_check("/readyz"));
    EXPECT_TRUE(exempt_from_host_check("/metrics"));
    EXPECT_FALSE(exempt_from_host_check("/api/v1/setup"));
    EXPECT_FALSE(exempt_from_host_check("/"));
}

Request with_hosts(std::vector<std::string> hosts, std::string path = "/api/v1/setup") {
    Request r;
    r.path = std::move(path);
    for (auto& h : hosts) r.headers.emplace_back("host", std::move(h));
    return r;
}

TEST(RefuseHost, NoHostOrTwoAre400AForeignNameIs421) {
    EXPECT_EQ(refuse_host(with_hosts({}), none(), "127.0.0.1")->first, 400);
    EXPECT_EQ(refuse_host(with_hosts({"localhost", "localhost"}), none(), "127.0.0.1")->first, 400);
    EXPECT_EQ(refuse_host(with_hosts({"evil.example:8080"}), none(), "127.0.0.1")->first, 421);
    EXPECT_FALSE(refuse_host(with_hosts({"localhost:8080"}), none(), "127.0.0.1"));
}

TEST(RefuseHost, OperationalEndpointsAnswerAnyHost) {
    EXPECT_FALSE(refuse_host(with_hosts({"prometheus-target.internal"}, "/metrics"), none(), "10.0.1.11"));
    EXPECT_FALSE(refuse_host(with_hosts({}, "/healthz"), none(), "10.0.1.11"));
}

}  // namespace
}  // namespace mamori::http

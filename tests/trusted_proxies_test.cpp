// The client address behind a reverse proxy, as the login throttle and the audit log see it: X-Forwarded-For
// names the client only when the TCP peer is in --trusted-proxies; from any other peer it is ignored, so a
// client cannot choose its address (and cannot escape the per-address lockout by inventing new ones).
#include <gtest/gtest.h>

#include <algorithm>

#include "support/server_process.hpp"
#include "support/session_client.hpp"

namespace mamori::testing {
namespace {

using nlohmann::json;

constexpr const char* kAdmin = "admin@clinic.example";
constexpr const char* kPassword = "correct horse battery staple";
constexpr int kAddressFailures = 30;  // IdentitySettings::address_failures

class TrustedProxies : public ::testing::Test {
  protected:
    // start: a server trusting `trusted` (the tests' peer is always 127.0.0.1), with an administrator.
    void start(const std::string& trusted) {
        server_ = std::make_unique<ServerProcess>(dir_.path() / "proxy.db",
                                                  std::vector<std::string>{"--trusted-proxies", trusted});
        admin_ = client();
        organisation_id_ = admin_.set_up_clinic(server_->setup_code(), kAdmin, kPassword).organisation_id;
    }

    SessionClient client() const { return SessionClient(server_->host(), server_->port()); }

    // login_from: a login attempt carrying X-Forwarded-For: `forwarded`.
    HttpResult login_from(const std::string& forwarded, const std::string& login,
                          const std::string& password) {
        return client().call("POST", "/api/v1/session", json{{"login", login}, {"password", password}},
                             {{"X-Forwarded-For", forwarded}});
    }

    // failure_addresses: the `remote` of each login.failure in the audit log, oldest first.
    std::vector<std::string> failure_addresses() {
        auto log =
            admin_.get("/api/v1/organisations/" + std::to_string(organisation_id_) + "/audit?limit=100");
        EXPECT_EQ(log.status, 200) << log.body;
        const json entries = log.json()["entries"];
        std::vector<std::pair<std::int64_t, std::string>> failures;
        for (const auto& e : entries)
            if (e["action"] == "login.failure")
                failures.emplace_back(e["seq"].get<std::int64_t>(), e["remote"].get<std::string>());
        std::sort(failures.begin(), failures.end());
        std::vector<std::string> remotes;
        for (auto& [seq, remote] : failures) remotes.push_back(std::move(remote));
        return remotes;
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    SessionClient admin_{"127.0.0.1", 0};
    std::int64_t organisation_id_ = 0;
};

TEST_F(TrustedProxies, FromAnUntrustedPeerXForwardedForIsIgnored) {
    start("10.0.0.0/8");
    EXPECT_EQ(login_from("203.0.113.9", kAdmin, "wrong password!!").status, 401);
    EXPECT_EQ(failure_addresses(), std::vector<std::string>{"127.0.0.1"});
    EXPECT_EQ(server_->settled_log().find("203.0.113.9"), std::string::npos) << "nor in the access log";

    // Inventing a new address for each attempt does not escape the per-address lockout.
    for (int i = 1; i < kAddressFailures; ++i) {
        auto r = login_from("203.0.113." + std::to_string(i + 10),
                            "nobody" + std::to_string(i) + "@x.example", "wrong password!!");
        ASSERT_EQ(r.status, i + 1 < kAddressFailures ? 401 : 429) << i << ": " << r.body;
    }
    EXPECT_EQ(login_from("192.0.2.200", kAdmin, kPassword).status, 429);
}

TEST_F(TrustedProxies, FromATrustedPeerTheRightmostUntrustedAddressIsTheClient) {
    start("127.0.0.1, ::1");
    EXPECT_EQ(login_from("203.0.113.9", kAdmin, "wrong password!!").status, 401);
    // A client-supplied entry left of what the proxy appended is not believed.
    EXPECT_EQ(login_from("6.6.6.6, 203.0.113.10", kAdmin, "wrong password!!").status, 401);
    // A malformed header gives the peer's own address, never the text.
    EXPECT_EQ(login_from("203.0.113.11, <script>", kAdmin, "wrong password!!").status, 401);
    EXPECT_EQ(failure_addresses(), (std::vector<std::string>{"203.0.113.9", "203.0.113.10", "127.0.0.1"}));
    const std::string log = server_->settled_log();
    EXPECT_NE(log.find("\"remote\":\"203.0.113.9\""), std::string::npos) << "the access log too";
    EXPECT_EQ(log.find("<script>"), std::string::npos);
}

TEST_F(TrustedProxies, TheLoginThrottleLocksTheForwardedAddressOnly) {
    start("127.0.0.1");
    for (int i = 0; i < kAddressFailures; ++i) {
        auto r = login_from("203.0.113.20", "nobody" + std::to_string(i) + "@x.example", "wrong password!!");
        ASSERT_EQ(r.status, i + 1 < kAddressFailures ? 401 : 429) << i << ": " << r.body;
    }
    EXPECT_EQ(login_from("203.0.113.20", kAdmin, kPassword).status, 429) << "the locked client";
    auto other = login_from("203.0.113.21", kAdmin, kPassword);
    EXPECT_EQ(other.status, 200) << "another client behind the same proxy: " << other.body;
    EXPECT_EQ(client().post("/api/v1/session", {{"login", kAdmin}, {"password", kPassword}}).status, 200)
        << "the proxy itself is not locked";
}

}  // namespace
}  // namespace mamori::testing

// DNS rebinding: a page on another site points its own name at mamori's address and has the browser send
// requests there. Those requests name the page's site in Host; mamori answers only its own names (the address
// a request arrived at, localhost on loopback, and --allowed-hosts), except for the operational endpoints.
#include <gtest/gtest.h>

#include <fstream>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {
namespace {

// get_as: one GET naming `host` in the Host header, on a connection of its own; reports whether the server
// closed the connection after answering.
HttpResult get_as(const ServerProcess& server, const std::string& host, const std::string& target,
                  bool* closed = nullptr) {
    Connection c(server.host(), server.port());
    c.send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    HttpResult r = c.read_response();
    if (closed != nullptr) *closed = c.closed_by_peer(2000);
    return r;
}

class HostHeader : public ::testing::Test {
  protected:
    std::string port() const { return std::to_string(server_->port()); }
    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(HostHeader, ARebindingNameIsRefusedWith421AndTheConnectionClosed) {
    server_ = std::make_unique<ServerProcess>(dir_.path() / "host.db");
    for (const std::string target : {"/api/v1/setup", "/", "/api/v1/version"}) {
        SCOPED_TRACE(target);
        bool closed = false;
        const auto r = get_as(*server_, "rebind.attacker.example:" + port(), target, &closed);
        EXPECT_EQ(r.status, 421) << r.body;
        EXPECT_EQ(r.header("Content-Type").value_or(""), "application/problem+json; charset=utf-8");
        EXPECT_TRUE(contains(r.body, "--allowed-hosts")) << r.body;
        EXPECT_TRUE(closed);
    }
}

TEST_F(HostHeader, TheServersOwnLoopbackNamesAreAnswered) {
    server_ = std::make_unique<ServerProcess>(dir_.path() / "host.db");
    for (const std::string& host :
         std::vector<std::string>{"127.0.0.1:" + port(), "localhost:" + port(), "127.0.0.1"}) {
        SCOPED_TRACE(host);
        EXPECT_EQ(get_as(*server_, host, "/api/v1/setup").status, 200);
    }
}

TEST_F(HostHeader, ARequestWithoutHostIs400) {
    server_ = std::make_unique<ServerProcess>(dir_.path() / "host.db");
    Connection c(server_->host(), server_->port());
    c.send("GET /api/v1/setup HTTP/1.1\r\n\r\n");
    EXPECT_EQ(c.read_response().status, 400);
}

TEST_F(HostHeader, OperationalEndpointsAnswerAnyHost) {
    server_ = std::make_unique<ServerProcess>(dir_.path() / "host.db");
    for (const std::string target : {"/healthz", "/readyz", "/metrics"}) {
        SCOPED_TRACE(target);
        EXPECT_EQ(get_as(*server_, "app1.monitoring.internal:" + port(), target).status, 200);
    }
}

TEST_F(HostHeader, AConfiguredPublicNameIsAnswered) {
    server_ = std::make_unique<ServerProcess>(
        dir_.path() / "host.db", std::vector<std::string>{"--allowed-hosts", "mamori.clinic.example"});
    EXPECT_EQ(get_as(*server_, "mamori.clinic.example", "/api/v1/setup").status, 200);
    EXPECT_EQ(get_as(*server_, "MAMORI.clinic.example:443", "/api/v1/setup").status, 200);
    EXPECT_EQ(get_as(*server_, "other.clinic.example", "/api/v1/setup").status, 421);
}

TEST(HostHeaderSetting, TheConfigFileAndTheEnvironmentSetAllowedHosts) {
    TempDir dir;
    const auto config = dir.path() / "mamori.conf";
    std::ofstream(config) << "listen = 127.0.0.1:0\ndatabase = " << database_url(dir.path() / "x.db")
                          << "\nallowed-hosts = mamori.clinic.example, mamori.other.example\n";
    {
        ServerProcess server(ServerLaunch{{"serve", "--config", config.string()}, {}, dir.path()});
        EXPECT_EQ(get_as(server, "mamori.other.example", "/api/v1/setup").status, 200);
    }
    ServerProcess server(ServerLaunch{
        {"serve", "--config", config.string()}, {{"MAMORI_ALLOWED_HOSTS", "env.example"}}, dir.path()});
    EXPECT_EQ(get_as(server, "env.example", "/api/v1/setup").status, 200);
    EXPECT_EQ(get_as(server, "mamori.other.example", "/api/v1/setup").status, 421) << "the environment wins";
}

TEST(HostHeaderSetting, ABadAllowedHostIsRefusedNamingIt) {
    TempDir dir;
    const auto r =
        mamori({"serve", "--listen", "127.0.0.1:0", "--database", database_url(dir.path() / "x.db"),
                "--allowed-hosts", "mamori.clinic.example, https://mamori.clinic.example"});
    EXPECT_NE(r.code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "'https://mamori.clinic.example'")) << r.output;
    EXPECT_FALSE(contains(r.output, "running at")) << r.output;

    const auto env =
        mamori({"serve", "--listen", "127.0.0.1:0", "--database", database_url(dir.path() / "x.db")},
               {{"MAMORI_ALLOWED_HOSTS", "mamori.clinic.example:443"}});
    EXPECT_NE(env.code, 0) << env.output;
    EXPECT_TRUE(contains(env.output, "'mamori.clinic.example:443'")) << env.output;
}

}  // namespace
}  // namespace mamori::testing

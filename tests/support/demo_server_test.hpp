// DemoServerTest: API tests against `mamori serve --demo` on a temporary database: the demo personas, any
// extra users a test adds to a demo organisation (flagged as demo personas, so no second factor is asked),
// and direct reads of the database.
#pragma once

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "mamori/identity/passwords.hpp"
#include "support/server_process.hpp"
#include "support/session_client.hpp"
#include "support/test_database_access.hpp"

namespace mamori::testing {

class DemoServerTest : public ::testing::Test {
  protected:
    // passwords: every login the test signs in with, and its password.
    explicit DemoServerTest(std::map<std::string, std::string> passwords) : passwords_(std::move(passwords)) {}

    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(db(), std::vector<std::string>{"--demo"});
    }
    std::filesystem::path db() const { return dir_.path() / "demo.db"; }

    // add_demo_user: a user of the organisation named `organisation` with one role; its password is in
    // `passwords`.
    void add_demo_user(const std::string& organisation, const std::string& login, const std::string& display_name,
                       const std::string& role) {
        DatabaseSession direct(db());
        soci::session& sql = *direct;
        long long org = 0, id = 0;
        sql << "SELECT id FROM organisations WHERE name = :n", soci::use(organisation), soci::into(org);
        ASSERT_GT(org, 0) << organisation;
        const std::string hash = identity::hash_password(passwords_.at(login));
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, updated_at, "
               "password_changed_at, demo_persona) VALUES (:o, :l, :d, :h, '2026-01-01T00:00:00Z', "
               "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1) RETURNING id",
            soci::use(org), soci::use(login), soci::use(display_name), soci::use(hash), soci::into(id);
        sql << "INSERT INTO user_roles (user_id, role) VALUES (:u, :r)", soci::use(id), soci::use(role);
    }

    // persona: a signed-in session of `login`.
    SessionClient persona(const std::string& login) {
        SessionClient c(server_->host(), server_->port());
        auto r = c.post("/api/v1/session", {{"login", login}, {"password", passwords_.at(login)}});
        EXPECT_EQ(r.status, 200) << login << ": " << r.body;
        return c;
    }

    // scalar: the one number `query` selects.
    long long scalar(const std::string& query) {
        DatabaseSession direct(db());
        long long value = 0;
        *direct << query, soci::into(value);
        return value;
    }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;

  private:
    std::map<std::string, std::string> passwords_;
};

}  // namespace mamori::testing

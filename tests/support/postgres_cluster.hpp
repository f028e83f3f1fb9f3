// A private PostgreSQL server for tests: `initdb` and `pg_ctl` from the Debian packages (run as the
// `postgres` user when the tests run as root) in a fresh temporary directory, listening on a free loopback
// port only, with a login role `mamori` (password) that may create databases. Stopped and removed by the
// destructor. Nothing depends on a server started by hand.
//
//     auto cluster = PostgresCluster::start();
//     FreshDatabase db(cluster->server_url());   // postgresql://mamori:…@127.0.0.1:PORT/mamori_t_…
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace mamori::testing {

class PostgresCluster {
  public:
    // start: initdb + pg_ctl start; throws std::runtime_error with the tools' output on failure.
    static std::unique_ptr<PostgresCluster> start();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // server_url: the `mamori` role's URL for the maintenance database `postgres` (to create databases).
    std::string server_url() const;
    int port() const { return port_; }

  private:
    PostgresCluster() = default;
    void stop() noexcept;

    std::filesystem::path directory_;
    std::string bin_directory_;
    int port_ = 0;
    bool running_ = false;
};

// FreshDatabase: a new, empty database created through `server_url` (see server_url above), dropped (with
// its connections) by the destructor.
class FreshDatabase {
  public:
    explicit FreshDatabase(const std::string& server_url);
    ~FreshDatabase();
    FreshDatabase(const FreshDatabase&) = delete;
    FreshDatabase& operator=(const FreshDatabase&) = delete;

    // url: postgresql://mamori:…@127.0.0.1:PORT/<name>
    const std::string& url() const { return url_; }

  private:
    std::string server_url_;
    std::string name_;
    std::string url_;
};

// url_with_database: `server_url` with its database name replaced by `name`.
std::string url_with_database(const std::string& server_url, const std::string& name);

}  // namespace mamori::testing

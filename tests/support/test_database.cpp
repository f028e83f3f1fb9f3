#include "support/test_database.hpp"

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

#include "support/postgres_cluster.hpp"

namespace mamori::testing {

namespace {

// Registry: this process's own cluster (when no run-wide one is given) and the databases standing for
// paths. Emptied by an atexit handler registered after the first connection: handlers run in reverse
// order, so it runs before OpenSSL's own cleanup, which libpq's SCRAM login still needs. (A static
// destructor would run after it and crash.)
struct Registry {
    std::mutex mutex;
    std::unique_ptr<PostgresCluster> own_cluster;
    std::map<std::filesystem::path, std::unique_ptr<FreshDatabase>> databases;
    bool cleanup_registered = false;
};

Registry& registry() {
    static auto* r = new Registry();  // never destroyed: see clean_up
    return *r;
}

void clean_up() {
    auto& r = registry();
    r.databases.clear();
    r.own_cluster.reset();
}

// register_clean_up: once, after a connection has initialised OpenSSL. Call with the mutex held.
void register_clean_up(Registry& r) {
    if (r.cleanup_registered) return;
    std::atexit(clean_up);
    r.cleanup_registered = true;
}

}  // namespace

bool testing_postgres() {
    const char* backend = std::getenv("MAMORI_TEST_DATABASE");
    return backend != nullptr &&
           (std::string_view(backend) == "postgres" || std::string_view(backend) == "postgresql");
}

std::string postgres_server_url() {
    if (const char* url = std::getenv("MAMORI_TEST_POSTGRES_URL"); url != nullptr && *url != '\0') return url;
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    if (!r.own_cluster) {
        r.own_cluster = PostgresCluster::start();
        register_clean_up(r);
    }
    return r.own_cluster->server_url();
}

std::string database_url(const std::filesystem::path& path) {
    if (!testing_postgres()) return "sqlite:" + path.string();
    const std::string server = postgres_server_url();
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    auto& database = r.databases[path];
    if (!database) {
        database = std::make_unique<FreshDatabase>(server);
        register_clean_up(r);
    }
    return database->url();
}

}  // namespace mamori::testing

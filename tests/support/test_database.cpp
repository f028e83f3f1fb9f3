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
// paths. Destroyed at exit: databases first, then the cluster (members are destroyed in reverse order).
struct Registry {
    std::mutex mutex;
    std::unique_ptr<PostgresCluster> own_cluster;
    std::map<std::filesystem::path, std::unique_ptr<FreshDatabase>> databases;
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

bool testing_postgres() {
    const char* backend = std::getenv("MAMORI_TEST_DATABASE");
    return backend != nullptr && (std::string_view(backend) == "postgres" || std::string_view(backend) == "postgresql");
}

std::string postgres_server_url() {
    if (const char* url = std::getenv("MAMORI_TEST_POSTGRES_URL"); url != nullptr && *url != '\0') return url;
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    if (!r.own_cluster) r.own_cluster = PostgresCluster::start();
    return r.own_cluster->server_url();
}

std::string database_url(const std::filesystem::path& path) {
    if (!testing_postgres()) return "sqlite:" + path.string();
    const std::string server = postgres_server_url();
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    auto& database = r.databases[path];
    if (!database) database = std::make_unique<FreshDatabase>(server);
    return database->url();
}

}  // namespace mamori::testing

#include "support/postgres_cluster.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "support/free_port.hpp"

namespace mamori::testing {

namespace {

constexpr const char* kRole = "mamori";
constexpr const char* kPassword = "mamori-test-password";
constexpr const char* kSuperPassword = "mamori-test-superuser";

// postgres_bin_directory: MAMORI_TEST_PG_BIN, else the newest /usr/lib/postgresql/<N>/bin with initdb.
std::string postgres_bin_directory() {
    if (const char* dir = std::getenv("MAMORI_TEST_PG_BIN"); dir != nullptr && *dir != '\0') return dir;
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec))
        if (std::filesystem::exists(entry.path() / "bin" / "initdb")) found.push_back(entry.path() / "bin");
    if (found.empty())
        throw std::runtime_error(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
            "apt-get install postgresql");
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::stoi(a.parent_path().filename().string()) <
               std::stoi(b.parent_path().filename().string());
    });
    return found.back().string();
}

bool running_as_root() {
    return geteuid() == 0;
}

// run_as_postgres: runs `args` (as the `postgres` user when we are root: initdb refuses root), with stdout
// and stderr appended to `log`; throws with the log's content when it fails.
void run_as_postgres(std::vector<std::string> args, const std::filesystem::path& log) {
    if (running_as_root()) args.insert(args.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        const int null = open("/dev/null", O_RDONLY);
        dup2(null, STDIN_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::ifstream in(log);
        std::stringstream text;
        text << in.rdbuf();
        throw std::runtime_error(args[running_as_root() ? 4 : 0] + " failed:\n" + text.str());
    }
}

// hand_to_postgres: makes `path` owned by the postgres user (when we are root and it would run as them).
void hand_to_postgres(const std::filesystem::path& path) {
    if (!running_as_root()) return;
    const passwd* user = getpwnam("postgres");
    if (user == nullptr) throw std::runtime_error("there is no 'postgres' user: apt-get install postgresql");
    if (chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
        throw std::runtime_error("cannot hand " + path.string() + " to the postgres user");
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

// run_sql: one statement outside any transaction (CREATE/DROP DATABASE refuse to run inside one). Plain
// libpq: it also runs from static destructors at exit, when SOCI's and the logger's statics may be gone.
void run_sql(const std::string& url, const std::string& statement) {
    PGconn* conn = PQconnectdb(url.c_str());
    std::string error;
    if (PQstatus(conn) != CONNECTION_OK) {
        error = PQerrorMessage(conn);
    } else {
        PGresult* result = PQexec(conn, statement.c_str());
        if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
        PQclear(result);
    }
    PQfinish(conn);
    if (!error.empty()) throw std::runtime_error(statement + ": " + error);
}

std::string random_suffix() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 1000000);
}

}  // namespace

std::string url_with_database(const std::string& server_url, const std::string& name) {
    const auto slash = server_url.find('/', server_url.find("://") + 3);
    const auto query = server_url.find('?', slash);
    return server_url.substr(0, slash + 1) + name +
           (query == std::string::npos ? std::string() : server_url.substr(query));
}

std::unique_ptr<PostgresCluster> PostgresCluster::start() {
    std::unique_ptr<PostgresCluster> cluster(new PostgresCluster());
    cluster->bin_directory_ = postgres_bin_directory();
    // As root the server runs as `postgres`, which must reach the directory: /tmp, whatever TMPDIR says.
    const auto base =
        running_as_root() ? std::filesystem::path("/tmp") : std::filesystem::temp_directory_path();
    std::string pattern = (base / "mamori-pg-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    cluster->directory_ = pattern;
    hand_to_postgres(cluster->directory_);
    const auto data = cluster->directory_ / "data";
    const auto log = cluster->directory_ / "tools.log";
    const auto password_file = cluster->directory_ / "superuser-password";
    write_text(password_file, kSuperPassword);
    hand_to_postgres(password_file);
    run_as_postgres({cluster->bin_directory_ + "/initdb", "--pgdata", data.string(), "--username", "postgres",
                     "--pwfile", password_file.string(), "--auth-local", "trust", "--auth-host",
                     "scram-sha-256", "--encoding", "UTF8", "--locale", "C.UTF-8", "--no-sync"},
                    log);
    for (int attempt = 0;; ++attempt) {
        cluster->port_ = free_loopback_port();
        const std::string options =
            "-c listen_addresses=127.0.0.1 -c port=" + std::to_string(cluster->port_) +
            " -c unix_socket_directories=" + cluster->directory_.string() +
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
            " -c shared_buffers=32MB";
        try {
            run_as_postgres({cluster->bin_directory_ + "/pg_ctl", "--pgdata", data.string(), "--log",
                             (cluster->directory_ / "server.log").string(), "--wait", "--timeout", "60",
                             "--options", options, "start"},
                            log);
            break;
        } catch (const std::exception&) {
            if (attempt == 2) throw;  // the port was taken between probing and starting: try another
        }
    }
    cluster->running_ = true;
    run_sql("postgresql://postgres:" + std::string(kSuperPassword) +
                "@127.0.0.1:" + std::to_string(cluster->port_) + "/postgres?sslmode=disable",
            "CREATE ROLE " + std::string(kRole) + " LOGIN CREATEDB PASSWORD '" + kPassword + "'");
    return cluster;
}

PostgresCluster::~PostgresCluster() {
    stop();
}

void PostgresCluster::stop() noexcept {
    if (running_) {
        try {
            run_as_postgres({bin_directory_ + "/pg_ctl", "--pgdata", (directory_ / "data").string(), "--mode",
                             "immediate", "--wait", "stop"},
                            directory_ / "tools.log");
        } catch (...) {
        }
        running_ = false;
    }
    std::error_code ec;
    if (!directory_.empty()) std::filesystem::remove_all(directory_, ec);
}

std::string PostgresCluster::server_url() const {
    // No TLS on loopback; it also keeps libpq away from OpenSSL, which is already cleaned up when the last
    // databases are dropped at exit.
    return "postgresql://" + std::string(kRole) + ":" + kPassword + "@127.0.0.1:" + std::to_string(port_) +
           "/postgres?sslmode=disable&gssencmode=disable";
}

FreshDatabase::FreshDatabase(const std::string& server_url)
    : server_url_(server_url),
      name_("mamori_t_" + random_suffix()),
      url_(url_with_database(server_url, name_)) {
    run_sql(server_url_, "CREATE DATABASE " + name_);
}

FreshDatabase::~FreshDatabase() {
    try {
        run_sql(server_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
        // The cluster is removed as a whole at the end; a database left behind is only disk space.
    }
}

}  // namespace mamori::testing

// Starts the real `mamori serve` binary (MAMORI_BIN) on an ephemeral loopback port with a temporary
// database, and stops it. Tests talk to it over HTTP only.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::testing {

// TempDir: a fresh directory removed at destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// mamori_binary: the path in MAMORI_BIN; fails the test run if unset.
std::string mamori_binary();

// Environment: variables to set in a child process. The child never inherits MAMORI_* variables from the
// test's own environment (so a developer's settings cannot change a test); only these are set.
using Environment = std::vector<std::pair<std::string, std::string>>;

// ServerLaunch: a server started with exactly these arguments (after the binary path, e.g. {"serve",
// "--config", "f.conf"}) and environment; its stderr log is written into `log_directory`.
struct ServerLaunch {
    std::vector<std::string> args;
    Environment environment;
    std::filesystem::path log_directory;
};

// kWithStatisticsSample: among a ServerProcess's extra_args (it is not passed on), a `--demo` server also
// writes the demo's national sample for statistics (about 4,500 institutions: seconds per start). Without it,
// test servers started with `--demo` leave the sample out (--demo-without-statistics-sample).
inline constexpr const char* kWithStatisticsSample = "+statistics-sample";

// ServerProcess: one running server. The constructor waits for the "running at" line (or throws).
class ServerProcess {
  public:
    // extra_args are appended after `serve --listen 127.0.0.1:0 --database <database_url(database)>` (a
    // SQLite file, or the PostgreSQL database standing for it: support/test_database.hpp).
    ServerProcess(const std::filesystem::path& database, std::vector<std::string> extra_args = {});
    // A server started exactly as `launch` says (it must still print its "running at" URL).
    explicit ServerProcess(const ServerLaunch& launch);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    const std::string& host() const { return host_; }
    int port() const { return port_; }
    pid_t pid() const { return pid_; }

    // console: what the server printed on stdout up to its "running at" line.
    const std::string& console() const { return console_; }
    // setup_code: the first-run setup code in the console ("… enter the setup code XXXX-XXXX-XXXX"), as an
    // operator reads it; empty when the server printed none (set up already, or another server made it).
    std::string setup_code() const;

    // signal: sends `sig` to the server.
    void signal(int sig) const;
    // wait_exit: waits for the process to end; returns its exit status (128+signal when killed), or -1 on
    // timeout.
    int wait_exit(int timeout_ms);
    // log: what the server wrote to stderr so far (JSON lines).
    std::string log() const;
    // settled_log: the log once every request answered before this call is in it (the access log is written
    // by a background thread): sends /healthz with a marked request id and waits for its line.
    std::string settled_log() const;
    // wait_for_log: polls the log until it contains `needle`; false after timeout_ms.
    bool wait_for_log(const std::string& needle, int timeout_ms) const;

  private:
    void start(const std::vector<std::string>& args, const Environment* environment);

    pid_t pid_ = -1;
    bool exited_ = false;
    std::string host_ = "127.0.0.1";
    int port_ = 0;
    std::filesystem::path log_path_;
    std::string console_;
    int stdout_fd_ = -1;  // kept open so a late print cannot kill the server with SIGPIPE
};

// run_mamori: runs `mamori args…` to completion; returns the exit code and fills `output` with stdout+stderr.
int run_mamori(const std::vector<std::string>& args, std::string& output);

// run_mamori: the same with `environment` (see Environment) and a deadline: a child still running after
// timeout_ms is killed and -1 is returned.
int run_mamori(const std::vector<std::string>& args, std::string& output, const Environment& environment,
               int timeout_ms = 30000);

// CommandRun: how a `mamori …` command ended: its exit code (-1: killed at the deadline) and its
// stdout+stderr.
struct CommandRun {
    int code = -1;
    std::string output;
};

// mamori: run_mamori as a value, e.g. `EXPECT_EQ(mamori({"migrate", …}).code, 0)`.
CommandRun mamori(const std::vector<std::string>& args, const Environment& environment = {},
                  int timeout_ms = 60000);

// contains: whether `needle` occurs in `haystack` (for checking what a command or server printed).
bool contains(std::string_view haystack, std::string_view needle);

}  // namespace mamori::testing

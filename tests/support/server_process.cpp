#include "support/server_process.hpp"

#include <algorithm>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace mamori::testing {

namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    return argv;
}

// environment_of: the test's environment without MAMORI_* variables, plus `extra`.
std::vector<std::string> environment_of(const Environment& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string_view entry(*e);
        if (entry.rfind("MAMORI_", 0) == 0) continue;
        env.emplace_back(entry);
    }
    for (const auto& [name, value] : extra) env.push_back(name + "=" + value);
    return env;
}

}  // namespace

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("mamori-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string mamori_binary() {
    const char* bin = std::getenv("MAMORI_BIN");
    if (bin == nullptr || *bin == '\0')
        throw std::runtime_error("MAMORI_BIN is not set: run the tests with ctest");
    return bin;
}

ServerProcess::ServerProcess(const std::filesystem::path& database, std::vector<std::string> extra_args) {
    log_path_ = database.parent_path() / ("server-" + std::to_string(std::random_device{}()) + ".log");
    std::vector<std::string> args = {mamori_binary(), "serve",      "--listen",
                                     "127.0.0.1:0",   "--database", database_url(database)};
    const auto has = [&](std::string_view arg) {
        return std::find(extra_args.begin(), extra_args.end(), arg) != extra_args.end();
    };
    const bool with_sample = has(kWithStatisticsSample);
    std::erase(extra_args, std::string(kWithStatisticsSample));
    if (has("--demo") && !with_sample) extra_args.push_back("--demo-without-statistics-sample");
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    start(args, nullptr);
}

ServerProcess::ServerProcess(const ServerLaunch& launch) {
    log_path_ = launch.log_directory / ("server-" + std::to_string(std::random_device{}()) + ".log");
    std::vector<std::string> args = {mamori_binary()};
    args.insert(args.end(), launch.args.begin(), launch.args.end());
    start(args, &launch.environment);
}

void ServerProcess::start(const std::vector<std::string>& given_args, const Environment* environment) {
    std::vector<std::string> args = given_args;
    std::vector<std::string> env =
        environment != nullptr ? environment_of(*environment) : std::vector<std::string>{};
    // Everything the child needs is allocated before fork(): only async-signal-safe calls after it.
    auto argv = argv_of(args);
    auto envp = argv_of(env);
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(out[1], STDOUT_FILENO);
        const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(log, STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        if (environment != nullptr) {
            execve(argv[0], argv.data(), envp.data());
        } else {
            execv(argv[0], argv.data());
        }
        _exit(127);
    }
    close(out[1]);
    // Read stdout until the URL line appears (the server prints it once it is listening).
    std::string seen;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    const std::regex url(R"(running at http://([0-9.]+):([0-9]+)/)");
    std::smatch m;
    while (!std::regex_search(seen, m, url)) {
        pollfd p{out[0], POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            close(out[0]);
            kill(pid_, SIGKILL);  // the destructor will not run for a constructor that throws
            wait_exit(10000);
            throw std::runtime_error("mamori did not print its URL in time; stderr:\n" + log());
        }
        char buf[512];
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n <= 0) {
            close(out[0]);
            wait_exit(5000);
            throw std::runtime_error("mamori exited before listening; output: " + seen + "\nstderr:\n" +
                                     log());
        }
        seen.append(buf, static_cast<std::size_t>(n));
    }
    host_ = m[1];
    port_ = std::stoi(m[2]);
    console_ = seen;
    stdout_fd_ = out[0];
    fcntl(stdout_fd_, F_SETFD, fcntl(stdout_fd_, F_GETFD) | FD_CLOEXEC);
}

ServerProcess::~ServerProcess() {
    if (!exited_ && pid_ > 0) {
        kill(pid_, SIGKILL);
        wait_exit(10000);
    }
    if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::string ServerProcess::setup_code() const {
    const std::regex line(R"(enter the setup code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}))");
    std::smatch m;
    return std::regex_search(console_, m, line) ? m[1].str() : std::string();
}

void ServerProcess::signal(int sig) const {
    kill(pid_, sig);
}

int ServerProcess::wait_exit(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        const pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            exited_ = true;
            if (WIFEXITED(status)) return WEXITSTATUS(status);
            if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

std::string ServerProcess::log() const {
    std::ifstream in(log_path_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string ServerProcess::settled_log() const {
    static std::atomic<unsigned> marks{0};
    const std::string id = "settle-" + std::to_string(pid_) + "-" + std::to_string(++marks);
    request(host_, port_, "GET", "/healthz", "", {{"X-Request-Id", id}});
    if (!wait_for_log("\"request_id\":\"" + id + "\"", 10000))
        throw std::runtime_error("the server did not log request " + id + "; stderr:\n" + log());
    return log();
}

bool ServerProcess::wait_for_log(const std::string& needle, int timeout_ms) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        if (log().find(needle) != std::string::npos) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

int run_mamori(const std::vector<std::string>& args, std::string& output, const Environment& environment,
               int timeout_ms) {
    std::vector<std::string> full = {mamori_binary()};
    full.insert(full.end(), args.begin(), args.end());
    auto env = environment_of(environment);
    auto argv = argv_of(full);
    auto envp = argv_of(env);
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        dup2(out[1], STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(out[1]);
    output.clear();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    bool timed_out = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{out[0], POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            timed_out = true;
            break;
        }
        char buf[4096];
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n <= 0) break;
        output.append(buf, static_cast<std::size_t>(n));
    }
    close(out[0]);
    if (timed_out) kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (timed_out) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int run_mamori(const std::vector<std::string>& args, std::string& output) {
    std::vector<std::string> full = {mamori_binary()};
    full.insert(full.end(), args.begin(), args.end());
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        dup2(out[1], STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        auto argv = argv_of(full);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    output.clear();
    char buf[4096];
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) output.append(buf, static_cast<std::size_t>(n));
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

CommandRun mamori(const std::vector<std::string>& args, const Environment& environment, int timeout_ms) {
    CommandRun run;
    run.code = run_mamori(args, run.output, environment, timeout_ms);
    return run;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace mamori::testing

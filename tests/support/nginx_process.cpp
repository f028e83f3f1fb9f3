#include "support/nginx_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/free_port.hpp"
#include "support/http_client.hpp"

namespace mamori::testing {

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string configuration(const std::filesystem::path& dir, int port,
                          const std::vector<std::pair<std::string, int>>& upstreams) {
    const std::string d = dir.string();
    std::string servers;
    // One failure takes a server out for the rest of a test; requests meanwhile go to the others.
    for (const auto& [host, server_port] : upstreams)
        servers +=
            "        server " + host + ":" + std::to_string(server_port) + " max_fails=1 fail_timeout=60s;\n";
    // The tests reach nginx by its address, so the Host it passes on is fixed to the public name a browser
    // would use (nginx in production passes the browser's own: `proxy_set_header Host $host`).
    // master_process off: one process, which as root never switches to the `user` (nobody), so it can use
    // the test's directory. Upstream connections are not kept alive: a killed server then shows as a refused
    // connect, which nginx retries on the next server for every method (a request already sent to a server
    // that died is not retried when it is a POST, PUT, PATCH or DELETE).
    return "daemon off;\n"
           "master_process off;\n"
           "worker_processes 1;\n"
           "pid " +
           d +
           "/nginx.pid;\n"
           "error_log " +
           d +
           "/error.log info;\n"
           "events { worker_connections 256; }\n"
           "http {\n"
           "    access_log " +
           d +
           "/access.log;\n"
           "    client_body_temp_path " +
           d +
           "/client_body;\n"
           "    proxy_temp_path " +
           d +
           "/proxy;\n"
           "    fastcgi_temp_path " +
           d +
           "/fastcgi;\n"
           "    uwsgi_temp_path " +
           d +
           "/uwsgi;\n"
           "    scgi_temp_path " +
           d +
           "/scgi;\n"
           "    upstream mamori {\n" +
           servers +
           "    }\n"
           "    server {\n"
           "        listen 127.0.0.1:" +
           std::to_string(port) +
           ";\n"
           "        client_max_body_size 11m;\n"
           "        location / {\n"
           "            proxy_pass http://mamori;\n"
           "            proxy_set_header Host " +
           std::string(kNginxPublicName) +
           ";\n"
           "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
           "            proxy_next_upstream error timeout;\n"
           "            proxy_connect_timeout 2s;\n"
           "            proxy_read_timeout 30s;\n"
           "        }\n"
           "    }\n"
           "}\n";
}

}  // namespace

NginxProcess::NginxProcess(const std::filesystem::path& directory,
                           const std::vector<std::pair<std::string, int>>& upstreams)
    : directory_(directory) {
    if (access(kNginxBinary, X_OK) != 0)
        throw std::runtime_error(
            std::string(kNginxBinary) +
            " is missing: the scaled tests need nginx; run scripts/setup.sh (installs it)");
    std::filesystem::create_directories(directory_);
    for (int attempt = 0; attempt < 3; ++attempt)
        if (start(upstreams)) return;
    throw std::runtime_error("nginx did not start listening; its error log:\n" + error_log() +
                             "\nits output:\n" + read_file(directory_ / "output.log"));
}

bool NginxProcess::start(const std::vector<std::pair<std::string, int>>& upstreams) {
    port_ = free_loopback_port();
    const auto config = directory_ / "nginx.conf";
    {
        std::ofstream out(config);
        out << configuration(directory_, port_, upstreams);
    }
    std::vector<std::string> args = {
        kNginxBinary, "-p",           directory_.string(), "-e", (directory_ / "error.log").string(),
        "-c",         config.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string output = (directory_ / "output.log").string();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return false;
        }
        if (can_connect(host_, port_)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop();
    return false;
}

NginxProcess::~NginxProcess() {
    stop();
}

void NginxProcess::stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGQUIT);  // graceful: finishes open requests, then exits
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) != pid_) {
        if (std::chrono::steady_clock::now() >= deadline) {
            kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
}

std::string NginxProcess::error_log() const {
    return read_file(directory_ / "error.log");
}

}  // namespace mamori::testing

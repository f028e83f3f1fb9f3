// Runs nginx (/usr/sbin/nginx, installed by scripts/setup.sh) as a load balancer in front of app servers on
// loopback: one process, in the foreground, with its configuration, logs, pid file and temporary files in a
// directory of the test's own. It passes Host: kNginxPublicName, sets X-Forwarded-For and passes a request to
// the next server when one cannot be reached. The destructor stops it (SIGQUIT, then SIGKILL), so it never
// outlives the test.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace mamori::testing {

inline constexpr const char* kNginxBinary = "/usr/sbin/nginx";
// The public name nginx passes to the app servers as Host; they must list it in --allowed-hosts.
inline constexpr const char* kNginxPublicName = "mamori.test";

class NginxProcess {
  public:
    // upstreams: host and port of each app server. Throws (naming scripts/setup.sh) when nginx is missing,
    // and with nginx's error log when it does not start listening.
    NginxProcess(const std::filesystem::path& directory,
                 const std::vector<std::pair<std::string, int>>& upstreams);
    ~NginxProcess();
    NginxProcess(const NginxProcess&) = delete;
    NginxProcess& operator=(const NginxProcess&) = delete;

    const std::string& host() const { return host_; }
    int port() const { return port_; }
    // error_log: what nginx wrote to its error log so far.
    std::string error_log() const;

  private:
    // start: true once nginx listens on `port`; false when it exited (e.g. the port was taken meanwhile).
    bool start(const std::vector<std::pair<std::string, int>>& upstreams);
    void stop();

    std::filesystem::path directory_;
    std::string host_ = "127.0.0.1";
    int port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace mamori::testing
